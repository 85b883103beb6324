//! Places checked against their country, by the outlines the maps draw.
//!
//! A location whose coordinates fall outside the country it names, by more
//! than `MARGIN_KM`, is a warning that names the country the point falls in
//! (the outlines are simplified to about 3 km, hence the margin). Point in
//! polygon and point to outline distance come from the `geo` crate; the
//! distance is measured in a local projection where a degree of longitude is
//! shrunk by the cosine of the latitude, which is exact enough at this scale.
//! Answers are memoised per (country, point), so a live rebuild only checks
//! the points it has not seen.

use foldhash::HashMap;
use std::sync::Mutex;

use geo::{Contains, Coord, Distance, Euclidean, LineString, Point, Polygon};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::index::SiteIndex;
use crate::model::country::resolve_country;

/// How far outside its country's outline a point may fall before it is reported.
pub const MARGIN_KM: f64 = 5.0;

/// Kilometres per degree of latitude (mean Earth radius 6,371 km).
const KM_PER_DEGREE: f64 = 111.195;

/// Country outlines as polygons, for point tests.
#[derive(Debug, Default)]
pub struct Borders {
    /// Per ISO code, every ring (outer rings and holes alike: a point is inside
    /// when an odd number of rings contain it).
    rings: HashMap<String, Vec<Polygon<f64>>>,
    /// Memoised answers: country -> (lat, lon in micro-degrees) -> outcome.
    seen: Mutex<HashMap<String, PointsSeen>>,
}

/// Answers for one country: (lat, lon in micro-degrees) -> outcome.
type PointsSeen = HashMap<(i64, i64), Placement>;

/// Where a point lies relative to the country it names.
#[derive(Debug, Clone, PartialEq)]
pub enum Placement {
    /// Inside, or within the margin.
    Inside,
    /// This far outside; in that country, if any outline holds it.
    Outside {
        /// Distance to the named country's outline, in km.
        km: f64,
        /// The code of the country the point falls in.
        within: Option<String>,
    },
    /// The map has no outline for the country: nothing can be said.
    Unknown,
}

impl Borders {
    /// Polygons from rings of (longitude, latitude) points, by ISO code.
    pub fn new<'a>(rings: impl Iterator<Item = (&'a str, &'a [(f64, f64)])>) -> Borders {
        let mut by_code: HashMap<String, Vec<Polygon<f64>>> = HashMap::default();
        for (iso, points) in rings {
            let line: LineString<f64> = points.iter().map(|&(x, y)| Coord { x, y }).collect();
            by_code.entry(iso.to_string()).or_default().push(Polygon::new(line, Vec::new()));
        }
        Borders { rings: by_code, seen: Mutex::new(HashMap::default()) }
    }

    /// Where (`lat`, `lon`) lies relative to the country `iso`.
    pub fn place(&self, iso: &str, lat: f64, lon: f64) -> Placement {
        let key = ((lat * 1e6).round() as i64, (lon * 1e6).round() as i64);
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(p) = seen.get(iso).and_then(|points| points.get(&key)) {
            return p.clone();
        }
        let placement = self.compute(iso, lat, lon);
        seen.entry(iso.to_string()).or_default().insert(key, placement.clone());
        placement
    }

    fn compute(&self, iso: &str, lat: f64, lon: f64) -> Placement {
        let Some(rings) = self.rings.get(iso) else { return Placement::Unknown };
        let point = Point::new(lon, lat);
        if inside(rings, &point) {
            return Placement::Inside;
        }
        let shrink = lat.to_radians().cos();
        let local = Point::new(lon * shrink, lat);
        let km = rings
            .iter()
            .map(|p| {
                let line: LineString<f64> = p.exterior().coords().map(|c| Coord { x: c.x * shrink, y: c.y }).collect();
                Euclidean.distance(&local, &line)
            })
            .fold(f64::INFINITY, f64::min)
            * KM_PER_DEGREE;
        if km <= MARGIN_KM {
            return Placement::Inside;
        }
        let mut within: Vec<(&String, f64)> = self
            .rings
            .iter()
            .filter(|(code, rings)| code.as_str() != iso && inside(rings, &point))
            .map(|(code, rings)| (code, rings.iter().map(geo::Area::unsigned_area).sum::<f64>()))
            .collect();
        // Enclaves: the smallest country that holds the point.
        within.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(b.0)));
        Placement::Outside { km, within: within.first().map(|(c, _)| (*c).clone()) }
    }
}

/// True when an odd number of `rings` contain `point` (even-odd rule).
fn inside(rings: &[Polygon<f64>], point: &Point<f64>) -> bool {
    rings.iter().filter(|r| r.contains(point)).count() % 2 == 1
}

/// Warns about every located place of `index` that lies outside its country.
pub fn check(index: &SiteIndex, borders: &Borders, diags: &mut Diagnostics) {
    for b in &index.briefings {
        for l in &b.locations {
            let Some((lat, lon)) = l.coordinates else { continue };
            let Placement::Outside { km, within } = borders.place(l.country.as_str(), lat, lon) else { continue };
            let name = |code: &str| resolve_country(code).map_or_else(|| code.to_string(), |c| c.name().to_string());
            let message = match &within {
                Some(code) => {
                    format!("{} ({lat}, {lon}) lies in {}, {km:.0} km outside {}", l.name, name(code), l.country.name())
                }
                None => format!(
                    "{} ({lat}, {lon}) lies {km:.0} km outside {}, in no country on the map",
                    l.name,
                    l.country.name()
                ),
            };
            let hint = match &within {
                Some(code) => format!(
                    "check the coordinates (latitude first, west and south negative); if the place is in {}, set `country: {code}` and add it to `countries`",
                    name(code)
                ),
                None => "check the coordinates: latitude first, west and south negative".to_string(),
            };
            diags.push(Diagnostic::warning("place-outside-country", &b.origin.path, message).at_opt(l.span).hint(hint));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(x0: f64, y0: f64, size: f64) -> Vec<(f64, f64)> {
        vec![(x0, y0), (x0 + size, y0), (x0 + size, y0 + size), (x0, y0 + size)]
    }

    #[test]
    fn a_point_beyond_the_margin_is_outside_and_named() {
        let a = square(0.0, 10.0, 2.0);
        let b = square(2.0, 10.0, 2.0);
        let borders = Borders::new([("AA", a.as_slice()), ("BB", b.as_slice())].into_iter());
        assert_eq!(borders.place("AA", 11.0, 1.0), Placement::Inside);
        // 0.02 degrees east of the border: about 2 km, within the margin.
        assert_eq!(borders.place("AA", 11.0, 2.02), Placement::Inside);
        let Placement::Outside { km, within } = borders.place("AA", 11.0, 2.2) else { panic!("outside") };
        assert!((km - 21.6).abs() < 0.5, "{km}");
        assert_eq!(within.as_deref(), Some("BB"));
        assert_eq!(borders.place("ZZ", 11.0, 1.0), Placement::Unknown);
    }
}
