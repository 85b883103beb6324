//! The incidents' places: a circle each, its area following the number
//! killed; a cluster of several incidents one circle, with its count over
//! the map.

use std::fmt::Write as _;

use super::*;

/// A circle to draw: where, how large, hollow or not, where it leads and
/// what it says.
struct Circle<'a> {
    x: f64,
    y: f64,
    killed: u64,
    unconfirmed: bool,
    /// A cluster's circle: the anchor of its list (its count over the map
    /// is the link a keyboard reaches).
    anchor: Option<String>,
    url: &'a str,
    label: &'a str,
}

/// The circles of `clusters`, largest first so the small ones stay on top
/// and clickable. A cluster of several incidents is one circle leading to
/// `#{id}-places-{n}` and named by `names[n - 1]`; the points of any other
/// cluster are drawn each as itself.
pub(super) fn draw_points(svg: &mut String, clusters: &[Cluster<'_>], view: &View, id: &str, names: &[String]) {
    let mut circles: Vec<Circle<'_>> = Vec::new();
    let mut names = names.iter();
    for c in clusters {
        if c.is_several() {
            let anchor = Some(anchor(id, circles.iter().filter(|c| c.anchor.is_some()).count() + 1));
            let (killed, unconfirmed) = c.killed();
            let label = names.next().map_or("", String::as_str);
            circles.push(Circle { x: c.x, y: c.y, killed, unconfirmed, anchor, url: "", label });
            continue;
        }
        for (_, p) in &c.members {
            let (x, y) = view.project((p.lon, p.lat));
            circles.push(Circle {
                x,
                y,
                killed: p.killed,
                unconfirmed: p.unconfirmed,
                anchor: None,
                url: &p.url,
                label: &p.label,
            });
        }
    }
    if circles.is_empty() {
        return;
    }
    circles.sort_by_key(|c| std::cmp::Reverse(c.killed));
    svg.push_str(r#"<g class="map-points">"#);
    for c in &circles {
        draw_circle(svg, c);
    }
    svg.push_str("</g>");
}

fn draw_circle(svg: &mut String, c: &Circle<'_>) {
    match &c.anchor {
        // The count over the map is the link a keyboard reaches; the circle
        // leads to the same list for a pointer.
        Some(anchor) => {
            let _ = write!(svg, r##"<a href="#{}" tabindex="-1" aria-hidden="true">"##, escape(anchor));
        }
        None if !c.url.is_empty() => {
            let _ = write!(svg, r#"<a href="{}">"#, escape(c.url));
        }
        None => {}
    }
    let mut class = String::from("map-point");
    if c.anchor.is_some() {
        class.push_str(" map-cluster");
    }
    if c.unconfirmed {
        class.push_str(" map-point-unconfirmed");
    }
    let _ = write!(
        svg,
        r#"<circle class="{class}" cx="{}" cy="{}" r="{}"><title>{}</title></circle>"#,
        tenths(c.x),
        tenths(c.y),
        tenths(radius(c.killed)),
        escape(c.label),
    );
    if c.anchor.is_some() || !c.url.is_empty() {
        svg.push_str("</a>");
    }
}

/// The counts of the clusters of several incidents, over the map where
/// their circles are: each a link to its list, `#{id}-places-{n}`, named
/// by `names[n - 1]`. Empty when there is none.
pub(super) fn draw_counts(
    several: &[&Cluster<'_>],
    view: &View,
    id: &str,
    names: &[String],
    words: &MapWords<'_>,
) -> String {
    if several.is_empty() {
        return String::new();
    }
    let mut html = String::from(r#"<div class="map-counts">"#);
    for (n, c) in several.iter().enumerate() {
        let _ = write!(
            html,
            r##"<a class="map-count" href="#{}" style="left:{:.2}%;top:{:.2}%" title="{name}" aria-label="{name}">{}</a>"##,
            escape(&anchor(id, n + 1)),
            c.x / WIDTH * 100.0,
            c.y / view.height * 100.0,
            escape(&(words.number)(c.incidents() as u64)),
            name = escape(&names[n]),
        );
    }
    html.push_str("</div>");
    html
}

/// The circle's radius: area ∝ killed, at least `MIN_RADIUS`, at most `MAX_RADIUS`.
pub(super) fn radius(killed: u64) -> f64 {
    (RADIUS_PER_ROOT * (killed as f64).sqrt()).clamp(MIN_RADIUS, MAX_RADIUS)
}
