//! Coverage-guided fuzzing of the front-matter and Markdown path only: split,
//! YAML, validation, index and Markdown (with `@/` links) for up to four files.
//! Faster per input than `site`, which also renders templates.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitrep::diagnostics::Diagnostics;
use sitrep::markdown::{self, MarkdownOptions};
use sitrep::source::{SourceFile, SourceKind, decode};
use sitrep::pipeline;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = decode(data) else { return };
    let kinds = [("briefings", SourceKind::Briefing), ("groups", SourceKind::Group), ("countries", SourceKind::Country), ("pages", SourceKind::Page)];
    let files: Vec<SourceFile> = text
        .split("\u{1e}")
        .zip(kinds)
        .map(|(part, (folder, kind))| {
            let content_path = format!("{folder}/ml.md");
            SourceFile { path: format!("content/{content_path}").into(), content_path, kind, text: part.to_string() }
        })
        .collect();
    let mut diags = Diagnostics::new();
    let today = jiff::civil::Date::new(2026, 11, 21).unwrap();
    let site = pipeline::build_sources(None, None, &files, true, today, &mut diags);
    let options = MarkdownOptions { base_path: "/f/".into(), unsafe_html: false };
    let mut problems = Vec::new();
    for b in &site.index.briefings {
        markdown::render(&b.body, &b.origin.path, &site.index.links, &options, &mut problems);
    }
    for p in &site.index.pages {
        markdown::render(&p.body, &p.origin.path, &site.index.links, &options, &mut problems);
    }
});
