//! Addresses are the site's to give: one rule, checked once the index is
//! made (for a build, `check` and the preview alike).
//!
//! - A free page may not take an address sitrep builds (`RESERVED`) or a
//!   language's folder (`/fr/`).
//! - A term (tag, tactic, target) or a region is one address written one
//!   way: two spellings that differ by more than case and spacing but make
//!   the same address (`term` and `Term!`) would share one page, so the
//!   second is an error naming the first.

use std::collections::HashMap;

use crate::diagnostics::{Diagnostic, Diagnostics, display_path};

use super::SiteIndex;
use super::terms::{TermKind, slug_of};

/// The top-level addresses sitrep builds, which no free page may take.
pub const RESERVED: &[&str] = &[
    "briefings",
    "groups",
    "countries",
    "chronology",
    "corrections",
    "data",
    "explorer",
    "search",
    "tags",
    "tactics",
    "targets",
    "maps",
    "pictures",
    "pagefind",
    "methods",
    "reports",
    "static",
    "404",
];

/// The longest address part a term or a region may make: a folder's name
/// must fit every file system a site is published from (255 bytes), with room.
pub const MAX_SLUG_BYTES: usize = 200;

/// Checks the addresses of `index` against each other and against the
/// languages' folders (`languages`: every code the site publishes).
pub fn check(index: &SiteIndex, languages: &[String], diags: &mut Diagnostics) {
    for page in &index.pages {
        if languages.contains(&page.slug) {
            diags.push(
                Diagnostic::error(
                    "reserved-slug",
                    &page.origin.path,
                    format!(
                        "a free page cannot be called `{}`: /{}/ holds the site in that language",
                        page.slug, page.slug
                    ),
                )
                .hint("rename the file"),
            );
        }
    }
    check_spellings(index, diags);
}

/// How a term is written, for comparing spellings: lower case, one space.
fn spelling(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Two spellings of one term's address.
fn check_spellings(index: &SiteIndex, diags: &mut Diagnostics) {
    // (kind, country of a region, slug) -> (spelling, its file).
    let mut first: HashMap<(TermKind, Option<&str>, String), (String, &std::path::Path)> = HashMap::new();
    for b in &index.briefings {
        let lists = [(TermKind::Target, &b.targets), (TermKind::Tactic, &b.tactics), (TermKind::Tag, &b.tags)];
        let regions: Vec<(Option<&str>, &str)> =
            b.locations.iter().filter_map(|l| Some((Some(l.country.as_str()), l.admin1.as_deref()?))).collect();
        let named = lists
            .iter()
            .flat_map(|(kind, names)| names.iter().map(move |n| (*kind, None, n.as_str())))
            .chain(regions.into_iter().map(|(country, name)| (TermKind::Region, country, name)));
        for (kind, country, name) in named {
            let key = (kind, country, slug_of(name));
            let this = spelling(name);
            match first.get(&key) {
                None => {
                    first.insert(key, (this, &b.origin.path));
                }
                Some((other, path)) if *other != this => diags.push(
                    Diagnostic::error(
                        "term-collision",
                        &b.origin.path,
                        format!(
                            "{} `{name}` and `{other}` (in {}) would share one page, `{}`",
                            kind.as_str(),
                            display_path(path),
                            key.2
                        ),
                    )
                    .hint("write the term the same way in both briefings"),
                ),
                Some(_) => {}
            }
        }
    }
}
