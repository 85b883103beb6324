//! Parse stage: split a file into YAML front matter and Markdown body, and
//! deserialise the YAML into a raw struct.
//!
//! Input: a normalised source text. Output: the raw struct (from `raw.rs`), a
//! `Locator` that maps field paths such as `casualties[1].min` to file lines and
//! columns, and the body with the file line it starts on. This is the only
//! module that calls the YAML libraries; it knows nothing about briefings.
//!
//! Lines are always lines of the file, never of the front-matter block.

mod locate;
mod scan;

use std::path::Path;

use serde::de::DeserializeOwned;

pub use locate::{Locator, quick};

use crate::diagnostics::{Diagnostic, Span, did_you_mean};

/// A file cut in two: the YAML between the `---` lines and the Markdown after.
#[derive(Debug, Clone, Copy)]
pub struct Document<'a> {
    /// The YAML text, without the `---` lines.
    pub yaml: &'a str,
    /// File line (1-based) of the first YAML line.
    pub yaml_line: usize,
    /// The Markdown body.
    pub body: &'a str,
    /// File line (1-based) where the body starts.
    pub body_line: usize,
}

/// Splits `text` at its `---` lines.
///
/// With `required` false a file without front matter is all body (country
/// profiles may omit it).
pub fn split<'a>(text: &'a str, path: &Path, required: bool) -> Result<Document<'a>, Diagnostic> {
    if text.trim().is_empty() {
        return Err(Diagnostic::error("empty-file", path, "the file is empty").at(Span::new(1, 1)).hint(
            "start the file with front matter between two `---` lines; `sitrep new briefing TITLE` writes a skeleton",
        ));
    }
    let first_end = text.find('\n').unwrap_or(text.len());
    if !is_delimiter(&text[..first_end]) {
        if !required {
            return Ok(Document { yaml: "", yaml_line: 1, body: text, body_line: 1 });
        }
        return Err(Diagnostic::error("missing-front-matter", path, "the file does not start with `---`")
            .at(Span::new(1, 1))
            .hint("the first line must be `---`, then the fields (title, date, ...), then another `---` line"));
    }
    let yaml_start = (first_end + 1).min(text.len());
    let mut offset = yaml_start;
    let mut line = 2;
    while offset < text.len() {
        let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        if is_delimiter(&text[offset..end]) {
            let body_start = (end + 1).min(text.len());
            return Ok(Document {
                yaml: &text[yaml_start..offset],
                yaml_line: 2,
                body: &text[body_start..],
                body_line: line + 1,
            });
        }
        offset = end + 1;
        line += 1;
    }
    Err(Diagnostic::error("unclosed-front-matter", path, "the front matter opened on line 1 is never closed")
        .at(Span::new(1, 1))
        .hint("add a line `---` after the last field, before the Markdown text"))
}

fn is_delimiter(line: &str) -> bool {
    line.trim_end() == "---"
}

/// Front matter read as far as it could be.
#[derive(Debug)]
pub struct Parsed<T> {
    /// The value, with any field that did not fit left out (so it is `None`).
    pub value: T,
    /// Positions of keys and values, when they were needed already (a field
    /// did not fit); otherwise left to be built on demand.
    pub locator: Option<Locator>,
    /// One diagnostic per field that did not fit.
    pub problems: Vec<Diagnostic>,
    /// Top-level fields left out of `value` because of those problems.
    pub bad_fields: Vec<String>,
}

