//! Files made without a template: feeds, data downloads, sitemap, robots.txt.
//!
//! Each is described first by its inputs (`FileInputs`: everything its bytes
//! are made of, and nothing else), which give its fingerprint; the bytes are
//! made from the inputs alone, and only when the file is written.

use serde::Serialize;

use crate::index::BriefingId;

use super::Prepared;
use super::data;
use super::feeds::{self, EntryInputs, FeedInputs};
use super::fingerprint::Hashed;
use super::jobs::{self, Job};
use super::words::Value;

/// What a non-template file is made of.
#[derive(Serialize)]
pub enum FileInputs<'a> {
    /// An Atom feed.
    Feed(FeedInputs<'a>),
    /// Incidents as JSON: a title, the site's address, each incident's record.
    Json {
        /// What the file holds.
        title: String,
        /// The site's address.
        source: &'a str,
        /// Each incident's record, as compact JSON.
        records: Vec<Hashed<'a, str>>,
    },
    /// `incidents.csv`: each incident's line.
    Csv(Vec<Hashed<'a, [u8]>>),
    /// `incidents.geojson`: each incident's points.
    Geojson(Vec<Hashed<'a, [String]>>),
    /// `sitemap.xml`: the site's address, then each page: a briefing by its
    /// slug and last change, any other page by its path.
    /// With several languages, each page is listed in each language, with
    /// its alternates: (code, folder) of every language, the main one first.
    Sitemap(&'a str, Vec<(&'a str, String)>, Vec<SitemapPage<'a>>),
    /// `robots.txt`: where the sitemap is.
    Robots(String),
    /// The shared map outlines, written out.
    MapOutlines(&'a str),
}

impl FileInputs<'_> {
    /// The bytes of the file.
    pub fn bytes(&self) -> Vec<u8> {
        match self {
            FileInputs::Feed(feed) => feed.bytes(),
            FileInputs::MapOutlines(svg) => svg.as_bytes().to_vec(),
            FileInputs::Json { title, source, records } => {
                data::json(title, source, &records.iter().map(|r| r.value).collect::<Vec<_>>())
            }
            FileInputs::Csv(lines) => data::csv(&lines.iter().map(|l| l.value).collect::<Vec<_>>()),
            FileInputs::Geojson(features) => {
                data::geojson(&features.iter().flat_map(|f| f.value.iter().map(String::as_str)).collect::<Vec<_>>())
            }
            FileInputs::Sitemap(base, languages, pages) => {
                let mut entries = Vec::with_capacity(pages.len() * languages.len());
                for p in pages {
                    let (path, lastmod) = match p {
                        SitemapPage::Briefing(slug, changed) => {
                            (crate::urls::briefing(slug), changed.map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")))
                        }
                        SitemapPage::Other(path) => (path.clone(), None),
                    };
                    let alternates: Vec<(String, String)> = if languages.len() > 1 {
                        languages
                            .iter()
                            .map(|(code, folder)| (code.to_string(), format!("{base}{folder}{path}")))
                            .collect()
                    } else {
                        Vec::new()
                    };
                    for (_, folder) in languages {
                        entries.push(feeds::SitemapEntry {
                            url: format!("{base}{folder}{path}"),
                            lastmod: lastmod.clone(),
                            alternates: alternates.clone(),
                        });
                    }
                }
                feeds::sitemap(&entries)
            }
            FileInputs::Robots(sitemap) => format!("User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n").into_bytes(),
        }
    }
}

/// A page of the sitemap, as little as gives its entry: there are as many
/// as pages, and a live preview takes the sitemap's fingerprint on every edit.
#[derive(Serialize)]
pub enum SitemapPage<'a> {
    /// A briefing: its slug and last change (year, month, day).
    Briefing(&'a str, Option<(i16, i8, i8)>),
    /// Any other page: its path.
    Other(String),
}

/// The inputs of non-template `job`.
pub fn inputs<'a>(job: &Job, site: &'a Prepared<'a>) -> FileInputs<'a> {
    let index = site.index;
    let title = &site.config.languages[site.language].title;
    let newest_first = || index.newest_first().collect::<Vec<BriefingId>>();
    let path = jobs::path_of(job, index);
    let words = site.words;
    let phrase =
        |key: &str, name: &str| words.phrase(key, &[("site", Value::Text(title)), ("name", Value::Text(name))]);
    let json = |title: String, ids: &[BriefingId]| FileInputs::Json {
        title,
        source: &site.config.base_url,
        records: ids
            .iter()
            .map(|&id| Hashed::new(site.incidents[id].json.as_str(), site.incidents[id].data_fingerprint))
            .collect(),
    };
    match *job {
        Job::SiteFeed => {
            FileInputs::Feed(feed(site, phrase("feed-title-site", ""), path, String::new(), &newest_first()))
        }
        Job::GroupFeed(g) => {
            let group = &index.groups[g];
            let alternate = crate::urls::group(&group.slug);
            FileInputs::Feed(feed(site, phrase("feed-title-group", &group.name), path, alternate, &group.incidents))
        }
        Job::CountryFeed(c) => {
            let country = &index.countries[c];
            let alternate = crate::urls::country(&country.slug);
            FileInputs::Feed(feed(
                site,
                phrase("feed-title-country", &country.name),
                path,
                alternate,
                &country.incidents,
            ))
        }
        Job::TermFeed(t) => {
            let term = &index.terms[t];
            let name = super::terms::full_name(site, t);
            let alternate = index.term_path(t);
            FileInputs::Feed(feed(site, phrase("feed-title-term", &name), path, alternate, &term.incidents))
        }
        Job::IncidentsJson => json(phrase("data-title-site", ""), &newest_first()),
        Job::ExplorerData(part) => FileInputs::Json {
            title: phrase("data-title-site", ""),
            source: &site.config.base_url,
            records: index
                .newest_first()
                .skip(part * jobs::EXPLORER_PART)
                .take(jobs::EXPLORER_PART)
                .map(|id| Hashed::new(site.incidents[id].explorer.as_str(), site.incidents[id].data_fingerprint))
                .collect(),
        },
        Job::IncidentsCsv => FileInputs::Csv(
            newest_first()
                .iter()
                .map(|&id| Hashed::new(site.incidents[id].csv.as_slice(), site.incidents[id].data_fingerprint))
                .collect(),
        ),
        Job::IncidentsGeojson => FileInputs::Geojson(
            newest_first()
                .iter()
                .map(|&id| Hashed::new(site.incidents[id].features.as_slice(), site.incidents[id].data_fingerprint))
                .collect(),
        ),
        Job::GroupJson(g) => {
            let group = &index.groups[g];
            json(phrase("data-title-group", &group.name), &group.incidents)
        }
        Job::CountryJson(c) => {
            let country = &index.countries[c];
            json(phrase("data-title-country", &country.name), &country.incidents)
        }
        Job::Sitemap => FileInputs::Sitemap(
            &site.config.base_url,
            site.config
                .languages
                .iter()
                .enumerate()
                .map(|(i, l)| (l.code.as_str(), super::Urls::of_language(site.config, i).prefix().to_string()))
                .collect(),
            site.jobs
                .iter()
                .filter(|j| j.is_page() && **j != Job::NotFound)
                .map(|j| match *j {
                    Job::Briefing(id) => SitemapPage::Briefing(
                        &index.briefings[id].slug,
                        index.publication[id].changed.map(|d| (d.year(), d.month(), d.day())),
                    ),
                    _ => SitemapPage::Other(jobs::path_of(j, index)),
                })
                .collect(),
        ),
        Job::Robots => FileInputs::Robots(site.urls.absolute("sitemap.xml")),
        Job::MapOutlines => FileInputs::MapOutlines(site.world.map_or("", |w| w.base_layer())),
        _ => FileInputs::Robots(String::new()),
    }
}

/// The inputs of an Atom feed of `ids` (the newest `FEED_ENTRIES` by
/// publication), titled `title`, at page path `path`, about the page at `alternate`.
fn feed<'a>(
    site: &'a Prepared<'a>,
    title: String,
    path: String,
    alternate: String,
    ids: &[BriefingId],
) -> FeedInputs<'a> {
    let index = site.index;
    let ids = index.latest(ids.iter().copied(), feeds::FEED_ENTRIES);
    let entries = ids
        .iter()
        .map(|&id| {
            let incident = &site.incidents[id];
            let body = &site.briefing_bodies[id];
            EntryInputs {
                url: site.urls.absolute(&crate::urls::briefing(&index.briefings[id].slug)),
                title: &index.briefings[id].title,
                summary: Hashed::new(incident.row.summary.as_str(), incident.row_fingerprint),
                body: Hashed::new(body.html.as_str(), body.fingerprint),
                published: index.publication[id].published.map(|d| d.to_string()),
                updated: feeds::entry_updated(index, id).to_string(),
            }
        })
        .collect();
    FeedInputs {
        title,
        url: site.urls.absolute(&path),
        alternate: site.urls.absolute(&alternate),
        language: &site.config.languages[site.language].code,
        author: &site.config.languages[site.language].title,
        author_url: &site.config.base_url,
        subtitle: site.config.languages[site.language].description.as_deref(),
        entries,
    }
}
