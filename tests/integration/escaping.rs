//! Everything from front matter reaches the page escaped.

use crate::support::Pages;
use crate::support::SiteTest;

#[test]
fn front_matter_values_are_escaped_everywhere() {
    let t = SiteTest::fixture("sahel");
    let b = t.build();
    for page in b.pages() {
        let html = std::fs::read_to_string(b.out.join(&page)).unwrap();
        for raw in ["<script>alert", "<b>bold</b>", "<img src=x", "<i>Nowhere</i>", "<em>tag</em>", "b=<2>"] {
            assert!(!html.contains(raw), "{page} contains unescaped {raw:?}");
        }
    }
    // The text itself is intact for readers.
    let b2 = b.texts("briefings/escapes/", "h1");
    assert_eq!(b2, ["<script>alert(\"x\")</script> & \"quotes\""]);
    let text = b.text("briefings/escapes/");
    assert!(text.contains("<img src=x onerror=alert(1)>"), "{text}");
    assert!(text.contains("<i>Nowhere</i>"), "{text}");
    let source = b.source("briefings/escapes/");
    assert!(source.contains("&lt;script&gt;alert("), "title escaped in HTML");
    // The address is normalised: `<` and `>` are percent-encoded.
    assert!(source.contains("https://example.com/?a=1&amp;b=%3C2%3E"), "{source}");
}
