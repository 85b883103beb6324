//! schema.org `NewsArticle` JSON-LD for briefing pages, for search engines
//! and link previews.

use serde::Serialize;

use crate::config::{Config, Language};
use crate::index::{BriefingId, SiteIndex};

use super::Urls;

/// The JSON-LD of briefing `id`, ready to sit inside
/// a `<script>` element (`<`, `>` and `&` are written as JSON escapes).
/// `language` is the page's: its code and the site's name in it.
pub fn news_article(index: &SiteIndex, id: BriefingId, urls: &Urls, config: &Config, language: &Language) -> String {
    let b = &index.briefings[id];
    let url = urls.absolute(&crate::urls::briefing(&b.slug));
    let organisation = Organisation { kind: "Organization", name: &language.title, url: &config.base_url };
    let dates = &index.publication[id];
    let article = NewsArticle {
        context: "https://schema.org",
        kind: "NewsArticle",
        headline: &b.title,
        url: &url,
        author: &organisation,
        publisher: &organisation,
        in_language: &language.code,
        content_location: b
            .locations
            .iter()
            .map(|l| Place {
                kind: "Place",
                name: &l.name,
                address: Address { kind: "PostalAddress", address_country: l.country.as_str() },
                geo: l.coordinates.map(|(latitude, longitude)| Geo { kind: "GeoCoordinates", latitude, longitude }),
            })
            .collect(),
        keywords: b.tags.iter().chain(&b.tactics).chain(&b.targets).map(String::as_str).collect(),
        citation: b.sources.iter().map(|s| s.url.as_deref()).collect(),
        date_published: dates.published.map(|d| d.to_string()),
        date_modified: dates.changed.map(|d| d.to_string()),
        spatial_coverage: index.incident_countries[id].first().map(|&c| index.countries[c].name.as_str()),
    };
    let json = serde_json::to_string(&article).unwrap_or_default();
    // Inside <script>, markup characters must not appear as such.
    if !json.contains(['<', '>', '&']) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    out
}

#[derive(Serialize)]
struct NewsArticle<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    headline: &'a str,
    url: &'a str,
    author: &'a Organisation<'a>,
    publisher: &'a Organisation<'a>,
    #[serde(rename = "inLanguage")]
    in_language: &'a str,
    #[serde(rename = "contentLocation")]
    content_location: Vec<Place<'a>>,
    keywords: Vec<&'a str>,
    citation: Vec<Option<&'a str>>,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    date_published: Option<String>,
    #[serde(rename = "dateModified", skip_serializing_if = "Option::is_none")]
    date_modified: Option<String>,
    #[serde(rename = "spatialCoverage", skip_serializing_if = "Option::is_none")]
    spatial_coverage: Option<&'a str>,
}

#[derive(Serialize)]
struct Organisation<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    url: &'a str,
}

#[derive(Serialize)]
struct Place<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    address: Address<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    geo: Option<Geo>,
}

#[derive(Serialize)]
struct Address<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "addressCountry")]
    address_country: &'a str,
}

#[derive(Serialize)]
struct Geo {
    #[serde(rename = "@type")]
    kind: &'static str,
    latitude: f64,
    longitude: f64,
}
