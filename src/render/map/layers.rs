//! What a map names besides countries and incidents: towns and capitals, the
//! main rivers, and regions (admin-1), from the theme's `data/layers.json`
//! (Natural Earth 1:10m, reduced to the Sahel and its neighbours by
//! `tools/map/layers.mjs`; see `themes/default/data/README.md`).
//!
//! Rivers are drawn in the shared outline file (`#rivers`), shown through
//! `<use>` like the countries; towns, rivers and regions are named over the
//! map by `render::labels`, after the countries and places incidents name.

use serde::Deserialize;

use super::*;

/// Towns, rivers and regions, parsed once; towns and regions west to east,
/// so a map finds those in its view without looking at the others.
#[derive(Debug, Default)]
pub struct Layers {
    pub(super) towns: Vec<Town>,
    pub(super) rivers: Vec<River>,
    pub(super) regions: Vec<Region>,
}

/// A town: a national or regional capital, or another town of some size.
#[derive(Debug, Clone)]
pub(super) struct Town {
    pub(super) name: String,
    pub(super) iso: Option<String>,
    pub(super) kind: TownKind,
    /// Natural Earth's scale rank: smaller is more important.
    pub(super) rank: u8,
    pub(super) at: (f64, f64),
}

/// What a town is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(super) enum TownKind {
    Capital,
    RegionalCapital,
    Town,
}

/// A river: its lines in degrees, each with its box.
#[derive(Debug, Clone)]
pub(super) struct River {
    pub(super) name: String,
    pub(super) rank: u8,
    pub(super) lines: Vec<(Bbox, Vec<(f64, f64)>)>,
}

/// A region (admin-1): where its name goes.
#[derive(Debug, Clone)]
pub(super) struct Region {
    pub(super) name: String,
    pub(super) iso: String,
    pub(super) at: (f64, f64),
}

#[derive(Deserialize)]
struct RawLayers {
    towns: Vec<RawTown>,
    rivers: Vec<RawRiver>,
    regions: Vec<RawRegion>,
}

#[derive(Deserialize)]
struct RawTown {
    name: String,
    iso: Option<String>,
    kind: TownKind,
    rank: u8,
    at: [i64; 2],
}

#[derive(Deserialize)]
struct RawRiver {
    name: String,
    rank: u8,
    lines: Vec<Vec<i64>>,
}

#[derive(Deserialize)]
struct RawRegion {
    name: String,
    iso: String,
    at: [i64; 2],
}

/// A point given in hundredths of a degree, checked to be on the globe.
fn degrees([x, y]: [i64; 2]) -> Result<(f64, f64), String> {
    let (lon, lat) = (x as f64 / 100.0, y as f64 / 100.0);
    if on_globe(lon, lat) { Ok((lon, lat)) } else { Err(format!("point ({lon}, {lat}) is off the globe")) }
}

/// Decodes a line: `[x0, y0, dx1, dy1, ...]` in hundredths of a degree.
fn line(values: &[i64]) -> Result<Vec<(f64, f64)>, String> {
    if !values.len().is_multiple_of(2) || values.len() < 4 {
        return Err(format!("a line needs 2 or more points as pairs of numbers, not {} numbers", values.len()));
    }
    let (mut x, mut y) = (0i64, 0i64);
    values
        .chunks_exact(2)
        .map(|pair| {
            x = x.checked_add(pair[0]).ok_or("coordinate overflow")?;
            y = y.checked_add(pair[1]).ok_or("coordinate overflow")?;
            degrees([x, y])
        })
        .collect()
}

