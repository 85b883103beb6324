//! Where incidents happened, as map points for a page: one point per place on
//! a briefing's page, and on pages listing many incidents one point per place
//! (within about 10 km), sized by the number killed there, linking to its
//! incident, or, where there are several (at one place, or at places whose
//! circles overlap), to a list of them below the map (at most
//! [`LISTED`] of them, the newest, per cluster).
//!
//! Only incidents of violence are mapped (developments are not). A point is
//! sized by the confirmed figure (the sum of lower bounds); where only
//! maximums were reported it is sized by them and drawn as unconfirmed (a
//! hollow circle), never as a zero.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

use crate::index::{BriefingId, SiteIndex};
use crate::model::CountryCode;
use crate::model::casualty::{CasualtyKind, Sum};

use serde::Serialize;

use super::map::{Frame, MapOptions, MapPoint, MapWords, WorldMap, render_labelled};

/// At most this many incidents of a cluster are listed below its map, the
/// newest; the list says how many more there are.
pub const LISTED: usize = 10;
use super::views::IncidentRow;
use super::words::{Value, Words};
use super::{Prepared, Urls};

/// Everything a map is drawn from, besides the outlines and the words:
/// drawing it is a pure function of these, the theme's data and its words.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct MapInputs {
    /// The places (their labels are in `labels`).
    pub points: Vec<MapPoint>,
    /// What each point says, in the same order.
    pub labels: Vec<Label>,
    /// Title, description, framing.
    pub options: MapOptions,
    /// The incidents at each point, newest first (at most [`LISTED`]), in
    /// the same order.
    pub incidents: Vec<Vec<BriefingId>>,
}

/// A map drawn, and its clusters of several incidents.
#[derive(Debug, Default)]
pub struct DrawnMap {
    /// The map (see [`render_labelled`]); empty when there is nothing to frame.
    pub html: String,
    /// Each cluster of several incidents, in the order of its anchor.
    pub clusters: Vec<Cluster>,
}

/// Incidents drawn as one circle with a count.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// The id of its list on the page, which its count links to.
    pub anchor: String,
    /// The places' names, heaviest first.
    pub places: Vec<String>,
    /// How many incidents.
    pub incidents: usize,
    /// The newest of them (at most [`LISTED`]), newest first.
    pub newest: Vec<BriefingId>,
}

/// What a point says, written out when the map is drawn (a cluster of
/// several incidents says what it is instead).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Label {
    /// The text itself.
    Text(String),
    /// The newest incident at a place: the place, its headline, its date (short).
    Place {
        /// The place.
        place: String,
        /// The incident's headline.
        title: String,
        /// Its date, short.
        date: String,
    },
}

impl MapInputs {
    /// The map, on `world`'s outlines (empty without them), in `words`, with
    /// the countries named as `index` names them.
    pub fn draw(&self, world: Option<&WorldMap>, words: &Words, index: &SiteIndex) -> DrawnMap {
        let Some(world) = world else { return DrawnMap::default() };
        let mut points = self.points.clone();
        for (point, label) in points.iter_mut().zip(&self.labels) {
            point.label = label.text(words);
        }
        let country = |iso: &str| crate::model::country::resolve_country(iso).map(|c| index.country_name(c));
        let distance = |km: u64| words.phrase("map-scale", &[("km", Value::Number(km))]);
        let number = |n: u64| words.number(n);
        let several = |places: &str, incidents: usize| {
            words.phrase(
                "map-cluster",
                &[("places", Value::Text(places)), ("incidents", Value::Number(incidents as u64))],
            )
        };
        let map_words = MapWords { country: &country, distance: &distance, number: &number, several: &several };
        let drawn = render_labelled(world, &points, &self.options, &map_words);
        let clusters = drawn
            .clusters
            .iter()
            .map(|(anchor, members)| {
                let mut places: Vec<String> = Vec::new();
                let mut newest: Vec<BriefingId> = Vec::new();
                for &m in members {
                    let place = &self.points[m].place;
                    if !place.is_empty() && !places.contains(place) {
                        places.push(place.clone());
                    }
                    newest.extend(self.incidents.get(m).into_iter().flatten());
                }
                newest.sort_unstable_by(|a, b| b.cmp(a));
                newest.dedup();
                newest.truncate(LISTED);
                let incidents = members.iter().map(|&m| self.points[m].incidents).sum();
                Cluster { anchor: anchor.clone(), places, incidents, newest }
            })
            .collect();
        DrawnMap { html: drawn.html, clusters }
    }
}

impl Label {
    fn text(&self, words: &Words) -> String {
        match self {
            Label::Text(text) => text.clone(),
            Label::Place { place, title, date } => words.phrase(
                "map-point-one",
                &[("place", Value::Text(place)), ("title", Value::Text(title)), ("date", Value::Text(date))],
            ),
        }
    }
}

/// The size of a point and whether it is only a maximum.
fn drawn(killed: &Sum) -> (u64, bool) {
    if killed.amount().is_maximum_only() { (killed.high.unwrap_or(0), true) } else { (killed.low, false) }
}

