//! Incidents ready to show: each briefing's row (for every list that shows
//! it) and its data record as JSON, a CSV line and GeoJSON points. Each is
//! built once per build, shared by every page and file, and kept between
//! rebuilds of a live preview while what it is made of (the briefing, its
//! lead, the names and addresses of its groups and countries) stays the same.

use std::collections::HashMap;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use jiff::civil::Date;
use rayon::prelude::*;

use crate::index::{BriefingId, CountryId, Involvement, Publication, SiteIndex};
use crate::markdown::Rendered;
use crate::model::Briefing;

use super::Urls;
use super::Words;
use super::data;
use super::record;
use super::views::{self, IncidentRow};

/// One incident, in every form the pages and downloads show it.
pub struct Incident {
    /// The list form, for code (maps, feeds, structured data).
    pub row: IncidentRow,
    /// The same row as a template value: every list shares it, none copies it.
    pub value: tera::Value,
    /// The record as compact JSON, for the JSON downloads.
    pub json: String,
    /// Its line of `incidents.csv`.
    pub csv: Vec<u8>,
    /// Its points of `incidents.geojson`, each as compact JSON.
    pub features: Vec<String>,
}

/// What an incident is made of besides the names of groups and countries:
/// it is built again when any of it differs.
struct Inputs {
    briefing: Arc<Briefing>,
    body: Arc<Rendered>,
    involvements: Vec<Involvement>,
    countries: Vec<CountryId>,
    publication: Publication,
}

/// Incidents by briefing, reused while their inputs are the same.
///
/// Keyed by the briefing's allocation: a live preview keeps every unchanged
/// briefing in the same `Arc` between rebuilds, so finding an incident costs
/// no hashing of text. The entry holds that `Arc`, so the address cannot be
/// reused by another briefing while the entry lives.
#[derive(Default)]
pub struct IncidentCache {
    /// Fingerprint of the site address, the day, and every group's and
    /// country's name and address, which incidents show.
    site: u64,
    entries: HashMap<usize, (Inputs, Arc<Incident>)>,
    /// What the last call returned, with each one's key, for `build_changed`.
    last: Vec<(usize, Arc<Incident>)>,
}

impl IncidentCache {
    /// Every incident of `index` by id, reusing what is still valid; the
    /// incidents of briefings that are gone are forgotten.
    pub fn build_all(
        &mut self,
        index: &SiteIndex,
        bodies: &[Arc<Rendered>],
        urls: &Urls,
        words: &Words,
        today: Date,
    ) -> Vec<Arc<Incident>> {
        let site = site_fingerprint(index, urls, words, today);
        if site != self.site {
            self.entries.clear();
            self.site = site;
        }
        let mut entries = std::mem::take(&mut self.entries);
        let built: Vec<(Inputs, Arc<Incident>)> = (0..index.briefings.len())
            .into_par_iter()
            .map(|id| reuse_or_build(&entries, index, id, bodies, urls, words, today))
            .collect();
        // Only what this build has is kept: the incidents of briefings that are gone are dropped.
        entries.clear();
        self.last.clear();
        for (inputs, incident) in built {
            self.last.push((key(&inputs.briefing), Arc::clone(&incident)));
            entries.insert(key(&inputs.briefing), (inputs, incident));
        }
        self.entries = entries;
        self.incidents()
    }

    /// The incidents of the last call, by id.
    fn incidents(&self) -> Vec<Arc<Incident>> {
        self.last.iter().map(|(_, incident)| Arc::clone(incident)).collect()
    }

    /// Like `build_all` for an index that differs from the last one only in
    /// the briefings `changed`: only they are looked at, the rest are the last call's.
    pub fn build_changed(
        &mut self,
        index: &SiteIndex,
        changed: &[BriefingId],
        bodies: &[Arc<Rendered>],
        urls: &Urls,
        words: &Words,
        today: Date,
    ) -> Vec<Arc<Incident>> {
        if self.last.len() != index.briefings.len() || site_fingerprint(index, urls, words, today) != self.site {
            return self.build_all(index, bodies, urls, words, today);
        }
        for &id in changed {
            let (inputs, incident) = reuse_or_build(&self.entries, index, id, bodies, urls, words, today);
            let was = std::mem::replace(&mut self.last[id], (key(&inputs.briefing), Arc::clone(&incident)));
            if was.0 != self.last[id].0 {
                self.entries.remove(&was.0);
            }
            self.entries.insert(key(&inputs.briefing), (inputs, incident));
        }
        self.incidents()
    }
}

impl Inputs {
    fn same(&self, other: &Inputs) -> bool {
        Arc::ptr_eq(&self.briefing, &other.briefing)
            && Arc::ptr_eq(&self.body, &other.body)
            && self.involvements == other.involvements
            && self.countries == other.countries
            && self.publication == other.publication
    }
}

/// Incident `id` from `entries` when its inputs are the same, else built; with its inputs.
fn reuse_or_build(
    entries: &HashMap<usize, (Inputs, Arc<Incident>)>,
    index: &SiteIndex,
    id: BriefingId,
    bodies: &[Arc<Rendered>],
    urls: &Urls,
    words: &Words,
    today: Date,
) -> (Inputs, Arc<Incident>) {
    let inputs = Inputs {
        briefing: Arc::clone(&index.briefings[id]),
        body: Arc::clone(&bodies[id]),
        involvements: index.involvements[id].clone(),
        countries: index.incident_countries[id].clone(),
        publication: index.publication[id],
    };
    let incident = match entries.get(&key(&inputs.briefing)) {
        Some((cached, incident)) if cached.same(&inputs) => Arc::clone(incident),
        _ => Arc::new(build(index, id, &bodies[id], urls, words, today)),
    };
    (inputs, incident)
}

/// The cache key of a briefing: the address of its allocation.
fn key(briefing: &Arc<Briefing>) -> usize {
    Arc::as_ptr(briefing) as usize
}

/// A fingerprint of what every incident shows that is not its own: the site
/// address, the day (scheduled or not), the names and addresses of groups and countries.
fn site_fingerprint(index: &SiteIndex, urls: &Urls, words: &Words, today: Date) -> u64 {
    let mut h = DefaultHasher::new();
    urls.absolute("").hash(&mut h);
    words.fingerprint().hash(&mut h);
    today.hash(&mut h);
    for g in &index.groups {
        (&g.name, &g.slug).hash(&mut h);
    }
    for c in &index.countries {
        (c.code.to_string(), &c.name, &c.slug).hash(&mut h);
    }
    h.finish()
}

/// Builds incident `id` from scratch.
fn build(index: &SiteIndex, id: BriefingId, body: &Rendered, urls: &Urls, words: &Words, today: Date) -> Incident {
    let b = &index.briefings[id];
    let summary = b.summary.as_deref().or(body.first_paragraph.as_deref()).unwrap_or("");
    let row = views::incident_row(index, id, summary, urls, words, (b.draft, b.is_scheduled(today)));
    // A row is plain text, flags and lists: it always serialises.
    let value = tera::Value::try_from_serializable(&row).unwrap_or_else(|_| tera::Value::none());
    let record = record::record(index, id, summary, urls);
    let csv_row = data::csv_row(&record);
    Incident {
        json: data::record_json(&record),
        csv: data::csv_line(&csv_row),
        features: data::features(&record, &csv_row)
            .iter()
            .map(|f| serde_json::to_string(f).unwrap_or_default())
            .collect(),
        row,
        value,
    }
}
