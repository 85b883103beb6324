//! Translations attached to what they translate, per language, with the
//! problems that need the whole site to see: a translation of nothing, in a
//! language the site does not publish, or of a correction the original does
//! not have; and a free page whose address is a language's folder.

use std::sync::Arc;

use foldhash::{HashMap, HashSet};

use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean};
use crate::model::{Glossary, Translation};

use super::SiteIndex;

/// The words of one language other than the main one.
#[derive(Debug, Clone, Default)]
pub struct Translated {
    /// Its code: `fr`.
    pub code: String,
    /// Translation of each briefing, by id.
    pub briefings: Vec<Option<Arc<Translation>>>,
    /// Translation of each group's profile, by group id.
    pub groups: Vec<Option<Arc<Translation>>>,
    /// Translation of each country's profile, by country id.
    pub countries: Vec<Option<Arc<Translation>>>,
    /// Translation of each free page, by position.
    pub pages: Vec<Option<Arc<Translation>>>,
    /// Its glossary of free terms, if the desk wrote one.
    pub glossary: Option<Arc<Glossary>>,
}

/// What translations need to know of the site besides its index.
pub struct Known<'a> {
    /// The main language's code.
    pub main: &'a str,
    /// The other languages' codes; `None` when the settings could not be read
    /// (then languages are not checked).
    pub others: Option<Vec<String>>,
    /// Content paths of originals that exist but are not published in this
    /// build (drafts, scheduled, rejected for errors): their translations
    /// are left out without a word.
    pub held: HashSet<String>,
}

/// Attaches `translations` and `glossaries` to the items of `index`, one
/// `Translated` per other language, reporting what cannot be attached.
pub fn attach(
    index: &SiteIndex,
    translations: Vec<Arc<Translation>>,
    glossaries: Vec<Glossary>,
    known: &Known<'_>,
    diags: &mut Diagnostics,
) -> Vec<Translated> {
    let others = known.others.clone().unwrap_or_default();
    if others.is_empty() && translations.is_empty() && glossaries.is_empty() {
        // A site in one language, with no translation to check.
        return Vec::new();
    }
    let mut out: Vec<Translated> = others
        .iter()
        .map(|code| Translated {
            code: code.clone(),
            briefings: vec![None; index.briefings.len()],
            groups: vec![None; index.groups.len()],
            countries: vec![None; index.countries.len()],
            pages: vec![None; index.pages.len()],
            glossary: None,
        })
        .collect();
    for page in &index.pages {
        if others.contains(&page.slug) {
            diags.push(
                Diagnostic::error(
                    "page-clash",
                    &page.origin.path,
                    format!(
                        "this page would be built at `/{}/`, where the site's `{}` pages are",
                        page.slug, page.slug
                    ),
                )
                .hint("rename the file (its name is the page's address)"),
            );
        }
    }
    let mut originals: HashMap<&str, (usize, usize)> = HashMap::default();
    for (id, b) in index.briefings.iter().enumerate() {
        originals.insert(b.origin.content_path.as_str(), (0, id));
    }
    for (id, g) in index.groups.iter().enumerate() {
        if let Some(p) = &g.profile {
            originals.insert(p.origin.content_path.as_str(), (1, id));
        }
    }
    for (id, c) in index.countries.iter().enumerate() {
        if let Some(p) = &c.profile {
            originals.insert(p.origin.content_path.as_str(), (2, id));
        }
    }
    for (id, p) in index.pages.iter().enumerate() {
        originals.insert(p.origin.content_path.as_str(), (3, id));
    }
    for t in translations {
        let Some(language) = language_of(&t.language, &t.origin.path, known, &others, diags) else {
            continue;
        };
        let Some(&(kind, id)) = originals.get(t.original.as_str()) else {
            if !known.held.contains(&t.original) {
                let folder = t.original.rsplit_once('/').map_or("", |(f, _)| f);
                let near = did_you_mean(
                    &t.original,
                    originals.keys().copied().filter(|o| o.rsplit_once('/').map_or("", |(f, _)| f) == folder),
                );
                let hint = match near {
                    Some(n) => format!("did you mean to translate `{n}`? Name the file after its original"),
                    None => "name the file after the file it translates: `bamako.fr.md` beside `bamako.md`".into(),
                };
                diags.push(
                    Diagnostic::error(
                        "translation-of-nothing",
                        &t.origin.path,
                        format!("this translates `{}`, which does not exist", t.original),
                    )
                    .hint(hint),
                );
            }
            continue;
        };
        if kind == 0 {
            let original = &index.briefings[id];
            for c in &t.corrections {
                if !original.corrections.iter().any(|o| o.date == c.date) {
                    diags.push(
                        Diagnostic::error(
                            "correction-of-nothing",
                            &t.origin.path,
                            format!("`{}` has no correction dated {}", t.original, c.date),
                        )
                        .at_opt(c.span)
                        .hint("a translation gives the note of a correction of its original, by its date; add the correction to the original first"),
                    );
                }
            }
        }
        let original_pictures = match kind {
            0 => Some(&index.briefings[id].body.pictures),
            1 => index.groups[id].profile.as_ref().map(|p| &p.body.pictures),
            2 => index.countries[id].profile.as_ref().map(|p| &p.body.pictures),
            _ => Some(&index.pages[id].body.pictures),
        };
        for note in &t.body.pictures.notes {
            if original_pictures.and_then(|p| p.note(&note.file)).is_none() {
                diags.push(
                    Diagnostic::error(
                        "picture-of-nothing",
                        &t.origin.path,
                        format!("`{}` describes no picture `{}`", t.original, note.file),
                    )
                    .at_opt(note.span)
                    .hint("a translation gives the alt text and caption of a picture its original describes under `images:`; describe it there first"),
                );
            }
        }
        let slot = &mut out[language];
        let t = Some(t);
        match kind {
            0 => slot.briefings[id] = t,
            1 => slot.groups[id] = t,
            2 => slot.countries[id] = t,
            _ => slot.pages[id] = t,
        }
    }
    for g in glossaries {
        if let Some(language) = language_of(&g.language, &g.origin.path, known, &others, diags) {
            out[language].glossary = Some(Arc::new(g));
        }
    }
    out
}

/// The position among `others` of `code`, or `None` with an error when the
/// site does not publish in it (nothing is checked without settings).
fn language_of(
    code: &str,
    path: &std::path::Path,
    known: &Known<'_>,
    others: &[String],
    diags: &mut Diagnostics,
) -> Option<usize> {
    if let Some(i) = others.iter().position(|o| o == code) {
        return Some(i);
    }
    known.others.as_ref()?;
    let message = if code == known.main {
        format!("`{code}` is the site's main language: the original is written in it, so it has no translation")
    } else {
        format!("the site does not publish in `{code}`")
    };
    let hint = if code == known.main {
        "rename the file without the language code, or remove it".to_string()
    } else {
        format!("add `{code}:` under `languages:` in site.yaml, or correct the code in the file name")
    };
    diags.push(Diagnostic::error("unlisted-language", path, message).hint(hint));
    None
}
