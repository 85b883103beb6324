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
/// each briefing's terms.
pub fn terms(
    briefings: &[Arc<Briefing>],
    figures: &[IncidentFigures],
    countries: &[Country],
) -> (Vec<Term>, Vec<BriefingTerms>) {
    let country_of: HashMap<CountryCode, CountryId> = countries.iter().enumerate().map(|(i, c)| (c.code, i)).collect();
    let mut terms: Vec<Term> = Vec::new();
    let mut by_key: HashMap<(TermKind, Option<CountryId>, String), TermId> = HashMap::default();
    let mut of_briefing = Vec::with_capacity(briefings.len());
    for (id, b) in briefings.iter().enumerate() {
        let mut add = |kind: TermKind, country: Option<CountryId>, name: &str| -> TermId {
            let slug = slug_of(name);
            let tid = *by_key.entry((kind, country, slug.clone())).or_insert_with(|| {
                terms.push(Term {
                    kind,
                    name: name.trim().to_string(),
                    slug,
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
        let targets = b.targets.iter().map(|t| add(TermKind::Target, None, t)).collect();
        let tactics = b.tactics.iter().map(|t| add(TermKind::Tactic, None, t)).collect();
        let tags = b.tags.iter().map(|t| add(TermKind::Tag, None, t)).collect();
        let regions = b
            .locations
            .iter()
            .map(|l| {
                let admin1 = l.admin1.as_deref().filter(|a| !a.trim().is_empty())?;
                Some(add(TermKind::Region, country_of.get(&l.country).copied(), admin1))
            })
            .collect();
        of_briefing.push(BriefingTerms { targets, tactics, tags, regions });
    }
    // Sorted for their index pages; each briefing's ids follow.
    let mut order: Vec<TermId> = (0..terms.len()).collect();
    order.sort_by(|&a, &b| {
        let key = |t: &Term| (t.kind, t.country, t.name.to_lowercase());
        key(&terms[a]).cmp(&key(&terms[b]))
    });
    let mut new_id = vec![0; terms.len()];
    for (new, &old) in order.iter().enumerate() {
        new_id[old] = new;
    }
    let mut slots: Vec<Option<Term>> = terms.into_iter().map(Some).collect();
    let mut terms: Vec<Term> = order.iter().filter_map(|&old| slots[old].take()).collect();
    for t in &mut terms {
        t.incidents.reverse();
    }
    for bt in &mut of_briefing {
        for id in
            bt.targets.iter_mut().chain(&mut bt.tactics).chain(&mut bt.tags).chain(bt.regions.iter_mut().flatten())
        {
            *id = new_id[*id];
        }
    }
    (terms, of_briefing)
}
