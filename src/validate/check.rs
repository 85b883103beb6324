//! The checks shared by every kind of file: required text, dates, choices from
//! a fixed list, countries, addresses. Each failed check becomes a diagnostic
//! at the field's position; the caller gets `None` and carries on.

use std::path::Path;

use jiff::civil::Date;

use crate::diagnostics::{Diagnostic, Span, did_you_mean};
use std::cell::OnceCell;

use crate::frontmatter::{Document, Locator, quick as locate_quick};
use crate::model::CountryCode;
use crate::model::country::{all_country_names, resolve_country};
use crate::model::date::{DateError, IncidentDate, parse_day};

/// Collects the problems of one file while its fields are checked.
pub struct Checker<'a> {
    path: &'a Path,
    yaml: &'a str,
    yaml_line: usize,
    locator: OnceCell<Locator>,
    bad_fields: &'a [String],
    problems: Vec<Diagnostic>,
}

impl<'a> Checker<'a> {
    /// A checker for the file at `path` with front matter `doc`; `locator`,
    /// when already built, is reused (else it is built on the first error);
    /// `bad_fields` were already reported as unreadable and are not reported missing.
    pub fn new(path: &'a Path, doc: &Document<'a>, locator: Option<Locator>, bad_fields: &'a [String]) -> Self {
        let cell = OnceCell::new();
        if let Some(locator) = locator {
            let _ = cell.set(locator);
        }
        Checker { path, yaml: doc.yaml, yaml_line: doc.yaml_line, locator: cell, bad_fields, problems: Vec::new() }
    }

    /// True when `field` (top-level) could not be read and was reported already.
    pub fn is_bad(&self, field: &str) -> bool {
        let top = field.split(['.', '[']).next().unwrap_or(field);
        self.bad_fields.iter().any(|b| b == top)
    }

    /// The problems found, in the order found.
    pub fn finish(self) -> Vec<Diagnostic> {
        self.problems
    }

    /// Where the value of `field` (a path such as `casualties[1].min`) is.
    pub fn span(&self, field: &str) -> Option<Span> {
        self.locator.get_or_init(|| Locator::new(self.yaml, self.yaml_line)).value(field)
    }

    /// Where `field` is, for positions kept in the model (read for every file,
    /// so a fast look-up first; the full parse only for unusual layouts).
    pub fn stored_span(&self, field: &str) -> Option<Span> {
        locate_quick(self.yaml, self.yaml_line, field).or_else(|| self.span(field))
    }

    /// Reports an error at `field`.
    pub fn error(&mut self, code: &'static str, field: &str, message: impl Into<String>, hint: impl Into<String>) {
        let d = Diagnostic::error(code, self.path, message).at_opt(self.span(field)).hint(hint);
        self.problems.push(d);
    }

    /// Reports a warning at `field`.
    pub fn warning(&mut self, code: &'static str, field: &str, message: impl Into<String>, hint: impl Into<String>) {
        let d = Diagnostic::warning(code, self.path, message).at_opt(self.span(field)).hint(hint);
        self.problems.push(d);
    }

    /// Trimmed text, or `None` when absent or blank.
    pub fn optional_text(&mut self, value: Option<String>) -> Option<String> {
        value.map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
    }

    /// Trimmed text that must be present and not blank.
    pub fn required_text(&mut self, value: Option<String>, field: &str, hint: &str) -> Option<String> {
        let missing = value.is_none();
        let text = self.optional_text(value);
        if text.is_none() && !self.is_bad(field) {
            let message =
                if missing { format!("missing required field `{field}`") } else { format!("`{field}` is empty") };
            self.error(if missing { "missing-field" } else { "empty-field" }, field, message, hint);
        }
        text
    }

    /// A list of free terms: trimmed, blanks reported, repeats dropped.
    pub fn terms(&mut self, values: Option<Vec<String>>, field: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (i, v) in values.unwrap_or_default().into_iter().enumerate() {
            let v = v.trim().to_string();
            if v.is_empty() {
                self.error(
                    "empty-field",
                    &format!("{field}[{i}]"),
                    format!("empty entry in `{field}`"),
                    "remove the empty entry",
                );
            } else if !out.iter().any(|o| o.eq_ignore_ascii_case(&v)) {
                self.term_address(&v, &format!("{field}[{i}]"));
                out.push(v);
            }
        }
        out
    }

