//! Atom feeds (site, each group, each country), `sitemap.xml` and `robots.txt`.
//!
//! Feeds carry the latest briefings with their full text; an entry's
//! `updated` is its last update or correction. Atom goes through the
//! `atom_syndication` crate, the sitemap through `quick-xml`.

use atom_syndication::{Content, Entry, Feed, FixedDateTime, Link, Person, Text};
use jiff::civil::Date;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use serde::Serialize;

use crate::index::{BriefingId, SiteIndex};

use super::fingerprint::Hashed;

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

fn stamp(d: &str) -> FixedDateTime {
    FixedDateTime::parse_from_rfc3339(&format!("{d}T00:00:00Z")).unwrap_or_default()
}

/// What an Atom feed is made of.
#[derive(Serialize)]
pub struct FeedInputs<'a> {
    /// The feed's title.
    pub title: String,
    /// Its own address.
    pub url: String,
    /// The address of the page it is about.
    pub alternate: String,
    /// The site's language.
    pub language: &'a str,
    /// The site's title, as the feed's author.
    pub author: &'a str,
    /// The site's address.
    pub author_url: &'a str,
    /// The site's description.
    pub subtitle: Option<&'a str>,
    /// The entries, newest first.
    pub entries: Vec<EntryInputs<'a>>,
}

/// What a feed entry is made of.
#[derive(Serialize)]
pub struct EntryInputs<'a> {
    /// The briefing's address.
    pub url: String,
    /// Its headline.
    pub title: &'a str,
    /// Its lead.
    pub summary: Hashed<'a, str>,
    /// Its full text, as HTML.
    pub body: Hashed<'a, str>,
    /// Day of publication, when known.
    pub published: Option<String>,
    /// The day it last changed (Atom requires one).
    pub updated: String,
}

impl FeedInputs<'_> {
    /// The feed, as Atom XML.
    pub fn bytes(&self) -> Vec<u8> {
        let entries: Vec<Entry> = self
            .entries
            .iter()
            .map(|e| {
                let mut entry = Entry::default();
                entry.set_title(Text::plain(e.title.to_string()));
                entry.set_id(e.url.clone());
                entry.set_links(vec![Link {
                    href: e.url.clone(),
                    rel: "alternate".into(),
                    mime_type: Some("text/html".into()),
                    ..Link::default()
                }]);
                entry.set_published(e.published.as_deref().map(stamp));
                entry.set_updated(stamp(&e.updated));
                entry.set_summary(Some(Text::plain(e.summary.value.to_string())));
                let mut content = Content::default();
                content.set_content_type(Some("html".to_string()));
                content.set_base(Some(e.url.clone()));
                content.set_value(Some(e.body.value.to_string()));
                entry.set_content(Some(content));
                entry
            })
            .collect();
        let updated = self.entries.iter().map(|e| e.updated.as_str()).max().unwrap_or("1970-01-01");
        let mut feed = Feed::default();
        feed.set_title(Text::plain(self.title.clone()));
        feed.set_id(self.url.clone());
        feed.set_updated(stamp(updated));
        feed.set_lang(Some(self.language.to_string()));
        feed.set_authors(vec![Person {
            name: self.author.to_string(),
            uri: Some(self.author_url.to_string()),
            ..Person::default()
        }]);
        feed.set_links(vec![
            Link {
                href: self.url.clone(),
                rel: "self".into(),
                mime_type: Some("application/atom+xml".into()),
                ..Link::default()
            },
            Link {
                href: self.alternate.clone(),
                rel: "alternate".into(),
                mime_type: Some("text/html".into()),
                ..Link::default()
            },
        ]);
        if let Some(description) = self.subtitle {
            feed.set_subtitle(Some(Text::plain(description.to_string())));
        }
        feed.set_entries(entries);
        feed.write_to(Vec::new()).unwrap_or_default()
    }
}

/// `sitemap.xml`: each page's address, with its last change when known.
pub fn sitemap(pages: &[SitemapEntry]) -> Vec<u8> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    let _ = w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
    let mut urlset = BytesStart::new("urlset");
    urlset.push_attribute(("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"));
    if pages.iter().any(|p| !p.alternates.is_empty()) {
        urlset.push_attribute(("xmlns:xhtml", "http://www.w3.org/1999/xhtml"));
    }
    let _ = w.write_event(Event::Start(urlset));
    for page in pages {
        let _ = w.write_event(Event::Start(BytesStart::new("url")));
        text_element(&mut w, "loc", &page.url);
        if let Some(d) = &page.lastmod {
            text_element(&mut w, "lastmod", d);
        }
        for (code, href) in &page.alternates {
            let mut link = BytesStart::new("xhtml:link");
            link.push_attribute(("rel", "alternate"));
            link.push_attribute(("hreflang", code.as_str()));
            link.push_attribute(("href", href.as_str()));
            let _ = w.write_event(Event::Empty(link));
        }
        let _ = w.write_event(Event::End(BytesEnd::new("url")));
    }
    let _ = w.write_event(Event::End(BytesEnd::new("urlset")));
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    bytes
}

/// One page of the sitemap.
pub struct SitemapEntry {
    /// Its address.
    pub url: String,
    /// Its last change (`YYYY-MM-DD`), when known.
    pub lastmod: Option<String>,
    /// Its address in every language (code, address), itself included;
    /// empty for a site in one language.
    pub alternates: Vec<(String, String)>,
}

fn text_element(w: &mut Writer<Vec<u8>>, name: &str, text: &str) {
    let _ = w.write_event(Event::Start(BytesStart::new(name)));
    let _ = w.write_event(Event::Text(BytesText::new(text)));
    let _ = w.write_event(Event::End(BytesEnd::new(name)));
}
