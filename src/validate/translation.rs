//! Checks translations (`bamako.fr.md`) and glossaries (`glossary.fr.yaml`).
//!
//! A translation carries only words: the fields a translation of its kind
//! may set (`WORDS`), then its body. A fact (any other field of the
//! original's kind) is an error that says so, so the languages never
//! disagree. Whether its original exists and its language is listed needs
//! the whole site: the index checks that.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use crate::diagnostics::{Diagnostic, Span, did_you_mean};
use crate::frontmatter::{self, Document};
use crate::model::picture::{PictureNote, PictureNotes};
use crate::model::{Body, Glossary, Origin, TranslatedCorrection, Translation};
use crate::raw::RawTranslation;
use crate::schema::Of;
use crate::source::SourceKind;

use super::Checker;

/// The fields a translation of each kind may set.
fn words(kind: SourceKind) -> &'static [&'static str] {
    match kind {
        SourceKind::Briefing => &["title", "summary", "draft", "published", "updated", "corrections", "images"],
        SourceKind::Group => &["name", "full_name", "images"],
        SourceKind::Page => &["title", "summary", "draft", "images"],
        SourceKind::Country => &["images"],
        SourceKind::Glossary => &[],
    }
}

/// The fields of an original of `kind`, from its schema: what a translation
/// must not set besides its words.
fn fields(kind: SourceKind) -> &'static [String] {
    static FIELDS: LazyLock<Vec<(SourceKind, Vec<String>)>> = LazyLock::new(|| {
        [(SourceKind::Briefing, Of::Briefing), (SourceKind::Group, Of::Group), (SourceKind::Country, Of::Country)]
            .into_iter()
            .chain([(SourceKind::Page, Of::Page)])
            .map(|(kind, of)| {
                let schema = crate::schema::schema(of);
                let names = schema
                    .get("properties")
                    .and_then(|p| p.as_object())
                    .map(|p| p.keys().cloned().collect())
                    .unwrap_or_default();
                (kind, names)
            })
            .collect()
    });
    FIELDS.iter().find(|(k, _)| *k == kind).map(|(_, f)| f.as_slice()).unwrap_or(&[])
}

/// Validates a translation of a `kind` file into `language`, whose original
/// is `original` (a content path).
#[allow(clippy::too_many_arguments)]
pub fn translation(
    raw: RawTranslation,
    origin: Origin,
    kind: SourceKind,
    language: &str,
    original: String,
    body: Body,
    c: &mut Checker<'_>,
) -> Option<Translation> {
    let allowed = words(kind);
    let set: Vec<&str> = [
        ("title", raw.title.is_some()),
        ("summary", raw.summary.is_some()),
        ("name", raw.name.is_some()),
        ("full_name", raw.full_name.is_some()),
        ("draft", raw.draft.is_some()),
        ("published", raw.published.is_some()),
        ("updated", raw.updated.is_some()),
        ("corrections", raw.corrections.is_some()),
        ("images", raw.images.is_some()),
    ]
    .into_iter()
    .filter(|(_, set)| *set)
    .map(|(name, _)| name)
    .chain(raw.others.keys().map(String::as_str))
    .collect();
    let mut good = true;
    for field in set.iter().filter(|f| !allowed.contains(f)) {
        good = false;
        let may = if allowed.is_empty() {
            "only its Markdown body".to_string()
        } else {
            allowed.iter().map(|f| format!("`{f}`")).collect::<Vec<_>>().join(", ")
        };
        if fields(kind).iter().any(|f| f == field) {
            c.error(
                "fact-in-translation",
                field,
                format!("`{field}` is a fact: a translation carries only words, and the facts of `{original}` are shown in every language"),
                format!("remove `{field}` from the translation (change it in {original} if it is wrong); a translation may set {may}"),
            );
        } else {
            let hint = match did_you_mean(field, allowed.iter().copied()) {
                Some(h) => format!("did you mean `{h}`?"),
                None => format!("a translation may set {may}"),
            };
            c.error("unknown-field", field, format!("unknown field `{field}` in a translation"), hint);
        }
    }
    let title = c.optional_text(raw.title);
    if title.is_none() && matches!(kind, SourceKind::Briefing | SourceKind::Page) {
        c.error("missing-field", "title", "missing required field `title`", "give the translated title: `title: ...`");
        good = false;
    }
    let published = c.optional_text(raw.published).and_then(|d| c.day(&d, "published"));
    let updated = c.optional_text(raw.updated).and_then(|d| c.day(&d, "updated"));
    let corrections = super::briefing::corrections(raw.corrections.unwrap_or_default(), c)
        .into_iter()
        .enumerate()
        .map(|(i, k)| TranslatedCorrection {
            date: k.date,
            span: c.stored_span(&format!("corrections[{i}].date")),
            note: k.note,
        })
        .collect();
    let mut notes = Vec::new();
    for (i, image) in raw.images.unwrap_or_default().into_iter().enumerate() {
        let at = format!("images[{i}]");
        let file =
            c.required_text(image.file, &format!("{at}.file"), "name the original's picture: `file: airport.jpg`");
        let alt = c.optional_text(image.alt).unwrap_or_default();
        let caption = c.optional_text(image.caption);
        if let Some(file) = file {
            notes.push(PictureNote { file, alt, caption, credit: None, span: c.stored_span(&at) });
        }
    }
    let body = body.with_pictures(PictureNotes { lead: None, notes });
    good.then(|| Translation {
        origin,
        language: language.to_string(),
        original,
        title,
        summary: c.optional_text(raw.summary),
        name: c.optional_text(raw.name),
        full_name: c.optional_text(raw.full_name),
        draft: raw.draft.unwrap_or(false),
        published,
        updated,
        corrections,
        body,
    })
}

/// Validates a glossary in `language`: a mapping of terms to their translations.
pub fn glossary(text: &str, origin: Origin, language: &str) -> (Option<Glossary>, Vec<Diagnostic>) {
    let doc = Document { yaml: text, yaml_line: 1, body: "", body_line: 1 };
    let path = origin.path.clone();
    let parsed = match frontmatter::parse::<BTreeMap<String, String>>(&doc, &path) {
        Ok(parsed) if parsed.problems.is_empty() => parsed.value,
        Ok(parsed) => return (None, parsed.problems),
        Err(problems) => {
            let hint = "write one `term: translation` per line, e.g. `small arms: armes légères`";
            return (None, problems.into_iter().map(|d| d.hint(hint)).collect());
        }
    };
    let mut problems = Vec::new();
    let mut terms = Vec::new();
    for (term, translated) in parsed {
        if translated.trim().is_empty() {
            let at = frontmatter::quick(text, 1, &term).unwrap_or(Span::new(1, 1));
            problems.push(
                Diagnostic::error("empty-field", &path, format!("the term `{term}` has an empty translation"))
                    .at(at)
                    .hint("write its translation, or remove the line to show the term as written"),
            );
        } else {
            terms.push((term.trim().to_string(), translated.trim().to_string()));
        }
    }
    let glossary = Glossary { origin, language: language.to_string(), terms };
    (problems.is_empty().then_some(glossary), problems)
}
