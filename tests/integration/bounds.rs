//! Bounds that fail loudly: what cannot be published as written is an error
//! at its line, never a silent change to the site.

use crate::support::{Pages, SiteTest, render};

/// The minimal desk's Kati briefing with `extra` front matter.
fn kati_with(t: &SiteTest, extra: &str) {
    t.write(
        "content/briefings/kati.md",
        &format!("---\ntitle: JNIM attacks the Kati base\ndate: 2022-07-22\ncountries: [ML]\ngroups: [JNIM]\n{extra}sources:\n  - url: https://example.com/kati\n---\nA base near Bamako was attacked.\n"),
    );
}

#[test]
fn control_characters_in_text_are_errors_at_their_line() {
    for (c, name) in [('\u{b}', "U+000B"), ('\u{1}', "U+0001"), ('\0', "U+0000"), ('\u{1b}', "U+001B")] {
        let t = SiteTest::fixture("minimal");
        kati_with(&t, &format!("summary: \"A line{c}break\"\n"));
        let diags = t.build_err();
        let d = diags.iter().find(|d| d.code == "control-character").unwrap_or_else(|| panic!("{}", render(&diags)));
        assert!(d.message.contains(name), "{}", d.message);
        assert_eq!(d.span.map(|s| s.line), Some(6), "{}", render(&diags));
        assert!(!t.out().exists());
    }
    // In a body, and in site.yaml, too.
    let t = SiteTest::fixture("minimal");
    t.write("content/pages/about.md", "---\ntitle: About\n---\nFirst line.\nSecond\u{b}line.\n");
    t.write("site.yaml", "title: \"Minimal\u{1}Desk\"\nbase_url: https://example.org/\n");
    let diags = t.build_err();
    let at: Vec<_> = diags
        .iter()
        .filter(|d| d.code == "control-character")
        .map(|d| (d.path.clone(), d.span.map(|s| s.line)))
        .collect();
    assert!(at.contains(&("content/pages/about.md".into(), Some(5))), "{at:?}");
    assert!(at.contains(&("site.yaml".into(), Some(1))), "{at:?}");
}

#[test]
fn a_term_without_an_address_of_its_own_is_an_error_at_its_line() {
    let t = SiteTest::fixture("minimal");
    kati_with(
        &t,
        &format!(
            "tags: [\"!!!\", \"{}\"]\nlocations:\n  - name: Kati\n    country: ML\n    admin1: Page\n",
            "long ".repeat(60)
        ),
    );
    let diags = t.build_err();
    let bad: Vec<_> = diags.iter().filter(|d| d.code == "bad-term").collect();
    assert_eq!(bad.len(), 3, "{}", render(&diags));
    assert!(bad.iter().all(|d| d.span.is_some()), "{}", render(&diags));
}

#[test]
fn two_spellings_of_one_address_are_an_error_naming_both() {
    let t = SiteTest::fixture("minimal");
    kati_with(&t, "tags: [term]\n");
    t.write("content/briefings/gao.md", "---\ntitle: Gao\ndate: 2023-01-02\ncountries: [ML]\ntags: [\"Term!\"]\nsources:\n  - url: https://example.com/gao\n---\nText.\n");
    let diags = t.build_err();
    let d = diags.iter().find(|d| d.code == "term-collision").unwrap_or_else(|| panic!("{}", render(&diags)));
    assert!(d.message.contains("`Term!`") && d.message.contains("`term`"), "{}", d.message);
    // The same words in another case are one term, as before.
    t.write("content/briefings/gao.md", "---\ntitle: Gao\ndate: 2023-01-02\ncountries: [ML]\ntags: [Term]\nsources:\n  - url: https://example.com/gao\n---\nText.\n");
    let b = t.build();
    assert!(b.has("tags/term/"));
}

#[test]
fn a_free_page_cannot_take_a_built_address_or_a_language_folder() {
    for name in ["search", "tags", "tactics", "targets", "maps", "pictures", "pagefind", "methods", "reports", "fr"] {
        let t = SiteTest::fixture("minimal");
        t.write(
            "site.yaml",
            "title: Minimal Desk\nbase_url: https://example.org/\nlanguages:\n  fr:\n    title: Bureau\n",
        );
        t.write(&format!("content/pages/{name}.md"), "---\ntitle: Mine\n---\nText.\n");
        let diags = t.build_err();
        assert!(diags.iter().any(|d| d.code == "reserved-slug"), "{name}: {}", render(&diags));
    }
}

#[test]
fn a_base_url_that_would_break_out_of_an_attribute_is_refused() {
    let t = SiteTest::fixture("minimal");
    t.write("site.yaml", "title: Minimal Desk\nbase_url: 'https://example.org/a\"onmouseover=\"alert(1)/'\n");
    let diags = t.build_err();
    assert!(diags.iter().any(|d| d.code == "bad-url"), "{}", render(&diags));
}

/// The bytes of every group page of a site whose one briefing names `n` groups.
fn group_pages_bytes(n: usize) -> u64 {
    let t = SiteTest::fixture("minimal");
    let groups: String = (0..n).map(|i| format!("  - Armed band number {i}\n")).collect();
    t.write(
        "content/briefings/kati.md",
        &format!("---\ntitle: Many bands\ndate: 2022-07-22\ncountries: [ML]\ngroups:\n{groups}sources:\n  - url: https://example.com/kati\n---\nText.\n"),
    );
    let b = t.build();
    walkdir::WalkDir::new(b.out.join("groups"))
        .into_iter()
        .flatten()
        .filter(|e| e.file_name() == "index.html")
        .map(|e| e.metadata().unwrap().len())
        .sum()
}

#[test]
fn a_briefing_naming_many_groups_makes_output_in_proportion() {
    let (small, large) = (group_pages_bytes(40), group_pages_bytes(160));
    // Four times the groups: about four times the pages' bytes, not sixteen.
    let ratio = large as f64 / small as f64;
    assert!(ratio < 5.0, "{small} -> {large} bytes: {ratio:.1} times");
}
