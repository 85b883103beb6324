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
            if let Some(s) = self.values.get(p).or_else(|| self.keys.get(p)) {
                if !p.is_empty() {
                    return Some(*s);
                }
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
    fn notes_keys_given_twice() {
        let loc = Locator::new("title: a\ndate: 2024-01-01\ntitle: b\n", 2);
        assert_eq!(loc.duplicate_key("title"), Some(Span::new(4, 1)));
    }
}
