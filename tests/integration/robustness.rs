//! No input makes sitrep panic: property tests over the front-matter and
//! Markdown path, from raw bytes to rendered pages, with a fixed seed.
//!
//! `cargo test` runs a few hundred cases per property. For a long fuzzing run:
//! `SITREP_FUZZ_CASES=200000 cargo test --release --test integration robustness -- --nocapture`
//! (each property prints how many inputs it ran). Crashes found become
//! regression cases in `regressions()` below.

use std::path::PathBuf;

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

use sitrep::diagnostics::Diagnostics;
use sitrep::source::{SourceFile, SourceKind, decode};
use sitrep::{config, pipeline, theme};

/// Runs every in-memory stage on `files`: validate, index, Markdown, templates.
fn run_pipeline(files: &[SourceFile]) -> Diagnostics {
    let mut diags = Diagnostics::new();
    let config = config::parse("title: Fuzz\nbase_url: https://example.org/f/\n", &mut diags).expect("valid settings");
    let today = jiff::civil::Date::new(2026, 11, 21).unwrap();
    let history = sitrep::history::History::default();
    let theme = theme::builtin();
    let setup = pipeline::Setup {
        config: Some(&config),
        theme: Some(&theme),
        drafts: false,
        strict: false,
        today,
        history: &history,
    };
    let site = pipeline::build_sources(&setup, files, &mut diags);
    // Whatever the input, the site has its fixed pages unless templates failed.
    assert!(site.output.get("index.html").is_some() || diags.has_errors());
    diags
}

fn file(kind: SourceKind, name: &str, text: String) -> SourceFile {
    let folder = match kind {
        SourceKind::Briefing => "briefings",
        SourceKind::Group => "groups",
        SourceKind::Country => "countries",
        SourceKind::Page => "pages",
        SourceKind::Glossary => unreachable!("glossaries are not fuzzed as Markdown"),
    };
    let content_path = format!("{folder}/{name}.md");
    SourceFile { path: PathBuf::from("content").join(&content_path), content_path, kind, text, modified: None }
}

fn cases() -> u32 {
    std::env::var("SITREP_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(200)
}

/// A runner with a fixed seed, so `cargo test` is reproducible.
fn runner(seed: u8) -> TestRunner {
    let config = Config { cases: cases(), failure_persistence: None, ..Config::default() };
    TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &[seed; 32]))
}

fn check<S: Strategy>(name: &str, seed: u8, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>) {
    let mut runner = runner(seed);
    let result = runner.run(&strategy, test);
    eprintln!("robustness: {name}: {} inputs", cases());
    if let Err(e) = result {
        panic!("{name}: {e}");
    }
}

const KEYS: &[&str] = &[
    "title",
    "date",
    "end_date",
    "published",
    "updated",
    "slug",
    "summary",
    "draft",
    "countries",
    "locations",
    "groups",
    "targets",
    "tactics",
    "tags",
    "casualties",
    "sources",
    "corrections",
    "name",
    "aliases",
    "parent",
    "full_name",
    "kind",
    "active_in",
    "founded",
    "affiliation",
    "countrys",
    "titel",
    "",
    "?",
    "<b>",
];

const VALUES: &[&str] = &[
    "",
    "~",
    "null",
    "true",
    "maybe",
    "0",
    "-1",
    "3.5",
    "1e400",
    "99999999999999999999999",
    "2024-09-17",
    "2024-09",
    "2024-02-30",
    "0000-00",
    "9999-12-31",
    "ML",
    "[ML, BF]",
    "[Malii, \"Côte d'Ivoire\", XK, QQ]",
    "[]",
    "{}",
    "[[ML]]",
    "{a: 1}",
    "\"unclosed",
    "'it''s'",
    "\"\\u0000\"",
    "&anchor value",
    "*anchor",
    "!!binary aGVsbG8=",
    "!custom x",
    "|\n  block\n  text",
    ">-\n  folded",
    "\n  - a\n  - b",
    "\n  - name: Gao\n    lat: 95\n    lon: x",
    "\n  - kind: killed\n    count: -4\n    according_to: x",
    "\n  - kind: killd\n    min: 5\n    max: 1",
    "\n  - {kind: injured, min: 18446744073709551615, max: 18446744073709551615, according_to: y}",
    "\n  - JNIM\n  - {name: GSIM, role: target, claim: claimed}\n  - name: JNIM",
    "\n  - url: javascript:x",
    "\n  - url: https://e.org/\u{202e}\n    date: 2024-13",
    "\n  - date: 2024-01-01\n    note: fixed",
    "[JNIM, GSIM, jnim]",
    "<script>alert(1)</script>",
    "ü̈́🙂\u{0}\u{7f}",
    ": :",
    "- - -",
    "\t",
    "---",
];

