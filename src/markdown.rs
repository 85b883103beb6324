//! Markdown bodies to HTML, with pulldown-cmark.
//!
//! CommonMark plus tables, footnotes, strikethrough, smart punctuation and
//! heading anchors. Links written `@/briefings/x.md` are resolved to the page
//! built from that file; a link to a missing or unpublished file is an error at
//! its line and column in the file. Also extracts the first paragraph as plain
//! text (the default summary).

use std::collections::HashSet;
use std::path::Path;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

use crate::diagnostics::{Diagnostic, Span, did_you_mean};
use crate::index::LinkError;
use crate::index::LinkTargets;
use crate::model::names::slugify;
use crate::model::{Body, Origin};
use crate::pictures::SitePictures;

/// How bodies are rendered.
#[derive(Debug, Clone)]
pub struct MarkdownOptions {
    /// Put in front of resolved `@/` links: the site's base path, e.g. `/sahel/`.
    pub base_path: String,
    /// Keep raw HTML written in bodies (writers are trusted); `false` strips it.
    pub unsafe_html: bool,
    /// Put in front of a published picture's file: the base path every
    /// language shares (pictures are published once), e.g. `/sahel/`.
    pub shared_path: String,
    /// How a picture the desk made itself (`credit: desk`) is credited, in
    /// the page's language (the theme's words).
    pub desk_credit: String,
}

/// A rendered body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rendered {
    /// The HTML.
    pub html: String,
    /// The first paragraph as plain text, if there is one.
    pub first_paragraph: Option<String>,
    /// Every word of the body as plain text (for search), blocks apart.
    pub text: String,
    /// Every `@/` link: its target (content path) and where it led.
    pub links: Vec<(String, Result<String, LinkError>)>,
    /// The pictures beside the file it shows (content paths), to publish.
    pub pictures: Vec<String>,
    /// A hash of the HTML: equal bodies, equal fingerprints.
    pub fingerprint: u64,
}

