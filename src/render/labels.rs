//! Names written on a map: countries and the places incidents name, placed
//! so that none covers another.
//!
//! Labels are HTML laid over the map's SVG, positioned in percent of the map,
//! so their text keeps its size when the map is scaled down to a phone. The
//! placement is greedy, in order of importance (the countries the map is
//! about, then places by the number killed there, then the neighbours): a
//! label is kept when its box meets no label already kept, first at a
//! phone's width (those are shown everywhere), then, for the rest, at a
//! desktop's (those carry `map-label-wide`, and the theme hides them on a
//! narrow map). A place's name goes right of its circle, or left when right
//! is taken.

use std::fmt::Write as _;

/// How wide a map is drawn on a desktop and on a phone, in CSS pixels.
const DESKTOP: f64 = 760.0;
const PHONE: f64 = 340.0;
/// Text height and the room between a circle and its name, in CSS pixels.
const LINE: f64 = 16.0;
const GAP: f64 = 4.0;
/// At most this many places (towns, river points, regions) are offered a label.
const MAX_PLACES: usize = 60;
/// How far a centred name moves up or down when its point is taken (the
/// theme's `.map-label-above`, `.map-label-below`), in CSS pixels.
const SHIFT: f64 = 18.0;
/// A town's dot: its name goes this far (CSS pixels) past the point.
const TOWN_DOT: f64 = 3.0;
/// The bottom-left corner the scale bar and its distance take, in CSS pixels.
const SCALE_CORNER: (f64, f64) = (90.0, 34.0);
/// A cluster's count, centred on its circle, in CSS pixels (the theme's
/// `.map-count`): a name beside it goes half its width further out.
const BADGE: (f64, f64) = (24.0, 18.0);

/// What a label names.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// A country: centred on its label point; `focus` when the map is about it.
    Country {
        /// The map is about this country.
        focus: bool,
    },
    /// A town, beside its dot: a national capital, or another town by
    /// Natural Earth's scale rank (smaller is more important).
    Town {
        /// A national capital.
        capital: bool,
        /// Its scale rank.
        rank: u8,
        /// The capital of a country the map is about: named before the
        /// country itself, whose name then moves aside.
        key: bool,
    },
    /// A river, along its line.
    River {
        /// Its scale rank.
        rank: u8,
    },
    /// A region (admin-1) of a country the map is about, centred.
    Region,
    /// A place with incidents, beside its circle of radius `radius` (map units).
    Place {
        /// The circle's radius.
        radius: f64,
        /// Its weight: the number killed there (the heaviest come first).
        weight: u64,
        /// The circle carries a cluster's count.
        badge: bool,
    },
}

/// A name that may be written at `(x, y)` in map units.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The name.
    pub text: String,
    /// Where, in map units.
    pub x: f64,
    /// Where, in map units.
    pub y: f64,
    /// Country or place.
    pub kind: Kind,
}

/// A label kept, as written.
#[derive(Debug, Clone, PartialEq)]
struct Placed {
    text: String,
    /// Anchor in map units, and which side of it the text goes.
    x: f64,
    y: f64,
    side: Side,
    focus: bool,
    /// Also fits at a phone's width.
    phone: bool,
    /// Beside a cluster's count.
    badge: bool,
    /// The class of what it names: `country`, `place`, `town`, `river`, `region`.
    class: &'static str,
    /// A national capital.
    capital: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Side {
    Centre,
    /// Centred a line above its point (a name whose point is taken).
    Above,
    /// Centred a line below.
    Below,
    Right,
    Left,
}

/// A box in CSS pixels at one width of the map.
#[derive(Debug, Clone, Copy)]
struct Box {
    left: f64,
    top: f64,
    right: f64,
    bottom: f64,
}

impl Box {
    fn meets(&self, o: &Box) -> bool {
        self.left < o.right && o.left < self.right && self.top < o.bottom && o.top < self.bottom
    }
}

/// How wide `text` is drawn, in CSS pixels (a sans-serif at 12–13 px;
/// country and region names in spaced capitals, national capitals bold).
fn text_width(text: &str, kind: &Kind) -> f64 {
    let per = match kind {
        Kind::Country { .. } => 8.4,
        Kind::Region => 7.6,
        // Capitals are written bold.
        Kind::Town { capital: true, .. } => 7.8,
        _ => 7.0,
    };
    text.chars().count() as f64 * per + 4.0
}

/// The class of what a name names: `country`, `place`, `town`, `river`, `region`.
fn class_of(kind: &Kind) -> &'static str {
    match kind {
        Kind::Country { .. } => "country",
        Kind::Place { .. } => "place",
        Kind::Town { .. } => "town",
        Kind::River { .. } => "river",
        Kind::Region => "region",
    }
}

