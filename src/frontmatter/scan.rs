//! One cheap pass over the front matter before any YAML parser sees it.
//!
//! A YAML parser can take seconds on hostile input (40,000 nested brackets)
//! and reports some mistakes far from where they are, or nowhere. This pass
//! reads the text once, line by line, knowing which lines are inside a quote
//! or a block scalar (`|`, `>`), and stops at the first problem it can place
//! exactly:
//! - front matter larger than `MAX_BYTES`, nested deeper than `MAX_DEPTH`, or
//!   with more than `MAX_ALIASES` aliases (the "billion laughs");
//! - a tab used for indentation (a tab inside a block scalar or a quoted text
//!   is fine);
//! - a second `---` document, or a complex key (`? [a, b]`): neither belongs
//!   in front matter.
//!
//! It also knows where a quote opened on one line runs over a following
//! `field:` line, so an unclosed quote is reported where it opens.

use crate::diagnostics::Span;

/// The largest front matter accepted.
pub const MAX_BYTES: usize = 512 * 1024;
/// The deepest nesting of lists and mappings accepted.
pub const MAX_DEPTH: usize = 32;
/// The most aliases (`*name`) accepted.
pub const MAX_ALIASES: usize = 16;

/// A problem found by the scan: a code, a message, a hint, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Diagnostic code.
    pub code: &'static str,
    /// What is wrong.
    pub message: String,
    /// What to do.
    pub hint: &'static str,
    /// Line (of the YAML text, 1-based) and column.
    pub line: usize,
    /// Column, 1-based, in characters.
    pub column: usize,
}

/// What the scan learnt.
#[derive(Debug, Default)]
pub struct Scan {
    /// The first problem, if any.
    pub problem: Option<Found>,
    /// A quote that stays open over a line that looks like a new field:
    /// almost surely a quote never closed (line, column of the quote).
    pub runaway_quote: Option<Span>,
}

fn found(code: &'static str, message: impl Into<String>, hint: &'static str, line: usize, column: usize) -> Found {
    Found { code, message: message.into(), hint, line, column }
}

/// True when the line (after its indentation) starts a `name:` field.
fn looks_like_field(rest: &str) -> bool {
    let name_end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-')).unwrap_or(rest.len());
    name_end > 0 && rest[name_end..].starts_with(':') && rest[name_end + 1..].chars().next().is_none_or(|c| c == ' ')
}

/// Scans `yaml`.
pub fn scan(yaml: &str) -> Scan {
    let mut out = Scan::default();
    if yaml.len() > MAX_BYTES {
        out.problem = Some(found(
            "too-large",
            format!("the front matter is larger than {} KiB", MAX_BYTES / 1024),
            "front matter holds the facts of one incident; move long text into the body",
            1,
            1,
        ));
        return out;
    }
    // (quote character, line, column, indentation of the line it opened on)
    let mut quote: Option<(char, usize, usize, usize)> = None;
    let mut depth = 0usize;
    let mut aliases = 0usize;
    // Indentation of the line that opened a block scalar.
    let mut block: Option<usize> = None;
    let mut ended = false;
    for (i, line) in yaml.lines().enumerate() {
        let n = i + 1;
        let indent_text: &str = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
        let rest = &line[indent_text.len()..];
        let indent = indent_text.chars().count();
        if let Some(parent) = block {
            if rest.is_empty() || indent > parent {
                continue;
            }
            block = None;
        }
        if let Some((_, ql, qc, qindent)) = quote
            && indent <= qindent
            && looks_like_field(rest)
            && out.runaway_quote.is_none()
        {
            out.runaway_quote = Some(Span::new(ql, qc));
        }
        if quote.is_none() && depth == 0 && !rest.is_empty() {
            if ended {
                out.problem = Some(found(
                    "yaml-syntax",
                    "text after the end of the front matter (`...`)",
                    "remove the `...` line; the front matter ends at the `---` line",
                    n,
                    1,
                ));
                return out;
            }
            if let Some(col) = indent_text.chars().position(|c| c == '\t')
                && !rest.starts_with('#')
            {
                out.problem = Some(found(
                    "yaml-tab",
                    "tab character used for indentation",
                    "YAML indentation must use spaces; replace the tab with spaces",
                    n,
                    col + 1,
                ));
                return out;
            }
            if indent == 0 && (rest == "---" || rest.starts_with("--- ") || rest.starts_with("---\t")) {
                out.problem = Some(found(
                    "yaml-syntax",
                    "a second YAML document (`---`) inside the front matter",
                    "front matter is one block between two `---` lines; remove this line or move the text below the closing `---`",
                    n,
                    1,
                ));
                return out;
            }
            if indent == 0 && rest.trim_end() == "..." {
                ended = true;
                continue;
            }
            if rest == "?" || rest.starts_with("? ") {
                out.problem = Some(found(
                    "yaml-syntax",
                    "a complex key (`? ...`) is not a field",
                    "every line of front matter is `field: value`",
                    n,
                    indent + 1,
                ));
                return out;
            }
            if indent > MAX_DEPTH * 8 {
                out.problem = Some(too_deep(n, indent + 1));
                return out;
            }
        }
        // Characters: quotes, flow brackets, aliases, comments, block scalars.
        let mut prev: Option<char> = None;
        let mut chars = rest.char_indices().peekable();
        let mut dashes = 0usize;
        while let Some((at, c)) = chars.next() {
            let column = indent + rest[..at].chars().count() + 1;
            if let Some((q, ..)) = quote {
                if q == '"' && c == '\\' {
                    chars.next();
                } else if c == q {
                    if q == '\'' && chars.peek().is_some_and(|(_, d)| *d == '\'') {
                        chars.next();
                    } else {
                        quote = None;
                        prev = Some(c);
                    }
                }
                continue;
            }
            let token_start = prev.is_none_or(|p| matches!(p, ':' | ',' | '[' | '{' | '-' | '?')) || depth > 0;
            match c {
                ' ' | '\t' => continue,
                '#' if prev.is_none() || rest[..at].ends_with([' ', '\t']) => break,
                '"' | '\'' if token_start => quote = Some((c, n, column, indent)),
                '[' | '{' if token_start => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        out.problem = Some(too_deep(n, column));
                        return out;
                    }
                }
                ']' | '}' if depth > 0 => depth -= 1,
                '*' if token_start => {
                    aliases += 1;
                    if aliases > MAX_ALIASES {
                        out.problem = Some(found(
                            "yaml-syntax",
                            format!("more than {MAX_ALIASES} aliases (`*name`): front matter does not need them"),
                            "write each value out in full",
                            n,
                            column,
                        ));
                        return out;
                    }
                }
                '-' if prev.is_none_or(|p| p == '-') && chars.peek().is_none_or(|(_, d)| *d == ' ') => {
                    dashes += 1;
                    if dashes > MAX_DEPTH {
                        out.problem = Some(too_deep(n, column));
                        return out;
                    }
                }
                '|' | '>' if depth == 0 && prev == Some(':') => {
                    let tail = rest[at + 1..].trim_start_matches(|d: char| d.is_ascii_digit() || d == '+' || d == '-');
                    if tail.trim().is_empty() || tail.trim_start().starts_with('#') {
                        block = Some(indent);
                        break;
                    }
                }
                _ => {}
            }
            prev = Some(c);
        }
    }
    out
}

