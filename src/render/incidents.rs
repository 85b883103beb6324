//! Incidents ready to show: each briefing's row (for every list that shows
//! it), its page's own parts, its data record as JSON, a CSV line and GeoJSON
//! points, its schema.org data and the inputs of its map. Each is built once
//! per build, shared by every page and file that shows it, and kept between
//! rebuilds of a live preview under the fingerprint of what it is made of.
//!
//! Each form carries a fingerprint of its content, so the pages and files
//! that show it can tell whether they changed without reading it again.

use foldhash::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use jiff::civil::Date;
use rayon::prelude::*;

use crate::index::{BriefingId, SiteIndex};
use crate::markdown::Rendered;

use super::Urls;
use super::Words;
use super::data;
use super::fingerprint;
use super::places::MapInputs;
use super::record;
use super::views::{self, IncidentRow};

/// One incident, in every form the pages and downloads show it.
pub struct Incident {
    /// Fingerprint of everything it is made of (its key in the cache): equal
    /// fingerprints, equal incidents in every form.
    pub fingerprint: u64,
    /// The list form, for code (maps, feeds).
    pub row: IncidentRow,
    /// The same row as a template value: every list shares it, none copies it.
    pub value: tera::Value,
    /// Fingerprint of the row.
    pub row_fingerprint: u64,
    /// Fingerprint of what its own page shows besides its body and
    /// neighbours: its [`PageParts`], made again when the page is rendered.
    pub detail_fingerprint: u64,
    /// The record as compact JSON, for the JSON downloads.
    pub json: String,
    /// Its line of `incidents.csv`.
    pub csv: Vec<u8>,
    /// Its points of `incidents.geojson`, each as compact JSON.
    pub features: Vec<String>,
    /// What the explorer reads of it, as compact JSON.
    pub explorer: String,
    /// Fingerprint of the JSON, CSV, GeoJSON and explorer forms.
    pub data_fingerprint: u64,
    /// Fingerprint of what maps and charts gather of it (its date, kind,
    /// countries, places and killed, with the language's words): a retitled
    /// incident leaves the gatherings it is in as they were.
    pub gathered_fingerprint: u64,
}

/// What an incident's own page shows besides its body and neighbours. Made
/// when its fingerprint is taken and again when the page is rendered, never
/// kept: at 10,000 briefings it would be most of the memory a build needs.
#[derive(serde::Serialize)]
pub struct PageParts<'a> {
    /// The detail, as the template sees it (`briefing`).
    pub detail: views::BriefingDetail<'a>,
    /// schema.org `NewsArticle` JSON-LD, safe inside a script element.
    pub json_ld: String,
    /// What its map is drawn from (none when no place has coordinates).
    pub map: Option<MapInputs>,
}

impl<'a> PageParts<'a> {
    /// The parts of incident `id`'s page, given its row as code and as a template value.
    pub fn of(
        index: &'a SiteIndex,
        id: BriefingId,
        row: &IncidentRow,
        value: &'a tera::Value,
        urls: &Urls,
        words: &Words,
        config: &crate::config::Config,
    ) -> PageParts<'a> {
        PageParts {
            detail: views::briefing_detail(index, id, value, urls, words),
            json_ld: super::structured::news_article(
                index,
                id,
                urls,
                config,
                &config.languages[config.language_index(words.language()).unwrap_or(0)],
            ),
            map: super::places::briefing_map_inputs(index, id, row, urls, words),
        }
    }
}

/// Incidents, kept under the fingerprint of what each is made of.
#[derive(Default)]
pub struct IncidentCache {
    entries: HashMap<u64, Arc<Incident>>,
}

/// What a build needs to make incidents.
pub struct Making<'a> {
    /// The index.
    pub index: &'a SiteIndex,
    /// Rendered bodies, by briefing id.
    pub bodies: &'a [Arc<Rendered>],
    /// Addresses.
    pub urls: &'a Urls,
    /// Words of the site's language.
    pub words: &'a Words,
    /// The site's settings (schema.org data names the site).
    pub config: &'a crate::config::Config,
    /// Today (scheduled briefings are marked).
    pub today: Date,
}

