//! Translations: the words of a content file in another language. A
//! translation carries no fact; the facts of its original are shown in every
//! language, so two languages can never disagree on one.

use jiff::civil::Date;

use super::{Body, Origin};
use crate::diagnostics::Span;

/// `briefings/2024/bamako.fr.md`: the words of `briefings/2024/bamako.md` in French.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translation {
    /// Source file.
    pub origin: Origin,
    /// The language it is written in: `fr`.
    pub language: String,
    /// The content path of the file it translates: `briefings/2024/bamako.md`.
    pub original: String,
    /// Headline or page title (briefings, free pages).
    pub title: Option<String>,
    /// One-sentence lead (briefings, free pages).
    pub summary: Option<String>,
    /// A group's name in this language (JNIM is GSIM in French).
    pub name: Option<String>,
    /// A group's full name in this language.
    pub full_name: Option<String>,
    /// Not published unless built with `--drafts`.
    pub draft: bool,
    /// Day the translation was published, when the writer gives it.
    pub published: Option<Date>,
    /// Day of its last substantive update.
    pub updated: Option<Date>,
    /// Translated notes of the original's corrections, by the correction's day.
    pub corrections: Vec<TranslatedCorrection>,
    /// The translated Markdown body.
    pub body: Body,
}

/// The translated note of one correction of the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranslatedCorrection {
    /// The day of the original's correction it translates.
    pub date: Date,
    /// Where that day is written (for an error when the original has none).
    pub span: Option<Span>,
    /// The note in this language.
    pub note: String,
}

/// `content/glossary.fr.yaml`: free terms (targets, tactics, tags) in one language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Glossary {
    /// Source file.
    pub origin: Origin,
    /// The language: `fr`.
    pub language: String,
    /// Each term as written in the original language, with its translation.
    pub terms: Vec<(String, String)>,
}

/// The language code and original of a translation's content path:
/// `briefings/bamako.fr.md` -> (`briefings/bamako.md`, `fr`); `None` for an
/// original. The code is two or three lower-case letters (then optional
/// `-` parts), so `koulikoro-v2.md` or `bamako.md` are never translations.
pub fn translation_of(content_path: &str) -> Option<(String, &str)> {
    let stem = content_path.strip_suffix(".md")?;
    let (original, code) = stem.rsplit_once('.')?;
    if code.contains('/') || original.ends_with('/') || !crate::config::is_language_code(code) {
        return None;
    }
    Some((format!("{original}.md"), code))
}

/// The content path of the translation of `original` into `language`:
/// `briefings/bamako.md`, `fr` -> `briefings/bamako.fr.md`.
pub fn translation_file(original: &str, language: &str) -> String {
    format!("{}.{language}.md", original.strip_suffix(".md").unwrap_or(original))
}

/// The language of a glossary's content path: `glossary.fr.yaml` -> `fr`.
pub fn glossary_language(content_path: &str) -> Option<&str> {
    let code = content_path.strip_prefix("glossary.")?.strip_suffix(".yaml")?;
    crate::config::is_language_code(code).then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translations_are_named_by_a_language_code_before_md() {
        assert_eq!(translation_of("briefings/2024/bamako.fr.md"), Some(("briefings/2024/bamako.md".into(), "fr")));
        assert_eq!(translation_of("groups/jnim.pt-br.md"), Some(("groups/jnim.md".into(), "pt-br")));
        assert_eq!(translation_of("briefings/bamako.md"), None);
        assert_eq!(translation_of("briefings/attack.v2.md"), None);
        assert_eq!(translation_of("briefings/.fr.md"), None);
        assert_eq!(glossary_language("glossary.fr.yaml"), Some("fr"));
        assert_eq!(glossary_language("glossary.yaml"), None);
    }
}
