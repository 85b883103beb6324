//! Drafts and scheduled briefings stay out of the published site.

use crate::support::Pages;
use crate::support::SiteTest;

#[test]
fn drafts_and_scheduled_briefings_are_not_published() {
    let t = SiteTest::fixture("sahel");
    let b = t.build();
    assert!(!b.has("briefings/draft/"));
    assert!(!b.has("briefings/scheduled/"));
    assert!(!b.has("notes/"), "a draft free page is not built");
    for page in b.pages() {
        let html = std::fs::read_to_string(b.out.join(&page)).unwrap();
        assert!(!html.contains("A draft not to publish"), "{page} shows the draft");
        assert!(!html.contains("A briefing for later"), "{page} shows the scheduled briefing");
        assert!(!html.contains("999"), "{page} counts the draft's figures");
    }
}

#[test]
fn with_drafts_they_are_built_and_marked() {
    let t = SiteTest::fixture("sahel");
    let b = t.build_with(|o| o.drafts = true);
    assert!(b.text("briefings/draft/").contains("Draft. This briefing is not published"));
    assert!(b.text("briefings/scheduled/").contains("Scheduled for 1 January 2999"));
    assert!(b.has("notes/"));
    assert!(b.texts("chronology/2024/", ".badge-status").len() >= 2);
}

#[test]
fn a_briefing_becomes_public_on_its_publication_day() {
    let t = SiteTest::fixture("sahel");
    let b = t.build_with(|o| o.today = jiff::civil::Date::new(2999, 1, 1).unwrap());
    assert!(b.has("briefings/scheduled/"));
    assert!(!b.text("briefings/scheduled/").contains("Scheduled"));
}

#[test]
fn a_link_to_a_draft_is_an_error() {
    let t = SiteTest::fixture("sahel");
    t.write("content/pages/about.md", "---\ntitle: About\n---\nSee [this](@/briefings/draft.md).\n");
    let diags = t.build_err();
    let d = diags.iter().find(|d| d.code == "link-to-unpublished").expect("reported");
    assert_eq!(d.path.to_string_lossy(), "content/pages/about.md");
    assert_eq!(d.span.map(|s| (s.line, s.column)), Some((4, 5)));
    assert!(d.message.contains("a draft"));
}
