//! Where incidents happened, as map points for a page: one point per place on
//! a briefing's page, and on pages listing many incidents one point per place
//! (within about 10 km), sized by the incidents' conservative killed total and
//! linking to the newest incident there.

use std::collections::BTreeMap;

use crate::index::BriefingId;
use crate::model::CountryCode;
use crate::model::casualty::CasualtyKind;

use super::Prepared;
use super::map::{MapOptions, MapPoint, render_map};

/// The map of one briefing's places, framed on its countries.
pub fn briefing_map(site: &Prepared<'_>, id: BriefingId) -> String {
    let Some(world) = site.world else { return String::new() };
    let index = site.index;
    let b = &index.briefings[id];
    let killed = index.figures[id].low(CasualtyKind::Killed);
    let points: Vec<MapPoint> = b
        .locations
        .iter()
        .filter_map(|l| {
            let (lat, lon) = l.coordinates?;
            let label = format!("{}: {}", l.name, b.title);
            Some(MapPoint { lat, lon, killed, url: site.incidents[id].row.url.clone(), label })
        })
        .collect();
    if points.is_empty() {
        return String::new();
    }
    let options = MapOptions {
        id: "map".into(),
        title: format!("Map of {}", b.locations.iter().map(|l| l.name.as_str()).collect::<Vec<_>>().join(", ")),
        description: "Where the incident happened; the circle's size follows the number killed.".into(),
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
    killed: u64,
    newest: BriefingId,
}

/// The map of many incidents, one point per place, framed on `focus`
/// (ISO codes) or, when empty, on the countries of the incidents.
pub fn incidents_map(site: &Prepared<'_>, ids: &[BriefingId], subject: &str, focus: &[String]) -> String {
    let Some(world) = site.world else { return String::new() };
    let index = site.index;
    let mut places: BTreeMap<(i64, i64), Place> = BTreeMap::new();
    let mut countries: Vec<CountryCode> = Vec::new();
    for &id in ids {
        let b = &index.briefings[id];
        for c in &b.countries {
            if !countries.contains(c) {
                countries.push(*c);
            }
        }
        let killed = index.figures[id].low(CasualtyKind::Killed);
        for l in &b.locations {
            let Some((lat, lon)) = l.coordinates else { continue };
            let key = ((lat * 10.0).round() as i64, (lon * 10.0).round() as i64);
            let place = places.entry(key).or_insert(Place {
                name: l.name.clone(),
                lat,
                lon,
                incidents: 0,
                killed: 0,
                newest: id,
            });
            place.incidents += 1;
            place.killed = place.killed.saturating_add(killed);
            place.newest = place.newest.max(id);
        }
    }
    let points: Vec<MapPoint> = places
        .into_values()
        .map(|p| {
            let row = &site.incidents[p.newest].row;
            let label = if p.incidents == 1 {
                format!("{}: {} ({})", p.name, row.title, row.date_short)
            } else {
                format!("{}: {} incidents, at least {} killed; latest: {}", p.name, p.incidents, p.killed, row.title)
            };
            MapPoint { lat: p.lat, lon: p.lon, killed: p.killed, url: row.url.clone(), label }
        })
        .collect();
    let focus =
        if focus.is_empty() { countries.iter().map(|c| c.as_str().to_string()).collect() } else { focus.to_vec() };
    let options = MapOptions {
        id: "map".into(),
        title: format!("Map of incidents, {subject}"),
        description: format!(
            "{} places; each circle's size follows the number killed there (at least), and links to the latest incident at that place.",
            points.len()
        ),
        focus,
    };
    render_map(world, &points, &options)
}