/// Deserialises the YAML of `doc` into `T`, reporting every field that does not fit.
///
/// serde stops at the first problem, so when there is one the fields are
/// checked one by one: each bad field gets its own diagnostic, at its line, and
/// is left out of the value, so the caller can still check the others. Only
/// YAML that cannot be read as `field: value` lines at all is an `Err`.
pub fn parse<T: DeserializeOwned + Default>(doc: &Document<'_>, path: &Path) -> Result<Parsed<T>, Vec<Diagnostic>> {
    // Bounds and misplaced syntax first: cheaply, before a parser spends time on it.
    let scanned = scan::scan(doc.yaml);
    if let Some(f) = scanned.problem {
        return Err(vec![
            Diagnostic::error(f.code, path, f.message).at(Span::new(doc.yaml_line + f.line - 1, f.column)).hint(f.hint),
        ]);
    }
    let yaml = if doc.yaml.trim().is_empty() { "{}" } else { doc.yaml };
    let first = match serde_yaml::from_str::<T>(yaml) {
        Ok(value) => {
            return Ok(Parsed { value, locator: None, problems: Vec::new(), bad_fields: Vec::new() });
        }
        Err(e) => e,
    };
    // Something does not fit: from here on, positions are needed.
    let locator = Locator::new(doc.yaml, doc.yaml_line);
    // The YAML may not even be a mapping: then the first error is the only one.
    let mapping = match serde_yaml::from_str::<serde_yaml::Mapping>(yaml) {
        Ok(m) => m,
        Err(e) => {
            // A quote left open swallows the lines after it: the parser trips
            // further down; the mistake is where the quote opens.
            if let Some(at) = scanned.runaway_quote {
                return Err(vec![unclosed_quote(path, Span::new(doc.yaml_line + at.line - 1, at.column))]);
            }
            return Err(vec![yaml_error(&e, doc, path, &locator)]);
        }
    };
    let mut problems = Vec::new();
    let mut bad_fields = Vec::new();
    let mut good = serde_yaml::Mapping::new();
    for (key, value) in mapping {
        let mut single = serde_yaml::Mapping::new();
        single.insert(key.clone(), value.clone());
        let result: Result<T, _> = serde_path_to_error::deserialize(serde_yaml::Value::Mapping(single));
        match result {
            Ok(_) => {
                good.insert(key, value);
            }
            Err(e) => {
                let field_path = e.path().to_string();
                let message = e.into_inner().to_string();
                problems.push(field_error(&field_path, &message, path, &locator));
                bad_fields.push(key.as_str().map(str::to_string).unwrap_or_default());
                // A misspelt field stands for the one it resembles: do not also
                // report that one as missing.
                if field_path.split(['.', '[']).count() == 1 {
                    bad_fields.extend(suggestion(&message));
                }
            }
        }
    }
    if problems.is_empty() {
        problems.push(yaml_error(&first, doc, path, &locator));
    }
    let value = serde_yaml::from_value::<T>(serde_yaml::Value::Mapping(good)).unwrap_or_default();
    Ok(Parsed { value, locator: Some(locator), problems, bad_fields })
}

/// An unclosed quote, at the quote that opens it.
fn unclosed_quote(path: &Path, at: Span) -> Diagnostic {
    Diagnostic::error("unclosed-quote", path, "this quote is never closed").at(at).hint(
        "close the quote on the same line, or remove it; text with `: ` or a leading `[`, `{` or `*` needs quotes",
    )
}

/// A syntax or type error reported by serde_yaml while reading the whole block.
fn yaml_error(e: &serde_yaml::Error, doc: &Document<'_>, path: &Path, locator: &Locator) -> Diagnostic {
    let raw = e.to_string();
    let message = strip_location(&raw);
    let span = e.location().map(|l| Span::new(doc.yaml_line + l.line() - 1, l.column()));
    let (field, message) = split_field_prefix(message);
    if let Some(field) = field {
        let mut d = field_error(field, message, path, locator);
        // serde_yaml's own position is exact for the first error; keep it.
        if d.code != "unknown-field" && d.code != "duplicate-field" {
            d.span = span.or(d.span);
        }
        return d;
    }
    if message.starts_with("unknown field") || message.starts_with("duplicate field") {
        return field_error("", message, path, locator);
    }
    // An unclosed quote: point at the quote that opens it, not at the end of the block.
    if let Some(at) = raw.split("while scanning a quoted scalar at ").nth(1) {
        let opening = parse_line_column(at).map(|(l, c)| Span::new(doc.yaml_line + l - 1, c));
        if let Some(at) = opening.or(span) {
            return unclosed_quote(path, at);
        }
    }
    if let Some(rest) = message.strip_prefix("duplicate entry with key \"") {
        let key = rest.split('"').next().unwrap_or(rest);
        return Diagnostic::error("duplicate-field", path, format!("field `{key}` is given twice"))
            .at_opt(locator.first_duplicate().or(span))
            .hint("each field may appear only once; remove one of them");
    }
    let code = if message.starts_with("invalid type") || message.starts_with("invalid value") {
        "wrong-type"
    } else {
        "yaml-syntax"
    };
    let hint = if message.contains("expected a YAML mapping") || message.contains("expected struct") {
        "the front matter must be a list of `field: value` lines"
    } else if message.contains("quoted scalar") {
        "a quote is opened but never closed; close it on the same line"
    } else {
        "check the YAML syntax on this line: `field: value`, lists as `[a, b]` or `- item` lines"
    };
    Diagnostic::error(code, path, format!("invalid YAML: {message}")).at_opt(span).hint(hint)
}

