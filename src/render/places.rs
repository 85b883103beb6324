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

use crate::index::BriefingId;
use crate::model::CountryCode;
use crate::model::casualty::{CasualtyKind, Sum};

use super::Prepared;
use super::map::{MapOptions, MapPoint, render_map};
use super::words::Value;

/// The size of a point and whether it is only a maximum.
fn drawn(killed: &Sum) -> (u64, bool) {
    if killed.amount().is_maximum_only() { (killed.high.unwrap_or(0), true) } else { (killed.low, false) }
}

/// The map of one briefing's places, framed on its countries.
pub fn briefing_map(site: &Prepared<'_>, id: BriefingId) -> String {
    let Some(world) = site.world else { return String::new() };
    let index = site.index;
    let b = &index.briefings[id];
    if !b.is_incident() {
        return String::new();
    }
    let mut killed = Sum::default();
    let _ = killed.add(index.figures[id].range(CasualtyKind::Killed));
    let (size, unconfirmed) = drawn(&killed);
    let points: Vec<MapPoint> = b
        .locations
        .iter()
        .filter_map(|l| {
            let (lat, lon) = l.coordinates?;
            let label = format!("{}: {}", l.name, b.title);
            Some(MapPoint { lat, lon, killed: size, unconfirmed, url: site.incidents[id].row.url.clone(), label })
        })
        .collect();
    if points.is_empty() {
        return String::new();
    }
    let places = b.locations.iter().map(|l| l.name.as_str()).collect::<Vec<_>>().join(", ");
    let options = MapOptions {
        id: "map".into(),
        title: site.words.phrase("map-title-briefing", &[("places", Value::Text(&places))]),
        description: site.words.phrase("map-description-briefing", &[]),
        focus: b.countries.iter().map(|c| c.as_str().to_string()).collect(),
    };
    render_map(world, &points, &options)
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

/// The map of the incidents among `ids`, one point per place, framed on
/// `focus` (ISO codes) or, when empty, on the countries of the incidents.
pub fn incidents_map(site: &Prepared<'_>, ids: &[BriefingId], subject: &str, focus: &[String]) -> String {
    let Some(world) = site.world else { return String::new() };
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
            let place = places.entry(key).or_insert(Place {
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
    let points: Vec<MapPoint> = places
        .into_values()
        .map(|p| {
            let row = &site.incidents[p.newest].row;
            let label = if p.incidents == 1 {
                words.phrase(
                    "map-point-one",
                    &[
                        ("place", Value::Text(&p.name)),
                        ("title", Value::Text(&row.title)),
                        ("date", Value::Text(&row.date_short)),
                    ],
                )
            } else {
                words.phrase(
                    "map-point-many",
                    &[
                        ("place", Value::Text(&p.name)),
                        ("incidents", Value::Number(p.incidents as u64)),
                        ("killed", Value::Text(&words.amount(p.killed.amount()))),
                        ("title", Value::Text(&row.title)),
                    ],
                )
            };
            let (killed, unconfirmed) = drawn(&p.killed);
            MapPoint { lat: p.lat, lon: p.lon, killed, unconfirmed, url: row.url.clone(), label }
        })
        .collect();
    let focus =
        if focus.is_empty() { countries.iter().map(|c| c.as_str().to_string()).collect() } else { focus.to_vec() };
    let options = MapOptions {
        id: "map".into(),
        title: words.phrase("map-title", &[("subject", Value::Text(subject))]),
        description: words.phrase("map-description", &[("places", Value::Number(points.len() as u64))]),
        focus,
    };
    render_map(world, &points, &options)
}