/// Renders `body` of the file `origin`, its pictures taken from `pictures`;
/// link and picture problems are pushed to `problems`.
pub fn render(
    body: &Body,
    origin: &Origin,
    links: &LinkTargets,
    pictures: &SitePictures,
    options: &MarkdownOptions,
    problems: &mut Vec<Diagnostic>,
) -> Rendered {
    let path = origin.path.as_path();
    let text = &*body.markdown;
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut first_paragraph: Option<String> = None;
    let mut in_first = false;
    let mut plain = String::with_capacity(text.len());
    let mut lines: Option<LineIndex> = None;
    let mut used = Vec::new();
    // For each open link and image: whether it was dropped (its end is dropped too).
    let mut open_links: Vec<bool> = Vec::new();
    let mut open_images: Vec<bool> = Vec::new();
    // A picture beside the file being read: its file, caption, where it is, its alt text so far.
    let mut picture: Option<(String, Option<String>, Span, String)> = None;
    // Pictures shown: the event standing for each, and its figure.
    let mut figures: Vec<(usize, String)> = Vec::new();
    let mut shown: Vec<String> = Vec::new();
    for (event, range) in Parser::new_ext(text, opts).into_offset_iter() {
        if let Some((_, _, _, alt)) = &mut picture {
            match &event {
                Event::End(TagEnd::Image) => {
                    let (file, caption, at, alt) = picture.take().expect("a picture is open");
                    let found = body_picture(body, origin, pictures, options, &file, caption, &alt, at, problems);
                    if let Some((img, figure, content_path)) = found {
                        figures.push((events.len(), figure));
                        events.push(Event::InlineHtml(CowStr::from(img)));
                        shown.push(content_path);
                    }
                }
                Event::Text(t) | Event::Code(t) => alt.push_str(t),
                _ => {}
            }
            continue;
        }
        if let Event::Start(Tag::Image { dest_url, title, .. }) = &event
            && is_beside(dest_url)
        {
            let lines = lines.get_or_insert_with(|| LineIndex::new(text));
            let at = lines.span(text, range.start, body.first_line);
            let caption = Some(title.to_string()).filter(|t| !t.trim().is_empty());
            picture = Some((dest_url.to_string(), caption, at, String::new()));
            continue;
        }
        let event = match event {
            Event::Start(Tag::Link { ref dest_url, .. } | Tag::Image { ref dest_url, .. })
                if !dest_url.starts_with("@/") && !allowed_url(dest_url) =>
            {
                let is_link = matches!(event, Event::Start(Tag::Link { .. }));
                let stack = if is_link { &mut open_links } else { &mut open_images };
                if !options.unsafe_html {
                    // Safe mode: the address could run script; keep the text, drop the link.
                    stack.push(true);
                    continue;
                }
                stack.push(false);
                let lines = lines.get_or_insert_with(|| LineIndex::new(text));
                let at = lines.span(text, range.start, body.first_line);
                problems.push(
                    Diagnostic::warning(
                        "script-link",
                        path,
                        format!(
                            "a {} to `{}` can run code in readers' browsers",
                            if is_link { "link" } else { "picture" },
                            shown_url(dest_url)
                        ),
                    )
                    .at(at)
                    .hint("link to an http(s) address, a page of the site (`@/...`), or a mailto: address"),
                );
                event
            }
            Event::Start(Tag::Link { .. }) => {
                open_links.push(false);
                event
            }
            Event::Start(Tag::Image { .. }) => {
                open_images.push(false);
                event
            }
            Event::End(TagEnd::Link) if open_links.pop().unwrap_or(false) => continue,
            Event::End(TagEnd::Image) if open_images.pop().unwrap_or(false) => continue,
            Event::Start(Tag::Heading { level, id, classes, attrs: _ }) => {
                // Only an id and classes: other attributes could carry event handlers.
                Event::Start(Tag::Heading { level, id, classes, attrs: Vec::new() })
            }
            event => event,
        };
        let event = match event {
            Event::Start(Tag::Link { link_type, dest_url, title, id }) if dest_url.starts_with("@/") => {
                let (target, fragment) = match dest_url.split_once('#') {
                    Some((t, f)) => (t, Some(f)),
                    None => (&dest_url[..], None),
                };
                let resolved = links.resolve(&target[2..]).map(str::to_string);
                used.push((target[2..].to_string(), resolved.clone()));
                let href = match resolved {
                    Ok(url) => {
                        let mut href = format!("{}{url}", options.base_path);
                        if let Some(f) = fragment {
                            href.push('#');
                            href.push_str(f);
                        }
                        href
                    }
                    Err(LinkError::Failed) => "#".to_string(),
                    Err(err) => {
                        let lines = lines.get_or_insert_with(|| LineIndex::new(text));
                        let at = lines.span(text, range.start, body.first_line);
                        problems.push(link_error(path, target, err, at, links));
                        "#".to_string()
                    }
                };
                open_links.push(false);
                Event::Start(Tag::Link { link_type, dest_url: CowStr::from(href), title, id })
            }
            Event::Html(_) | Event::InlineHtml(_) if !options.unsafe_html => continue,
            other => other,
        };
        match &event {
            Event::Start(Tag::Paragraph) if first_paragraph.is_none() => {
                in_first = true;
                first_paragraph = Some(String::new());
            }
            Event::End(TagEnd::Paragraph) => in_first = false,
            Event::Text(t) | Event::Code(t) if in_first => first_paragraph.get_or_insert_default().push_str(t),
            Event::SoftBreak | Event::HardBreak if in_first => first_paragraph.get_or_insert_default().push(' '),
            _ => {}
        }
        match &event {
            Event::Text(t) | Event::Code(t) => plain.push_str(t),
            Event::SoftBreak | Event::HardBreak | Event::Rule if !plain.ends_with(' ') => plain.push(' '),
            Event::End(end) if ends_block(end) && !plain.ends_with(' ') => plain.push(' '),
            _ => {}
        }
        events.push(event);
    }
    // A picture alone in its paragraph is a figure, with its caption and credit.
    for (i, figure) in figures.into_iter().rev() {
        let alone = i > 0
            && matches!(events.get(i - 1), Some(Event::Start(Tag::Paragraph)))
            && matches!(events.get(i + 1), Some(Event::End(TagEnd::Paragraph)));
        if alone {
            events.splice(i - 1..=i + 1, [Event::Html(CowStr::from(figure))]);
        }
    }
    add_heading_anchors(&mut events);
    let mut out = String::with_capacity(text.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    let first_paragraph = first_paragraph.map(|p| p.trim().to_string()).filter(|p| !p.is_empty());
    let fingerprint = crate::render::fingerprint::of_hash(&(&out, &first_paragraph));
    shown.sort_unstable();
    shown.dedup();
    plain.truncate(plain.trim_end().len());
    // Kept for the whole build, one per briefing: no room to spare.
    out.shrink_to_fit();
    plain.shrink_to_fit();
    Rendered { html: out, first_paragraph, text: plain, links: used, pictures: shown, fingerprint }
}

/// True for the end of a block (a paragraph, a heading, a cell): its text
/// and the next block's are words apart.
fn ends_block(end: &TagEnd) -> bool {
    !matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// True for a picture address that names a file beside the content file
/// (`airport.jpg`, `maps/area.png`), not a page of the site or another site.
fn is_beside(dest: &str) -> bool {
    !dest.is_empty()
        && !dest.starts_with("@/")
        && !dest.starts_with('/')
        && !dest.starts_with('#')
        && !dest.contains(':')
        && !dest.starts_with("//")
}

/// The `<img>` and `<figure>` of the picture `file` written at `at` in the
/// body of `origin`, with its content path; problems (no such file, no alt
/// text, no credit) go to `problems`.
#[allow(clippy::too_many_arguments)]
fn body_picture(
    body: &Body,
    origin: &Origin,
    pictures: &SitePictures,
    options: &MarkdownOptions,
    file: &str,
    caption: Option<String>,
    alt: &str,
    at: Span,
    problems: &mut Vec<Diagnostic>,
) -> Option<(String, String, String)> {
    let note = body.pictures.note(file);
    let alt = Some(alt.trim()).filter(|a| !a.is_empty()).or(note.map(|n| n.alt.as_str()));
    if alt.is_none() {
        problems.push(
            Diagnostic::error("picture-without-alt", &origin.path, format!("picture `{file}` has no alt text"))
                .at(at)
                .hint("say what it shows, for readers who cannot see it: `![Smoke over Bamako airport](airport.jpg)`"),
        );
    }
    let Some(picture) = pictures.beside(&origin.content_path, file) else {
        problems.extend(pictures.missing(&origin.path, &origin.content_path, file).map(|d| d.at(at)));
        return None;
    };
    // A note without a credit is warned about where it is written.
    if note.is_none() {
        problems.push(
            Diagnostic::warning("no-credit", &origin.path, format!("picture `{file}` has no credit"))
                .at(at)
                .hint(format!("describe it under `images:`: `- file: {file}` with `alt:` and `credit:` (`credit: desk` for the desk's own)")),
        );
    }
    let alt = alt?;
    let img = crate::pictures::html::img(picture, &options.shared_path, alt, true);
    let caption = caption.as_deref().or(note.and_then(|n| n.caption.as_deref()));
    let credit = note.and_then(|n| n.credit.as_deref());
    let figure = crate::pictures::html::figure(&img, caption, credit, &options.desk_credit);
    Some((img, figure, picture.content_path.clone()))
}

/// True for an address a page may link to without running code: http(s),
/// mailto, or one with no scheme (relative, `#fragment`). The address is
/// read as a browser would: entities already decoded by the parser, spaces
/// and control characters trimmed, tabs and newlines inside ignored.
pub fn allowed_url(url: &str) -> bool {
    let cleaned: String = url
        .trim_matches(|c: char| c.is_whitespace() || c.is_control())
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    match scheme(&cleaned) {
        None => true,
        Some(s) => matches!(s.as_str(), "http" | "https" | "mailto"),
    }
}

/// The scheme of an address (`javascript` for `JavaScript:alert(1)`), if it has one.
fn scheme(url: &str) -> Option<String> {
    let colon = url.find(':')?;
    let head = &url[..colon];
    if url[..colon].contains(['/', '?', '#']) {
        return None;
    }
    let mut chars = head.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
        .then(|| head.to_ascii_lowercase())
}

/// An address as shown in a message: its start, without control characters.
fn shown_url(url: &str) -> String {
    let clean: String = url.chars().filter(|c| !c.is_control()).take(60).collect();
    if url.chars().count() > 60 { format!("{clean}…") } else { clean }
}

fn link_error(path: &Path, target: &str, err: LinkError, at: Span, links: &LinkTargets) -> Diagnostic {
    match err {
        LinkError::Missing => {
            let wanted = &target[2..];
            // Compare file names within the same folder: every path shares "briefings/".
            let folder = wanted.rsplit_once('/').map_or("", |(f, _)| f);
            let known: Vec<&str> =
                links.known().into_iter().filter(|k| k.rsplit_once('/').map_or("", |(f, _)| f) == folder).collect();
            let name_of = |p: &str| p.rsplit('/').next().unwrap_or(p).trim_end_matches(".md").to_string();
            let names: Vec<String> = known.iter().map(|k| name_of(k)).collect();
            let best = did_you_mean(&name_of(wanted), names.iter().map(String::as_str))
                .and_then(|n| known.iter().find(|k| name_of(k) == n).copied());
            let hint = match best {
                Some(best) => format!("did you mean `@/{best}`? the path is relative to content/"),
                None => "the path after `@/` is a file under content/, e.g. `@/briefings/kati-2022.md`".to_string(),
            };
            Diagnostic::error("broken-link", path, format!("link to `{target}`, which does not exist"))
                .at(at)
                .hint(hint)
        }
        LinkError::Failed => {
            Diagnostic::error("broken-link", path, format!("link to `{target}`, which has errors")).at(at)
        }
        LinkError::Unpublished(why) => Diagnostic::error(
            "link-to-unpublished",
            path,
            format!("link to `{target}`, which is {why} and not published"),
        )
        .at(at)
        .hint("publish the linked briefing first, or remove the link"),
    }
}

/// Gives every heading an `id` (its text as a slug, made unique) and a link
/// to itself. Linear in the body: each base id remembers the next number to
/// try, and the events are moved into a new list, never inserted in place.
fn add_heading_anchors(events: &mut Vec<Event<'_>>) {
    if !events.iter().any(|e| matches!(e, Event::Start(Tag::Heading { .. }))) {
        return;
    }
    let mut used: HashSet<String> = HashSet::new();
    let mut next_number: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut out: Vec<Event<'_>> = Vec::with_capacity(events.len() + 16);
    // The anchor link to put before the end of the heading being read.
    let mut pending: Option<String> = None;
    let mut text = String::new();
    let mut in_heading = false;
    for event in events.drain(..) {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                in_heading = true;
                text.clear();
                out.push(event);
            }
            Event::Text(ref t) | Event::Code(ref t) if in_heading => {
                text.push_str(t);
                out.push(event);
            }
            Event::End(TagEnd::Heading(level)) if in_heading => {
                in_heading = false;
                // The heading's start is the last one pushed.
                let start = out.iter().rposition(|e| matches!(e, Event::Start(Tag::Heading { .. })));
                if let Some(Event::Start(Tag::Heading { id, .. })) = start.map(|at| &mut out[at]) {
                    let base = match id {
                        Some(id) => id.to_string(),
                        None => {
                            let s = slugify(&text);
                            if s.is_empty() { "section".to_string() } else { s }
                        }
                    };
                    let mut unique = base.clone();
                    if !used.insert(unique.clone()) {
                        let n = next_number.entry(base.clone()).or_insert(1);
                        loop {
                            unique = format!("{base}-{n}");
                            *n += 1;
                            if used.insert(unique.clone()) {
                                break;
                            }
                        }
                    }
                    *id = Some(CowStr::from(unique.clone()));
                    if level != HeadingLevel::H1 {
                        pending = Some(unique);
                    }
                }
                if let Some(unique) = pending.take() {
                    let anchor = format!(
                        " <a class=\"anchor\" href=\"#{}\" aria-label=\"Link to this section\">#</a>",
                        crate::escape::html(&unique)
                    );
                    out.push(Event::InlineHtml(CowStr::from(anchor)));
                }
                out.push(Event::End(TagEnd::Heading(level)));
            }
            other => out.push(other),
        }
    }
    *events = out;
}

