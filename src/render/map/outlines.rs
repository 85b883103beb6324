//! The base layer: every country's outline, written once per site as its own
//! file (`maps/world.svg`), which every map shows through `<use>` with the
//! transform of its view. A page carries a few references, not the outlines.
//!
//! The file holds one path per country (`id="c-ML"`), in hundredths of a
//! degree (x east, y south), with no colours: each `<use>` gives them, from
//! the theme's stylesheet, so light and dark mode reach into the shared
//! file. Strokes do not scale with the map (`vector-effect`). The main
//! rivers, when the theme has them, are a second group (`id="rivers"`),
//! shown over the countries.

use std::fmt::Write as _;

use super::*;

impl WorldMap {
    /// The text of the shared outline file.
    pub fn base_layer(&self) -> &str {
        self.base.get_or_init(|| {
            let mut svg = String::from(r#"<svg xmlns="http://www.w3.org/2000/svg"><g id="world">"#);
            let mut written: Vec<&str> = Vec::new();
            for country in &self.countries {
                let id = match country.iso.as_deref() {
                    Some(iso) if written.contains(&iso) => continue,
                    Some(iso) => {
                        written.push(iso);
                        format!(r#" id="c-{iso}""#)
                    }
                    None => String::new(),
                };
                // A code with several features (Somalia and Somaliland) is one path.
                let rings: Vec<&Ring> = match country.iso {
                    Some(_) => self.countries.iter().filter(|c| c.iso == country.iso).flat_map(|c| &c.rings).collect(),
                    None => country.rings.iter().collect(),
                };
                let _ = write!(
                    svg,
                    r#"<path{id} fill-rule="evenodd" vector-effect="non-scaling-stroke" d="{}"/>"#,
                    path(&rings)
                );
            }
            svg.push_str("</g>");
            if let Some(layers) = self.layers.as_ref().filter(|l| l.has_rivers()) {
                rivers(&mut svg, layers);
            }
            svg.push_str("</svg>\n");
            svg
        })
    }
}

/// The rivers, one path each (its lines as relative moves), in one group
/// `id="rivers"`: no fill, strokes that do not scale, colour from the `<use>`.
fn rivers(svg: &mut String, layers: &Layers) {
    svg.push_str(r#"<g id="rivers">"#);
    for river in &layers.rivers {
        let mut d = String::new();
        let mut pen = (0i64, 0i64);
        for (_, line) in &river.lines {
            let points: Vec<(i64, i64)> =
                line.iter().map(|&(lon, lat)| ((lon * 100.0).round() as i64, (-lat * 100.0).round() as i64)).collect();
            let Some(&first) = points.first() else { continue };
            d.push('m');
            numbers(&mut d, &[first.0 - pen.0, first.1 - pen.1]);
            d.push('l');
            let steps: Vec<i64> = points.windows(2).flat_map(|w| [w[1].0 - w[0].0, w[1].1 - w[0].1]).collect();
            numbers(&mut d, &steps);
            pen = *points.last().unwrap_or(&first);
        }
        let _ = write!(svg, r#"<path fill="none" vector-effect="non-scaling-stroke" d="{d}"/>"#);
    }
    svg.push_str("</g>");
}

/// The rings as one path of relative moves (a first `m` is absolute), in
/// whole hundredths of a degree, y pointing south.
fn path(rings: &[&Ring]) -> String {
    let mut d = String::new();
    let mut pen = (0i64, 0i64);
    for ring in rings {
        let points: Vec<(i64, i64)> = ring
            .points
            .iter()
            .map(|&(lon, lat)| ((lon * 100.0).round() as i64, (-lat * 100.0).round() as i64))
            .collect();
        let Some(&first) = points.first() else { continue };
        d.push('m');
        numbers(&mut d, &[first.0 - pen.0, first.1 - pen.1]);
        d.push('l');
        let mut last = first;
        let mut steps: Vec<i64> = Vec::with_capacity(points.len() * 2);
        for &p in &points[1..] {
            if p != last {
                steps.extend([p.0 - last.0, p.1 - last.1]);
                last = p;
            }
        }
        numbers(&mut d, &steps);
        d.push('z');
        // After `z` the pen is back at the ring's first point.
        pen = first;
    }
    d
}

/// Writes numbers after a command letter: separated by a space, or by the
/// minus sign of the next.
fn numbers(d: &mut String, values: &[i64]) {
    for (i, n) in values.iter().enumerate() {
        if i > 0 && *n >= 0 {
            d.push(' ');
        }
        let _ = write!(d, "{n}");
    }
}

impl View {
    /// The transform from the shared layer's hundredths of a degree to this view.
    pub(super) fn layer_transform(&self) -> String {
        let (a, d) = (self.shrink * self.scale / 100.0, self.scale / 100.0);
        let (e, f) = (-self.bbox.west * self.shrink * self.scale, self.bbox.north * self.scale);
        format!("matrix({a:.6} 0 0 {d:.6} {e:.2} {f:.2})")
    }
}

/// The layer of a map: the shared outlines at `url`, then the focus
/// countries again over them, highlighted.
pub(super) fn draw_layer(svg: &mut String, world: &WorldMap, view: &View, focus: &[String], url: &str) {
    let url = escape(url);
    let _ = write!(
        svg,
        r#"<g class="map-countries" transform="{}"><use class="map-country" href="{url}#world"/>"#,
        view.layer_transform()
    );
    let mut drawn: Vec<&str> = Vec::new();
    for country in world.countries.iter().filter(|c| is_focus(c, focus)) {
        let Some(iso) = country.iso.as_deref() else { continue };
        if !drawn.contains(&iso) {
            drawn.push(iso);
            let _ = write!(svg, r#"<use class="map-country map-focus" href="{url}#c-{iso}"/>"#);
        }
    }
    if world.layers.as_ref().is_some_and(|l| l.has_rivers()) {
        let _ = write!(svg, r#"<use class="map-rivers" href="{url}#rivers"/>"#);
    }
    svg.push_str("</g>");
}
