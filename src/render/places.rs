//! Where incidents happened, as map points for a page: one point per place on
//! a briefing's page, and on pages listing many incidents one point per place
//! (within about 10 km), sized by the number killed there and linking to the
//! newest incident at that place.
//!
//! Only incidents of violence are mapped (developments are not). A point is
//! sized by the confirmed figure (the sum of lower bounds); where only
//! maximums were reported it is sized by them and drawn as unconfirmed (a
//! hollow circle), never as a zero.

use std::collections::BTreeMap;

use crate::index::{BriefingId, SiteIndex};
use crate::model::CountryCode;
use crate::model::casualty::{CasualtyKind, Sum};

use serde::Serialize;

use super::map::{Frame, MapOptions, MapPoint, MapWords, WorldMap, render_labelled};
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
}

/// What a point says, written out when the map is drawn.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Label {
    /// The text itself.
    Text(String),
    /// The incidents at a place: how many, killed there (lower and upper
    /// bound, as a total reads), the newest one's title and date.
    Place {
        /// The place.
        place: String,
        /// Incidents there.
        incidents: usize,
        /// Killed there: the bounds of the total.
        killed: (Option<u64>, Option<u64>),
        /// The newest incident's headline.
        title: String,
        /// Its date, short.
        date: String,
    },
}

impl MapInputs {
    /// The map, on `world`'s outlines (empty without them), in `words`, with
    /// the countries named as `index` names them.
    pub fn draw(&self, world: Option<&WorldMap>, words: &Words, index: &SiteIndex) -> String {
        let Some(world) = world else { return String::new() };
        let mut points = self.points.clone();
        for (point, label) in points.iter_mut().zip(&self.labels) {
            point.label = label.text(words);
        }
        let country = |iso: &str| crate::model::country::resolve_country(iso).map(|c| index.country_name(c));
        let distance = |km: u64| words.phrase("map-scale", &[("km", Value::Number(km))]);
        render_labelled(world, &points, &self.options, &MapWords { country: &country, distance: &distance })
    }
}

impl Label {
    fn text(&self, words: &Words) -> String {
        match self {
            Label::Text(text) => text.clone(),
            Label::Place { place, incidents: 1, title, date, .. } => words.phrase(
                "map-point-one",
                &[("place", Value::Text(place)), ("title", Value::Text(title)), ("date", Value::Text(date))],
            ),
            Label::Place { place, incidents, killed, title, .. } => {
                let killed = crate::model::Range { low: killed.0, high: killed.1 }.amount();
                words.phrase(
                    "map-point-many",
                    &[
                        ("place", Value::Text(place)),
                        ("incidents", Value::Number(*incidents as u64)),
                        ("killed", Value::Text(&words.amount(killed))),
                        ("title", Value::Text(title)),
                    ],
                )
            }
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
    };
    Some(MapInputs { points, labels, options })
}

/// Incidents at one place (to a tenth of a degree).
struct Place {
    name: String,
    lat: f64,
    lon: f64,
    incidents: usize,
    killed: Sum,
    newest: BriefingId,
}

/// What the map of the incidents among `ids` is drawn from: one point per
/// place, framed on `focus` (ISO codes) or, when empty, on the countries of
/// the incidents.
pub fn incidents_map(site: &Prepared<'_>, ids: &[BriefingId], subject: &str, focus: &[String]) -> MapInputs {
    let index = site.index;
    let words = site.words;
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
                incidents: 0,
                killed: Sum::default(),
                newest: id,
            });
            place.incidents += 1;
            let _ = place.killed.add(killed);
            place.newest = place.newest.max(id);
        }
    }
    let (points, labels): (Vec<MapPoint>, Vec<Label>) = places
        .into_values()
        .map(|p| {
            let row = &site.incidents[p.newest].row;
            let amount = p.killed.amount();
            let killed = match amount {
                crate::model::Amount::NotReported => (None, None),
                crate::model::Amount::Exact(n) => (Some(n), Some(n)),
                crate::model::Amount::Between(l, h) => (Some(l), Some(h)),
                crate::model::Amount::AtLeast(l) => (Some(l), None),
                crate::model::Amount::UpTo(h) => (None, Some(h)),
            };
            let place = p.name.clone();
            let label = Label::Place {
                place: p.name,
                incidents: p.incidents,
                killed,
                title: row.title.clone(),
                date: row.date_short.clone(),
            };
            let (size, unconfirmed) = drawn(&p.killed);
            let point = MapPoint {
                lat: p.lat,
                lon: p.lon,
                killed: size,
                unconfirmed,
                url: row.url.clone(),
                label: String::new(),
                place,
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
    };
    MapInputs { points, labels, options }
}
