//! The base layer: country outlines in view, clipped, focus countries on top.

use std::fmt::Write as _;
use std::sync::Arc;

use super::*;

impl WorldMap {
    /// The outline layer of `view`, drawn once per view and focus.
    pub(super) fn layer(&self, view: &View, focus: &[String]) -> Arc<str> {
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
pub(super) fn draw_countries(svg: &mut String, world: &WorldMap, view: &View, focus: &[String]) {
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
pub(super) fn country_path(country: &Country, view: &View) -> String {
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
pub(super) fn write_ring(d: &mut String, ring: &[(i64, i64)], pen: &mut (i64, i64)) {
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
pub(super) fn to_tenths(points: &[(f64, f64)]) -> Vec<(i64, i64)> {
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
pub(super) enum Side {
    Left(f64),
    Right(f64),
    Top(f64),
    Bottom(f64),
}

impl Side {
    pub(super) fn inside(self, (x, y): (f64, f64)) -> bool {
        match self {
            Side::Left(l) => x >= l,
            Side::Right(r) => x <= r,
            Side::Top(t) => y >= t,
            Side::Bottom(b) => y <= b,
        }
    }

    /// Where the segment a-b crosses this side (a and b on different sides of it).
    pub(super) fn cross(self, a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
        match self {
            Side::Left(x) | Side::Right(x) => (x, a.1 + (x - a.0) / (b.0 - a.0) * (b.1 - a.1)),
            Side::Top(y) | Side::Bottom(y) => (a.0 + (y - a.1) / (b.1 - a.1) * (b.0 - a.0), y),
        }
    }
}

/// Sutherland–Hodgman: the ring cut to the viewBox plus a margin. The cut runs
/// along the margin, outside the view, so it never shows.
pub(super) fn clip(ring: Vec<(f64, f64)>, height: f64) -> Vec<(f64, f64)> {
    let sides = [
        Side::Left(-CLIP_MARGIN),
        Side::Right(WIDTH + CLIP_MARGIN),
        Side::Top(-CLIP_MARGIN),
        Side::Bottom(height + CLIP_MARGIN),
    ];
    sides.into_iter().fold(ring, |ring, side| clip_side(&ring, side))
}

pub(super) fn clip_side(ring: &[(f64, f64)], side: Side) -> Vec<(f64, f64)> {
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