/// What the map of one briefing's places is drawn from (framed on its
/// countries); none when it has no located place or is a development.
pub fn briefing_map_inputs(
    index: &SiteIndex,
    id: BriefingId,
    row: &IncidentRow,
    urls: &Urls,
    words: &Words,
) -> Option<MapInputs> {
    let b = &index.briefings[id];
    if !b.is_incident() {
        return None;
    }
    let mut killed = Sum::default();
    let _ = killed.add(index.figures[id].range(CasualtyKind::Killed));
    let (size, unconfirmed) = drawn(&killed);
    let (points, labels): (Vec<MapPoint>, Vec<Label>) = b
        .locations
        .iter()
        .filter_map(|l| {
            let (lat, lon) = l.coordinates?;
            let label = Label::Text(format!("{}: {}", l.name, b.title));
            let point = MapPoint {
                lat,
                lon,
                killed: size,
                unconfirmed,
                url: row.url.clone(),
                label: String::new(),
                place: l.name.clone(),
                incidents: 1,
            };
            Some((point, label))
        })
        .unzip();
    if points.is_empty() {
        return None;
    }
    let places = b.locations.iter().map(|l| l.name.as_str()).collect::<Vec<_>>().join(", ");
    let options = MapOptions {
        id: "map".into(),
        title: words.phrase("map-title-briefing", &[("places", Value::Text(&places))]),
        description: words.phrase("map-description-briefing", &[]),
        focus: b.countries.iter().map(|c| c.as_str().to_string()).collect(),
        outlines: urls.shared(&crate::urls::map_outlines()),
        frame: Frame::Places,
        live: false,
    };
    let incidents = vec![vec![id]; points.len()];
    Some(MapInputs { points, labels, options, incidents })
}

/// Incidents at one place (to a tenth of a degree).
struct Place {
    name: String,
    lat: f64,
    lon: f64,
    /// Its incidents, oldest first.
    ids: Vec<BriefingId>,
    killed: Sum,
}

/// The incidents of a list gathered by place, with their countries: all a
/// map of them takes from the incidents.
pub struct Gathered {
    /// By position (north-west first), each with its incidents oldest first.
    places: Vec<Place>,
    /// The incidents' countries, in order of first mention.
    countries: Vec<CountryCode>,
}

/// The incidents of violence among `ids`, gathered by place.
pub fn gather(index: &SiteIndex, ids: &[BriefingId]) -> Gathered {
    let mut places: BTreeMap<(i64, i64), Place> = BTreeMap::new();
    let mut countries: Vec<CountryCode> = Vec::new();
    for id in index.incidents_only(ids) {
        let b = &index.briefings[id];
        for c in &b.countries {
            if !countries.contains(c) {
                countries.push(*c);
            }
        }
        let killed = index.figures[id].range(CasualtyKind::Killed);
        for l in &b.locations {
            let Some((lat, lon)) = l.coordinates else { continue };
            let key = ((lat * 10.0).round() as i64, (lon * 10.0).round() as i64);
            let place = places.entry(key).or_insert_with(|| Place {
                name: l.name.clone(),
                lat,
                lon,
                ids: Vec::new(),
                killed: Sum::default(),
            });
            // An incident naming two places within one point counts once there.
            if place.ids.last() != Some(&id) {
                place.ids.push(id);
                let _ = place.killed.add(killed);
            }
        }
    }
    let places = places
        .into_values()
        .map(|mut p| {
            // Ids follow the briefings' dates: the largest is the newest.
            p.ids.sort_unstable();
            p
        })
        .collect();
    Gathered { places, countries }
}

impl Gathered {
    /// Feeds `h` with everything a map drawn from these takes from the
    /// incidents (`incidents`, by id): each place, its figure and count, and
    /// the rows of the incidents it can list or link to (its newest
    /// [`LISTED`]). An edit to an incident no map lists leaves it alone.
    pub fn feed(&self, h: &mut impl Hasher, incidents: &[std::sync::Arc<super::Incident>]) {
        self.countries.hash(h);
        for p in &self.places {
            p.name.hash(h);
            p.lat.to_bits().hash(h);
            p.lon.to_bits().hash(h);
            p.ids.len().hash(h);
            let k = &p.killed;
            (k.low, k.high, k.reported, k.maximum_only).hash(h);
            for &id in p.ids.iter().rev().take(LISTED) {
                incidents[id].row_fingerprint.hash(h);
            }
        }
    }
}

/// What the map of the incidents `gathered` is drawn from: one point per
/// place, framed on `focus` (ISO codes) or, when empty, on the countries of
/// the incidents.
pub fn incidents_map(site: &Prepared<'_>, gathered: &Gathered, subject: &str, focus: &[String]) -> MapInputs {
    let words = site.words;
    let countries = &gathered.countries;
    let mut incidents: Vec<Vec<BriefingId>> = Vec::with_capacity(gathered.places.len());
    let (points, labels): (Vec<MapPoint>, Vec<Label>) = gathered
        .places
        .iter()
        .map(|p| {
            let newest = *p.ids.last().expect("a place has an incident");
            incidents.push(p.ids.iter().rev().take(LISTED).copied().collect());
            let row = &site.incidents[newest].row;
            let label = Label::Place { place: p.name.clone(), title: row.title.clone(), date: row.date_short.clone() };
            let (size, unconfirmed) = drawn(&p.killed);
            let point = MapPoint {
                lat: p.lat,
                lon: p.lon,
                killed: size,
                unconfirmed,
                url: row.url.clone(),
                label: String::new(),
                place: p.name.clone(),
                incidents: p.ids.len(),
            };
            (point, label)
        })
        .unzip();
    let focus =
        if focus.is_empty() { countries.iter().map(|c| c.as_str().to_string()).collect() } else { focus.to_vec() };
    let options = MapOptions {
        id: "map".into(),
        title: words.phrase("map-title", &[("subject", Value::Text(subject))]),
        description: words.phrase("map-description", &[("places", Value::Number(points.len() as u64))]),
        focus,
        outlines: site.urls.shared(&crate::urls::map_outlines()),
        frame: Frame::Countries,
        live: false,
    };
    MapInputs { points, labels, options, incidents }
}
