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
/// At most this many places are offered a label.
const MAX_PLACES: usize = 60;
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
    country: bool,
    /// Also fits at a phone's width.
    phone: bool,
    /// Beside a cluster's count.
    badge: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Side {
    Centre,
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

/// How wide `text` is drawn, in CSS pixels (a sans-serif at 12–13 px).
fn text_width(text: &str, country: bool) -> f64 {
    let per = if country { 8.4 } else { 7.0 };
    text.chars().count() as f64 * per + 4.0
}

/// The box of a label with its anchor at `(x, y)` map units, on a map
/// `width` units wide drawn `pixels` CSS pixels wide.
fn label_box(c: &Candidate, side: Side, width: f64, pixels: f64) -> Box {
    let scale = pixels / width;
    let (x, y) = (c.x * scale, c.y * scale);
    let w = text_width(&c.text, matches!(c.kind, Kind::Country { .. }));
    let r = match c.kind {
        Kind::Place { radius, badge, .. } => radius * scale + GAP + if badge { BADGE.0 / 2.0 } else { 0.0 },
        Kind::Country { .. } => 0.0,
    };
    let (left, right) = match side {
        Side::Centre => (x - w / 2.0, x + w / 2.0),
        Side::Right => (x + r, x + r + w),
        Side::Left => (x - r - w, x - r),
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
/// returns the labels as HTML (empty when none).
pub fn place(mut candidates: Vec<Candidate>, badges: &[(f64, f64)], width: f64, height: f64) -> String {
    let rank = |c: &Candidate| match c.kind {
        Kind::Country { focus: true } => (0, 0),
        Kind::Place { weight, .. } => (1, u64::MAX - weight),
        Kind::Country { focus: false } => (2, 0),
    };
    candidates.sort_by_key(|c| rank(c));
    let mut places = 0;
    candidates.retain(|c| {
        let place = matches!(c.kind, Kind::Place { .. });
        places += usize::from(place);
        !place || places <= MAX_PLACES
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
    // First what fits a phone's width (shown everywhere), then what fits
    // only a desktop's, each time in order of importance.
    let mut done = vec![false; candidates.len()];
    for phone in [true, false] {
        for (i, c) in candidates.iter().enumerate() {
            if done[i] {
                continue;
            }
            let sides: &[Side] =
                if matches!(c.kind, Kind::Country { .. }) { &[Side::Centre] } else { &[Side::Right, Side::Left] };
            let fits = |s: Side| {
                let desk = label_box(c, s, width, DESKTOP);
                let narrow = label_box(c, s, width, PHONE);
                let desk_fits = inside(&desk, DESKTOP) && taken.iter().all(|(other, _)| !desk.meets(other));
                let narrow_fits =
                    inside(&narrow, PHONE) && taken.iter().all(|(_, p)| p.is_none_or(|p| !narrow.meets(&p)));
                (desk_fits && (narrow_fits || !phone)).then_some((s, desk, narrow_fits.then_some(narrow)))
            };
            let Some((side, desk, narrow)) = sides.iter().find_map(|&s| fits(s)) else {
                continue;
            };
            done[i] = true;
            let offset = match c.kind {
                Kind::Place { radius, .. } => radius,
                Kind::Country { .. } => 0.0,
            };
            let x = match side {
                Side::Centre => c.x,
                Side::Right => c.x + offset,
                Side::Left => c.x - offset,
            };
            kept.push(Placed {
                text: c.text.clone(),
                x,
                y: c.y,
                side,
                focus: matches!(c.kind, Kind::Country { focus: true }),
                country: matches!(c.kind, Kind::Country { .. }),
                phone,
                badge: matches!(c.kind, Kind::Place { badge: true, .. }),
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
        let mut class = String::from("map-label");
        class.push_str(if p.country { " map-label-country" } else { " map-label-place" });
        class.push_str(match p.side {
            Side::Centre => "",
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
            super::map::escape(&p.text)
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
        let html = place(candidates, &[], 800.0, 400.0);
        assert!(html.contains(">Mali</span>") && html.contains("map-label-focus"), "{html}");
        assert!(html.contains(">Bamako</span>"), "{html}");
        // Kati is a few pixels away: right of it is Bamako's name, so it goes left.
        assert!(html.contains(r#"map-label-place map-label-left" style="left:49.25%"#), "{html}");
        assert!(html.contains(">Guinea</span>"));
    }

    #[test]
    fn a_label_that_only_fits_a_wide_map_is_hidden_on_a_phone() {
        // Two names 40 units apart on an 800-unit map: 38 px on a desktop, 17 px on a phone.
        let html =
            place(vec![place_at("Gao", 300.0, 200.0, 3), place_at("Ansongo", 340.0, 200.0, 2)], &[], 800.0, 400.0);
        assert_eq!(html.matches("map-label-wide").count(), 1, "{html}");
        assert!(html.contains(r#"map-label-place map-label-right" style"#), "Gao shows everywhere: {html}");
        assert!(place(Vec::new(), &[], 800.0, 400.0).is_empty());
    }
}
