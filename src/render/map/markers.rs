//! The incidents' places: a circle each, its area following the number killed.

use std::fmt::Write as _;

use super::*;

/// Circles, largest first so the small ones stay on top and clickable.
pub(super) fn draw_points(svg: &mut String, view: &View, points: &[&MapPoint]) {
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

pub(super) fn draw_point(svg: &mut String, view: &View, point: &MapPoint) {
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
pub(super) fn radius(killed: u64) -> f64 {
    (RADIUS_PER_ROOT * (killed as f64).sqrt()).clamp(MIN_RADIUS, MAX_RADIUS)
}
