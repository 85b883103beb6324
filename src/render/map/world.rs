//! The country outlines the maps are drawn on: parsed once from the theme's
//! `data/world.json`, with each country's box, frame and label point.

use serde::Deserialize;

use super::*;

/// Country outlines, parsed once.
#[derive(Debug)]
pub struct WorldMap {
    pub(super) countries: Vec<Country>,
    /// The shared outline file, written once.
    pub(super) base: std::sync::OnceLock<String>,
    pub(super) borders: std::sync::OnceLock<crate::render::borders::Borders>,
    /// Towns, rivers and regions, when the theme has them.
    pub(super) layers: Option<Layers>,
}

/// One Natural Earth feature (a code may have several: Somalia and Somaliland).
#[derive(Debug, Clone)]
pub(super) struct Country {
    pub(super) iso: Option<String>,
    pub(super) bbox: Bbox,
    /// The box of its main rings, to frame a map on it.
    pub(super) frame: Bbox,
    /// Where its name goes: the centre of its largest ring, and that ring's area.
    pub(super) label_at: (f64, f64),
    pub(super) label_area: f64,
    pub(super) rings: Vec<Ring>,
}

/// A closed ring, in degrees (longitude, latitude), the closing point left out.
#[derive(Debug, Clone)]
pub(super) struct Ring {
    pub(super) bbox: Bbox,
    pub(super) points: Vec<(f64, f64)>,
}

/// A box in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Bbox {
    pub(super) west: f64,
    pub(super) south: f64,
    pub(super) east: f64,
    pub(super) north: f64,
}

#[derive(Deserialize)]
pub(super) struct RawWorld {
    pub(super) countries: Vec<RawCountry>,
}

#[derive(Deserialize)]
pub(super) struct RawCountry {
    pub(super) iso: Option<String>,
    pub(super) name: String,
    pub(super) rings: Vec<Vec<i64>>,
}

impl WorldMap {
    /// Parses the theme's `data/world.json`: rings as integer hundredths of a
    /// degree, the first point then deltas (written by `tools/map/convert.mjs`).
    pub fn parse(bytes: &[u8]) -> Result<WorldMap, String> {
        let raw: RawWorld = serde_json::from_slice(bytes).map_err(|e| format!("world map data: {e}"))?;
        let countries = raw.countries.into_iter().map(country).collect::<Result<Vec<_>, _>>()?;
        Ok(WorldMap { countries, base: std::sync::OnceLock::new(), borders: std::sync::OnceLock::new(), layers: None })
    }

    /// The same outlines with towns, rivers and regions to name and draw.
    pub fn with_layers(self, layers: Layers) -> WorldMap {
        WorldMap { layers: Some(layers), base: std::sync::OnceLock::new(), ..self }
    }

    /// The outlines as polygons, for telling which country a point is in.
    pub fn borders(&self) -> &crate::render::borders::Borders {
        self.borders.get_or_init(|| {
            let rings = self
                .countries
                .iter()
                .filter_map(|c| Some((c.iso.as_deref()?, c)))
                .flat_map(|(iso, c)| c.rings.iter().map(move |r| (iso, r.points.as_slice())));
            crate::render::borders::Borders::new(rings)
        })
    }

    /// The box of every feature with ISO alpha-2 code `iso` (any case):
    /// `[west, south, east, north]` in degrees, or `None` for a code not on the map.
    pub fn bbox(&self, iso: &str) -> Option<[f64; 4]> {
        let b = self.with_code(iso).map(|c| c.bbox).reduce(Bbox::union)?;
        Some([b.west, b.south, b.east, b.north])
    }

    pub(super) fn with_code<'a>(&'a self, iso: &'a str) -> impl Iterator<Item = &'a Country> + 'a {
        self.countries.iter().filter(move |c| c.iso.as_deref().is_some_and(|code| code.eq_ignore_ascii_case(iso)))
    }
}