/// An error inside one field, placed at that field with the help of the locator.
fn field_error(field_path: &str, message: &str, path: &Path, locator: &Locator) -> Diagnostic {
    let field_path = if field_path == "." { "" } else { field_path };
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (name, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let known = expected_names(expected);
        // serde_path_to_error names the unknown key itself as the path's last part.
        let full = if field_path.rsplit(['.', '[']).next() == Some(name) {
            field_path.to_string()
        } else {
            join_path(field_path, name)
        };
        let hint = match did_you_mean(name, known.iter().map(String::as_str)) {
            Some(best) => format!("did you mean `{best}`?"),
            None => format!("known fields here: {}", known.join(", ")),
        };
        return Diagnostic::error("unknown-field", path, format!("unknown field `{name}`"))
            .at_opt(locator.key(&full).or_else(|| locator.value(field_path)))
            .hint(hint);
    }
    if let Some(rest) = message.strip_prefix("duplicate field `") {
        let name = rest.split('`').next().unwrap_or(rest);
        let full = join_path(field_path, name);
        return Diagnostic::error("duplicate-field", path, format!("field `{name}` is given twice"))
            .at_opt(locator.duplicate_key(&full).or_else(|| locator.key(&full)))
            .hint("each field may appear only once; remove one of them");
    }
    let what = if field_path.is_empty() { "front matter".to_string() } else { format!("`{field_path}`") };
    let message = explain_type_error(message);
    Diagnostic::error("wrong-type", path, format!("{what}: {message}"))
        .at_opt(locator.value(field_path))
        .hint(type_hint(message.as_str()))
}

/// The known field an unknown one most resembles, from serde's message.
fn suggestion(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (name, expected) = rest.split_once('`')?;
    let known = expected_names(expected);
    did_you_mean(name, known.iter().map(String::as_str)).map(str::to_string)
}

fn explain_type_error(message: &str) -> String {
    message
        .replace("invalid type: string", "expected something else, found the text")
        .replace(", expected a sequence", ", but a list is needed")
        .replace(", expected i64", ", but a whole number is needed")
        .replace(", expected f64", ", but a number is needed")
        .replace(", expected a boolean", ", but `true` or `false` is needed")
}

fn type_hint(message: &str) -> &'static str {
    if message.contains("list is needed") {
        "write a list as `[a, b]` or as `- item` lines, even for a single item"
    } else if message.contains("whole number") {
        "write a whole number such as `12`"
    } else if message.contains("`true` or `false`") {
        "write `true` or `false`"
    } else if message.contains("expected a string") {
        "write plain text; put quotes around text that starts with [ { * & ! or contains `: `"
    } else {
        "see docs/content.md for the form each field takes"
    }
}

fn expected_names(expected: &str) -> Vec<String> {
    expected.split('`').enumerate().filter(|(i, _)| i % 2 == 1).map(|(_, s)| s.to_string()).collect()
}

fn join_path(parent: &str, name: &str) -> String {
    if parent.is_empty() { name.to_string() } else { format!("{parent}.{name}") }
}

/// Reads `line 3 column 5` at the start of `text`.
fn parse_line_column(text: &str) -> Option<(usize, usize)> {
    let rest = text.strip_prefix("line ")?;
    let (line, rest) = rest.split_once(" column ")?;
    let column: String = rest.chars().take_while(char::is_ascii_digit).collect();
    Some((line.parse().ok()?, column.parse().ok()?))
}

