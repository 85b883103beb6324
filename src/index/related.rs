//! Related briefings: what a reader of one incident should see next.
//!
//! One rule: another incident is related when it shares a perpetrator, a
//! place (the same name in the same country) or a region with this one, and
//! began within [`WINDOW_DAYS`] days of it; both must be dated to the day.
//! The closest in time come first (the same day before all: a wave of
//! attacks), a shared group before a shared place at the same distance; at
//! most [`MOST`] are kept. Each carries why it is related.

use std::sync::Arc;

use rayon::prelude::*;

use crate::model::{Briefing, IncidentDate, Role};

use super::terms::BriefingTerms;
use super::{BriefingId, GroupId, Involvement, TermId};

/// How far apart in days two related incidents may begin.
pub const WINDOW_DAYS: i32 = 30;

/// How many related briefings a page shows at most.
pub const MOST: usize = 5;

/// What two related incidents share.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Shared {
    /// A perpetrator.
    Group(GroupId),
    /// A place: its name as this briefing writes it.
    Place(String),
    /// A region.
    Region(TermId),
}

/// Another incident related to one.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Related {
    /// The other briefing.
    pub id: BriefingId,
    /// What they share (the strongest tie).
    pub shared: Shared,
    /// How many days after this one it began (negative: before).
    pub days: i32,
}

/// What a briefing can share with another, as a key of [`postings`]: a
/// perpetrator, a place (by its number in [`place_numbers`]) or a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Tie {
    Group(GroupId),
    Place(usize),
    Region(TermId),
}

impl Tie {
    /// Stronger ties sort first: a group, then a place, then a region.
    fn strength(self) -> u8 {
        match self {
            Tie::Group(_) => 0,
            Tie::Place(_) => 1,
            Tie::Region(_) => 2,
        }
    }
}

/// The related briefings of every briefing, by id. `briefings` are sorted
/// by date (as in the index).
///
/// Rather than compare each briefing with every other in its window, each
/// looks up the briefings dated to the day that share each of its ties
/// (lists sorted by date, so the window is a slice of each).
pub fn related(
    briefings: &[Arc<Briefing>],
    involvements: &[Vec<Involvement>],
    terms: &[BriefingTerms],
) -> Vec<Vec<Related>> {
    let days: Vec<Option<i32>> = briefings
        .iter()
        .map(|b| match b.date {
            IncidentDate::Day(d) => Some(d.since(jiff::civil::Date::constant(1900, 1, 1)).ok()?.get_days()),
            _ => None,
        })
        .collect();
    let places = place_numbers(briefings);
    // Each briefing's ties, strongest kind first, each kind in the briefing's order.
    let ties: Vec<Vec<Tie>> = (0..briefings.len())
        .map(|id| {
            let groups = involvements[id].iter().filter(|i| i.role == Role::Perpetrator).map(|i| Tie::Group(i.group));
            let places = places[id].iter().map(|&p| Tie::Place(p));
            let regions = terms[id].regions.iter().flatten().map(|&r| Tie::Region(r));
            groups.chain(places).chain(regions).collect()
        })
        .collect();
    let mut postings: foldhash::HashMap<Tie, Vec<BriefingId>> = Default::default();
    for (id, ties) in ties.iter().enumerate().filter(|(id, _)| days[*id].is_some()) {
        for tie in ties {
            let list = postings.entry(*tie).or_default();
            if list.last() != Some(&id) {
                list.push(id);
            }
        }
    }
    (0..briefings.len())
        .into_par_iter()
        .map(|id| {
            let Some(day) = days[id] else { return Vec::new() };
            // Each other briefing near enough under any tie, with the tie,
            // ordered as the page lists them: closest first, then by the
            // tie's strength, then the later id (of two ties of one strength,
            // the first the briefing names). An other is kept under the first
            // (strongest) tie it comes with.
            let mut found: Vec<(i32, u8, std::cmp::Reverse<BriefingId>, usize)> = Vec::new();
            for (at, tie) in ties[id].iter().enumerate() {
                for (distance, other) in nearest(&postings[tie], &days, id, day) {
                    found.push((distance, tie.strength(), std::cmp::Reverse(other), at));
                }
            }
            found.sort_unstable();
            let mut kept: Vec<(BriefingId, Tie, i32)> = Vec::with_capacity(MOST);
            for (_, _, std::cmp::Reverse(other), at) in found {
                if kept.len() == MOST {
                    break;
                }
                if !kept.iter().any(|k| k.0 == other) {
                    kept.push((other, ties[id][at], days[other].unwrap_or(day) - day));
                }
            }
            kept.into_iter()
                .map(|(other, tie, days)| Related { id: other, shared: shared(briefings, &places, id, tie), days })
                .collect()
        })
        .collect()
}

/// The briefings of `list` (sorted by `days`, each dated) within
/// [`WINDOW_DAYS`] of `day`, other than `id`, closest first, with their
/// distance in days: only as many as can be among the [`MOST`] closest (all
/// those as close as the `MOST`th). Walks out from `day` both ways.
fn nearest(list: &[BriefingId], days: &[Option<i32>], id: BriefingId, day: i32) -> Vec<(i32, BriefingId)> {
    let distance = |o: BriefingId| days[o].map_or(i32::MAX, |d| (d - day).abs());
    let at = list.partition_point(|&o| days[o].is_some_and(|d| d < day));
    let (mut before, mut after) = (list[..at].iter().rev().peekable(), list[at..].iter().peekable());
    let mut out: Vec<(i32, BriefingId)> = Vec::new();
    loop {
        let next = match (before.peek(), after.peek()) {
            (Some(&&b), Some(&&a)) => {
                if distance(b) <= distance(a) {
                    before.next()
                } else {
                    after.next()
                }
            }
            (Some(_), None) => before.next(),
            (None, Some(_)) => after.next(),
            (None, None) => None,
        };
        let Some(&other) = next else { break };
        let d = distance(other);
        if d > WINDOW_DAYS || out.len() >= MOST && d > out[MOST - 1].0 {
            break;
        }
        if other != id {
            out.push((d, other));
        }
    }
    out
}

/// A number for each distinct place (a name, whatever its case, in a
/// country), for each location of each briefing.
fn place_numbers(briefings: &[Arc<Briefing>]) -> Vec<Vec<usize>> {
    let mut numbers: foldhash::HashMap<(crate::model::CountryCode, String), usize> = Default::default();
    briefings
        .iter()
        .map(|b| {
            b.locations
                .iter()
                .map(|l| {
                    let next = numbers.len();
                    *numbers.entry((l.country, l.name.to_ascii_lowercase())).or_insert(next)
                })
                .collect()
        })
        .collect()
}

/// What briefing `id` shares through `tie`, in its own words: a place is
/// named as this briefing writes it.
fn shared(briefings: &[Arc<Briefing>], places: &[Vec<usize>], id: BriefingId, tie: Tie) -> Shared {
    match tie {
        Tie::Group(g) => Shared::Group(g),
        Tie::Region(r) => Shared::Region(r),
        Tie::Place(p) => {
            let at = places[id].iter().position(|&q| q == p).unwrap_or(0);
            Shared::Place(briefings[id].locations[at].name.clone())
        }
    }
}
