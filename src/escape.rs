//! The one rule for text that crosses into HTML: every string a writer, a
//! theme's data or a visitor supplies is escaped at the boundary where it
//! enters markup (an element, a double- or single-quoted attribute, SVG, a
//! message of the theme marked safe, a label Pagefind's interface shows as
//! HTML). Nothing else in the crate escapes HTML by hand.

use std::borrow::Cow;

/// `s` as HTML text, safe in element content and in quoted attributes:
/// `&`, `<`, `>`, `"` and `'` become character references.
pub fn html(s: &str) -> Cow<'_, str> {
    if !s.contains(['&', '<', '>', '"', '\'']) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_quotes_become_text() {
        assert_eq!(
            html(r#"<img src=x onerror="a('b')">&"#),
            "&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;"
        );
        assert!(matches!(html("Kati, 22 July"), Cow::Borrowed(_)));
    }
}