fn too_deep(line: usize, column: usize) -> Found {
    found(
        "too-deep",
        format!("lists and fields are nested more than {MAX_DEPTH} levels deep"),
        "front matter needs at most a few levels: check the brackets and the indentation",
        line,
        column,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(yaml: &str) -> Option<(&'static str, usize, usize)> {
        scan(yaml).problem.map(|f| (f.code, f.line, f.column))
    }

    #[test]
    fn ordinary_front_matter_passes() {
        let yaml = "title: \"It's: a test\"\nsummary: It's fine, [really]\ncountries: [ML, BF]\nlocations:\n  - {name: Kati, lat: 1}\ngroups:\n  - name: JNIM # a comment with [ and \"\n    claim: claimed\nnote: |\n  a line\n  \twith a tab\n\n  more\nmore: 'a ''quoted'' text\n\tcontinued'\n";
        assert_eq!(problem(yaml), None);
        assert!(scan(yaml).runaway_quote.is_none());
    }

    #[test]
    fn nesting_aliases_and_size_are_bounded_cheaply() {
        let deep = format!("tags: {}{}\n", "[".repeat(40_000), "]".repeat(40_000));
        let started = std::time::Instant::now();
        assert_eq!(problem(&deep), Some(("too-deep", 1, 6 + MAX_DEPTH + 1)));
        assert!(started.elapsed().as_millis() < 100);
        let laughs =
            "a: &a [x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n";
        assert_eq!(problem(laughs), Some(("yaml-syntax", 3, 33)));
        assert_eq!(problem(&"x".repeat(MAX_BYTES + 1)).map(|p| p.0), Some("too-large"));
        let dashes = format!("a: {}x\n", "- ".repeat(100));
        assert_eq!(problem(&dashes).map(|p| p.0), Some("too-deep"));
    }

    #[test]
    fn tabs_documents_and_complex_keys_are_placed() {
        assert_eq!(problem("title: x\n\tdate: 2024\n"), Some(("yaml-tab", 2, 1)));
        assert_eq!(problem("title: x\n--- # more\ndate: 1\n"), Some(("yaml-syntax", 2, 1)));
        assert_eq!(problem("title: x\n? [a, b]\n: v\n"), Some(("yaml-syntax", 2, 1)));
        assert_eq!(problem("title: x\n...\ndate: 1\n"), Some(("yaml-syntax", 3, 1)));
    }

    #[test]
    fn a_quote_running_over_a_field_is_found_where_it_opens() {
        let s = scan("title: \"Unclosed\ndate: 2024-01-01\nsummary: \"A lead\"\n");
        assert_eq!(s.runaway_quote, Some(Span::new(1, 8)));
    }
}
