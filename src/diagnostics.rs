//! Diagnostics: every problem the pipeline finds, with where it is and what to do.
//!
//! Every stage takes a `&mut Diagnostics` and keeps going after a problem, so a
//! writer learns everything that is wrong in one run. This module only collects
//! and formats; it never prints (the binary does).

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// How bad a problem is: errors fail the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Fails the build and `check`.
    Error,
    /// Reported, but the site is still built.
    Warning,
    /// Information to plan work (a briefing not translated yet): never
    /// fails anything, even when strict.
    Note,
}

impl Severity {
    /// The word printed before the code: `error` or `warning`.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// A position in a file: 1-based line and column (columns count characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// Line in the file, from 1.
    pub line: usize,
    /// Column in the line, from 1, in characters.
    pub column: usize,
}

impl Span {
    /// A span at `line`, `column` (both 1-based).
    pub fn new(line: usize, column: usize) -> Span {
        Span { line, column }
    }
}

/// One problem: severity, a stable code, the file and position, a message and a hint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Stable identifier such as `unknown-field` (for editors, CI and tests).
    pub code: &'static str,
    /// The file, relative to the site root (`content/briefings/x.md`).
    pub path: PathBuf,
    /// Where in the file, when known.
    pub span: Option<Span>,
    /// What is wrong: lowercase, no trailing period, names the thing.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
    /// Set when the problem is in a briefing or page that is not published
    /// (`draft` or `scheduled`): reported as a warning marked as its, so one
    /// writer's unfinished draft never stops the desk's build.
    pub unpublished: Option<Unpublished>,
}

/// Why a file is not published: its problems never stop a build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unpublished {
    /// `draft: true`.
    Draft,
    /// `published:` later than today.
    Scheduled,
}

impl Unpublished {
    /// `draft` or `scheduled`.
    pub fn as_str(self) -> &'static str {
        match self {
            Unpublished::Draft => "draft",
            Unpublished::Scheduled => "scheduled",
        }
    }
}

/// Codes of the problems that are about how sitrep was asked to run (the
/// output folder, the address), not about the content: exit status 2.
pub const USAGE_CODES: &[&str] = &["bad-output", "foreign-output", "output-busy", "bad-base-url", "missing-root"];

impl Diagnostic {
    /// True when the problem is about how sitrep was run, not the content.
    pub fn is_usage(&self) -> bool {
        self.severity == Severity::Error && USAGE_CODES.contains(&self.code)
    }

