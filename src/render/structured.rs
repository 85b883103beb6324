//! schema.org `NewsArticle` JSON-LD for briefing pages, for search engines
//! and link previews.

use serde_json::{Value, json};

use crate::config::{Config, Language};
use crate::index::{BriefingId, SiteIndex};

use super::Urls;

/// The JSON-LD of briefing `id` with its lead `summary`, ready to sit inside
/// a `<script>` element (`<`, `>` and `&` are written as JSON escapes).
/// `language` is the page's: its code and the site's name in it.
pub fn news_article(
    index: &SiteIndex,
    id: BriefingId,
    summary: &str,
    urls: &Urls,
    config: &Config,
    language: &Language,
) -> String {
    let b = &index.briefings[id];
    let url = urls.absolute(&crate::urls::briefing(&b.slug));
    let organisation = json!({"@type": "Organization", "name": language.title, "url": config.base_url});
    let places: Vec<Value> = b
        .locations
        .iter()
        .map(|l| {
            let mut place = json!({"@type": "Place", "name": l.name, "address": {"@type": "PostalAddress", "addressCountry": l.country.as_str()}});
            if let Some((lat, lon)) = l.coordinates {
                place["geo"] = json!({"@type": "GeoCoordinates", "latitude": lat, "longitude": lon});
            }
            place
        })
        .collect();
    let mut article = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": b.title,
        "description": summary,
        "url": url,
        "mainEntityOfPage": url,

        "author": organisation,
        "publisher": organisation,
        "inLanguage": language.code,
        "contentLocation": places,
        "keywords": b.tags.iter().chain(&b.tactics).chain(&b.targets).cloned().collect::<Vec<_>>(),
        "citation": b.sources.iter().map(|s| s.url.clone()).collect::<Vec<_>>(),
    });
    let dates = &index.publication[id];
    if let Some(published) = dates.published {
        article["datePublished"] = json!(published.to_string());
    }
    if let Some(changed) = dates.changed {
        article["dateModified"] = json!(changed.to_string());
    }
    if let Some(&country) = index.incident_countries[id].first() {
        article["spatialCoverage"] = json!(index.countries[country].name);
    }
    // Inside <script>, markup characters must not appear as such.
    article.to_string().replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}