impl Layers {
    /// Parses the theme's `data/layers.json` (written by `tools/map/layers.mjs`).
    pub fn parse(bytes: &[u8]) -> Result<Layers, String> {
        let raw: RawLayers = serde_json::from_slice(bytes).map_err(|e| format!("map layers: {e}"))?;
        let mut towns: Vec<Town> = raw
            .towns
            .into_iter()
            .map(|t| {
                let at = degrees(t.at).map_err(|e| format!("map layers: town {}: {e}", t.name))?;
                Ok(Town { name: t.name, iso: t.iso, kind: t.kind, rank: t.rank, at })
            })
            .collect::<Result<_, String>>()?;
        let rivers = raw
            .rivers
            .into_iter()
            .map(|r| {
                let lines = r.lines.iter().map(|l| line(l)).collect::<Result<Vec<_>, _>>();
                let lines = lines.map_err(|e| format!("map layers: river {}: {e}", r.name))?;
                let lines = lines
                    .into_iter()
                    .filter_map(|points| Some((Bbox::around(points.iter().copied())?, points)))
                    .collect();
                Ok(River { name: r.name, rank: r.rank, lines })
            })
            .collect::<Result<_, String>>()?;
        let mut regions: Vec<Region> = raw
            .regions
            .into_iter()
            .map(|r| {
                let at = degrees(r.at).map_err(|e| format!("map layers: region {}: {e}", r.name))?;
                Ok(Region { name: r.name, iso: r.iso, at })
            })
            .collect::<Result<_, String>>()?;
        towns.sort_by(|a, b| a.at.0.total_cmp(&b.at.0));
        regions.sort_by(|a, b| a.at.0.total_cmp(&b.at.0));
        Ok(Layers { towns, rivers, regions })
    }

    /// True when there are rivers to draw.
    pub(super) fn has_rivers(&self) -> bool {
        !self.rivers.is_empty()
    }
}

/// The towns, rivers and regions a map of `view` may name, as label
/// candidates: every capital in view; other towns and the regions of the
/// focus countries; each river once, where its line is in view. A town
/// under an incident's circle (`circles`: centre and radius, map units) is
/// left to that circle's name.
pub(super) fn candidates(
    layers: &Layers,
    view: &View,
    focus: &[String],
    circles: &[(f64, f64, f64)],
) -> Vec<super::super::labels::Candidate> {
    use super::super::labels::{Candidate, Kind};
    let b = view.bbox;
    let inside = |(lon, lat): (f64, f64)| (b.west..=b.east).contains(&lon) && (b.south..=b.north).contains(&lat);
    let focus: Vec<String> = focus.iter().map(|f| f.trim().to_ascii_uppercase()).collect();
    let in_focus = |iso: Option<&str>| iso.is_some_and(|iso| focus.iter().any(|f| f == iso));
    let mut out = Vec::new();
    // What lies between the view's west and east edges (items are sorted by longitude).
    fn between<'t, T>(items: &'t [T], lon: impl Fn(&T) -> f64, b: &Bbox) -> &'t [T] {
        let start = items.partition_point(|t| lon(t) < b.west);
        let end = items.partition_point(|t| lon(t) <= b.east);
        &items[start..end.max(start)]
    }
    for town in between(&layers.towns, |t| t.at.0, &b).iter().filter(|t| inside(t.at)) {
        if !(town.kind == TownKind::Capital || in_focus(town.iso.as_deref()) || focus.is_empty()) {
            continue;
        }
        let (x, y) = view.project(town.at);
        if circles.iter().any(|&(cx, cy, r)| (cx - x).hypot(cy - y) < r + MARGIN) {
            continue;
        }
        let capital = town.kind == TownKind::Capital;
        let kind = Kind::Town { capital, rank: town.rank, key: capital && in_focus(town.iso.as_deref()) };
        out.push(Candidate { text: town.name.clone(), x, y, kind });
    }
    for river in layers.rivers.iter().filter(|r| !r.name.is_empty()) {
        // Offered along its longest stretch in view, from the middle out;
        // the first that fits is written.
        let stretch = river
            .lines
            .iter()
            .filter(|(bbox, _)| bbox.intersects(&b))
            .flat_map(|(_, l)| l.split(|&p| !inside(p)))
            .max_by_key(|s| s.len())
            .filter(|s| s.len() >= 3);
        let Some(stretch) = stretch else { continue };
        for share in [0.5, 0.3, 0.7] {
            let (x, y) = view.project(stretch[((stretch.len() - 1) as f64 * share) as usize]);
            out.push(Candidate { text: river.name.clone(), x, y, kind: Kind::River { rank: river.rank } });
        }
    }
    for region in between(&layers.regions, |r| r.at.0, &b).iter().filter(|r| inside(r.at) && in_focus(Some(&r.iso))) {
        let (x, y) = view.project(region.at);
        out.push(Candidate { text: region.name.clone(), x, y, kind: Kind::Region });
    }
    out
}

/// A town this close to the edge of an incident's circle (map units) is not named apart.
const MARGIN: f64 = 3.0;