    /// An error about `path`.
    pub fn error(code: &'static str, path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            path: path.into(),
            span: None,
            message: message.into(),
            hint: None,
            unpublished: None,
        }
    }

    /// A note about `path`: information, never a problem.
    pub fn note(code: &'static str, path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Note, ..Diagnostic::error(code, path, message) }
    }

    /// A warning about `path`.
    pub fn warning(code: &'static str, path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(code, path, message) }
    }

    /// The same diagnostic, placed at `span`.
    pub fn at(mut self, span: Span) -> Self {
        self.span = Some(span);
        self
    }

    /// The same diagnostic, placed at `span` when there is one.
    pub fn at_opt(mut self, span: Option<Span>) -> Self {
        self.span = span.or(self.span);
        self
    }

    /// The same diagnostic with a hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// `path:line:column` (or just `path` when the position is unknown).
    pub fn location(&self) -> String {
        let path = display_path(&self.path);
        match self.span {
            Some(s) => format!("{path}:{}:{}", s.line, s.column),
            None => path,
        }
    }

    /// The one-line form: `error[code]: path:line:col: message`, with
    /// `(in a draft)` or `(in a scheduled briefing)` after a held-back file's problem.
    pub fn headline(&self) -> String {
        format!("{}[{}]: {}: {}{}", self.severity.label(), self.code, self.location(), self.message, self.marker())
    }

    /// ` (in a draft)`, ` (in a scheduled briefing)`, or nothing.
    fn marker(&self) -> &'static str {
        match self.unpublished {
            Some(Unpublished::Scheduled) => " (in a scheduled briefing)",
            Some(Unpublished::Draft) => " (in a draft)",
            None => "",
        }
    }

    /// One GitHub Actions workflow command, so the problem shows on its line
    /// of a pull request: `::error file=…,line=…,col=…,title=…::message`.
    pub fn to_github(&self) -> String {
        // The format's own escapes: `%`, CR and LF everywhere; `:` and `,` in properties.
        let data = |s: &str| s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
        let property = |s: &str| data(s).replace(':', "%3A").replace(',', "%2C");
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        let mut props = format!("file={}", property(&display_path(&self.path)));
        if let Some(span) = self.span {
            let _ = write!(props, ",line={},col={}", span.line, span.column);
        }
        let _ = write!(props, ",title={}", property(&format!("sitrep {}", self.code)));
        let mut message = format!("{}{}", self.message, self.marker());
        if let Some(hint) = &self.hint {
            let _ = write!(message, "\nhint: {hint}");
        }
        format!("::{level} {props}::{}", data(&message))
    }

    /// One line of JSON for editors and CI annotations:
    /// `{"severity":"error","code":...,"path":...,"line":4,"column":1,"message":...,"hint":...}`
    /// (`line` and `column` are null when the position is unknown).
    pub fn to_json(&self) -> String {
        let value = serde_json::json!({
            "severity": self.severity.label(),
            "code": self.code,
            "path": display_path(&self.path),
            "line": self.span.map(|s| s.line),
            "column": self.span.map(|s| s.column),
            "message": self.message,
            "hint": self.hint,
            "unpublished": self.unpublished.map(Unpublished::as_str),
        });
        value.to_string()
    }

    /// The compiler-style form: headline, the source line with a caret, and the hint.
    ///
    /// `source_line` is the text of line `span.line`, when the caller has it;
    /// `color` adds ANSI colours (only for a terminal).
    pub fn render(&self, source_line: Option<&str>, color: bool) -> String {
        let (bold, red, yellow, blue, reset) =
            if color { ("\x1b[1m", "\x1b[1;31m", "\x1b[1;33m", "\x1b[1;34m", "\x1b[0m") } else { ("", "", "", "", "") };
        let sev_color = match self.severity {
            Severity::Error => red,
            Severity::Warning => yellow,
            Severity::Note => blue,
        };
        let mut out = format!(
            "{sev_color}{}[{}]{reset}{bold}: {}: {}{reset}\n",
            self.severity.label(),
            self.code,
            printable(&self.location()),
            printable(&format!("{}{}", self.message, self.marker()))
        );
        if let (Some(span), Some(line)) = (self.span, source_line) {
            let number = span.line.to_string();
            let pad = " ".repeat(number.len());
            let line = printable(line.trim_end_matches(['\r', '\n']));
            // The caret goes under the column, counting characters; tabs keep their width.
            let lead: String =
                line.chars().take(span.column.saturating_sub(1)).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
            let _ = writeln!(out, "{blue}{pad} |{reset}");
            let _ = writeln!(out, "{blue}{number} |{reset} {line}");
            let _ = writeln!(out, "{blue}{pad} |{reset} {lead}{sev_color}^{reset}");
        }
        if let Some(hint) = &self.hint {
            let _ = writeln!(out, "{blue}  = hint:{reset} {}", printable(hint));
        }
        if self.unpublished.is_some() {
            let _ = writeln!(
                out,
                "{blue}  = note:{reset} not published yet, so this never stops the build (--drafts checks it as if published)"
            );
        }
        out
    }
}

/// Text safe to print on a terminal: control characters from the content
/// (escape sequences that could recolour, move the cursor or retitle the
/// window) are shown as `\u{1b}`, tabs kept.
pub fn printable(text: &str) -> String {
    if !text.chars().any(|c| c.is_control() && c != '\t') {
        return text.to_string();
    }
    text.chars()
        .map(|c| if c.is_control() && c != '\t' { c.escape_unicode().to_string() } else { c.to_string() })
        .collect()
}

/// A path as printed in diagnostics: forward slashes on every platform.
pub fn display_path(path: &Path) -> String {
    let s = path.to_string_lossy();
    if std::path::MAIN_SEPARATOR == '/' { s.into_owned() } else { s.replace(std::path::MAIN_SEPARATOR, "/") }
}