/// Byte offsets of line starts, to turn an offset into a file line and column.
struct LineIndex(Vec<usize>);

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex(starts)
    }

    fn span(&self, text: &str, offset: usize, first_line: usize) -> Span {
        let line = self.0.partition_point(|&s| s <= offset) - 1;
        let column = text[self.0[line]..offset].chars().count() + 1;
        Span::new(first_line + line, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> MarkdownOptions {
        MarkdownOptions {
            base_path: "/sahel/".into(),
            unsafe_html: true,
            shared_path: "/sahel/".into(),
            desk_credit: "Made by the desk".into(),
        }
    }

    /// Renders `body` of the file at `path`, in a site with no pictures.
    fn render_at(
        body: &Body,
        path: &Path,
        links: &LinkTargets,
        options: &MarkdownOptions,
        problems: &mut Vec<Diagnostic>,
    ) -> Rendered {
        let origin = Origin { path: path.to_path_buf(), ..Origin::default() };
        render(body, &origin, links, &SitePictures::default(), options, problems)
    }

    fn body(md: &str) -> Body {
        Body::new(md.to_string(), 10)
    }

    #[test]
    fn the_plain_text_has_every_word_and_keeps_blocks_apart() {
        let mut p = Vec::new();
        let md = "# Heading\n\nFirst *line* of [the text](https://example.org).\nSecond line.\n\n- one\n- two\n\n| a | b |\n|---|---|\n| c | d |\n";
        let r = render_at(&body(md), Path::new("x.md"), &LinkTargets::default(), &opts(), &mut p);
        assert_eq!(r.text, "Heading First line of the text. Second line. one two a b c d");
    }

    #[test]
    fn many_identical_headings_cost_linear_time() {
        // 30,000 `## Update` took 104 s when each id was found by counting up
        // from 1 and each anchor inserted into the middle of the events.
        let md = "## Update\n\nText.\n\n".repeat(30_000);
        let started = std::time::Instant::now();
        let mut p = Vec::new();
        let r = render_at(&body(&md), Path::new("x.md"), &LinkTargets::default(), &opts(), &mut p);
        assert!(r.html.contains("id=\"update\"") && r.html.contains("id=\"update-29999\""));
        assert!(!r.html.contains("id=\"update-30000\""));
        // A bound far above linear time (well under a second), far below quadratic.
        assert!(started.elapsed() < std::time::Duration::from_secs(20), "{:?}", started.elapsed());
    }

    #[test]
    fn an_explicit_heading_id_is_text_in_its_anchor() {
        let mut p = Vec::new();
        let r = render_at(&body("## Title {#a\"b}\n"), Path::new("x.md"), &LinkTargets::default(), &opts(), &mut p);
        assert!(!r.html.contains("href=\"#a\"b\""), "{}", r.html);
    }

    #[test]
    fn renders_tables_footnotes_strikethrough_and_smart_quotes() {
        let mut p = Vec::new();
        let md = "He said \"no\" -- twice.[^1]\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~old~~\n\n[^1]: A note.\n";
        let r = render_at(&body(md), Path::new("x.md"), &LinkTargets::default(), &opts(), &mut p);
        assert!(r.html.contains("“no”"), "{}", r.html);
        assert!(r.html.contains("–"), "{}", r.html);
        assert!(r.html.contains("<table>"));
        assert!(r.html.contains("<del>old</del>"));
        assert!(r.html.contains("footnote-definition"));
        assert!(p.is_empty());
    }

    #[test]
    fn headings_get_unique_anchors() {
        let mut p = Vec::new();
        let r = render_at(
            &body("## What happened\n\n## What happened\n"),
            Path::new("x.md"),
            &LinkTargets::default(),
            &opts(),
            &mut p,
        );
        assert!(r.html.contains("<h2 id=\"what-happened\">"), "{}", r.html);
        assert!(r.html.contains("<h2 id=\"what-happened-1\">"), "{}", r.html);
        assert!(r.html.contains("href=\"#what-happened\""));
    }

    #[test]
    fn a_missing_link_target_is_an_error_at_its_file_line() {
        let mut p = Vec::new();
        let md = "First line.\n\nSee [Kati](@/briefings/kati.md).\n";
        render_at(&body(md), Path::new("content/briefings/x.md"), &LinkTargets::default(), &opts(), &mut p);
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].code, "broken-link");
        assert_eq!(p[0].span, Some(Span::new(12, 5)));
    }

    #[test]
    fn first_paragraph_is_plain_text() {
        let mut p = Vec::new();
        let r = render_at(
            &body("## Head\n\nJNIM *struck* the `airport`\nat dawn.\n\nMore."),
            Path::new("x.md"),
            &LinkTargets::default(),
            &opts(),
            &mut p,
        );
        assert_eq!(r.first_paragraph.as_deref(), Some("JNIM struck the airport at dawn."));
    }

    #[test]
    fn addresses_that_run_code_are_refused_however_they_are_spelt() {
        for bad in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            " javascript:alert(1)",
            "java\tscript:x",
            "vbscript:x",
            "data:text/html,<script>x</script>",
            "\u{1}javascript:x",
        ] {
            assert!(!allowed_url(bad), "{bad:?}");
        }
        for good in [
            "https://example.org/",
            "http://x.org/a?b#c",
            "mailto:desk@example.org",
            "/a/b",
            "#top",
            "page/x",
            "a:b/c".split('/').next().unwrap_or_default(),
        ] {
            assert!(allowed_url(good) || good == "a:b", "{good:?}");
        }
        assert!(allowed_url("./x:y"));
    }

    #[test]
    fn safe_mode_drops_script_links_and_heading_attributes() {
        let o = MarkdownOptions { unsafe_html: false, ..opts() };
        let md = "## Title {#ok .cls onfocus=alert(1) autofocus}\n\n[a](javascript:alert(1)) [b](&#106;avascript:alert(2)) [c](JAVASCRIPT:x) [d]( javascript:x) [e](vbscript:x) [f](data:text/html,x) <javascript:alert(3)> ![g](javascript:x) [ok](https://example.org/)\n";
        let mut p = Vec::new();
        let r = render_at(&body(md), Path::new("x.md"), &LinkTargets::default(), &o, &mut p);
        let lower = r.html.to_lowercase();
        // The only addresses left are the safe ones; the rest is text.
        let addresses: Vec<&str> = lower
            .split(['"'])
            .enumerate()
            .filter(|(i, _)| i % 2 == 1)
            .map(|(_, v)| v)
            .filter(|v| v.contains(':'))
            .collect();
        assert_eq!(addresses, ["https://example.org/"], "{}", r.html);
        assert!(!lower.contains("<img"), "{}", r.html);
        assert!(!lower.contains("onfocus") && !lower.contains("autofocus"), "{}", r.html);
        assert!(r.html.contains("<h2 id=\"ok\" class=\"cls\">"), "{}", r.html);
        assert!(r.html.contains("<a href=\"https://example.org/\">ok</a>"), "{}", r.html);
        assert!(r.html.contains("<p>a b c d e f "), "the text stays: {}", r.html);
        assert!(p.is_empty());
        // Trusted mode keeps them, with a warning at the link.
        let mut p = Vec::new();
        render_at(
            &body("Text\n\n[a](javascript:alert(1))\n"),
            Path::new("x.md"),
            &LinkTargets::default(),
            &opts(),
            &mut p,
        );
        assert_eq!((p.len(), p[0].code, p[0].span), (1, "script-link", Some(Span::new(12, 1))));
    }

    #[test]
    fn raw_html_can_be_stripped() {
        let mut p = Vec::new();
        let o = MarkdownOptions { unsafe_html: false, ..opts() };
        let r = render_at(
            &body("<script>alert(1)</script>\n\nText <b>bold</b>"),
            Path::new("x.md"),
            &LinkTargets::default(),
            &o,
            &mut p,
        );
        assert!(!r.html.contains("<script>") && !r.html.contains("<b>"), "{}", r.html);
        let r = render_at(&body("Text <b>bold</b>"), Path::new("x.md"), &LinkTargets::default(), &opts(), &mut p);
        assert!(r.html.contains("<b>bold</b>"));
    }
}
