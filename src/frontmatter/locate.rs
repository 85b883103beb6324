//! Where each field of the front matter is, in file lines and columns.
//!
//! serde_yaml reports positions only for the first error it meets; the checks
//! that come after deserialisation (an unknown country, `min` above `max`) need
//! to point at the value too. A second pass with the event parser of
//! `saphyr-parser` records the position of every key and value under a path in
//! serde_yaml's own notation: `title`, `countries[1]`, `casualties[0].min`.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser};

use crate::diagnostics::Span;

/// Positions of the keys and values of one front-matter block.
#[derive(Debug, Clone, Default)]
pub struct Locator {
    values: HashMap<String, Span>,
    keys: HashMap<String, Span>,
    duplicates: Vec<(String, Span)>,
    start: Option<Span>,
}

enum Frame {
    Map {
        path: String,
        key: Option<String>,
        expect_key: bool,
    },
    Seq {
        path: String,
        index: usize,
    },
    /// A container used as a mapping key (rare): its contents are not located.
    Skip,
}

impl Locator {
    /// Locates the fields of `yaml`, whose first line is line `first_line` of the file.
    pub fn new(yaml: &str, first_line: usize) -> Locator {
        let mut loc = Locator { start: Some(Span::new(first_line.saturating_sub(1).max(1), 1)), ..Locator::default() };
        let mut stack: Vec<Frame> = Vec::new();
        let mut root_seen = false;
        for item in Parser::new_from_str(yaml) {
            let Ok((event, span)) = item else { break };
            let at = Span::new(first_line + span.start.line() - 1, span.start.col() + 1);
            let opens = match event {
                Event::MappingStart(..) => Some(true),
                Event::SequenceStart(..) => Some(false),
                Event::Scalar(..) | Event::Alias(..) => None,
                Event::MappingEnd | Event::SequenceEnd => {
                    stack.pop();
                    continue;
                }
                _ => continue,
            };
            // Which path does this node sit at, and is it a key?
            let place = match stack.last_mut() {
                None if !root_seen => {
                    root_seen = true;
                    Some(String::new())
                }
                None => None,
                Some(Frame::Skip) => None,
                Some(Frame::Map { path, key, expect_key }) => {
                    if *expect_key {
                        *expect_key = false;
                        if let Event::Scalar(text, ..) = &event {
                            let full = join(path, text);
                            match loc.keys.entry(full) {
                                std::collections::hash_map::Entry::Occupied(e) => {
                                    loc.duplicates.push((e.key().clone(), at))
                                }
                                std::collections::hash_map::Entry::Vacant(e) => {
                                    e.insert(at);
                                }
                            }
                            *key = Some(text.to_string());
                            continue;
                        }
                        *key = None;
                        None
                    } else {
                        *expect_key = true;
                        key.as_deref().map(|k| join(path, k))
                    }
                }
                Some(Frame::Seq { path, index }) => {
                    let p = format!("{path}[{index}]");
                    *index += 1;
                    Some(p)
                }
            };
            if let Some(p) = &place {
                loc.values.entry(p.clone()).or_insert(at);
            }
            match (opens, place) {
                (Some(true), Some(path)) => stack.push(Frame::Map { path, key: None, expect_key: true }),
                (Some(false), Some(path)) => stack.push(Frame::Seq { path, index: 0 }),
                (Some(_), None) => stack.push(Frame::Skip),
                (None, _) => {}
            }
        }
        loc
    }

    /// Where the value at `path` starts; falls back to its key, then to the
    /// nearest enclosing field, then to the opening `---`.
    pub fn value(&self, path: &str) -> Option<Span> {
        let mut p = path;
        loop {
            if let Some(s) = self.values.get(p).or_else(|| self.keys.get(p))
                && !p.is_empty()
            {
                return Some(*s);
            }
            match parent(p) {
                Some(up) => p = up,
                None => return self.start,
            }
        }
    }

    /// Where the key at `path` is written (the start of `title:`).
    pub fn key(&self, path: &str) -> Option<Span> {
        self.keys.get(path).copied()
    }

    /// Where `path` is written a second time, if it is.
    pub fn duplicate_key(&self, path: &str) -> Option<Span> {
        self.duplicates.iter().find(|(p, _)| p == path).map(|(_, s)| *s)
    }

    /// The first key written twice, if any.
    pub fn first_duplicate(&self) -> Option<Span> {
        self.duplicates.first().map(|(_, s)| *s)
    }
}