const BODY: &[&str] = &[
    "Plain text.",
    "# Title",
    "## What happened",
    "## Same {#same}",
    "## Same {#same}",
    "[x](@/briefings/a.md)",
    "[x](@/groups/jnim.md#overview)",
    "[x](@/)",
    "[x](@/../../etc/passwd)",
    "[x](@/countries/ml.md)",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "Note[^1].\n\n[^1]: A note.",
    "[^nope]",
    "~~old~~",
    "\"quotes\" -- dashes...",
    "<script>alert(1)</script>",
    "<div>",
    "```\ncode\n",
    "> quote",
    "* * *",
    "\t\tindented",
    "\r\n",
    "\u{0}",
    "![img](@/pages/about.md)",
    "<!-- comment",
    "[link]: @/briefings/b.md\n\n[link]",
    "*",
    "_",
    "`",
];

fn front_matter() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(KEYS), prop::sample::select(VALUES)), 0..12)
        .prop_map(|fields| fields.into_iter().map(|(k, v)| format!("{k}: {v}\n")).collect())
}

fn body() -> impl Strategy<Value = String> {
    prop::collection::vec(prop_oneof![prop::sample::select(BODY).prop_map(str::to_string), any::<String>()], 0..10)
        .prop_map(|parts| parts.join("\n\n"))
}

fn document() -> impl Strategy<Value = String> {
    (front_matter(), body(), any::<bool>())
        .prop_map(|(fm, body, close)| if close { format!("---\n{fm}---\n{body}") } else { format!("---\n{fm}{body}") })
}

fn kind() -> impl Strategy<Value = SourceKind> {
    prop::sample::select(vec![
        SourceKind::Briefing,
        SourceKind::Briefing,
        SourceKind::Group,
        SourceKind::Country,
        SourceKind::Page,
    ])
}

#[test]
fn arbitrary_text_never_panics() {
    check("arbitrary text", 1, (kind(), any::<String>()), |(kind, text)| {
        run_pipeline(&[file(kind, "a", text)]);
        Ok(())
    });
}

#[test]
fn arbitrary_bytes_never_panic() {
    check("arbitrary bytes", 2, prop::collection::vec(any::<u8>(), 0..600), |bytes| {
        if let Ok(text) = decode(bytes.clone()) {
            run_pipeline(&[file(SourceKind::Briefing, "a", text)]);
        }
        Ok(())
    });
}

#[test]
fn front_matter_and_markdown_never_panic() {
    let names = prop::sample::select(vec!["a", "b", "jnim", "ml", "about", "Bad Name", "x.y"]);
    let site = prop::collection::vec((kind(), names, document()), 1..6);
    check("structured sites", 3, site, |files| {
        let files: Vec<SourceFile> = files.into_iter().map(|(k, n, t)| file(k, n, t)).collect();
        let diags = run_pipeline(&files);
        // Every problem points into a file of the site.
        for d in &diags {
            prop_assert!(
                d.path.starts_with("content") || d.path.to_string_lossy().contains("theme"),
                "{}",
                d.headline()
            );
        }
        Ok(())
    });
}

/// Inputs that once crashed (or nearly did), kept as regression tests.
#[test]
fn regressions() {
    let cases: &[(SourceKind, &str)] = &[
        // An empty key.
        (SourceKind::Briefing, "---\n: x\n---\n"),
        // A mapping used as a key.
        (SourceKind::Briefing, "---\n? {a: 1}\n: b\n---\n"),
        // The largest figures: totals must not overflow.
        (
            SourceKind::Briefing,
            "---\ntitle: T\ndate: 2024-01-01\ncountries: [ML]\ncasualties:\n  - {kind: killed, count: 9223372036854775807, according_to: a}\n  - {kind: killed, who: civilians, count: 9223372036854775807, according_to: b}\n---\n",
        ),
        // A heading made only of punctuation, and one that repeats.
        (SourceKind::Page, "---\ntitle: P\n---\n## ???\n\n## ???\n\n## ???-1\n"),
        // A link with only the prefix.
        (SourceKind::Page, "---\ntitle: P\n---\n[x](@/)\n"),
        // Multi-byte characters before a bad value (columns count characters).
        (SourceKind::Briefing, "---\ntitle: 🙂🙂\ndate: 🙂\ncountries: [ML]\n---\n"),
    ];
    for (kind, text) in cases {
        run_pipeline(&[file(*kind, "a", text.to_string())]);
    }
}