pub(super) fn country(raw: RawCountry) -> Result<Country, String> {
    let iso = match raw.iso {
        Some(code) if code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) => Some(code),
        Some(code) => return Err(format!("world map data: {}: `{code}` is not an ISO alpha-2 code", raw.name)),
        None => None,
    };
    let rings = raw.rings.iter().map(|r| ring(r)).collect::<Result<Vec<_>, _>>();
    let rings = rings.map_err(|e| format!("world map data: {}: {e}", raw.name))?;
    let bbox = rings.iter().map(|r| r.bbox).reduce(Bbox::union);
    let Some(bbox) = bbox else {
        return Err(format!("world map data: {}: no rings", raw.name));
    };
    let largest = rings.iter().map(|r| (area(&r.points), r)).max_by(|a, b| a.0.total_cmp(&b.0));
    let (label_area, label_at) = largest.map_or((0.0, (bbox.west, bbox.north)), |(a, r)| (a, centroid(&r.points)));
    Ok(Country { iso, bbox, frame: main_box(&rings).unwrap_or(bbox), label_at, label_area, rings })
}

/// The centre of mass of a ring (its box's centre when it has no area).
pub(super) fn centroid(points: &[(f64, f64)]) -> (f64, f64) {
    let (mut cx, mut cy, mut twice) = (0.0, 0.0, 0.0);
    let Some(&last) = points.last() else { return (0.0, 0.0) };
    let mut prev = last;
    for &p in points {
        let cross = prev.0 * p.1 - p.0 * prev.1;
        twice += cross;
        cx += (prev.0 + p.0) * cross;
        cy += (prev.1 + p.1) * cross;
        prev = p;
    }
    if twice.abs() < 1e-9 {
        let b = Bbox::around(points.iter().copied()).unwrap_or(Bbox { west: 0.0, south: 0.0, east: 0.0, north: 0.0 });
        return ((b.west + b.east) / 2.0, (b.south + b.north) / 2.0);
    }
    (cx / (3.0 * twice), cy / (3.0 * twice))
}

/// Decodes `[x0, y0, dx1, dy1, ...]` (hundredths of a degree).
pub(super) fn ring(values: &[i64]) -> Result<Ring, String> {
    if !values.len().is_multiple_of(2) || values.len() < 6 {
        return Err(format!("a ring needs 3 or more points as pairs of numbers, not {} numbers", values.len()));
    }
    let (mut x, mut y) = (0i64, 0i64);
    let mut points = Vec::with_capacity(values.len() / 2);
    for pair in values.chunks_exact(2) {
        x = x.checked_add(pair[0]).ok_or("coordinate overflow")?;
        y = y.checked_add(pair[1]).ok_or("coordinate overflow")?;
        let (lon, lat) = (x as f64 / 100.0, y as f64 / 100.0);
        if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
            return Err(format!("point ({lon}, {lat}) is off the globe"));
        }
        points.push((lon, lat));
    }
    let bbox = Bbox::around(points.iter().copied()).ok_or("empty ring")?;
    Ok(Ring { bbox, points })
}

/// The box of the rings at least `FRAME_SHARE` the area of the largest.
pub(super) fn main_box(rings: &[Ring]) -> Option<Bbox> {
    let areas: Vec<f64> = rings.iter().map(|r| area(&r.points)).collect();
    let largest = areas.iter().copied().fold(0.0, f64::max);
    rings.iter().zip(&areas).filter(|(_, a)| **a >= largest * FRAME_SHARE).map(|(r, _)| r.bbox).reduce(Bbox::union)
}

/// Approximate area on the ground (shoelace in degrees, x scaled by cos(latitude)).
pub(super) fn area(points: &[(f64, f64)]) -> f64 {
    let Some(&last) = points.last() else { return 0.0 };
    let mut prev = last;
    let mut twice = 0.0;
    for &p in points {
        twice += prev.0 * p.1 - p.0 * prev.1;
        prev = p;
    }
    let mid = points.iter().map(|p| p.1).sum::<f64>() / points.len() as f64;
    (twice / 2.0).abs() * mid.to_radians().cos()
}

impl Bbox {
    pub(super) fn around(mut points: impl Iterator<Item = (f64, f64)>) -> Option<Bbox> {
        let (lon, lat) = points.next()?;
        let first = Bbox { west: lon, south: lat, east: lon, north: lat };
        Some(points.fold(first, |b, (lon, lat)| Bbox { west: lon, south: lat, east: lon, north: lat }.union(b)))
    }

    pub(super) fn union(self, o: Bbox) -> Bbox {
        Bbox {
            west: self.west.min(o.west),
            south: self.south.min(o.south),
            east: self.east.max(o.east),
            north: self.north.max(o.north),
        }
    }

    pub(super) fn intersects(&self, o: &Bbox) -> bool {
        self.west <= o.east && o.west <= self.east && self.south <= o.north && o.south <= self.north
    }
}
