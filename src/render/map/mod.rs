//! Maps drawn at build time as inline SVG: country outlines from Natural Earth
//! (the theme's `data/world.json`, see `themes/default/data/README.md`), no
//! tiles, no requests to anyone.
//!
//! A map frames its focus countries and its points, padded, with a minimum
//! extent so a single place keeps its context, in an equirectangular
//! projection whose x is scaled by the cosine of the middle latitude. The
//! outlines are one file for the whole site, shown through `<use>` with the
//! view's transform, so a page does not carry them. Each point is a circle whose area grows with the conservative
//! number of people killed, linked to its page. The SVG carries classes only
//! (`map`, `map-country`, `map-focus`, `map-point`): the theme's stylesheet
//! gives the colours, in light and dark mode.
//!
//! Circles that would cover each other are gathered (`clusters`): when they
//! stand for several incidents they are drawn as one circle with a count,
//! which leads to a list of those incidents below the map, so every one of
//! them stays reachable.
//!
//! One module per layer: `world` (the outlines' data), `projection` (what a
//! map frames, degrees to map units), `outlines` (the base layer), `clusters`
//! (overlaps), `markers` (the circles), `scale` (the scale bar).
//! [`render_labelled`] adds the names of countries and places and the
//! clusters' counts over the SVG, placed by `render::labels`.

use std::fmt::Write as _;

use foldhash::HashSet;

mod clusters;
mod layers;
mod markers;
mod outlines;
mod projection;
mod scale;
#[cfg(test)]
mod tests;
mod world;

use clusters::*;
pub use layers::Layers;
use markers::*;
use projection::*;
use scale::*;
pub use world::WorldMap;
use world::*;

/// Width of the SVG's viewBox, in user units.
const WIDTH: f64 = 800.0;
/// Height of the viewBox as a share of its width: at least, at most.
const ASPECT: (f64, f64) = (0.45, 1.0);
/// Padding around the framed box, as a share of its extent, on each side.
const PADDING: f64 = 0.1;
/// Smallest extent of the view, in degrees (longitude and latitude alike).
const MIN_EXTENT: f64 = 8.0;
/// The same for a map framed on its places: a region around them.
const REGION_EXTENT: f64 = 4.0;
/// A country's framing skips its rings smaller than this share of its largest
/// (French Guiana for France, Svalbard for Norway, the Canaries for Spain).
const FRAME_SHARE: f64 = 0.25;
/// Circle radius for 0 killed, and the smallest drawn.
const MIN_RADIUS: f64 = 6.0;
/// Radius grows with the square root of the killed (area ∝ killed).
const RADIUS_PER_ROOT: f64 = 2.4;
/// Largest radius (reached at 400 killed), so one figure cannot cover the map.
const MAX_RADIUS: f64 = 48.0;

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
    /// Incidents there (several: the point leads to a list, not to `url`).
    pub incidents: usize,
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
    /// Address of the site's shared outline file (see [`WorldMap::base_layer`]).
    pub outlines: String,
    /// What the map frames.
    pub frame: Frame,
    /// A script redraws its circles (the explorer's map, as filters
    /// change): the SVG carries its projection, `data-view="west north
    /// scale shrink"` (x = (lon − west) × shrink × scale, y = (north − lat) ×
    /// scale), and how circles are sized, `data-radius="per-root min max"`
    /// (radius = per-root × √killed, within min and max).
    pub live: bool,
}

/// What a map frames.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub enum Frame {
    /// Its focus countries and its points (a country's or a group's map).
    #[default]
    Countries,
    /// Its points, closer in (a briefing's map): the region around them,
    /// the focus countries only highlighted. Without points, as `Countries`.
    Places,
}

/// The view of a map and its points on the globe (with their positions in
/// `points`); none when there is nothing to frame.
fn frame<'p>(
    world: &WorldMap,
    points: &'p [MapPoint],
    options: &MapOptions,
) -> Option<(View, Vec<&'p MapPoint>, Vec<usize>)> {
    let (at, points): (Vec<usize>, Vec<&MapPoint>) =
        points.iter().enumerate().filter(|(_, p)| on_globe(p.lon, p.lat)).unzip();
    Some((view_of(world, &points, options)?, points, at))
}

