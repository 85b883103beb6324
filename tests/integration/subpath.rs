//! A site hosted under a sub-path, and `--base-url`.

use crate::support::Pages;
use crate::support::SiteTest;

#[test]
fn every_url_carries_the_sub_path() {
    let t = SiteTest::fixture("sahel");
    let b = t.build();
    for page in b.pages() {
        let rel = page.trim_end_matches("index.html");
        for href in b.attrs(rel, "a[href], link[href]", "href") {
            let local = !href.starts_with("http") && !href.starts_with('#');
            assert!(!local || href.starts_with("/sahel/"), "{page}: {href}");
        }
    }
    assert_eq!(
        b.attrs("briefings/bamako/", "link[rel=canonical]", "href"),
        ["https://example.org/sahel/briefings/bamako/"]
    );
    assert_eq!(b.attrs("", "link[rel=stylesheet]", "href"), ["/sahel/style.css"]);
}

#[test]
fn base_url_can_be_replaced_at_build_time() {
    let t = SiteTest::fixture("sahel");
    let b = t.build_with(|o| o.base_url = Some("https://mirror.example.net/".into()));
    assert!(b.broken_links("/").is_empty(), "{:?}", b.broken_links("/"));
    assert_eq!(b.attrs("", "link[rel=canonical]", "href"), ["https://mirror.example.net/"]);
    assert_eq!(b.attrs("briefings/kati-2022/", ".prose a", "href"), ["/briefings/bamako/"]);
}
