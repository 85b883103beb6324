//! A picture as HTML: `<img>` with its widths, and a `<figure>` with its
//! caption and credit. Only the writer's words appear; no word of the interface.

use pulldown_cmark_escape::escape_html;

use super::Picture;

/// How wide a picture is shown: the whole column on a phone, at most the
/// text's measure (about 46rem) on wider screens.
pub const SIZES: &str = "(min-width: 48rem) 46rem, 100vw";

/// The `<img>` of `picture`, whose files are under `base` (the site's path:
/// `/sahel/`), described by `alt`; `lazy` below the fold. A photograph's is
/// in a `<picture>` whose WebP widths a browser that shows WebP takes first.
pub fn img(picture: &Picture, base: &str, alt: &str, lazy: bool) -> String {
    let variants = &picture.encoded.variants;
    let largest = variants.last().expect("a picture has a width");
    // The default source is the middle width: enough for a phone, light for a slow network.
    let default = &variants[variants.len().saturating_sub(1) / 2];
    let srcset: Vec<String> = variants.iter().map(|v| format!("{base}{} {}w", picture.file(v), v.width)).collect();
    let webp = variants.iter().all(|v| v.webp.is_some());
    let mut out = String::new();
    if webp {
        let srcset: Vec<String> =
            variants.iter().map(|v| format!("{base}{} {}w", picture.webp_file(v), v.width)).collect();
        out.push_str("<picture><source type=\"image/webp\" srcset=\"");
        let _ = escape_html(&mut out, &srcset.join(", "));
        out.push_str(&format!("\" sizes=\"{SIZES}\">"));
    }
    out.push_str("<img src=\"");
    let _ = escape_html(&mut out, &format!("{base}{}", picture.file(default)));
    out.push_str("\" srcset=\"");
    let _ = escape_html(&mut out, &srcset.join(", "));
    out.push_str(&format!("\" sizes=\"{SIZES}\" width=\"{}\" height=\"{}\" alt=\"", largest.width, largest.height));
    let _ = escape_html(&mut out, alt);
    out.push('"');
    if lazy {
        out.push_str(" loading=\"lazy\"");
    }
    out.push_str(" decoding=\"async\">");
    if webp {
        out.push_str("</picture>");
    }
    out
}

/// A `<figure>` around `img` with the caption and credit, when given; a
/// credit of `desk` (the desk's own picture) reads as `desk_words`, the
/// theme's words for it.
pub fn figure(img: &str, caption: Option<&str>, credit: Option<&str>, desk_words: &str) -> String {
    let credit = credit.map(|c| if c.trim().eq_ignore_ascii_case("desk") { desk_words } else { c });
    let mut out = format!("<figure class=\"picture\">{img}");
    if caption.is_some() || credit.is_some() {
        out.push_str("<figcaption>");
        if let Some(c) = caption {
            out.push_str("<span class=\"picture-caption\">");
            let _ = escape_html(&mut out, c);
            out.push_str("</span>");
        }
        if let Some(c) = credit {
            out.push_str(" <span class=\"picture-credit\">");
            let _ = escape_html(&mut out, c);
            out.push_str("</span>");
        }
        out.push_str("</figcaption>");
    }
    out.push_str("</figure>\n");
    out
}
