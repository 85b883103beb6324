//! Coverage-guided fuzzing of the whole in-memory pipeline: the input is split
//! into up to four files (briefing, group, country, page), which are validated,
//! indexed and rendered with the default theme. Any panic is a bug.
//!
//! Run (stable toolchain, see fuzz/README.md):
//! `RUSTC_BOOTSTRAP=1 cargo fuzz run site corpus seeds -- -max_total_time=600`
#![no_main]

mod split;

use libfuzzer_sys::fuzz_target;
use sitrep::diagnostics::Diagnostics;
use sitrep::{config, pipeline, theme};

fuzz_target!(|data: &[u8]| {
    let Some(files) = split::files(data) else { return };
    let mut diags = Diagnostics::new();
    let config = config::parse("title: Fuzz\nbase_url: https://example.org/f/\n", &mut diags).unwrap();
    let today = jiff::civil::Date::new(2026, 11, 21).unwrap();
    let history = sitrep::history::History::default();
    let theme = theme::builtin();
    let setup = pipeline::Setup { config: Some(&config), theme: Some(&theme), drafts: false, strict: false, today, history: &history };
    pipeline::build_sources(&setup, &files, &mut diags);
});