    /// Checks that a term or region `name` makes an address of its own: with
    /// letters or digits, and short enough for a folder's name.
    pub fn term_address(&mut self, name: &str, field: &str) {
        let slug = slug::slugify(name);
        if slug.is_empty() {
            self.error(
                "bad-term",
                field,
                format!("`{name}` has no letter or digit to make its page's address from"),
                "write the term in words",
            );
        } else if slug.len() > crate::index::addresses::MAX_SLUG_BYTES {
            self.error(
                "bad-term",
                field,
                format!(
                    "this term is too long to be an address ({} characters; at most {})",
                    slug.len(),
                    crate::index::addresses::MAX_SLUG_BYTES
                ),
                "shorten it to a few words; put the detail in the body",
            );
        }
    }

    /// An incident date: `YYYY-MM-DD` or `YYYY-MM`.
    pub fn incident_date(&mut self, value: &str, field: &str) -> Option<IncidentDate> {
        match IncidentDate::parse(value) {
            Ok(d) => Some(d),
            Err(e) => {
                self.date_error(
                    e,
                    value,
                    field,
                    "YYYY-MM-DD, or YYYY-MM when only the month is known, or YYYY when only the year is",
                );
                None
            }
        }
    }

    /// A day: `YYYY-MM-DD` only.
    pub fn day(&mut self, value: &str, field: &str) -> Option<Date> {
        match parse_day(value) {
            Ok(d) => Some(d),
            Err(e) => {
                self.date_error(e, value, field, "YYYY-MM-DD");
                None
            }
        }
    }

    fn date_error(&mut self, e: DateError, value: &str, field: &str, form: &str) {
        match e {
            DateError::Form => self.error(
                "bad-date",
                field,
                format!("`{field}` must be a date in the form {form}, found `{value}`"),
                "write dates as 2024-09-17",
            ),
            DateError::Impossible => self.error(
                "impossible-date",
                field,
                format!("`{field}` is not a real date: `{value}`"),
                "check the day and the month",
            ),
        }
    }

    /// One of a fixed list of words (`kind`, `role`, `claim`...), with a
    /// "did you mean" hint when the word is close to one of them.
    pub fn choice<T: Copy>(&mut self, value: &str, field: &str, all: &[T], word: fn(T) -> &'static str) -> Option<T> {
        let v = value.trim().to_lowercase();
        if let Some(found) = all.iter().copied().find(|t| word(*t) == v) {
            return Some(found);
        }
        let words: Vec<&str> = all.iter().map(|t| word(*t)).collect();
        let hint = match did_you_mean(&v, words.iter().copied()) {
            Some(best) => format!("did you mean `{best}`? allowed: {}", words.join(", ")),
            None => format!("allowed: {}", words.join(", ")),
        };
        let leaf = field.rsplit('.').next().unwrap_or(field);
        self.error("unknown-value", field, format!("unknown {leaf} `{}`", value.trim()), hint);
        None
    }

    /// A country given by ISO code or English name.
    pub fn country(&mut self, value: &str, field: &str) -> Option<CountryCode> {
        if let Some(code) = resolve_country(value) {
            return Some(code);
        }
        let names = all_country_names();
        let hint = match did_you_mean(value.trim(), names.iter().copied()) {
            Some(best) => format!(
                "did you mean `{best}` ({})? use an ISO 3166-1 alpha-2 code such as ML, or the English name",
                resolve_country(best).map(|c| c.to_string()).unwrap_or_default()
            ),
            None => "use an ISO 3166-1 alpha-2 code such as ML, BF, NE, or the English name".to_string(),
        };
        self.error("unknown-country", field, format!("unknown country `{}`", value.trim()), hint);
        None
    }

    /// An http or https address.
    pub fn url(&mut self, value: &str, field: &str) -> Option<String> {
        let v = value.trim();
        // Parsed and normalised by the `url` crate: characters that may not
        // stand in an address (spaces, `<`) come out percent-encoded.
        if let Ok(parsed) = url::Url::parse(v)
            && matches!(parsed.scheme(), "http" | "https")
            && parsed.host_str().is_some_and(|h| !h.is_empty())
        {
            return Some(parsed.into());
        }
        self.error(
            "bad-url",
            field,
            format!("`{field}` must be an http or https address, found `{v}`"),
            "give the full address of the source, starting with https://",
        );
        None
    }
}
