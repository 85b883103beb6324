//! Atom feeds (site, each group, each country), `sitemap.xml` and `robots.txt`.
//!
//! Feeds carry the latest briefings with their full text; an entry's
//! `updated` is its last update or correction. Atom goes through the
//! `atom_syndication` crate, the sitemap through `quick-xml`.

use atom_syndication::{Content, Entry, Feed, FixedDateTime, Link, Person, Text};
use jiff::civil::Date;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use crate::index::{BriefingId, SiteIndex};

use super::Prepared;

/// How many briefings a feed carries (the newest), each with its full text.
/// Feed readers poll and keep what they saw, so the last twenty (the common
/// default of feed generators is ten to twenty) lose no reader anything, and
/// keep the 53 feeds of a site from outweighing the pages.
pub const FEED_ENTRIES: usize = 20;

/// The day an entry last changed, for a feed, which needs one for every
/// entry: its publication, update or correction, else the day its file was
/// last modified (never the incident's date).
pub fn entry_updated(index: &SiteIndex, id: BriefingId) -> Date {
    let p = &index.publication[id];
    p.changed.or(p.modified).unwrap_or(EPOCH)
}

/// The start of Unix time: the feed's date when nothing at all is known.
const EPOCH: Date = Date::constant(1970, 1, 1);

fn stamp(d: Date) -> FixedDateTime {
    FixedDateTime::parse_from_rfc3339(&format!("{d}T00:00:00Z")).unwrap_or_default()
}

/// An Atom feed of `ids` (newest first), titled `title`, at `path` (a page path
/// such as `groups/jnim/atom.xml`), about the page at `alternate`.
pub fn atom(prepared: &Prepared<'_>, title: &str, path: &str, alternate: &str, ids: &[BriefingId]) -> Vec<u8> {
    let index = prepared.index;
    let urls = &prepared.urls;
    let config = prepared.config;
    let mut ids: Vec<BriefingId> = ids.to_vec();
    let key = |id: BriefingId| index.publication[id].sort_key(&index.briefings[id]);
    ids.sort_by(|&a, &b| key(b).cmp(&key(a)).then(b.cmp(&a)));
    ids.truncate(FEED_ENTRIES);
    let entries: Vec<Entry> = ids
        .iter()
        .map(|&id| {
            let b = &index.briefings[id];
            let url = urls.absolute(&crate::urls::briefing(&b.slug));
            let mut entry = Entry::default();
            entry.set_title(Text::plain(b.title.clone()));
            entry.set_id(url.clone());
            entry.set_links(vec![Link {
                href: url.clone(),
                rel: "alternate".into(),
                mime_type: Some("text/html".into()),
                ..Link::default()
            }]);
            entry.set_published(index.publication[id].published.map(stamp));
            entry.set_updated(stamp(entry_updated(index, id)));
            entry.set_summary(Some(Text::plain(prepared.incidents[id].row.summary.clone())));
            let mut content = Content::default();
            content.set_content_type(Some("html".to_string()));
            content.set_base(Some(url));
            content.set_value(Some(prepared.briefing_bodies[id].html.clone()));
            entry.set_content(Some(content));
            entry
        })
        .collect();
    let updated = ids.iter().map(|&id| entry_updated(index, id)).max().unwrap_or(EPOCH);
    let feed_url = urls.absolute(path);
    let mut feed = Feed::default();
    feed.set_title(Text::plain(title.to_string()));
    feed.set_id(feed_url.clone());
    feed.set_updated(stamp(updated));
    feed.set_lang(Some(config.language.clone()));
    feed.set_authors(vec![Person {
        name: config.title.clone(),
        uri: Some(config.base_url.clone()),
        ..Person::default()
    }]);
    feed.set_links(vec![
        Link { href: feed_url, rel: "self".into(), mime_type: Some("application/atom+xml".into()), ..Link::default() },
        Link {
            href: urls.absolute(alternate),
            rel: "alternate".into(),
            mime_type: Some("text/html".into()),
            ..Link::default()
        },
    ]);
    if let Some(description) = &config.description {
        feed.set_subtitle(Some(Text::plain(description.clone())));
    }
    feed.set_entries(entries);
    feed.write_to(Vec::new()).unwrap_or_default()
}

/// `sitemap.xml`: every HTML page but the 404, with the day briefings last changed.
pub fn sitemap(prepared: &Prepared<'_>, pages: &[(String, Option<Date>)]) -> Vec<u8> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    let _ = w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
    let mut urlset = BytesStart::new("urlset");
    urlset.push_attribute(("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"));
    let _ = w.write_event(Event::Start(urlset));
    for (path, lastmod) in pages {
        let _ = w.write_event(Event::Start(BytesStart::new("url")));
        text_element(&mut w, "loc", &prepared.urls.absolute(path));
        if let Some(d) = lastmod {
            text_element(&mut w, "lastmod", &d.to_string());
        }
        let _ = w.write_event(Event::End(BytesEnd::new("url")));
    }
    let _ = w.write_event(Event::End(BytesEnd::new("urlset")));
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    bytes
}

fn text_element(w: &mut Writer<Vec<u8>>, name: &str, text: &str) {
    let _ = w.write_event(Event::Start(BytesStart::new(name)));
    let _ = w.write_event(Event::Text(BytesText::new(text)));
    let _ = w.write_event(Event::End(BytesEnd::new(name)));
}

/// `robots.txt`: everything may be crawled; where the sitemap is.
pub fn robots(prepared: &Prepared<'_>) -> Vec<u8> {
    format!("User-agent: *\nAllow: /\n\nSitemap: {}\n", prepared.urls.absolute("sitemap.xml")).into_bytes()
}