/// Drops serde_yaml's ` at line 3 column 5` suffix (the diagnostic carries the position).
fn strip_location(message: &str) -> &str {
    let cut = message.find(" at line ").unwrap_or(message.len());
    &message[..cut]
}

/// Splits serde_yaml's `casualties[1]: message` into the field path and the message.
fn split_field_prefix(message: &str) -> (Option<&str>, &str) {
    if let Some((prefix, rest)) = message.split_once(": ") {
        let looks_like_path = !prefix.is_empty()
            && !prefix.contains(' ')
            && prefix.chars().all(|c| c.is_alphanumeric() || "_-.[]".contains(c));
        if looks_like_path {
            return (Some(prefix), rest);
        }
    }
    (None, message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use std::path::PathBuf;

    #[derive(Debug, Default, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        count: Option<i64>,
        kind: Option<String>,
    }

    #[derive(Debug, Default, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        title: Option<String>,
        countries: Option<Vec<String>>,
        items: Option<Vec<Item>>,
    }

    fn p() -> PathBuf {
        PathBuf::from("content/briefings/x.md")
    }

    #[test]
    fn splits_and_counts_file_lines() {
        let doc = split("---\ntitle: a\n---\nBody\n", &p(), true).unwrap();
        assert_eq!(doc.yaml, "title: a\n");
        assert_eq!(doc.yaml_line, 2);
        assert_eq!(doc.body, "Body\n");
        assert_eq!(doc.body_line, 4);
    }

    #[test]
    fn empty_missing_and_unclosed_front_matter_are_errors() {
        assert_eq!(split("  \n", &p(), true).unwrap_err().code, "empty-file");
        assert_eq!(split("title: a\n", &p(), true).unwrap_err().code, "missing-front-matter");
        assert_eq!(split("---\ntitle: a\n", &p(), true).unwrap_err().code, "unclosed-front-matter");
        assert_eq!(split("Just text\n", &p(), false).unwrap().body, "Just text\n");
    }

    #[test]
    fn reports_every_bad_field_at_its_file_line() {
        let text = "---\ntitle: a\ncountrys: [ML]\nitems:\n  - count: 1\n  - count: x\n---\n";
        let doc = split(text, &p(), true).unwrap();
        let parsed = parse::<Doc>(&doc, &p()).unwrap();
        let errs = parsed.problems;
        assert_eq!(errs.len(), 2, "{errs:#?}");
        assert_eq!(parsed.value.title.as_deref(), Some("a"), "good fields are kept");
        assert_eq!(parsed.bad_fields, ["countrys", "countries", "items"]);
        assert_eq!(errs[0].code, "unknown-field");
        assert_eq!(errs[0].span, Some(Span::new(3, 1)));
        assert_eq!(errs[0].hint.as_deref(), Some("did you mean `countries`?"));
        assert_eq!(errs[1].code, "wrong-type");
        assert_eq!(errs[1].span, Some(Span::new(6, 12)));
        assert!(errs[1].message.starts_with("`items[1].count`"), "{}", errs[1].message);
    }

    #[test]
    fn a_string_where_a_list_is_expected() {
        let doc = split("---\ncountries: ML\n---\n", &p(), true).unwrap();
        let errs = parse::<Doc>(&doc, &p()).unwrap().problems;
        assert_eq!(errs[0].span, Some(Span::new(2, 12)));
        assert!(errs[0].message.contains("list is needed"), "{}", errs[0].message);
    }

    #[test]
    fn tabs_and_syntax_errors_have_file_positions() {
        let doc = split("---\ntitle: a\n\tcountries: []\n---\n", &p(), true).unwrap();
        let errs = parse::<Doc>(&doc, &p()).unwrap_err();
        assert_eq!((errs[0].code, errs[0].span), ("yaml-tab", Some(Span::new(3, 1))));
        let doc = split("---\ntitle: [a\n---\n", &p(), true).unwrap();
        let errs = parse::<Doc>(&doc, &p()).unwrap_err();
        assert_eq!(errs[0].code, "yaml-syntax");
        assert_eq!(errs[0].span.map(|s| s.line), Some(3));
    }
}
