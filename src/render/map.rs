//! Maps drawn at build time as inline SVG: country outlines from Natural Earth
//! (the theme's `data/world.json`, see `themes/default/data/README.md`), no
//! tiles, no requests to anyone.
//!
//! A map frames its focus countries and its points, padded, with a minimum
//! extent so a single place keeps its context, in an equirectangular
//! projection whose x is scaled by the cosine of the middle latitude. Only the
//! countries in view are drawn, clipped to the view, with coordinates to one
//! decimal. Each point is a circle whose area grows with the conservative
//! number of people killed, linked to its page. The SVG carries classes only
//! (`map`, `map-country`, `map-focus`, `map-point`): the theme's stylesheet
//! gives the colours, in light and dark mode.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex};

use serde::Deserialize;

/// Width of the SVG's viewBox, in user units.
const WIDTH: f64 = 800.0;
/// Height of the viewBox as a share of its width: at least, at most.
const ASPECT: (f64, f64) = (0.45, 1.0);
/// Padding around the framed box, as a share of its extent, on each side.
const PADDING: f64 = 0.1;
/// Smallest extent of the view, in degrees (longitude and latitude alike).
const MIN_EXTENT: f64 = 8.0;
/// Margin outside the viewBox to which outlines are clipped, in user units.
const CLIP_MARGIN: f64 = 4.0;
/// A country's framing skips its rings smaller than this share of its largest
/// (French Guiana for France, Svalbard for Norway, the Canaries for Spain).
const FRAME_SHARE: f64 = 0.25;
/// Circle radius for 0 killed, and the smallest drawn.
const MIN_RADIUS: f64 = 6.0;
/// Radius grows with the square root of the killed (area ∝ killed).
const RADIUS_PER_ROOT: f64 = 2.4;
/// Largest radius (reached at 400 killed), so one figure cannot cover the map.
const MAX_RADIUS: f64 = 48.0;

/// Country outlines, parsed once.
///
/// The outline layer of a view is kept once drawn: the briefings of one
/// country share a frame, so a build draws each frame's outlines once.
#[derive(Debug)]
pub struct WorldMap {
    countries: Vec<Country>,
    layers: Mutex<HashMap<LayerKey, Arc<str>>>,
    borders: std::sync::OnceLock<super::borders::Borders>,
}

/// A drawn outline layer: the view (to a thousandth of a degree) and the focus.
type LayerKey = ([i64; 4], Vec<String>);

/// One Natural Earth feature (a code may have several: Somalia and Somaliland).
#[derive(Debug, Clone)]
struct Country {
    iso: Option<String>,
    bbox: Bbox,
    /// The box of its main rings, to frame a map on it.
    frame: Bbox,
    /// Where its name goes: the centre of its largest ring, and that ring's area.
    label_at: (f64, f64),
    label_area: f64,
    rings: Vec<Ring>,
}

/// A closed ring, in degrees (longitude, latitude), the closing point left out.
#[derive(Debug, Clone)]
struct Ring {
    bbox: Bbox,
    points: Vec<(f64, f64)>,
}

/// A box in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Bbox {
    west: f64,
    south: f64,
    east: f64,
    north: f64,
}

#[derive(Deserialize)]
struct RawWorld {
    countries: Vec<RawCountry>,
}

#[derive(Deserialize)]
struct RawCountry {
    iso: Option<String>,
    name: String,
    rings: Vec<Vec<i64>>,
}

impl WorldMap {
    /// Parses the theme's `data/world.json`: rings as integer hundredths of a
    /// degree, the first point then deltas (written by `tools/map/convert.mjs`).
    pub fn parse(bytes: &[u8]) -> Result<WorldMap, String> {
        let raw: RawWorld = serde_json::from_slice(bytes).map_err(|e| format!("world map data: {e}"))?;
        let countries = raw.countries.into_iter().map(country).collect::<Result<Vec<_>, _>>()?;
        Ok(WorldMap { countries, layers: Mutex::new(HashMap::new()), borders: std::sync::OnceLock::new() })
    }

    /// The outlines as polygons, for telling which country a point is in.
    pub fn borders(&self) -> &super::borders::Borders {
        self.borders.get_or_init(|| {
            let rings = self
                .countries
                .iter()
                .filter_map(|c| Some((c.iso.as_deref()?, c)))
                .flat_map(|(iso, c)| c.rings.iter().map(move |r| (iso, r.points.as_slice())));
            super::borders::Borders::new(rings)
        })
    }

    /// The box of every feature with ISO alpha-2 code `iso` (any case):
    /// `[west, south, east, north]` in degrees, or `None` for a code not on the map.
    pub fn bbox(&self, iso: &str) -> Option<[f64; 4]> {
        let b = self.with_code(iso).map(|c| c.bbox).reduce(Bbox::union)?;
        Some([b.west, b.south, b.east, b.north])
    }

    fn with_code<'a>(&'a self, iso: &'a str) -> impl Iterator<Item = &'a Country> + 'a {
        self.countries.iter().filter(move |c| c.iso.as_deref().is_some_and(|code| code.eq_ignore_ascii_case(iso)))
    }
}