/// The box of a label with its anchor at `(x, y)` map units, on a map
/// `width` units wide drawn `pixels` CSS pixels wide.
fn label_box(c: &Candidate, text_width: f64, side: Side, width: f64, pixels: f64) -> Box {
    let scale = pixels / width;
    let (x, y) = (c.x * scale, c.y * scale);
    let w = text_width;
    let r = match c.kind {
        Kind::Place { radius, badge, .. } => radius * scale + GAP + if badge { BADGE.0 / 2.0 } else { 0.0 },
        Kind::Town { .. } => TOWN_DOT + GAP,
        _ => 0.0,
    };
    let (left, right) = match side {
        Side::Centre => (x - w / 2.0, x + w / 2.0),
        Side::Right => (x + r, x + r + w),
        Side::Left => (x - r - w, x - r),
        Side::Above | Side::Below => (x - w / 2.0, x + w / 2.0),
    };
    // A town's box takes its dot in.
    let (left, right) = match (&c.kind, side) {
        (Kind::Town { .. }, Side::Right) => (x - TOWN_DOT, right),
        (Kind::Town { .. }, Side::Left) => (left, x + TOWN_DOT),
        _ => (left, right),
    };
    let y = match side {
        Side::Above => y - SHIFT,
        Side::Below => y + SHIFT,
        _ => y,
    };
    Box { left, top: y - LINE / 2.0, right, bottom: y + LINE / 2.0 }
}

/// The box of a cluster's count centred at `(x, y)` map units.
fn badge_box((x, y): (f64, f64), width: f64, pixels: f64) -> Box {
    let scale = pixels / width;
    let (x, y) = (x * scale, y * scale);
    Box { left: x - BADGE.0 / 2.0, top: y - BADGE.1 / 2.0, right: x + BADGE.0 / 2.0, bottom: y + BADGE.1 / 2.0 }
}

