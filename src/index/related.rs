//! Related briefings: what a reader of one incident should see next.
//!
//! One rule: another incident is related when it shares a perpetrator, a
//! place (the same name in the same country) or a region with this one, and
//! began within [`WINDOW_DAYS`] days of it; both must be dated to the day.
//! The closest in time come first (the same day before all: a wave of
//! attacks), a shared group before a shared place at the same distance; at
//! most [`MOST`] are kept. Each carries why it is related.

use std::sync::Arc;

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

/// The related briefings of every briefing, by id. `briefings` are sorted
/// by date (as in the index).
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
    let perpetrators: Vec<Vec<GroupId>> = involvements
        .iter()
        .map(|inv| inv.iter().filter(|i| i.role == Role::Perpetrator).map(|i| i.group).collect())
        .collect();
    (0..briefings.len())
        .map(|id| {
            let Some(day) = days[id] else { return Vec::new() };
            // Briefings are sorted by date: the window is a run of ids around
            // this one (briefings dated only to the month are passed over).
            let before = (0..id).rev().take_while(|o| days[*o].is_none_or(|d| day - d <= WINDOW_DAYS));
            let after = (id + 1..briefings.len()).take_while(|o| days[*o].is_none_or(|d| d - day <= WINDOW_DAYS));
            let mut found: Vec<Related> = before
                .chain(after)
                .filter_map(|other| {
                    let days = days[other]? - day;
                    Some(Related { id: other, shared: shared(briefings, &perpetrators, terms, id, other)?, days })
                })
                .collect();
            let strength = |s: &Shared| match s {
                Shared::Group(_) => 0,
                Shared::Place(_) => 1,
                Shared::Region(_) => 2,
            };
            found.sort_by_key(|r| (r.days.abs(), strength(&r.shared), std::cmp::Reverse(r.id)));
            found.truncate(MOST);
            found
        })
        .collect()
}

/// The strongest tie between briefings `a` and `b`: a perpetrator, then a place, then a region.
fn shared(
    briefings: &[Arc<Briefing>],
    perpetrators: &[Vec<GroupId>],
    terms: &[BriefingTerms],
    a: BriefingId,
    b: BriefingId,
) -> Option<Shared> {
    if let Some(g) = perpetrators[a].iter().find(|g| perpetrators[b].contains(g)) {
        return Some(Shared::Group(*g));
    }
    let (la, lb) = (&briefings[a].locations, &briefings[b].locations);
    if let Some(place) =
        la.iter().find(|p| lb.iter().any(|q| q.country == p.country && q.name.eq_ignore_ascii_case(&p.name)))
    {
        return Some(Shared::Place(place.name.clone()));
    }
    let region = terms[a].regions.iter().flatten().find(|r| terms[b].regions.iter().flatten().any(|s| s == *r))?;
    Some(Shared::Region(*region))
}