/// A fast look-up of `key` or `key[i]` (a top-level field, or an item of a
/// top-level list) for front matter written the usual way: `key: value` at
/// the start of a line, lists as `[a, b]` or as `- item` lines. `None` when
/// the layout is anything else; then `Locator` (a full parse) answers.
///
/// Builds need these positions for every file (a group named in a briefing
/// may later turn out to have no profile), so they must cost next to nothing.
pub fn quick(yaml: &str, first_line: usize, path: &str) -> Option<Span> {
    let (key, index) = match path.split_once('[') {
        Some((k, rest)) => (k, Some(rest.strip_suffix(']')?.parse::<usize>().ok()?)),
        None => (path, None),
    };
    if key.is_empty() || key.contains(['.', '[', ' ']) {
        return None;
    }
    let lines: Vec<&str> = yaml.lines().collect();
    let (row, line) = lines.iter().enumerate().find(|(_, l)| {
        l.strip_prefix(key).and_then(|r| r.strip_prefix(':')).is_some_and(|a| a.is_empty() || a.starts_with(' '))
    })?;
    let after = &line[key.len() + 1..];
    let value_at = key.len() + 1 + (after.len() - after.trim_start().len());
    let value = after.trim_start();
    let at = |row: usize, byte: usize, text: &str| Span::new(first_line + row, text[..byte].chars().count() + 1);
    match index {
        None if !value.is_empty() && !value.starts_with(['#', '|', '>', '&', '*', '!', '[', '{', '"', '\'']) => {
            Some(at(row, value_at, line))
        }
        None => None,
        Some(n) if value.starts_with('[') => flow_item(value, n).map(|offset| at(row, value_at + offset, line)),
        Some(n) if value.is_empty() || value.starts_with('#') => {
            let mut seen = 0;
            for (r, l) in lines.iter().enumerate().skip(row + 1) {
                let trimmed = l.trim_start();
                if trimmed.is_empty() || trimmed.starts_with('#') {
                    continue;
                }
                let indent = l.len() - trimmed.len();
                if let Some(item) = trimmed.strip_prefix("- ").or(if trimmed == "-" { Some("") } else { None }) {
                    if seen == n {
                        let content = indent + (trimmed.len() - item.len()) + (item.len() - item.trim_start().len());
                        return (!item.trim().is_empty()).then(|| at(r, content, l));
                    }
                    seen += 1;
                } else if indent == 0 {
                    return None;
                }
            }
            None
        }
        Some(_) => None,
    }
}

/// Byte offset (in `value`, which starts with `[`) of the n-th item of a flow
/// list on one line; `None` for nested or quoted-comma layouts it does not read.
fn flow_item(value: &str, n: usize) -> Option<usize> {
    let mut item = 0;
    let mut start: Option<usize> = None;
    let mut quote: Option<char> = None;
    for (i, c) in value.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => {
                quote = Some(c);
                start.get_or_insert(i);
            }
            (None, '[' | '{') => return None,
            (None, ',') => {
                if item == n {
                    return start;
                }
                item += 1;
                start = None;
            }
            (None, ']') => return if item == n { start } else { None },
            (None, c) if c.is_whitespace() => {}
            (None, _) => {
                start.get_or_insert(i);
            }
        }
    }
    None
}

fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() { key.to_string() } else { format!("{parent}.{key}") }
}

/// `casualties[1].min` -> `casualties[1]` -> `casualties` -> ``.
fn parent(path: &str) -> Option<&str> {
    if path.is_empty() {
        return None;
    }
    let cut = path.rfind(['.', '[']).unwrap_or(0);
    Some(&path[..cut])
}

#[cfg(test)]
mod tests {
    use super::*;

    const YAML: &str = "title: Bamako\ncountries: [ML, XX]\ncasualties:\n  - kind: killed\n    count: 70\n  - kind: injured\n    min: 200\n";

    #[test]
    fn finds_values_by_path_in_file_lines() {
        let loc = Locator::new(YAML, 2);
        assert_eq!(loc.value("title"), Some(Span::new(2, 8)));
        assert_eq!(loc.value("countries[1]"), Some(Span::new(3, 17)));
        assert_eq!(loc.value("casualties[1].min"), Some(Span::new(8, 10)));
        assert_eq!(loc.key("casualties"), Some(Span::new(4, 1)));
    }

    #[test]
    fn falls_back_to_the_enclosing_field() {
        let loc = Locator::new(YAML, 2);
        assert_eq!(loc.value("casualties[1].max"), Some(Span::new(7, 5)));
        assert_eq!(loc.value("nothing.here"), Some(Span::new(1, 1)));
    }

    #[test]
    fn the_quick_look_up_agrees_with_the_full_parse() {
        let docs = [
            YAML,
            "title: T\nslug: bamako-2024\ngroups:\n  - JNIM\n  - name: FAMa\n    role: target\n  - \"GSIM\"\n",
            "groups: [JNIM, \"Katiba, Macina\", FAMa]\nslug: x\n",
            "groups:\n- JNIM\n# a comment\n\n- name: GSIM\n  claim: claimed\ncountries: [ML]\n",
            "name: JNIM\naliases: [GSIM, 'Support Group']\nparent: Al-Qaeda\n",
            "title: \"Ünïcödé: yes\"\nslug: é-x\ntags: [ü, 'ö, ä', ß]\n",
        ];
        let paths = [
            "title",
            "slug",
            "name",
            "parent",
            "countries[0]",
            "countries[1]",
            "groups[0]",
            "groups[1]",
            "groups[2]",
            "aliases[0]",
            "aliases[1]",
            "tags[1]",
            "tags[2]",
        ];
        let mut answered = 0;
        for doc in docs {
            let full = Locator::new(doc, 2);
            for path in paths {
                if let Some(span) = quick(doc, 2, path) {
                    answered += 1;
                    assert_eq!(
                        Some(span),
                        full.value(path).filter(|_| full.values.contains_key(path)),
                        "{path} in {doc:?}"
                    );
                }
            }
        }
        assert!(answered >= 20, "{answered}");
    }

    #[test]
    fn notes_keys_given_twice() {
        let loc = Locator::new("title: a\ndate: 2024-01-01\ntitle: b\n", 2);
        assert_eq!(loc.duplicate_key("title"), Some(Span::new(4, 1)));
    }
}