/// Keeps the candidates that fit, most important first, on a map of
/// `width` × `height` units where clusters' counts stand at `badges`;
/// returns the labels as HTML (empty when none). A `narrow` map (a
/// briefing's, beside its text) is never shown wider than a phone: only
/// names that fit a phone's width are placed.
pub fn place(mut candidates: Vec<Candidate>, badges: &[(f64, f64)], width: f64, height: f64, narrow: bool) -> String {
    // The countries the map is about, the places incidents name (the
    // heaviest first), the neighbours, capitals, rivers, other towns, regions.
    let rank = |c: &Candidate| match c.kind {
        Kind::Town { key: true, .. } => (0, 0),
        Kind::Country { focus: true } => (0, 1),
        Kind::Place { weight, .. } => (1, u64::MAX - weight),
        Kind::Country { focus: false } => (2, 0),
        Kind::Town { capital: true, rank, .. } => (3, u64::from(rank)),
        Kind::River { rank } => (4, u64::from(rank)),
        Kind::Town { capital: false, rank, .. } => (5, u64::from(rank)),
        Kind::Region => (6, 0),
    };
    candidates.sort_by_key(|c| rank(c));
    // At most MAX_PLACES of each class are tried (a map has room for fewer):
    // the most important.
    let mut tried = [0usize; 5];
    candidates.retain(|c| {
        let class = match c.kind {
            Kind::Country { .. } => return true,
            Kind::Place { .. } => 0,
            Kind::Town { .. } => 1,
            Kind::River { .. } => 2,
            Kind::Region => 3,
        };
        tried[class] += 1;
        tried[class] <= MAX_PLACES
    });
    let inside = |b: &Box, pixels: f64| {
        b.left >= 0.0 && b.top >= 0.0 && b.right <= pixels && b.bottom <= height * pixels / width
    };
    // The scale bar's corner, at both widths.
    let corner = |pixels: f64| {
        let bottom = height * pixels / width;
        Box { left: 0.0, top: bottom - SCALE_CORNER.1, right: SCALE_CORNER.0, bottom }
    };
    // What is taken, at a desktop's and (when shown there) a phone's width.
    let mut taken: Vec<(Box, Option<Box>)> = vec![(corner(DESKTOP), Some(corner(PHONE)))];
    taken.extend(badges.iter().map(|&at| (badge_box(at, width, DESKTOP), Some(badge_box(at, width, PHONE)))));
    let mut kept: Vec<Placed> = Vec::new();
    // Countries and the places incidents name first, then towns, rivers and
    // regions, so those never push these out; in each tier, first what fits
    // a phone's width (shown everywhere), then what fits only a desktop's,
    // each time in order of importance. A name written once (a river offered
    // at several points of its line) is not written again.
    let mut done = vec![false; candidates.len()];
    let mut written: Vec<&str> = Vec::new();
    let widths: Vec<f64> = candidates.iter().map(|c| text_width(&c.text, &c.kind)).collect();
    let first_tier =
        |c: &Candidate| matches!(c.kind, Kind::Country { .. } | Kind::Place { .. } | Kind::Town { key: true, .. });
    let passes: &[(bool, bool)] = if narrow {
        &[(true, true), (false, true)]
    } else {
        &[(true, true), (true, false), (false, true), (false, false)]
    };
    for &(tier, phone) in passes {
        for (i, c) in candidates.iter().enumerate() {
            let river = matches!(c.kind, Kind::River { .. });
            if done[i] || first_tier(c) != tier || (river && written.contains(&c.text.as_str())) {
                continue;
            }
            let sides: &[Side] = match c.kind {
                Kind::Country { .. } | Kind::Region => &[Side::Centre, Side::Above, Side::Below],
                Kind::River { .. } => &[Side::Centre],
                _ => &[Side::Right, Side::Left],
            };
            let fits = |s: Side| {
                let desk = label_box(c, widths[i], s, width, DESKTOP);
                if !inside(&desk, DESKTOP) || taken.iter().any(|(other, _)| desk.meets(other)) {
                    return None;
                }
                let narrow = label_box(c, widths[i], s, width, PHONE);
                let narrow_fits =
                    inside(&narrow, PHONE) && taken.iter().all(|(_, p)| p.is_none_or(|p| !narrow.meets(&p)));
                (narrow_fits || !phone).then_some((s, desk, narrow_fits.then_some(narrow)))
            };
            let Some((side, desk, narrow)) = sides.iter().find_map(|&s| fits(s)) else {
                continue;
            };
            done[i] = true;
            let offset = match c.kind {
                Kind::Place { radius, .. } => radius,
                _ => 0.0,
            };
            let x = match side {
                Side::Right => c.x + offset,
                Side::Left => c.x - offset,
                _ => c.x,
            };
            if river {
                written.push(c.text.as_str());
            }
            kept.push(Placed {
                text: c.text.clone(),
                x,
                y: c.y,
                side,
                focus: matches!(c.kind, Kind::Country { focus: true }),
                phone,
                badge: matches!(c.kind, Kind::Place { badge: true, .. }),
                class: class_of(&c.kind),
                capital: matches!(c.kind, Kind::Town { capital: true, .. }),
            });
            // A desktop-only label leaves the phone's boxes free.
            taken.push((desk, if phone { narrow } else { None }));
        }
    }
    if kept.is_empty() {
        return String::new();
    }
    let mut html = String::from(r#"<div class="map-labels" aria-hidden="true">"#);
    for p in &kept {
        let mut class = format!("map-label map-label-{}", p.class);
        if p.capital {
            class.push_str(" map-label-capital");
        }
        class.push_str(match p.side {
            Side::Centre => "",
            Side::Above => " map-label-above",
            Side::Below => " map-label-below",
            Side::Right => " map-label-right",
            Side::Left => " map-label-left",
        });
        if p.focus {
            class.push_str(" map-label-focus");
        }
        if !p.phone {
            class.push_str(" map-label-wide");
        }
        if p.badge {
            class.push_str(" map-label-badge");
        }
        let _ = write!(
            html,
            r#"<span class="{class}" style="left:{:.2}%;top:{:.2}%">{}</span>"#,
            p.x / width * 100.0,
            p.y / height * 100.0,
            crate::escape::html(&p.text)
        );
    }
    html.push_str("</div>");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place_at(text: &str, x: f64, y: f64, weight: u64) -> Candidate {
        Candidate { text: text.into(), x, y, kind: Kind::Place { radius: 6.0, weight, badge: false } }
    }

    #[test]
    fn labels_never_cover_each_other_and_the_busiest_place_wins() {
        let candidates = vec![
            place_at("Kati", 400.0, 200.0, 1),
            place_at("Bamako", 402.0, 201.0, 5),
            Candidate { text: "Mali".into(), x: 400.0, y: 100.0, kind: Kind::Country { focus: true } },
            Candidate { text: "Guinea".into(), x: 100.0, y: 300.0, kind: Kind::Country { focus: false } },
        ];
        let html = place(candidates, &[], 800.0, 400.0, false);
        assert!(html.contains(">Mali</span>") && html.contains("map-label-focus"), "{html}");
        assert!(html.contains(">Bamako</span>"), "{html}");
        // Kati is a few pixels away: right of it is Bamako's name, so it goes left.
        assert!(html.contains(r#"map-label-place map-label-left" style="left:49.25%"#), "{html}");
        assert!(html.contains(">Guinea</span>"));
    }

    #[test]
    fn towns_rivers_and_regions_never_push_out_a_country_or_a_place() {
        let at = |text: &str, x: f64, kind: Kind| Candidate { text: text.into(), x, y: 200.0, kind };
        let candidates = vec![
            // A capital exactly where Burkina Faso's name goes, a river over Gao.
            at("Ouagadougou", 400.0, Kind::Town { capital: true, rank: 3, key: false }),
            at("Burkina Faso", 400.0, Kind::Country { focus: false }),
            at("Niger", 600.0, Kind::River { rank: 3 }),
            at("Gao", 590.0, Kind::Place { radius: 6.0, weight: 1, badge: false }),
            // The river offered again further along: written once.
            at("Niger", 200.0, Kind::River { rank: 3 }),
            at("Niger", 100.0, Kind::River { rank: 3 }),
        ];
        let html = place(candidates, &[], 800.0, 400.0, false);
        assert!(html.contains(">Burkina Faso</span>") && html.contains(">Gao</span>"), "{html}");
        assert_eq!(html.matches(">Niger</span>").count(), 1, "{html}");
        assert!(html.contains(r#"map-label map-label-river" style="left:25.00%"#), "the next point along: {html}");
        // The capital moved to the side of its dot, or was left out; never over the country.
        assert!(!html.contains(r#"map-label-town map-label-capital map-label-right" style="left:50.00%"#), "{html}");
    }

    #[test]
    fn the_capital_of_the_country_a_map_is_about_is_named_and_the_country_moves_aside() {
        let at = |text: &str, kind: Kind| Candidate { text: text.into(), x: 400.0, y: 200.0, kind };
        let candidates = vec![
            at("Burkina Faso", Kind::Country { focus: true }),
            at("Ouagadougou", Kind::Town { capital: true, rank: 3, key: true }),
        ];
        let html = place(candidates, &[], 800.0, 400.0, false);
        assert!(html.contains(">Ouagadougou</span>"), "{html}");
        assert!(
            html.contains("map-label-above map-label-focus") || html.contains("map-label-below map-label-focus"),
            "{html}"
        );
    }

    #[test]
    fn a_country_whose_point_is_taken_moves_a_line_up_or_down() {
        let mali = Candidate { text: "Mali".into(), x: 400.0, y: 200.0, kind: Kind::Country { focus: true } };
        let html = place(vec![mali], &[(400.0, 200.0)], 800.0, 400.0, false);
        assert!(html.contains("map-label-country map-label-above") || html.contains("map-label-below"), "{html}");
        assert!(!html.contains("map-label-wide"), "fits a phone too: {html}");
    }

    #[test]
    fn a_label_that_only_fits_a_wide_map_is_hidden_on_a_phone() {
        // Two names 40 units apart on an 800-unit map: 38 px on a desktop, 17 px on a phone.
        let html = place(
            vec![place_at("Gao", 300.0, 200.0, 3), place_at("Ansongo", 340.0, 200.0, 2)],
            &[],
            800.0,
            400.0,
            false,
        );
        assert_eq!(html.matches("map-label-wide").count(), 1, "{html}");
        assert!(html.contains(r#"map-label-place map-label-right" style"#), "Gao shows everywhere: {html}");
        assert!(place(Vec::new(), &[], 800.0, 400.0, false).is_empty());
    }
}