/// A map as a page shows it, and the clusters of several incidents on it.
#[derive(Debug, Default)]
pub struct Labelled {
    /// The map: an SVG in a frame with its names, counts and scale; empty
    /// when there is nothing to frame.
    pub html: String,
    /// Each cluster of several incidents: the id its count links to
    /// (`{id}-places-1`, …), and the positions of its points in the points given.
    pub clusters: Vec<(String, Vec<usize>)>,
}

/// The id of the list the `n`th cluster (from 1) of map `id` leads to.
fn anchor(id: &str, n: usize) -> String {
    format!("{id}-places-{n}")
}

/// An inline SVG map on the site's shared outlines (through the view's
/// transform), focus countries highlighted, each point a circle sized by the
/// conservative killed figure (area ∝ killed, with a minimum size so 0 is
/// still visible), largest drawn first, each wrapped in `<a href=url>` with
/// a `<title>label</title>`; circles that overlap and stand for several
/// incidents drawn as one, with a count that leads to `#{id}-places-{n}`.
/// Over it, in a frame the theme positions them in: the names of its
/// countries (`words.country` gives a country's name from its ISO code, in
/// the page's language) and places, placed by [`super::labels`], the
/// clusters' counts, and the scale bar's distance.
pub fn render_labelled(world: &WorldMap, points: &[MapPoint], options: &MapOptions, words: &MapWords<'_>) -> Labelled {
    let Some((view, points, at)) = frame(world, points, options) else {
        return Labelled::default();
    };
    let clusters = gather(&view, &points);
    let several: Vec<&Cluster<'_>> = clusters.iter().filter(|c| c.is_several()).collect();
    let names: Vec<String> = several.iter().map(|c| (words.several)(&c.places().join(", "), c.incidents())).collect();
    let mut svg = String::with_capacity(16 * 1024);
    open_svg(&mut svg, &view, options);
    outlines::draw_layer(&mut svg, world, &view, &options.focus, &options.outlines);
    draw_points(&mut svg, &clusters, &view, &options.id, &names);
    draw_scale(&mut svg, &view);
    svg.push_str("</svg>");
    let badges: Vec<(f64, f64)> = several.iter().map(|c| (c.x, c.y)).collect();
    // A map framed on its places is a briefing's, beside its text: never wider than a phone.
    let narrow = options.frame == Frame::Places;
    let candidates = candidates(world, &view, &clusters, options, words);
    let labels = super::labels::place(candidates, &badges, WIDTH, view.height, narrow);
    let counts = draw_counts(&several, &view, &options.id, &names, words);
    let scale = scale_label(&view, &(words.distance)(scale_bar(&view).0));
    Labelled {
        html: format!(r#"<div class="map-frame">{svg}{labels}{counts}{scale}</div>"#),
        clusters: several
            .iter()
            .enumerate()
            .map(|(n, c)| (anchor(&options.id, n + 1), c.members.iter().map(|(i, _)| at[*i]).collect()))
            .collect(),
    }
}

/// The names that may be written on a map: each country in view whose label
/// point is in view (once per code), each place (once per name), and the
/// towns, rivers and regions of the theme's layers.
fn candidates(
    world: &WorldMap,
    view: &View,
    clusters: &[Cluster<'_>],
    options: &MapOptions,
    words: &MapWords<'_>,
) -> Vec<super::labels::Candidate> {
    use super::labels::{Candidate, Kind};
    let mut candidates = Vec::new();
    let mut countries: Vec<&Country> = world.countries.iter().filter(|c| c.bbox.intersects(&view.bbox)).collect();
    countries.sort_by(|a, b| b.label_area.total_cmp(&a.label_area));
    let mut named: HashSet<&str> = HashSet::default();
    for c in countries {
        let Some(iso) = c.iso.as_deref() else { continue };
        let (lon, lat) = c.label_at;
        let b = view.bbox;
        if !(b.west..=b.east).contains(&lon) || !(b.south..=b.north).contains(&lat) || !named.insert(iso) {
            continue;
        }
        let Some(text) = (words.country)(iso) else { continue };
        let (x, y) = view.project(c.label_at);
        candidates.push(Candidate { text, x, y, kind: Kind::Country { focus: is_focus(c, &options.focus) } });
    }
    let mut places: HashSet<&str> = HashSet::default();
    for c in clusters {
        // A cluster is named after its heaviest place; the points of one
        // incident each after theirs.
        let several = c.is_several();
        for (_, p) in c.members.iter().take(if several { 1 } else { usize::MAX }) {
            if p.place.is_empty() || !places.insert(&p.place) {
                continue;
            }
            let (x, y) = if several { (c.x, c.y) } else { view.project((p.lon, p.lat)) };
            let (killed, _) = if several { c.killed() } else { (p.killed, false) };
            let kind = Kind::Place { radius: radius(killed), weight: killed, badge: several };
            candidates.push(Candidate { text: p.place.clone(), x, y, kind });
        }
    }
    if let Some(layers) = &world.layers {
        let circles: Vec<(f64, f64, f64)> = clusters
            .iter()
            .flat_map(|c| {
                if c.is_several() {
                    vec![(c.x, c.y, radius(c.killed().0))]
                } else {
                    let circle = |p: &MapPoint| {
                        let (x, y) = view.project((p.lon, p.lat));
                        (x, y, radius(p.killed))
                    };
                    c.members.iter().map(|(_, p)| circle(p)).collect()
                }
            })
            .collect();
        candidates.extend(layers::candidates(layers, view, &options.focus, &circles));
    }
    candidates
}

/// The words a map writes: a country's name from its ISO code, a distance
/// in kilometres, a number, and what a cluster of several incidents is.
pub struct MapWords<'a> {
    /// The country's name in the page's language.
    pub country: &'a dyn Fn(&str) -> Option<String>,
    /// `200 km`.
    pub distance: &'a dyn Fn(u64) -> String,
    /// A count as the language writes it: `1 234`.
    pub number: &'a dyn Fn(u64) -> String,
    /// What a cluster's count leads to, from its places (`Bamako, Kati`) and
    /// its number of incidents: `Bamako, Kati: 3 incidents, listed below the map`.
    pub several: &'a dyn Fn(&str, usize) -> String,
}

fn on_globe(lon: f64, lat: f64) -> bool {
    (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat)
}

fn is_focus(country: &Country, focus: &[String]) -> bool {
    country.iso.as_deref().is_some_and(|iso| focus.iter().any(|f| f.trim().eq_ignore_ascii_case(iso)))
}

fn open_svg(svg: &mut String, view: &View, options: &MapOptions) {
    let id = escape(&options.id);
    let described =
        if options.description.is_empty() { String::new() } else { format!(r#" aria-describedby="{id}-desc""#) };
    let live = if options.live {
        let b = view.bbox;
        format!(
            r#" data-view="{:.4} {:.4} {:.4} {:.6}" data-radius="{RADIUS_PER_ROOT} {MIN_RADIUS} {MAX_RADIUS}""#,
            b.west, b.north, view.scale, view.shrink
        )
    } else {
        String::new()
    };
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" class="map" role="group" aria-labelledby="{id}-title"{described}{live}>"#,
        tenths(WIDTH),
        tenths(view.height),
    );
    let _ = write!(svg, r#"<title id="{id}-title">{}</title>"#, escape(&options.title));
    if !options.description.is_empty() {
        let _ = write!(svg, r#"<desc id="{id}-desc">{}</desc>"#, escape(&options.description));
    }
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

/// Text into SVG: the crate's one escaper.
pub(super) use crate::escape::html as escape;
