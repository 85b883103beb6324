//! Coverage-guided fuzzing of the front-matter and Markdown path only: split,
//! YAML, validation, index and Markdown (with `@/` links) for up to four files.
//! Faster per input than `site`, which also renders templates.
#![no_main]

mod split;

use libfuzzer_sys::fuzz_target;
use sitrep::diagnostics::Diagnostics;
use sitrep::markdown::{self, MarkdownOptions};
use sitrep::pipeline;

fuzz_target!(|data: &[u8]| {
    let Some(files) = split::files(data) else { return };
    let mut diags = Diagnostics::new();
    let today = jiff::civil::Date::new(2026, 11, 21).unwrap();
    let history = sitrep::history::History::default();
    let setup = pipeline::Setup { config: None, theme: None, drafts: true, strict: false, today, history: &history };
    let site = pipeline::build_sources(&setup, &files, &mut diags);
    let options = MarkdownOptions {
        base_path: "/f/".into(),
        unsafe_html: false,
        shared_path: "/f/".into(),
        desk_credit: "desk".into(),
    };
    let mut problems = Vec::new();
    let index = &site.index;
    let bodies = index.briefings.iter().map(|b| (&b.body, &b.origin)).chain(index.pages.iter().map(|p| (&p.body, &p.origin)));
    for (body, origin) in bodies {
        markdown::render(body, origin, &index.links, &index.pictures, &options, &mut problems);
    }
});