/// All the problems found so far, in the order they were found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    /// An empty collection.
    pub fn new() -> Self {
        Diagnostics(Vec::new())
    }

    /// Adds one problem.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    /// Adds every problem of `other`.
    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    /// True when at least one problem is an error.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|d| d.severity == Severity::Error)
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.0.iter().filter(|d| d.severity == Severity::Error).count()
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.0.iter().filter(|d| d.severity == Severity::Warning).count()
    }

    /// True when nothing was found.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Number of problems.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The problems, in the order they were found.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.0.iter()
    }

    /// Sorts by file, then position, then severity, and drops exact repeats.
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| {
            (&a.path, a.span, a.severity, a.code, &a.message).cmp(&(&b.path, b.span, b.severity, b.code, &b.message))
        });
        self.0.dedup();
    }

    /// Marks every problem in a file that is not published (`unpublished`
    /// maps its path to `draft` or `scheduled`) as that file's, and makes it
    /// a warning: drafts and scheduled briefings never stop a build.
    pub fn hold_unpublished(&mut self, unpublished: &HashMap<PathBuf, Unpublished>) {
        for d in &mut self.0 {
            if let Some(&why) = unpublished.get(&d.path)
                && d.severity != Severity::Note
            {
                d.severity = Severity::Warning;
                d.unpublished = Some(why);
            }
        }
    }

    /// `--strict`: every warning about published content becomes an error
    /// (a held-back draft's problems stay warnings: they never stop a build).
    pub fn make_strict(&mut self) {
        for d in &mut self.0 {
            if d.unpublished.is_none() && d.severity == Severity::Warning {
                d.severity = Severity::Error;
            }
        }
    }

    /// The problems, consumed.
    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.0
    }

    /// `3 errors, 2 warnings in 2 files` (or `no problems`).
    pub fn summary(&self) -> String {
        if self.0.is_empty() {
            return "no problems".to_string();
        }
        let files: BTreeSet<&Path> = self.0.iter().map(|d| d.path.as_path()).collect();
        let errors = self.error_count();
        let warnings = self.warning_count();
        let notes = self.0.iter().filter(|d| d.severity == Severity::Note).count();
        let notes = if notes > 0 { format!(", {}", plural(notes, "note", "notes")) } else { String::new() };
        format!(
            "{}, {}{notes} in {}",
            plural(errors, "error", "errors"),
            plural(warnings, "warning", "warnings"),
            plural(files.len(), "file", "files")
        )
    }
}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Self {
        Diagnostics(iter.into_iter().collect())
    }
}

/// `1 error`, `2 errors`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The closest of `candidates` to `word`, when one is close enough to be a likely typo.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&lower, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_like_a_compiler() {
        let d = Diagnostic::error("unknown-field", "content/briefings/x.md", "unknown field `countrys`")
            .at(Span::new(4, 1))
            .hint("did you mean `countries`?");
        let text = d.render(Some("countrys: [ML]"), false);
        assert_eq!(
            text,
            "error[unknown-field]: content/briefings/x.md:4:1: unknown field `countrys`\n  |\n4 | countrys: [ML]\n  | ^\n  = hint: did you mean `countries`?\n"
        );
    }

    #[test]
    fn caret_sits_under_the_column() {
        let d = Diagnostic::error("x", "a.md", "m").at(Span::new(12, 13));
        let text = d.render(Some("countries: [Malii]"), false);
        assert!(text.contains("\n   |             ^\n"), "{text}");
    }

    #[test]
    fn json_lines_carry_every_part() {
        let d = Diagnostic::warning("no-sources", "content/briefings/x.md", "briefing has no sources \"x\"")
            .at(Span::new(1, 1))
            .hint("add sources");
        let v: serde_json::Value = serde_json::from_str(&d.to_json()).unwrap();
        assert_eq!(v["severity"], "warning");
        assert_eq!(v["code"], "no-sources");
        assert_eq!(v["path"], "content/briefings/x.md");
        assert_eq!((v["line"].as_u64(), v["column"].as_u64()), (Some(1), Some(1)));
        assert_eq!(v["message"], "briefing has no sources \"x\"");
        assert_eq!(v["hint"], "add sources");
        let bare: serde_json::Value =
            serde_json::from_str(&Diagnostic::error("x", "site.yaml", "m").to_json()).unwrap();
        assert!(bare["line"].is_null() && bare["hint"].is_null());
    }

    #[test]
    fn summary_counts_errors_warnings_and_files() {
        let mut d = Diagnostics::new();
        d.push(Diagnostic::error("a", "x.md", "one"));
        d.push(Diagnostic::error("a", "y.md", "two"));
        d.push(Diagnostic::warning("b", "y.md", "three"));
        assert_eq!(d.summary(), "2 errors, 1 warning in 2 files");
        assert!(d.has_errors());
    }

    #[test]
    fn suggests_close_names_only() {
        let known = ["title", "countries", "casualties"];
        assert_eq!(did_you_mean("countrys", known), Some("countries"));
        assert_eq!(did_you_mean("zzz", known), None);
    }
}
