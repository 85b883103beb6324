//! More ways in: a page per tag, tactic, target and region.
//!
//! One rule for every kind: a term is one slug (its words, lowercased, made
//! an address), written as the first briefing to use it wrote it; `Small
//! arms` and `small arms` are one tactic. A region is an `admin1` of one
//! country: Mopti in Mali and a Mopti elsewhere are two regions. Each term
//! lists its incidents newest first, with the totals of its incidents of
//! violence, like a country.

use foldhash::HashMap;
use std::sync::Arc;

use crate::model::{Briefing, CountryCode, IncidentFigures, Totals};

use super::{BriefingId, Country, CountryId};

/// Position of a term in `SiteIndex::terms`.
pub type TermId = usize;

/// What a term names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TermKind {
    /// `tags:`.
    Tag,
    /// `tactics:`.
    Tactic,
    /// `targets:`.
    Target,
    /// A location's `admin1`, within its country.
    Region,
}

impl TermKind {
    /// The kinds with an index page of their own (regions are listed on their country's page).
    pub const LISTED: [TermKind; 3] = [TermKind::Tag, TermKind::Tactic, TermKind::Target];

    /// `tag`, `tactic`, `target`, `region`.
    pub fn as_str(self) -> &'static str {
        match self {
            TermKind::Tag => "tag",
            TermKind::Tactic => "tactic",
            TermKind::Target => "target",
            TermKind::Region => "region",
        }
    }
}

/// A tag, tactic, target or region, with its incidents.
#[derive(Debug, Clone)]
pub struct Term {
    /// What it names.
    pub kind: TermKind,
    /// As first written (in another language's index: as its glossary says).
    pub name: String,
    /// Its address part: `small-arms`.
    pub slug: String,
    /// A region's country.
    pub country: Option<CountryId>,
    /// Its briefings, newest incident first.
    pub incidents: Vec<BriefingId>,
    /// Totals over its incidents of violence.
    pub totals: Totals,
    /// Developments among its briefings (listed, not counted).
    pub developments: usize,
}

/// The terms of one briefing, in the order written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BriefingTerms {
    /// Its targets.
    pub targets: Vec<TermId>,
    /// Its tactics.
    pub tactics: Vec<TermId>,
    /// Its tags.
    pub tags: Vec<TermId>,
    /// The region of each of its locations, if it names one.
    pub regions: Vec<Option<TermId>>,
}

/// The slug of a term: its words, lowercased, as an address part.
pub fn slug_of(name: &str) -> String {
    let slug = slug::slugify(name);
    if slug.is_empty() { "term".to_string() } else { slug }
}

