//! Circles that would cover each other, gathered so every incident stays
//! reachable: overlapping places that lead to different pages, or a place
//! with several incidents, become one cluster with a count.

use super::*;

/// Points drawn together because their circles overlap.
#[derive(Debug)]
pub(super) struct Cluster<'p> {
    /// Where it is drawn, in map units: at its heaviest point.
    pub x: f64,
    /// Where it is drawn, in map units.
    pub y: f64,
    /// Its points (by position in the points framed), heaviest first.
    pub members: Vec<(usize, &'p MapPoint)>,
}

impl Cluster<'_> {
    /// True when it stands for more than one incident: its points lead to
    /// more than one page, or one of them counts several incidents. It is
    /// then drawn as one circle with a count; otherwise its points are drawn
    /// as they are (one incident's places, each leading to its page).
    pub fn is_several(&self) -> bool {
        let first = &self.members[0].1.url;
        self.members.iter().any(|(_, p)| p.incidents > 1 || &p.url != first)
    }

    /// Incidents it stands for.
    pub fn incidents(&self) -> usize {
        self.members.iter().map(|(_, p)| p.incidents.max(1)).fold(0, usize::saturating_add)
    }

    /// The size it is drawn at and whether only maximums are known: the
    /// confirmed figures of its points added up, or, when none is
    /// confirmed, their maximums (drawn hollow). A maximum is never added
    /// to a confirmed figure.
    pub fn killed(&self) -> (u64, bool) {
        let sum = |confirmed: bool| {
            self.members
                .iter()
                .filter(|(_, p)| p.unconfirmed != confirmed)
                .map(|(_, p)| p.killed)
                .fold(0, u64::saturating_add)
        };
        if self.members.iter().any(|(_, p)| !p.unconfirmed) { (sum(true), false) } else { (sum(false), true) }
    }

    /// Its places' names, each once, heaviest first.
    pub fn places(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for (_, p) in &self.members {
            if !p.place.is_empty() && !names.contains(&p.place.as_str()) {
                names.push(&p.place);
            }
        }
        names
    }

    fn radius(&self) -> f64 {
        if self.is_several() {
            radius(self.killed().0)
        } else {
            self.members.iter().map(|(_, p)| radius(p.killed)).fold(0.0, f64::max)
        }
    }
}

/// How near (map units) a point joins a cluster even when their circles do
/// not meet: a cluster's count, 24 CSS pixels wide over its centre, covers
/// half that on each side on a phone.
const COUNT_REACH: f64 = 12.0 * UNITS_PER_PIXEL;

/// Gathers `points` (projected by `view`) into clusters: heaviest first, each
/// point joins the first cluster whose circle its own circle meets, or, when
/// that cluster already stands for several incidents, whose count would
/// cover it.
pub(super) fn gather<'p>(view: &View, points: &[&'p MapPoint]) -> Vec<Cluster<'p>> {
    let mut order: Vec<(usize, &MapPoint)> = points.iter().copied().enumerate().collect();
    order.sort_by_key(|(i, p)| (std::cmp::Reverse(p.killed), std::cmp::Reverse(p.incidents), *i));
    let mut clusters: Vec<Cluster<'p>> = Vec::new();
    for (i, p) in order {
        let (x, y) = view.project((p.lon, p.lat));
        let meets = |c: &Cluster<'_>| {
            let reach = c.radius() + radius(p.killed);
            (c.x - x).hypot(c.y - y) < if c.is_several() { reach.max(COUNT_REACH) } else { reach }
        };
        match clusters.iter_mut().find(|c| meets(c)) {
            Some(c) => c.members.push((i, p)),
            None => clusters.push(Cluster { x, y, members: vec![(i, p)] }),
        }
    }
    merge_covered_counts(&mut clusters);
    clusters
}

/// Map units per CSS pixel on a phone (800 units drawn 340 px wide).
const UNITS_PER_PIXEL: f64 = 800.0 / 340.0;

/// How large a cluster's count is drawn, in map units on a phone: 24
/// pixels high, 24 wide or 8 plus about 7 a character (the theme's
/// `.map-count`), digits and a separator every three.
fn count_size(c: &Cluster<'_>) -> (f64, f64) {
    let digits = c.incidents().to_string().len();
    let characters = digits + (digits - 1) / 3;
    let width = (8.0 + 7.0 * characters as f64).max(24.0);
    (width * UNITS_PER_PIXEL, 24.0 * UNITS_PER_PIXEL)
}

/// Two clusters of several incidents whose counts would cover each other on
/// a phone become one (the later into the earlier, heavier one, drawn where
/// it is), until no two counts overlap: each count stays a whole target a
/// finger can reach (WCAG 2.5.8).
fn merge_covered_counts(clusters: &mut Vec<Cluster<'_>>) {
    let overlap = |a: &Cluster<'_>, b: &Cluster<'_>| {
        let ((aw, h), (bw, _)) = (count_size(a), count_size(b));
        (a.x - b.x).abs() < (aw + bw) / 2.0 && (a.y - b.y).abs() < h
    };
    loop {
        let pair = (0..clusters.len()).find_map(|i| {
            let a = &clusters[i];
            if !a.is_several() {
                return None;
            }
            (i + 1..clusters.len()).find(|&j| clusters[j].is_several() && overlap(a, &clusters[j])).map(|j| (i, j))
        });
        let Some((i, j)) = pair else { return };
        let absorbed = clusters.remove(j);
        let kept = &mut clusters[i];
        kept.members.extend(absorbed.members);
        kept.members.sort_by_key(|(n, p)| (std::cmp::Reverse(p.killed), std::cmp::Reverse(p.incidents), *n));
    }
}