impl IncidentCache {
    /// Every incident of the index by id, reusing the ones whose inputs are
    /// unchanged; the others are forgotten.
    pub fn build(&mut self, m: &Making<'_>) -> Vec<Arc<Incident>> {
        let site = site_fingerprint(m);
        let keys: Vec<u64> = (0..m.index.briefings.len()).into_par_iter().map(|id| key(m, site, id)).collect();
        let incidents: Vec<Arc<Incident>> = keys
            .par_iter()
            .enumerate()
            .map(|(id, k)| match self.entries.get(k) {
                Some(incident) => Arc::clone(incident),
                None => Arc::new(build(m, id, *k)),
            })
            .collect();
        self.entries = keys.into_iter().zip(incidents.iter().cloned()).collect();
        incidents
    }
}

/// What every incident shows that is not its own: the site's address and
/// title, the words, the day (scheduled or not), the names and addresses of
/// groups and countries.
fn site_fingerprint(m: &Making<'_>) -> u64 {
    let mut h = fingerprint::hasher();
    (m.urls.absolute(""), &m.config.languages, m.words.fingerprint(), m.today).hash(&mut h);
    for g in &m.index.groups {
        (&g.name, &g.slug).hash(&mut h);
    }
    for c in &m.index.countries {
        (c.code.as_str(), &c.name, &c.slug).hash(&mut h);
    }
    h.finish()
}

/// The fingerprint of what incident `id` is made of.
fn key(m: &Making<'_>, site: u64, id: BriefingId) -> u64 {
    let index = m.index;
    let mut h = fingerprint::hasher();
    site.hash(&mut h);
    index.briefings[id].origin.fingerprint.hash(&mut h);
    m.bodies[id].fingerprint.hash(&mut h);
    index.involvements[id].hash(&mut h);
    index.incident_countries[id].hash(&mut h);
    index.publication[id].hash(&mut h);
    index.pictures.folder_fingerprint(&index.briefings[id].origin.content_path).hash(&mut h);
    // Its terms are shown by the name and address the whole site gives them.
    let terms = &index.briefing_terms[id];
    for &t in terms.targets.iter().chain(&terms.tactics).chain(&terms.tags).chain(terms.regions.iter().flatten()) {
        (&index.terms[t].name, &index.terms[t].slug).hash(&mut h);
    }
    h.finish()
}

/// Builds incident `id` from scratch.
fn build(m: &Making<'_>, id: BriefingId, fingerprint: u64) -> Incident {
    let index = m.index;
    let b = &index.briefings[id];
    let body = &m.bodies[id];
    let summary = b.summary.as_deref().or(body.first_paragraph.as_deref()).unwrap_or("");
    let row = views::incident_row(index, id, summary, m.urls, m.words, (b.draft, b.is_scheduled(m.today)));
    // A row is plain text, flags and lists: it always serialises.
    let value = tera::Value::try_from_serializable(&row).unwrap_or_else(|_| tera::Value::none());
    let row_fingerprint = fingerprint::of(&row);
    let detail_fingerprint = fingerprint::of(&PageParts::of(index, id, &row, &value, m.urls, m.words, m.config));
    let record = record::record(index, id, summary, m.urls);
    let csv_row = data::csv_row(&record);
    let json = data::record_json(&record);
    let csv = data::csv_line(&csv_row);
    let features: Vec<String> =
        data::features(&record, &csv_row).iter().map(|f| serde_json::to_string(f).unwrap_or_default()).collect();
    let explorer = data::explorer_json(&record, m.urls.to(&crate::urls::briefing(&b.slug)));
    let data_fingerprint = fingerprint::of(&(&json, &csv, &features, &explorer));
    let gathered_fingerprint = {
        let mut h = fingerprint::hasher();
        (m.words.fingerprint(), b.is_incident(), &b.date, &b.countries).hash(&mut h);
        index.figures[id].range(crate::model::CasualtyKind::Killed).hash(&mut h);
        for l in &b.locations {
            (&l.name, l.coordinates.map(|(lat, lon)| (lat.to_bits(), lon.to_bits()))).hash(&mut h);
        }
        h.finish()
    };
    Incident {
        fingerprint,
        row,
        value,
        row_fingerprint,
        detail_fingerprint,
        json,
        csv,
        features,
        explorer,
        data_fingerprint,
        gathered_fingerprint,
    }
}