fn country(raw: RawCountry) -> Result<Country, String> {
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
fn centroid(points: &[(f64, f64)]) -> (f64, f64) {
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
fn ring(values: &[i64]) -> Result<Ring, String> {
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
fn main_box(rings: &[Ring]) -> Option<Bbox> {
    let areas: Vec<f64> = rings.iter().map(|r| area(&r.points)).collect();
    let largest = areas.iter().copied().fold(0.0, f64::max);
    rings.iter().zip(&areas).filter(|(_, a)| **a >= largest * FRAME_SHARE).map(|(r, _)| r.bbox).reduce(Bbox::union)
}

/// Approximate area on the ground (shoelace in degrees, x scaled by cos(latitude)).
fn area(points: &[(f64, f64)]) -> f64 {
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
    fn around(mut points: impl Iterator<Item = (f64, f64)>) -> Option<Bbox> {
        let (lon, lat) = points.next()?;
        let first = Bbox { west: lon, south: lat, east: lon, north: lat };
        Some(points.fold(first, |b, (lon, lat)| Bbox { west: lon, south: lat, east: lon, north: lat }.union(b)))
    }

    fn union(self, o: Bbox) -> Bbox {
        Bbox {
            west: self.west.min(o.west),
            south: self.south.min(o.south),
            east: self.east.max(o.east),
            north: self.north.max(o.north),
        }
    }

    fn intersects(&self, o: &Bbox) -> bool {
        self.west <= o.east && o.west <= self.east && self.south <= o.north && o.south <= self.north
    }
}

/// One place on the map.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct MapPoint {
    /// Latitude, degrees north.
    pub lat: f64,
    /// Longitude, degrees east.
    pub lon: f64,
    /// Killed there (the confirmed figure, or the maximum when only one is
    /// known): sets the circle's area.
    pub killed: u64,
    /// Only a maximum is known: drawn hollow.
    pub unconfirmed: bool,
    /// Page the point links to (none when empty).
    pub url: String,
    /// Tooltip and accessible name of the link.
    pub label: String,
    /// The place's name, written beside it when there is room (none when empty).
    pub place: String,
}

/// How to draw a map.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct MapOptions {
    /// Unique id prefix on the page, e.g. `map`: the SVG's title is `{id}-title`.
    pub id: String,
    /// Accessible name.
    pub title: String,
    /// What the map shows, in words (`<desc>`; left out when empty).
    pub description: String,
    /// ISO alpha-2 codes to frame and highlight (may be empty: frame the points).
    pub focus: Vec<String>,
}

/// An inline SVG map: outlines of the countries in view, focus countries
/// highlighted, each point a circle sized by the conservative killed figure
/// (area ∝ killed, with a minimum size so 0 is still visible), largest drawn
/// first, each wrapped in `<a href=url>` with a `<title>label</title>`.
/// Empty (`""`) when there is nothing to frame: no point with valid
/// coordinates and no focus country on the map.
pub fn render_map(world: &WorldMap, points: &[MapPoint], options: &MapOptions) -> String {
    let points: Vec<&MapPoint> = points.iter().filter(|p| on_globe(p.lon, p.lat)).collect();
    let Some(framed) = framed_box(world, &points, &options.focus) else {
        return String::new();
    };
    let view = View::new(framed);
    let mut svg = String::with_capacity(16 * 1024);
    open_svg(&mut svg, &view, options);
    svg.push_str(&world.layer(&view, &options.focus));
    draw_points(&mut svg, &view, &points);
    draw_scale(&mut svg, &view);
    svg.push_str("</svg>");
    svg
}

/// The map of [`render_map`] with names written on it: its countries'
/// (`names` gives a country's name from its ISO code, in the page's
/// language) and its places', placed by [`super::labels`], in a frame the
/// theme positions them in. Empty when there is nothing to frame.
pub fn render_labelled(world: &WorldMap, points: &[MapPoint], options: &MapOptions, words: &MapWords<'_>) -> String {
    use super::labels::{Candidate, Kind};
    let svg = render_map(world, points, options);
    let on_map: Vec<&MapPoint> = points.iter().filter(|p| on_globe(p.lon, p.lat)).collect();
    let Some(framed) = framed_box(world, &on_map, &options.focus) else {
        return svg;
    };
    let view = View::new(framed);
    let mut candidates = Vec::new();
    let mut countries: Vec<&Country> = world.countries.iter().filter(|c| c.bbox.intersects(&view.bbox)).collect();
    countries.sort_by(|a, b| b.label_area.total_cmp(&a.label_area));
    let mut named: Vec<&str> = Vec::new();
    for c in countries {
        let Some(iso) = c.iso.as_deref() else { continue };
        let (lon, lat) = c.label_at;
        let b = view.bbox;
        if named.contains(&iso) || !(b.west..=b.east).contains(&lon) || !(b.south..=b.north).contains(&lat) {
            continue;
        }
        named.push(iso);
        let Some(text) = (words.country)(iso) else { continue };
        let (x, y) = view.project(c.label_at);
        candidates.push(Candidate { text, x, y, kind: Kind::Country { focus: is_focus(c, &options.focus) } });
    }
    let mut places: Vec<&str> = Vec::new();
    for p in &on_map {
        if p.place.is_empty() || places.contains(&p.place.as_str()) {
            continue;
        }
        places.push(&p.place);
        let (x, y) = view.project((p.lon, p.lat));
        let kind = Kind::Place { radius: radius(p.killed), weight: p.killed };
        candidates.push(Candidate { text: p.place.clone(), x, y, kind });
    }
    let labels = super::labels::place(candidates, WIDTH, view.height);
    let (km, length) = scale_bar(&view);
    let scale = format!(
        r#"<span class="map-scale" style="left:{:.2}%;bottom:{:.2}%;width:{:.2}%">{}</span>"#,
        SCALE_AT.0 / WIDTH * 100.0,
        (SCALE_AT.1 + 4.0) / view.height * 100.0,
        length / WIDTH * 100.0,
        escape(&(words.distance)(km))
    );
    format!(r#"<div class="map-frame">{svg}{labels}{scale}</div>"#)
}

/// The words a map writes: a country's name from its ISO code, and a distance in kilometres.
pub struct MapWords<'a> {
    /// The country's name in the page's language.
    pub country: &'a dyn Fn(&str) -> Option<String>,
    /// `200 km`.
    pub distance: &'a dyn Fn(u64) -> String,
}

/// Where the scale bar starts, in map units from the left and the bottom.
const SCALE_AT: (f64, f64) = (12.0, 12.0);
/// About how much of the map's width the scale bar takes.
const SCALE_SHARE: f64 = 0.2;

/// The scale bar: a round distance (1, 2 or 5 times a power of ten
/// kilometres) about a fifth of the map wide, and its length in map units,
/// measured along the middle latitude.
fn scale_bar(view: &View) -> (u64, f64) {
    let km_per_unit = 111.32 / view.scale;
    let wanted = WIDTH * SCALE_SHARE * km_per_unit;
    let mut km = 1u64;
    for magnitude in [1u64, 10, 100, 1000, 10_000] {
        for factor in [1, 2, 5] {
            if ((magnitude * factor) as f64) <= wanted {
                km = magnitude * factor;
            }
        }
    }
    (km, km as f64 / km_per_unit)
}

fn draw_scale(svg: &mut String, view: &View) {
    let (_, length) = scale_bar(view);
    let (x, y) = (SCALE_AT.0, view.height - SCALE_AT.1);
    let _ =
        write!(svg, r#"<path class="map-scale-bar" d="M{} {}v4h{}v-4"/>"#, tenths(x), tenths(y - 4.0), tenths(length));
}

fn on_globe(lon: f64, lat: f64) -> bool {
    (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat)
}

fn is_focus(country: &Country, focus: &[String]) -> bool {
    country.iso.as_deref().is_some_and(|iso| focus.iter().any(|f| f.trim().eq_ignore_ascii_case(iso)))
}

/// The box of the focus countries (their main rings) and the points.
fn framed_box(world: &WorldMap, points: &[&MapPoint], focus: &[String]) -> Option<Bbox> {
    let countries = world.countries.iter().filter(|c| is_focus(c, focus)).map(|c| c.frame);
    let places = Bbox::around(points.iter().map(|p| (p.lon, p.lat)));
    countries.chain(places).reduce(Bbox::union)
}

/// The projection: degrees to viewBox units.
#[derive(Debug, Clone, Copy)]
struct View {
    /// What is shown, in degrees.
    bbox: Bbox,
    /// User units per degree of latitude.
    scale: f64,
    /// cos(middle latitude): shrinks x.
    shrink: f64,
    height: f64,
}

impl View {
    /// Pads `framed`, gives it a minimum extent, then widens it or makes it
    /// taller until its aspect is within `ASPECT`.
    fn new(framed: Bbox) -> View {
        let (lon_span, lat_span) = (framed.east - framed.west, framed.north - framed.south);
        let lon_span = (lon_span * (1.0 + 2.0 * PADDING)).max(MIN_EXTENT);
        let lat_span = (lat_span * (1.0 + 2.0 * PADDING)).max(MIN_EXTENT);
        let (mid_lon, mid_lat) = ((framed.west + framed.east) / 2.0, (framed.south + framed.north) / 2.0);
        // Near a pole the view may run past it: nothing is drawn there.
        let shrink = mid_lat.to_radians().cos().max(0.1);
        let width_deg = lon_span * shrink;
        let lat_span = lat_span.max(width_deg * ASPECT.0);
        let lon_span = lon_span.max(lat_span / ASPECT.1 / shrink);
        let scale = WIDTH / (lon_span * shrink);
        let bbox = Bbox {
            west: mid_lon - lon_span / 2.0,
            south: mid_lat - lat_span / 2.0,
            east: mid_lon + lon_span / 2.0,
            north: mid_lat + lat_span / 2.0,
        };
        View { bbox, scale, shrink, height: lat_span * scale }
    }

    fn project(&self, (lon, lat): (f64, f64)) -> (f64, f64) {
        ((lon - self.bbox.west) * self.shrink * self.scale, (self.bbox.north - lat) * self.scale)
    }
}

fn open_svg(svg: &mut String, view: &View, options: &MapOptions) {
    let id = escape(&options.id);
    let described =
        if options.description.is_empty() { String::new() } else { format!(r#" aria-describedby="{id}-desc""#) };
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" class="map" role="group" aria-labelledby="{id}-title"{described}>"#,
        tenths(WIDTH),
        tenths(view.height),
    );
    let _ = write!(svg, r#"<title id="{id}-title">{}</title>"#, escape(&options.title));
    if !options.description.is_empty() {
        let _ = write!(svg, r#"<desc id="{id}-desc">{}</desc>"#, escape(&options.description));
    }
}

impl WorldMap {
    /// The outline layer of `view`, drawn once per view and focus.
    fn layer(&self, view: &View, focus: &[String]) -> Arc<str> {
        let b = view.bbox;
        let mut codes: Vec<String> = focus.iter().map(|f| f.trim().to_ascii_uppercase()).collect();
        codes.sort();
        let key = ([b.west, b.south, b.east, b.north].map(|d| (d * 1000.0).round() as i64), codes);
        if let Some(layer) = self.layers.lock().unwrap_or_else(|e| e.into_inner()).get(&key) {
            return Arc::clone(layer);
        }
        let mut svg = String::new();
        draw_countries(&mut svg, self, view, focus);
        let layer: Arc<str> = Arc::from(svg);
        self.layers.lock().unwrap_or_else(|e| e.into_inner()).insert(key, Arc::clone(&layer));
        layer
    }
}

/// The countries in view, the focus ones last (their outline on top).
fn draw_countries(svg: &mut String, world: &WorldMap, view: &View, focus: &[String]) {
    svg.push_str(r#"<g class="map-countries" fill-rule="evenodd">"#);
    let visible = world.countries.iter().filter(|c| c.bbox.intersects(&view.bbox));
    let (focused, others): (Vec<&Country>, Vec<&Country>) = visible.partition(|c| is_focus(c, focus));
    for (class, countries) in [("map-country", others), ("map-country map-focus", focused)] {
        for country in countries {
            let d = country_path(country, view);
            if !d.is_empty() {
                let _ = write!(svg, r#"<path class="{class}" d="{d}"/>"#);
            }
        }
    }
    svg.push_str("</g>");
}

/// A path of the rings in view, clipped, in relative tenths of a unit.
fn country_path(country: &Country, view: &View) -> String {
    let mut d = String::new();
    let mut pen = (0, 0);
    for ring in country.rings.iter().filter(|r| r.bbox.intersects(&view.bbox)) {
        let projected: Vec<(f64, f64)> = ring.points.iter().map(|&p| view.project(p)).collect();
        let clipped = clip(projected, view.height);
        let rounded = to_tenths(&clipped);
        if rounded.len() >= 3 {
            write_ring(&mut d, &rounded, &mut pen);
        }
    }
    d
}

/// `m dx dy dx dy ... z`: relative moves; after `z` the pen is back at the ring's start.
fn write_ring(d: &mut String, ring: &[(i64, i64)], pen: &mut (i64, i64)) {
    d.push('m');
    let mut first = true;
    for &(x, y) in ring {
        for v in [x - pen.0, y - pen.1] {
            // A minus sign separates numbers by itself.
            if !first && v >= 0 {
                d.push(' ');
            }
            d.push_str(&tenths_text(v));
            first = false;
        }
        *pen = (x, y);
    }
    d.push('z');
    if let Some(&start) = ring.first() {
        *pen = start;
    }
}

/// Rounds to tenths and drops repeated points (and a closing point equal to the first).
fn to_tenths(points: &[(f64, f64)]) -> Vec<(i64, i64)> {
    let mut out: Vec<(i64, i64)> = Vec::with_capacity(points.len());
    for &(x, y) in points {
        let p = ((x * 10.0).round() as i64, (y * 10.0).round() as i64);
        if out.last() != Some(&p) {
            out.push(p);
        }
    }
    while out.len() > 1 && out.first() == out.last() {
        out.pop();
    }
    out
}

/// A side of the clipping rectangle: a coordinate must stay at or past it.
#[derive(Debug, Clone, Copy)]
enum Side {
    Left(f64),
    Right(f64),
    Top(f64),
    Bottom(f64),
}

impl Side {
    fn inside(self, (x, y): (f64, f64)) -> bool {
        match self {
            Side::Left(l) => x >= l,
            Side::Right(r) => x <= r,
            Side::Top(t) => y >= t,
            Side::Bottom(b) => y <= b,
        }
    }

    /// Where the segment a-b crosses this side (a and b on different sides of it).
    fn cross(self, a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
        match self {
            Side::Left(x) | Side::Right(x) => (x, a.1 + (x - a.0) / (b.0 - a.0) * (b.1 - a.1)),
            Side::Top(y) | Side::Bottom(y) => (a.0 + (y - a.1) / (b.1 - a.1) * (b.0 - a.0), y),
        }
    }
}

/// Sutherland–Hodgman: the ring cut to the viewBox plus a margin. The cut runs
/// along the margin, outside the view, so it never shows.
fn clip(ring: Vec<(f64, f64)>, height: f64) -> Vec<(f64, f64)> {
    let sides = [
        Side::Left(-CLIP_MARGIN),
        Side::Right(WIDTH + CLIP_MARGIN),
        Side::Top(-CLIP_MARGIN),
        Side::Bottom(height + CLIP_MARGIN),
    ];
    sides.into_iter().fold(ring, |ring, side| clip_side(&ring, side))
}

fn clip_side(ring: &[(f64, f64)], side: Side) -> Vec<(f64, f64)> {
    let mut out = Vec::with_capacity(ring.len() + 4);
    let Some(&last) = ring.last() else { return out };
    let mut prev = last;
    for &p in ring {
        match (side.inside(prev), side.inside(p)) {
            (true, true) => out.push(p),
            (true, false) => out.push(side.cross(prev, p)),
            (false, true) => out.extend([side.cross(prev, p), p]),
            (false, false) => {}
        }
        prev = p;
    }
    out
}

/// Circles, largest first so the small ones stay on top and clickable.
fn draw_points(svg: &mut String, view: &View, points: &[&MapPoint]) {
    if points.is_empty() {
        return;
    }
    let mut sorted = points.to_vec();
    sorted.sort_by_key(|p| std::cmp::Reverse(p.killed));
    svg.push_str(r#"<g class="map-points">"#);
    for p in sorted {
        draw_point(svg, view, p);
    }
    svg.push_str("</g>");
}

fn draw_point(svg: &mut String, view: &View, point: &MapPoint) {
    let (x, y) = view.project((point.lon, point.lat));
    if !point.url.is_empty() {
        let _ = write!(svg, r#"<a href="{}">"#, escape(&point.url));
    }
    let class = if point.unconfirmed { "map-point map-point-unconfirmed" } else { "map-point" };
    let _ = write!(
        svg,
        r#"<circle class="{class}" cx="{}" cy="{}" r="{}"><title>{}</title></circle>"#,
        tenths(x),
        tenths(y),
        tenths(radius(point.killed)),
        escape(&point.label),
    );
    if !point.url.is_empty() {
        svg.push_str("</a>");
    }
}

/// The circle's radius: area ∝ killed, at least `MIN_RADIUS`, at most `MAX_RADIUS`.
fn radius(killed: u64) -> f64 {
    (RADIUS_PER_ROOT * (killed as f64).sqrt()).clamp(MIN_RADIUS, MAX_RADIUS)
}

/// A number to one decimal, shortest form: `12`, `12.5`, `-.5`.
fn tenths(v: f64) -> String {
    tenths_text((v * 10.0).round() as i64)
}

fn tenths_text(t: i64) -> String {
    let sign = if t < 0 { "-" } else { "" };
    let (whole, frac) = (t.unsigned_abs() / 10, t.unsigned_abs() % 10);
    match (whole, frac) {
        (w, 0) => format!("{sign}{w}"),
        (0, f) => format!("{sign}.{f}"),
        (w, f) => format!("{sign}{w}.{f}"),
    }
}

/// Escapes text for an attribute or element content.
pub(super) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const DATA: &[u8] = include_bytes!("../../themes/default/data/world.json");

    fn world() -> WorldMap {
        WorldMap::parse(DATA).expect("the theme's world.json parses")
    }

    fn point(lon: f64, lat: f64, killed: u64, label: &str) -> MapPoint {
        MapPoint {
            lat,
            lon,
            killed,
            unconfirmed: false,
            url: format!("/briefings/{label}/"),
            label: label.to_string(),
            place: String::new(),
        }
    }

    fn options(focus: &[&str]) -> MapOptions {
        MapOptions {
            id: "map".into(),
            title: "Incidents".into(),
            description: "Where the incidents happened".into(),
            focus: focus.iter().map(|s| s.to_string()).collect(),
        }
    }

    /// The numbers of `attr="..."` everywhere in `svg`.
    fn attrs(svg: &str, attr: &str) -> Vec<f64> {
        let key = format!(r#" {attr}=""#);
        svg.match_indices(&key)
            .filter_map(|(at, _)| svg[at + key.len()..].split('"').next())
            .filter_map(|v| v.parse().ok())
            .collect()
    }

    fn view_box(svg: &str) -> (f64, f64) {
        let rest = svg.split(r#"viewBox="0 0 "#).nth(1).expect("a viewBox");
        let mut it = rest.split('"').next().unwrap_or("").split(' ').map(|v| v.parse::<f64>().unwrap_or(f64::NAN));
        (it.next().unwrap_or(f64::NAN), it.next().unwrap_or(f64::NAN))
    }

    fn near(b: [f64; 4], expected: [f64; 4]) -> bool {
        b.iter().zip(expected).all(|(a, e)| (a - e).abs() < 0.3)
    }

    #[test]
    fn the_real_data_parses_with_every_country() {
        let w = world();
        assert!(w.countries.len() > 200, "{} features", w.countries.len());
        for code in ["FR", "NG", "TD", "SN", "GM", "CV", "DZ", "LY", "SD", "SO", "XK", "CY"] {
            assert!(w.bbox(code).is_some(), "{code} missing");
        }
        assert_eq!(w.bbox("QQ"), None);
    }

    #[test]
    fn sahel_countries_have_plausible_boxes() {
        let w = world();
        let ml = w.bbox("ML").unwrap();
        assert!(near(ml, [-12.3, 10.1, 4.3, 25.0]), "Mali {ml:?}");
        assert!(near(w.bbox("bf").unwrap(), [-5.5, 9.4, 2.4, 15.1]), "Burkina Faso");
        assert!(near(w.bbox("NE").unwrap(), [0.2, 11.7, 16.0, 23.5]), "Niger");
    }

    #[test]
    fn the_stored_boxes_match_the_rings() {
        let file: serde_json::Value = serde_json::from_slice(DATA).unwrap();
        let w = world();
        let stored = file["countries"].as_array().unwrap();
        assert_eq!(stored.len(), w.countries.len());
        for (s, c) in stored.iter().zip(&w.countries) {
            let b: Vec<f64> = s["bbox"].as_array().unwrap().iter().filter_map(|v| v.as_f64()).collect();
            assert_eq!(b, [c.bbox.west, c.bbox.south, c.bbox.east, c.bbox.north], "{}", s["name"]);
        }
    }

    #[test]
    fn somaliland_counts_as_somalia_and_kosovo_is_xk() {
        let w = world();
        assert_eq!(w.with_code("SO").count(), 2);
        let so = w.bbox("SO").unwrap();
        assert!(so[3] > 11.0 && so[2] > 51.0, "{so:?}");
        let xk = w.bbox("XK").unwrap();
        assert!(near(xk, [20.0, 41.9, 21.8, 43.3]), "{xk:?}");
    }

    #[test]
    fn overseas_rings_do_not_frame_a_country() {
        let w = world();
        assert!(w.bbox("FR").unwrap()[0] < -50.0, "French Guiana is part of France's outline");
        // Metropolitan France frames the map, not the Atlantic.
        let framed = framed_box(&w, &[], &["FR".to_string()]).unwrap();
        assert!(framed.west > -6.0 && framed.east < 10.0, "{framed:?}");
        let svg = render_map(&w, &[], &options(&["FR"]));
        assert_eq!(svg.matches("map-focus").count(), 1);
        assert!(svg.matches("<path ").count() < 20);
    }

    #[test]
    fn nothing_to_frame_gives_an_empty_string() {
        let w = world();
        assert_eq!(render_map(&w, &[], &MapOptions::default()), "");
        assert_eq!(render_map(&w, &[], &options(&["QQ", ""])), "");
        let off = [point(f64::NAN, 12.0, 3, "a"), point(200.0, 12.0, 3, "b"), point(0.0, f64::INFINITY, 3, "c")];
        assert_eq!(render_map(&w, &off, &options(&[])), "");
    }

    #[test]
    fn a_map_of_the_central_sahel_is_well_formed() {
        let w = world();
        let points = [point(-8.0, 12.64, 70, "bamako"), point(2.11, 13.51, 0, "niamey")];
        let svg = render_map(&w, &points, &options(&["ML", "BF", "NE"]));
        assert!(svg.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 "#), "{svg:.200}");
        assert!(svg.contains(r#"class="map" role="group" aria-labelledby="map-title" aria-describedby="map-desc">"#));
        assert!(svg.contains(
            r#"<title id="map-title">Incidents</title><desc id="map-desc">Where the incidents happened</desc>"#
        ));
        assert!(
            svg.ends_with("</g><path class=\"map-scale-bar\" d=\"M12 ")
                || svg.contains("</g><path class=\"map-scale-bar\" d=\"M12 ")
        );
        assert!(svg.ends_with("\"/></svg>"));
        assert_eq!(svg.matches(r#"class="map-country map-focus""#).count(), 3);
        let neighbours = svg.matches(r#"class="map-country""#).count();
        assert!((8..=25).contains(&neighbours), "{neighbours} neighbours drawn");
        assert!(svg.len() < 40_000, "{} bytes", svg.len());
        assert!(!svg.contains("style="));
    }

    #[test]
    fn only_countries_in_view_are_drawn() {
        let w = world();
        let svg = render_map(&w, &[point(-1.5, 12.4, 5, "ouagadougou")], &options(&[]));
        let paths = svg.matches("<path ").count();
        // Burkina Faso, its six neighbours, and maybe a corner of one more.
        assert!((5..=10).contains(&paths), "{paths} paths");
    }

    #[test]
    fn points_land_inside_the_view_box_where_they_belong() {
        let w = world();
        let points =
            [point(-8.0, 12.64, 70, "bamako"), point(2.11, 13.51, 1, "niamey"), point(-3.0, 16.77, 4, "timbuktu")];
        let svg = render_map(&w, &points, &options(&["ML", "BF", "NE"]));
        let (width, height) = view_box(&svg);
        let (cx, cy) = (attrs(&svg, "cx"), attrs(&svg, "cy"));
        assert_eq!(cx.len(), 3);
        for (x, y) in cx.iter().zip(&cy) {
            assert!((0.0..=width).contains(x) && (0.0..=height).contains(y), "({x}, {y}) outside 0 0 {width} {height}");
        }
        // Largest first: Bamako, then Timbuktu, then Niamey.
        let (bamako, timbuktu, niamey) = ((cx[0], cy[0]), (cx[1], cy[1]), (cx[2], cy[2]));
        assert!(bamako.0 < timbuktu.0 && timbuktu.0 < niamey.0, "west to east");
        assert!(timbuktu.1 < niamey.1 && niamey.1 < bamako.1, "north is up");
    }

    #[test]
    fn a_single_point_is_centred_with_context() {
        let w = world();
        let svg = render_map(&w, &[point(-1.5, 12.4, 5, "ouagadougou")], &options(&[]));
        let (width, height) = view_box(&svg);
        assert_eq!(width, 800.0);
        assert!((360.0..=800.0).contains(&height));
        let (x, y) = (attrs(&svg, "cx")[0], attrs(&svg, "cy")[0]);
        assert!((x - 400.0).abs() < 0.1 && (y - height / 2.0).abs() < 0.1, "({x}, {y})");
        // At least MIN_EXTENT degrees of latitude: Ouagadougou's circle is small.
        let view = View::new(Bbox { west: -1.5, south: 12.4, east: -1.5, north: 12.4 });
        assert!(view.bbox.north - view.bbox.south >= MIN_EXTENT - 1e-9);
        assert!(view.bbox.east - view.bbox.west >= MIN_EXTENT - 1e-9);
    }

    #[test]
    fn a_point_near_a_pole_stays_in_view() {
        let w = world();
        for lat in [89.6, -90.0, 90.0] {
            let svg = render_map(&w, &[point(0.0, lat, 0, "pole")], &options(&[]));
            let (_, height) = view_box(&svg);
            let y = attrs(&svg, "cy")[0];
            assert!((0.0..=height).contains(&y), "{lat}: {y} outside 0..{height}");
        }
    }

    #[test]
    fn the_aspect_is_clamped() {
        let wide = View::new(Bbox { west: -20.0, south: 10.0, east: 40.0, north: 12.0 });
        assert!((wide.height - WIDTH * ASPECT.0).abs() < 1e-6, "{}", wide.height);
        let tall = View::new(Bbox { west: 0.0, south: -30.0, east: 1.0, north: 30.0 });
        assert!((tall.height - WIDTH * ASPECT.1).abs() < 1e-6, "{}", tall.height);
        let world = View::new(Bbox { west: -180.0, south: -90.0, east: 180.0, north: 90.0 });
        assert!(world.height.is_finite() && world.height >= WIDTH * ASPECT.0 - 1e-6);
    }

    #[test]
    fn x_is_scaled_by_the_cosine_of_the_middle_latitude() {
        let v = View::new(Bbox { west: 0.0, south: 58.0, east: 10.0, north: 62.0 });
        let (x0, y0) = v.project((0.0, 60.0));
        let (x1, _) = v.project((1.0, 60.0));
        let (_, y1) = v.project((0.0, 59.0));
        assert!(((x1 - x0) / (y1 - y0) - 0.5).abs() < 0.01);
    }

    #[test]
    fn text_and_urls_are_escaped() {
        let w = world();
        let evil = r#"<script>alert("x" & 'y')</script>"#;
        let p = MapPoint {
            lat: 12.6,
            lon: -8.0,
            killed: 1,
            unconfirmed: false,
            url: r#"/a?b=1&c="2"'"#.into(),
            label: evil.into(),
            place: evil.into(),
        };
        let o = MapOptions { id: r#"m"1"#.into(), title: evil.into(), description: evil.into(), focus: vec![] };
        let evil_name = |_: &str| Some(evil.to_string());
        let html = render_labelled(
            &w,
            std::slice::from_ref(&p),
            &o,
            &MapWords { country: &evil_name, distance: &|_| evil.into() },
        );
        assert!(!html.contains("<script>") && html.contains(r#"<span class="map-scale""#), "{html}");
        let svg = render_map(&w, &[p], &o);
        assert!(!svg.contains("<script>") && !svg.contains(r#"("x""#) && !svg.contains("'y'"));
        assert!(svg.contains(r#"<a href="/a?b=1&amp;c=&quot;2&quot;&#39;">"#));
        assert!(svg.contains(r#"id="m&quot;1-title""#));
        let escaped = "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;";
        assert_eq!(svg.matches(escaped).count(), 3);
    }

    #[test]
    fn a_point_without_a_page_is_not_a_link() {
        let w = world();
        let mut p = point(-8.0, 12.6, 1, "x");
        p.url.clear();
        let svg = render_map(&w, &[p], &MapOptions { description: String::new(), ..options(&[]) });
        assert!(!svg.contains("<a ") && svg.contains("<circle "));
        assert!(!svg.contains("<desc") && !svg.contains("aria-describedby"));
    }

    #[test]
    fn sizes_grow_with_the_killed_and_zero_stays_visible() {
        assert_eq!(radius(0), MIN_RADIUS);
        assert!(radius(0) > 0.0);
        let figures = [0u64, 1, 2, 3, 4, 5, 10, 50, 100, 400, 625, 1000, u64::MAX];
        for pair in figures.windows(2) {
            assert!(radius(pair[0]) <= radius(pair[1]), "{pair:?}");
        }
        assert!(radius(10) < radius(100) && radius(100) < radius(400));
        // Area ∝ killed between the minimum and the cap: 4 times the dead, twice the radius.
        assert!((radius(400) / radius(100) - 2.0).abs() < 1e-9);
        assert_eq!(radius(u64::MAX), MAX_RADIUS);
    }

    #[test]
    fn circles_are_drawn_largest_first() {
        let w = world();
        let points = [point(-8.0, 12.6, 3, "small"), point(-4.0, 14.0, 300, "large"), point(-6.0, 13.0, 30, "mid")];
        let svg = render_map(&w, &points, &options(&[]));
        let (large, mid, small) = (svg.find(">large<"), svg.find(">mid<"), svg.find(">small<"));
        assert!(large < mid && mid < small && small.is_some());
        let r = attrs(&svg, "r");
        assert!(r[0] > r[1] && r[1] > r[2]);
    }

    #[test]
    fn the_scale_bar_is_a_round_distance_about_a_fifth_of_the_map() {
        let w = world();
        for (focus, km) in [("ML", 200), ("BF", 200), ("DZ", 500)] {
            let points = [point(-1.5, 12.4, 1, "x")];
            let framed = framed_box(&w, &points.iter().collect::<Vec<_>>(), &[focus.to_string()]).unwrap();
            let (shown, length) = scale_bar(&View::new(framed));
            assert_eq!(shown, km, "{focus}");
            assert!((WIDTH * 0.08..=WIDTH * SCALE_SHARE).contains(&length), "{focus}: {length}");
        }
        let words = MapWords { country: &|iso: &str| Some(format!("<{iso}>")), distance: &|km| format!("{km} km") };
        let html = render_labelled(&w, &[point(-8.0, 12.64, 70, "Bamako")], &options(&["ML"]), &words);
        assert!(html.contains(">200 km</span></div>"), "{html:.300}");
        assert!(html.contains(r#"map-label-focus" style="#) && html.contains(">&lt;ML&gt;</span>"), "escaped names");
    }

    #[test]
    fn paths_are_short_one_decimal_and_clipped() {
        let w = world();
        let svg = render_map(&w, &[], &options(&["BF"]));
        let (width, height) = view_box(&svg);
        // Country outlines; the scale bar is drawn in absolute units.
        for d in svg.split(r#" d=""#).skip(1).filter_map(|s| s.split('"').next()).filter(|d| !d.starts_with('M')) {
            assert!(d.starts_with('m') && d.ends_with('z'), "{d:.40}");
            let numbers = d.split(['m', 'z', ' ', '-']).filter(|s| !s.is_empty());
            for n in numbers {
                assert!(n.parse::<f64>().is_ok(), "{n}");
                assert!(n.split('.').nth(1).is_none_or(|f| f.len() == 1), "{n}");
            }
            let (mut x, mut y, mut min, mut max) = (0.0, 0.0, (f64::MAX, f64::MAX), (f64::MIN, f64::MIN));
            for ring in d.split('z').filter(|r| !r.is_empty()) {
                let values = numbers_of(ring.trim_start_matches('m'));
                let (sx, sy) = (x + values[0], y + values[1]);
                (x, y) = (sx, sy);
                for pair in values.chunks(2).skip(1) {
                    (x, y) = (x + pair[0], y + pair[1]);
                    min = (min.0.min(x), min.1.min(y));
                    max = (max.0.max(x), max.1.max(y));
                }
                (x, y) = (sx, sy);
            }
            let m = CLIP_MARGIN + 0.1;
            assert!(min.0 >= -m && min.1 >= -m && max.0 <= width + m && max.1 <= height + m, "{min:?} {max:?}");
        }
    }

    fn numbers_of(s: &str) -> Vec<f64> {
        s.replace('-', " -").split(' ').filter(|v| !v.is_empty()).filter_map(|v| v.parse().ok()).collect()
    }

    #[test]
    fn numbers_are_written_short() {
        assert_eq!(tenths(12.0), "12");
        assert_eq!(tenths(12.46), "12.5");
        assert_eq!(tenths(-0.5), "-.5");
        assert_eq!(tenths(0.04), "0");
        assert_eq!(tenths(-0.04), "0");
        assert_eq!(tenths(0.3), ".3");
    }

    #[test]
    fn clipping_cuts_rings_to_the_margin() {
        let square = vec![(-100.0, -100.0), (900.0, -100.0), (900.0, 500.0), (-100.0, 500.0)];
        let clipped = clip(square, 400.0);
        let xs: Vec<f64> = clipped.iter().map(|p| p.0).collect();
        let ys: Vec<f64> = clipped.iter().map(|p| p.1).collect();
        assert!(xs.iter().all(|x| (-CLIP_MARGIN..=WIDTH + CLIP_MARGIN).contains(x)));
        assert!(ys.iter().all(|y| (-CLIP_MARGIN..=400.0 + CLIP_MARGIN).contains(y)));
        assert_eq!(clipped.len(), 4);
        assert!(clip(vec![(-50.0, -50.0), (-40.0, -50.0), (-40.0, -40.0)], 400.0).is_empty());
    }

    #[test]
    fn bad_data_is_an_error_not_a_panic() {
        let bad: &[&[u8]] = &[
            b"",
            b"not json",
            br#"{"countries": 3}"#,
            br#"{"countries": [{"iso": "ML", "name": "Mali", "rings": [[1, 2, 3]]}]}"#,
            br#"{"countries": [{"iso": "ML", "name": "Mali", "rings": [[1, 2, 3, 4]]}]}"#,
            br#"{"countries": [{"iso": "ML", "name": "Mali", "rings": []}]}"#,
            br#"{"countries": [{"iso": "mali", "name": "Mali", "rings": [[0, 0, 1, 0, 0, 1]]}]}"#,
            br#"{"countries": [{"iso": "ML", "name": "Mali", "rings": [[18001, 0, 1, 0, 0, 1]]}]}"#,
            br#"{"countries": [{"iso": "ML", "name": "Mali", "rings": [[9223372036854775807, 0, 1, 0, 0, 1]]}]}"#,
            br#"{"countries": [{"iso": "ML", "name": "Mali", "rings": [[1.5, 0, 1, 0, 0, 1]]}]}"#,
        ];
        for bytes in bad {
            assert!(WorldMap::parse(bytes).is_err(), "{}", String::from_utf8_lossy(bytes));
        }
        let tiny = br#"{"countries": [{"iso": "ML", "name": "Mali", "rings": [[0, 0, 100, 0, 0, 100]]}]}"#;
        let w = WorldMap::parse(tiny).unwrap();
        assert_eq!(w.bbox("ml"), Some([0.0, 0.0, 1.0, 1.0]));
        assert!(render_map(&w, &[], &options(&["ML"])).contains("map-focus"));
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn any_point() -> impl Strategy<Value = MapPoint> {
            (prop::num::f64::ANY, prop::num::f64::ANY, any::<u64>(), ".{0,12}", ".{0,12}").prop_map(
                |(lat, lon, killed, url, label)| MapPoint {
                    lat,
                    lon,
                    killed,
                    unconfirmed: false,
                    url,
                    place: label.clone(),
                    label,
                },
            )
        }

        fn on_globe_point() -> impl Strategy<Value = MapPoint> {
            (-90.0..=90.0f64, -180.0..=180.0f64, any::<u64>()).prop_map(|(lat, lon, killed)| MapPoint {
                lat,
                lon,
                unconfirmed: false,
                killed,
                url: "/x/".into(),
                label: "x".into(),
                place: "x".into(),
            })
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(64))]

            #[test]
            fn any_input_renders_without_panicking(
                points in prop::collection::vec(any_point(), 0..5),
                focus in prop::collection::vec("[A-Z]{2}|.{0,3}", 0..4),
            ) {
                let options = MapOptions { focus, ..options(&[]) };
                let svg = render_map(world_once(), &points, &options);
                prop_assert!(svg.is_empty() || (svg.starts_with("<svg ") && svg.ends_with("</svg>")));
                let name = |iso: &str| Some(iso.to_string());
                let html = render_labelled(world_once(), &points, &options, &MapWords { country: &name, distance: &|km| km.to_string() });
                prop_assert!(html.is_empty() == svg.is_empty());
                prop_assert!(html.is_empty() || (html.starts_with(r#"<div class="map-frame"><svg "#) && html.ends_with("</span></div>")));
            }

            #[test]
            fn points_on_the_globe_are_always_in_the_view_box(points in prop::collection::vec(on_globe_point(), 1..5)) {
                let svg = render_map(world_once(), &points, &options(&[]));
                let (width, height) = view_box(&svg);
                prop_assert!((WIDTH * ASPECT.0 - 0.1..=WIDTH * ASPECT.1 + 0.1).contains(&height));
                for (x, y) in attrs(&svg, "cx").into_iter().zip(attrs(&svg, "cy")) {
                    prop_assert!((0.0..=width).contains(&x) && (0.0..=height).contains(&y), "({}, {})", x, y);
                }
            }
        }

        fn world_once() -> &'static WorldMap {
            static WORLD: std::sync::OnceLock<WorldMap> = std::sync::OnceLock::new();
            WORLD.get_or_init(world)
        }
    }
}
