//! The projection: what a map frames, and degrees to map units.

use super::*;

/// The view of a map of `points`, framed as `options` says; none when there
/// is nothing to frame.
pub(super) fn view_of(world: &WorldMap, points: &[&MapPoint], options: &MapOptions) -> Option<View> {
    match options.frame {
        Frame::Places if !points.is_empty() => {
            Some(View::new(Bbox::around(points.iter().map(|p| (p.lon, p.lat)))?, REGION_EXTENT))
        }
        _ => Some(View::new(framed_box(world, points, &options.focus)?, MIN_EXTENT)),
    }
}

/// The box of the focus countries (their main rings) and the points.
pub(super) fn framed_box(world: &WorldMap, points: &[&MapPoint], focus: &[String]) -> Option<Bbox> {
    let countries = world.countries.iter().filter(|c| is_focus(c, focus)).map(|c| c.frame);
    let places = Bbox::around(points.iter().map(|p| (p.lon, p.lat)));
    countries.chain(places).reduce(Bbox::union)
}

/// The projection: degrees to viewBox units.
#[derive(Debug, Clone, Copy)]
pub(super) struct View {
    /// What is shown, in degrees.
    pub(super) bbox: Bbox,
    /// User units per degree of latitude.
    pub(super) scale: f64,
    /// cos(middle latitude): shrinks x.
    pub(super) shrink: f64,
    pub(super) height: f64,
}

impl View {
    /// Pads `framed`, gives it a minimum extent (`min_extent` degrees), then
    /// widens it or makes it taller until its aspect is within `ASPECT`.
    pub(super) fn new(framed: Bbox, min_extent: f64) -> View {
        let (lon_span, lat_span) = (framed.east - framed.west, framed.north - framed.south);
        let lon_span = (lon_span * (1.0 + 2.0 * PADDING)).max(min_extent);
        let lat_span = (lat_span * (1.0 + 2.0 * PADDING)).max(min_extent);
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

    pub(super) fn project(&self, (lon, lat): (f64, f64)) -> (f64, f64) {
        ((lon - self.bbox.west) * self.shrink * self.scale, (self.bbox.north - lat) * self.scale)
    }
}