/// Every term of `briefings` (sorted by kind, then country, then name), and
/// each briefing's terms. Each kind is gathered on its own (side by side),
/// then the four are numbered together.
pub fn terms<'a>(
    briefings: &'a [Arc<Briefing>],
    figures: &[IncidentFigures],
    countries: &[Country],
) -> (Vec<Term>, Vec<BriefingTerms>) {
    let country_of: HashMap<CountryCode, CountryId> = countries.iter().enumerate().map(|(i, c)| (c.code, i)).collect();
    let gather = |kind: TermKind| -> (Vec<Term>, Vec<Vec<Option<TermId>>>) {
        let named = |b: &'a Briefing| -> Vec<Option<(Option<CountryId>, &'a str)>> {
            let plain = |names: &'a [String]| names.iter().map(|n| Some((None, n.as_str()))).collect();
            match kind {
                TermKind::Target => plain(&b.targets),
                TermKind::Tactic => plain(&b.tactics),
                TermKind::Tag => plain(&b.tags),
                TermKind::Region => b
                    .locations
                    .iter()
                    .map(|l| {
                        let admin1 = l.admin1.as_deref().filter(|a| !a.trim().is_empty())?;
                        Some((country_of.get(&l.country).copied(), admin1))
                    })
                    .collect(),
            }
        };
        gather_kind(kind, briefings, figures, named)
    };
    let (((targets, target_ids), (tactics, tactic_ids)), ((tags, tag_ids), (regions, region_ids))) = rayon::join(
        || rayon::join(|| gather(TermKind::Target), || gather(TermKind::Tactic)),
        || rayon::join(|| gather(TermKind::Tag), || gather(TermKind::Region)),
    );
    // One numbering: each kind's ids are shifted past the kinds before it.
    let shifts = [0, targets.len(), targets.len() + tactics.len(), targets.len() + tactics.len() + tags.len()];
    let terms: Vec<Term> = targets.into_iter().chain(tactics).chain(tags).chain(regions).collect();
    // Sorted for their index pages; each briefing's ids follow.
    let mut order: Vec<TermId> = (0..terms.len()).collect();
    let keys: Vec<(TermKind, Option<CountryId>, String)> =
        terms.iter().map(|t| (t.kind, t.country, t.name.to_lowercase())).collect();
    order.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
    let mut new_id = vec![0; terms.len()];
    for (new, &old) in order.iter().enumerate() {
        new_id[old] = new;
    }
    let mut slots: Vec<Option<Term>> = terms.into_iter().map(Some).collect();
    let mut terms: Vec<Term> = order.iter().filter_map(|&old| slots[old].take()).collect();
    for t in &mut terms {
        t.incidents.reverse();
    }
    let renumber = |ids: &[Option<TermId>], shift: usize| ids.iter().map(|id| id.map(|i| new_id[i + shift])).collect();
    let all = |ids: &[Option<TermId>], shift: usize| ids.iter().flatten().map(|&i| new_id[i + shift]).collect();
    let of_briefing = (0..briefings.len())
        .map(|id| BriefingTerms {
            targets: all(&target_ids[id], shifts[0]),
            tactics: all(&tactic_ids[id], shifts[1]),
            tags: all(&tag_ids[id], shifts[2]),
            regions: renumber(&region_ids[id], shifts[3]),
        })
        .collect();
    (terms, of_briefing)
}

/// The terms of one kind, numbered as first met, and each briefing's, in
/// the order `named` gives them (`None` where a location names no region).
fn gather_kind<'b>(
    kind: TermKind,
    briefings: &'b [Arc<Briefing>],
    figures: &[IncidentFigures],
    named: impl Fn(&'b Briefing) -> Vec<Option<(Option<CountryId>, &'b str)>>,
) -> (Vec<Term>, Vec<Vec<Option<TermId>>>) {
    let mut terms: Vec<Term> = Vec::new();
    // A name is written the same way in many briefings: it is slugged once,
    // and each distinct slug numbered.
    let mut slug_of_name: HashMap<&'b str, usize> = HashMap::default();
    let mut slug_numbers: HashMap<String, usize> = HashMap::default();
    let mut by_key: HashMap<(Option<CountryId>, usize), TermId> = HashMap::default();
    let mut of_briefing = Vec::with_capacity(briefings.len());
    for (id, b) in briefings.iter().enumerate() {
        let mut add = |country: Option<CountryId>, name: &'b str| -> TermId {
            let number = match slug_of_name.get(name) {
                Some(&n) => n,
                None => {
                    let next = slug_numbers.len();
                    let n = *slug_numbers.entry(slug_of(name)).or_insert(next);
                    slug_of_name.insert(name, n);
                    n
                }
            };
            let tid = *by_key.entry((country, number)).or_insert_with(|| {
                terms.push(Term {
                    kind,
                    name: name.trim().to_string(),
                    slug: slug_of(name),
                    country,
                    incidents: Vec::new(),
                    totals: Totals::default(),
                    developments: 0,
                });
                terms.len() - 1
            });
            let term = &mut terms[tid];
            if term.incidents.last() != Some(&id) {
                term.incidents.push(id);
                if b.is_incident() {
                    // An overflow is reported by the site's totals, which hold every incident.
                    let _ = term.totals.add(&figures[id]);
                } else {
                    term.developments += 1;
                }
            }
            tid
        };
        let ids = named(b).into_iter().map(|n| n.map(|(country, name)| add(country, name))).collect();
        of_briefing.push(ids);
    }
    (terms, of_briefing)
}
