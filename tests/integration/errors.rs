//! Bad input: precise diagnostics, and the previous site left untouched.

use std::fs;

use crate::support::SiteTest;

#[test]
fn a_link_to_missing_content_is_an_error_at_its_line() {
    let t = SiteTest::fixture("sahel");
    t.write(
        "content/briefings/kati.md",
        &fs::read_to_string(t.root.join("content/briefings/kati.md"))
            .unwrap()
            .replace("@/briefings/2024/bamako.md", "@/briefings/bamak.md"),
    );
    let diags = t.build_err();
    let d = diags.iter().find(|d| d.code == "broken-link").expect("reported");
    assert_eq!(d.path.to_string_lossy(), "content/briefings/kati.md");
    assert_eq!(d.span.map(|s| (s.line, s.column)), Some((24, 16)));
    assert_eq!(d.message, "link to `@/briefings/bamak.md`, which does not exist");
}

#[test]
fn a_failed_build_leaves_the_previous_site_as_it_was() {
    let t = SiteTest::fixture("sahel");
    t.build();
    let before = crate::support::tree(&t.out());
    t.write("content/briefings/bad.md", "---\ntitle: Bad\ndate: 2024-02-30\ncountries: [XX]\n---\n");
    let diags = t.build_err();
    let codes: Vec<&str> = diags.iter().map(|d| d.code).collect();
    assert!(codes.contains(&"impossible-date") && codes.contains(&"unknown-country"), "{codes:?}");
    assert_eq!(crate::support::tree(&t.out()), before);
}

#[test]
fn two_briefings_with_one_slug_name_both_files() {
    let t = SiteTest::fixture("sahel");
    t.write("content/briefings/other.md", "---\ntitle: Other\ndate: 2024-01-01\nslug: bamako\ncountries: [ML]\nsources:\n  - url: https://example.com/x\n---\n");
    let diags = t.build_err();
    let d = diags.iter().find(|d| d.code == "duplicate-slug").expect("reported");
    assert_eq!(d.path.to_string_lossy(), "content/briefings/other.md");
    assert_eq!(d.span.map(|s| s.line), Some(4));
    assert!(d.message.contains("content/briefings/2024/bamako.md"), "{}", d.message);
}
