//! Validate stage: raw front matter becomes the typed model.
//!
//! Input: the `SourceFile`s from `source`. Output: `Content` and diagnostics.
//! Each file is split, parsed and checked on its own (in parallel); a file with
//! errors is left out of `Content` but every one of its problems is reported.
//! Checks that need several files (duplicate slugs, group names) belong to
//! `index`.

mod briefing;
mod check;
mod picture;
mod profile;
mod salvage;
mod translation;

use jiff::civil::Date;
use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics, Unpublished};
use crate::frontmatter;
use crate::model::translation::translation_of;
use crate::model::{Body, Content, Origin, Rejected};
use crate::source::{SourceFile, SourceKind};

pub use briefing::FIRST_YEAR;
pub use check::Checker;

/// One valid item.
#[derive(Debug, Clone)]
pub enum Item {
    /// A briefing (shared, as the model holds it).
    Briefing(std::sync::Arc<crate::model::Briefing>),
    /// A group profile.
    Group(crate::model::GroupProfile),
    /// A country profile.
    Country(crate::model::CountryProfile),
    /// A free page.
    Page(crate::model::Page),
    /// A translation of one of the above.
    Translation(std::sync::Arc<crate::model::Translation>),
    /// A glossary of free terms.
    Glossary(crate::model::Glossary),
}

/// The outcome of validating one file.
#[derive(Debug, Clone)]
pub struct Validated {
    /// The item, when the file has no error.
    pub item: Option<Item>,
    /// Everything wrong with the file (errors and warnings).
    pub problems: Vec<Diagnostic>,
    /// For a file with errors: what can still be read of it, checked
    /// against the rest of the site (its links, groups and slug).
    pub rejected: Option<Rejected>,
    /// `draft` or `scheduled` when the file is not to be published: its
    /// problems are then warnings unless drafts are built.
    pub unpublished: Option<Unpublished>,
}

/// Validates every file as of `today`, collecting all problems; returns what was valid.
pub fn validate(files: &[SourceFile], today: Date, diags: &mut Diagnostics) -> Content {
    let results: Vec<Validated> = files.par_iter().map(|f| validate_file(f, today)).collect();
    for r in &results {
        r.problems.iter().for_each(|d| diags.push(d.clone()));
    }
    assemble(results.iter())
}

/// Gathers validated files into `Content` (cloning the items).
pub fn assemble<'a>(results: impl Iterator<Item = &'a Validated>) -> Content {
    let mut content = Content::default();
    for r in results {
        match &r.item {
            Some(Item::Briefing(b)) => content.briefings.push(std::sync::Arc::clone(b)),
            Some(Item::Group(g)) => content.groups.push(g.clone()),
            Some(Item::Country(c)) => content.countries.push(c.clone()),
            Some(Item::Page(p)) => content.pages.push(p.clone()),
            Some(Item::Translation(t)) => content.translations.push(std::sync::Arc::clone(t)),
            Some(Item::Glossary(g)) => content.glossaries.push(g.clone()),
            None => content.rejected.extend(r.rejected.clone()),
        }
    }
    content
}

/// Validates one file as of `today` (incident dates cannot be later): its
/// item, its problems, and for a rejected file its body.
pub fn validate_file(file: &SourceFile, today: Date) -> Validated {
    let (item, mut problems) = check_file(file, today);
    problems.extend(control_characters(&file.text, &file.path));
    let (rejected, unpublished) = match &item {
        Some(Item::Briefing(b)) if b.draft => (None, Some(Unpublished::Draft)),
        Some(Item::Briefing(b)) if b.is_scheduled(today) => (None, Some(Unpublished::Scheduled)),
        Some(Item::Page(p)) if p.draft => (None, Some(Unpublished::Draft)),
        Some(Item::Translation(t)) if t.draft => (None, Some(Unpublished::Draft)),
        Some(_) => (None, None),
        None if file.kind == SourceKind::Glossary || translation_of(&file.content_path).is_some() => (None, None),
        None => {
            let required = file.kind != SourceKind::Country;
            match frontmatter::split(&file.text, &file.path, required) {
                Ok(doc) => {
                    let (rejected, unpublished) = salvage::rejected(file, &doc, today);
                    (Some(rejected), unpublished)
                }
                Err(_) => (None, None),
            }
        }
    };
    Validated { item, problems, rejected, unpublished }
}

