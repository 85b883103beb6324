//! A writer builds the site: every page type exists and every link leads somewhere.

use std::fs;

use crate::support::Pages;
use crate::support::SiteTest;

#[test]
fn builds_every_page_type_of_the_contract() {
    let t = SiteTest::fixture("sahel");
    let b = t.build();
    for page in [
        "",
        "briefings/bamako/",
        "briefings/kati-2022/",
        "groups/",
        "groups/jnim/",
        "groups/koglweogo/",
        "countries/",
        "countries/mali/",
        "countries/burkina-faso/",
        "countries/niger/",
        "chronology/",
        "chronology/2024/",
        "chronology/2021/",
        "corrections/",
        "about/",
        "methodology/",
        "404.html",
        "style.css",
    ] {
        assert!(b.has(page), "missing {page}");
    }
    assert_eq!(b.site.index.briefings.len(), 7);
}

#[test]
fn every_internal_link_and_fragment_resolves() {
    let t = SiteTest::fixture("sahel");
    let b = t.build();
    let broken = b.broken_links("/sahel/");
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
    // The check is real: the briefing links to the group's #overview section.
    let hrefs = b.attrs("briefings/bamako/", ".prose a", "href");
    assert!(hrefs.contains(&"/sahel/groups/jnim/#overview".to_string()), "{hrefs:?}");
    assert!(hrefs.contains(&"/sahel/briefings/kati-2022/".to_string()), "{hrefs:?}");
    assert!(hrefs.contains(&"/sahel/countries/mali/".to_string()), "{hrefs:?}");
}

#[test]
fn a_briefing_links_to_its_groups_countries_and_neighbours() {
    let t = SiteTest::fixture("sahel");
    let b = t.build();
    let hrefs = b.attrs("briefings/bamako/", "main a", "href");
    for want in ["/sahel/groups/jnim/", "/sahel/groups/malian-armed-forces/", "/sahel/countries/mali/"] {
        assert!(hrefs.iter().any(|h| h == want), "{want} not in {hrefs:?}");
    }
    // Bamako (2024-09-17) is the newest incident: a previous link, no next one.
    assert_eq!(b.attrs("briefings/bamako/", "a[rel=prev]", "href"), ["/sahel/briefings/barsalogho/"]);
    assert!(b.attrs("briefings/bamako/", "a[rel=next]", "href").is_empty());
    assert_eq!(b.attrs("briefings/barsalogho/", "a[rel=next]", "href"), ["/sahel/briefings/bamako/"]);
    // And the group and country pages link back.
    assert!(b.attrs("groups/jnim/", "main a", "href").contains(&"/sahel/briefings/bamako/".to_string()));
    assert!(b.attrs("countries/mali/", "main a", "href").contains(&"/sahel/briefings/bamako/".to_string()));
}

#[test]
fn the_briefing_page_shows_what_a_reader_needs() {
    let t = SiteTest::fixture("sahel");
    let b = t.build();
    let text = b.text("briefings/bamako/");
    for want in [
        "17–18 September 2024",
        "Published 19 September 2024",
        "Updated 23 September 2024",
        "Bamako, Bamako District, Mali",
        "gendarmerie school",
        "small arms",
        "security source cited by France 24",
        "hospital tally",
        "Major attack in Mali's capital",
        "Death toll raised from 50 to 70.",
    ] {
        assert!(text.contains(want), "{want:?} not in {text}");
    }
    // The claim status is a visible badge.
    assert_eq!(b.texts("briefings/bamako/", ".key-facts .badge-claimed"), ["Claimed"]);
    // The alias the writer used is shown beside the group's name.
    assert!(text.contains("JNIM (as “GSIM”)"), "{text}");
    // Corrections newest first.
    let corrections = b.texts("briefings/bamako/", ".corrections li");
    assert!(corrections[0].starts_with("23 September 2024"), "{corrections:?}");
}

#[test]
fn free_pages_corrections_and_404() {
    let t = SiteTest::fixture("sahel");
    let b = t.build();
    assert!(b.text("about/").contains("We brief."));
    assert_eq!(b.attrs("methodology/", ".prose a", "href"), ["/sahel/about/"]);
    let corrections = b.texts("corrections/", ".corrections-list li");
    assert_eq!(corrections.len(), 2);
    assert!(corrections[0].contains("23 September 2024") && corrections[0].contains("JNIM strikes gendarmerie school"));
    assert_eq!(b.attrs("corrections/", ".corrections-list a", "href")[0], "/sahel/briefings/bamako/");
    assert!(b.text("404.html").contains("Page not found"));
    // The footer lists the published free pages, not the draft one.
    let footer = b.texts("", ".site-footer a");
    assert!(footer.contains(&"About".to_string()) && !footer.contains(&"Internal notes".to_string()), "{footer:?}");
}

#[test]
fn removed_briefings_disappear_from_the_next_build() {
    let t = SiteTest::fixture("sahel");
    let first = t.build();
    assert!(first.has("briefings/niger/"));
    assert!(first.has("countries/niger/"));
    t.remove("content/briefings/niger.md");
    let second = t.build();
    assert!(!second.has("briefings/niger/"));
    assert!(!second.has("countries/niger/"), "a country no briefing names has no page");
    let names: Vec<String> =
        fs::read_dir(&t.root).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(names.iter().all(|n| !n.contains("sitrep-")), "staging folders left behind: {names:?}");
}

#[test]
fn builds_are_byte_for_byte_reproducible() {
    let t = SiteTest::fixture("sahel");
    let a = t.build_with(|o| o.output = Some(t.root.join("first")));
    let b = t.build_with(|o| o.output = Some(t.root.join("second")));
    assert_eq!(crate::support::tree(&a.out), crate::support::tree(&b.out));
}

#[test]
fn windows_line_endings_and_a_byte_order_mark_are_read_as_usual() {
    let t = SiteTest::fixture("sahel");
    let text = "\u{feff}---\r\ntitle: Saved on Windows\r\ndate: 2024-03-05\r\ncountries: [ML]\r\nsources:\r\n  - url: https://example.com/w\r\n---\r\nBody with a [link](@/briefings/kati.md).\r\n";
    t.write("content/briefings/windows.md", text);
    let b = t.build();
    assert_eq!(b.texts("briefings/windows/", "h1"), ["Saved on Windows"]);
    assert_eq!(b.attrs("briefings/windows/", ".prose a", "href"), ["/sahel/briefings/kati-2022/"]);
    // Positions still count lines of the file.
    t.write("content/briefings/windows.md", &text.replace("countries: [ML]", "countries: [Atlantis]"));
    let diags = t.build_err();
    let d = diags.iter().find(|d| d.code == "unknown-country").unwrap();
    assert_eq!(d.span.map(|s| (s.line, s.column)), Some((4, 13)));
}