/// Text holds text: every control character other than tab and newline
/// (U+000B, which word processors insert for a line break; NUL; escape...)
/// is an error at its line and column, since it makes feeds invalid XML and
/// can hide words from a reader. At most one a line, ten a file.
pub fn control_characters(text: &str, path: &std::path::Path) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for (n, line) in text.split('\n').enumerate() {
        let Some((column, c)) = line.chars().enumerate().find(|(_, c)| is_forbidden_control(*c)) else { continue };
        found.push(
            Diagnostic::error(
                "control-character",
                path,
                format!("the invisible control character U+{:04X} is not text", u32::from(c)),
            )
            .at(crate::diagnostics::Span::new(n + 1, column + 1))
            .hint("delete it (a word processor may have put it there for a line break); use a plain new line"),
        );
        if found.len() == 10 {
            break;
        }
    }
    found
}

/// A control character text may not hold: all but tab and newline
/// (C0, DEL and C1, and the line and paragraph separators).
pub fn is_forbidden_control(c: char) -> bool {
    (c.is_control() && c != '\t' && c != '\n') || c == '\u{2028}' || c == '\u{2029}'
}

fn check_file(file: &SourceFile, today: Date) -> (Option<Item>, Vec<Diagnostic>) {
    if file.kind == SourceKind::Glossary {
        let language = crate::model::translation::glossary_language(&file.content_path).unwrap_or_default();
        let (glossary, problems) = translation::glossary(&file.text, origin_of(file), language);
        return (glossary.map(Item::Glossary), problems);
    }
    let translated = translation_of(&file.content_path);
    let required = file.kind != SourceKind::Country;
    let doc = match frontmatter::split(&file.text, &file.path, required) {
        Ok(doc) => doc,
        Err(d) => return (None, vec![d]),
    };
    let origin = origin_of(file);
    let body = Body::new(doc.body.to_string(), doc.body_line);
    let stem = file.stem();
    if let Some((original, language)) = translated {
        let kind = file.kind;
        return run(&doc, file, |raw, c| {
            translation::translation(raw, origin, kind, language, original, body, c)
                .map(|t| Item::Translation(std::sync::Arc::new(t)))
        });
    }
    match file.kind {
        SourceKind::Briefing => run(&doc, file, |raw, c| {
            briefing::validate(raw, origin, stem, body, today, c).map(|b| Item::Briefing(std::sync::Arc::new(b)))
        }),
        SourceKind::Group => run(&doc, file, |raw, c| profile::group(raw, origin, stem, body, c).map(Item::Group)),
        SourceKind::Country => {
            run(&doc, file, |raw, c| profile::country(raw, origin, stem, body, c).map(Item::Country))
        }
        SourceKind::Page => run(&doc, file, |raw, c| profile::page(raw, origin, stem, body, c).map(Item::Page)),
        SourceKind::Glossary => (None, Vec::new()),
    }
}

/// Where an item of `file` comes from, with the file's fingerprint.
fn origin_of(file: &SourceFile) -> Origin {
    Origin {
        path: file.path.clone(),
        content_path: file.content_path.clone(),
        modified: file.modified,
        fingerprint: crate::render::fingerprint::of_hash(&(&file.path, &file.text, file.modified)),
    }
}

/// Parses the front matter into `R` and hands it to `check`; an item with any
/// error is dropped, its diagnostics kept.
fn run<R, F>(doc: &frontmatter::Document<'_>, file: &SourceFile, check: F) -> (Option<Item>, Vec<Diagnostic>)
where
    R: serde::de::DeserializeOwned + Default,
    F: FnOnce(R, &mut Checker<'_>) -> Option<Item>,
{
    let parsed = match frontmatter::parse::<R>(doc, &file.path) {
        Ok(parsed) => parsed,
        Err(problems) => return (None, problems),
    };
    // Fields that did not even parse are reported already; the rest are still
    // checked, so one run shows every problem of the file.
    let mut checker = Checker::new(&file.path, doc, parsed.locator, &parsed.bad_fields);
    let item = check(parsed.value, &mut checker);
    let mut problems = parsed.problems;
    problems.extend(checker.finish());
    let failed = problems.iter().any(|d| d.severity == crate::diagnostics::Severity::Error);
    (if failed { None } else { item }, problems)
}
