//! Index stage: the validated content, cross-referenced.
//!
//! Input: `Content` (only what will be published). Output: `SiteIndex`, which
//! owns the briefings in chronological order and lists, by id, the incidents of
//! every group, country, year and month, with derived casualty figures and
//! conservative totals. Problems that need several files to see (two briefings
//! with one slug, two profiles claiming one name, a cycle of parents) are
//! reported here. No rendering, no I/O.

pub mod groups;
mod links;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use jiff::civil::Date;
use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::history::History;
use crate::model::casualty::{Overflow, derive};
use crate::model::{Briefing, Claim, Content, CountryCode, CountryProfile, IncidentFigures, Page, Role, Totals};
use crate::urls;

pub use groups::Group;
pub use links::{LinkError, LinkTargets};

/// Position of a briefing in `SiteIndex::briefings` (oldest first).
pub type BriefingId = usize;
/// Position of a group in `SiteIndex::groups`.
pub type GroupId = usize;
/// Position of a country in `SiteIndex::countries`.
pub type CountryId = usize;

/// A group's part in one incident, resolved to the group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Involvement {
    /// The group.
    pub group: GroupId,
    /// Its part.
    pub role: Role,
    /// Claim status.
    pub claim: Claim,
    /// The name as the briefing writes it (may be an alias).
    pub written_as: String,
}

/// A country with a page: named by a briefing or given a profile.
#[derive(Debug, Clone)]
pub struct Country {
    /// ISO code.
    pub code: CountryCode,
    /// Display name (the profile may override the standard one).
    pub name: String,
    /// URL slug from the standard English name.
    pub slug: String,
    /// The desk's profile, if written.
    pub profile: Option<CountryProfile>,
    /// Briefings naming it (incidents and developments), newest first.
    pub incidents: Vec<BriefingId>,
    /// Totals over its incidents of violence.
    pub totals: Totals,
    /// Developments among `incidents`.
    pub developments: usize,
}

/// One month of the chronology.
#[derive(Debug, Clone)]
pub struct Month {
    /// 1 to 12; `None` for the briefings of the year whose month is not known.
    pub month: Option<i8>,
    /// Briefings, newest first.
    pub incidents: Vec<BriefingId>,
}

/// One year of the chronology.
#[derive(Debug, Clone)]
pub struct Year {
    /// The year.
    pub year: i16,
    /// Months with briefings, newest first (a month not known comes last).
    pub months: Vec<Month>,
    /// Totals over the year's incidents of violence.
    pub totals: Totals,
    /// Developments that year.
    pub developments: usize,
}

/// When a briefing was published and updated, as far as anyone knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Publication {
    /// The writer's `published`, else the day the file was first committed;
    /// `None` when neither is known (never the incident's date).
    pub published: Option<Date>,
    /// The writer's `updated`, else the day of the file's last commit when
    /// later than `published`.
    pub updated: Option<Date>,
    /// The last day it changed in public: publication, update or correction.
    pub changed: Option<Date>,
    /// The day the file was last modified on disk, for feeds, which need a
    /// date for every entry, when nothing else is known.
    pub modified: Option<Date>,
}

impl Publication {
    /// The dates of `b`, from its front matter and the file's `history`.
    pub fn of(b: &Briefing, history: &History) -> Publication {
        let git = history.dates(&b.origin.content_path);
        let published = b.published.or(git.first);
        let updated = b.updated.or(git.last.filter(|last| published.is_none_or(|p| *last > p)));
        let corrected = b.corrections.iter().map(|c| c.date).max();
        let changed = [published, updated, corrected].into_iter().flatten().max();
        Publication { published, updated, changed, modified: b.origin.modified }
    }

    /// The order of "latest" lists: by publication, then by the incident.
    pub fn sort_key(&self, b: &Briefing) -> (Date, Date) {
        (self.published.unwrap_or_else(|| b.date.first_day()), b.date.first_day())
    }
}

/// The whole site, cross-referenced.
#[derive(Debug, Clone, Default)]
pub struct SiteIndex {
    /// Briefings, oldest first: the id of a briefing is its position.
    pub briefings: Vec<Arc<Briefing>>,
    /// When each was published and updated, by id.
    pub publication: Vec<Publication>,
    /// Derived figures, per briefing.
    pub figures: Vec<IncidentFigures>,
    /// Resolved groups, per briefing, in the order written.
    pub involvements: Vec<Vec<Involvement>>,
    /// Countries, per briefing, in the order written.
    pub incident_countries: Vec<Vec<CountryId>>,
    /// Every group with a page, sorted by name.
    pub groups: Vec<Group>,
    /// Every country with a page, sorted by name.
    pub countries: Vec<Country>,
    /// The chronology, newest year first.
    pub years: Vec<Year>,
    /// Free pages, sorted by title.
    pub pages: Vec<Page>,
    /// Every correction as (briefing, index in its corrections), newest first.
    pub corrections: Vec<(BriefingId, usize)>,
    /// Every tactic named, sorted, one spelling per term (ignoring case).
    pub tactics: Vec<String>,
    /// Every target named, likewise.
    pub targets: Vec<String>,
    /// Totals over every incident of violence.
    pub totals: Totals,
    /// Developments (listed, not counted).
    pub developments: usize,
    /// Where `@/` links lead.
    pub links: LinkTargets,
}

impl SiteIndex {
    /// Ids of every briefing, newest first.
    pub fn newest_first(&self) -> impl Iterator<Item = BriefingId> + '_ {
        (0..self.briefings.len()).rev()
    }

    /// The incident before `id` in the chronology.
    pub fn previous(&self, id: BriefingId) -> Option<BriefingId> {
        id.checked_sub(1)
    }

    /// The incident after `id` in the chronology.
    pub fn next(&self, id: BriefingId) -> Option<BriefingId> {
        (id + 1 < self.briefings.len()).then_some(id + 1)
    }

    /// The ids among `ids` that are incidents of violence (not developments).
    pub fn incidents_only<'a>(&'a self, ids: &'a [BriefingId]) -> impl Iterator<Item = BriefingId> + 'a {
        ids.iter().copied().filter(|&id| self.briefings[id].is_incident())
    }
}

/// What a build leaves out, which the index still needs to know about.
#[derive(Debug, Clone, Default)]
pub struct Withheld {
    /// Content paths of drafts and scheduled items, with why (`a draft`,
    /// `scheduled`): links to them are reported as such.
    pub unpublished: HashMap<String, &'static str>,
    /// Group names used by unpublished briefings (their profiles are not unused).
    pub group_names: Vec<String>,
    /// Some briefings were rejected for errors: which profiles are unused cannot be told.
    pub rejected_briefings: bool,
}

/// Reports a total that the figures of `b` would make too large to hold.
pub(crate) fn check_sum(result: Result<(), Overflow>, b: &Briefing, diags: &mut Diagnostics) {
    if result.is_err() {
        diags.push(
            Diagnostic::error(
                "figure-overflow",
                &b.origin.path,
                "the casualty totals that include this briefing are too large to add up",
            )
            .hint("check its casualty figures for a typo (an extra digit)"),
        );
    }
}

/// Cross-references `content`, the part of the site this build publishes,
/// with the publication dates `history` gives.
pub fn index(content: Content, withheld: Withheld, history: &History, diags: &mut Diagnostics) -> SiteIndex {
    let mut briefings = content.briefings;
    briefings.sort_by(|a, b| (a.date, a.end_date, &a.slug).cmp(&(b.date, b.end_date, &b.slug)));
    check_unique_slugs(&briefings, diags);

    let derived: Vec<Option<IncidentFigures>> = briefings.par_iter().map(|b| derive(&b.casualties)).collect();
    let figures: Vec<IncidentFigures> = derived
        .into_iter()
        .zip(&briefings)
        .map(|(f, b)| {
            f.unwrap_or_else(|| {
                check_sum(Err(Overflow), b, diags);
                IncidentFigures::default()
            })
        })
        .collect();
    let publication: Vec<Publication> = briefings.iter().map(|b| Publication::of(b, history)).collect();
    let (groups, involvements) = groups::resolve(content.groups, &briefings, &figures, &withheld, diags);
    let (countries, incident_countries) = countries(content.countries, &briefings, &figures, diags);
    let years = chronology(&briefings, &figures, diags);

    let mut pages = content.pages;
    check_unique_pages(&pages, diags);
    pages.sort_by(|a, b| a.title.cmp(&b.title));

    let mut corrections: Vec<(BriefingId, usize)> =
        briefings.iter().enumerate().flat_map(|(id, b)| (0..b.corrections.len()).map(move |i| (id, i))).collect();
    corrections.sort_by(|a, b| {
        let da = briefings[a.0].corrections[a.1].date;
        let db = briefings[b.0].corrections[b.1].date;
        db.cmp(&da).then(b.0.cmp(&a.0))
    });

    let tactics = distinct_terms(briefings.iter().flat_map(|b| b.tactics.iter()));
    let targets = distinct_terms(briefings.iter().flat_map(|b| b.targets.iter()));
    let mut totals = Totals::default();
    let mut developments = 0;
    for (b, f) in briefings.iter().zip(&figures) {
        if b.is_incident() {
            check_sum(totals.add(f), b, diags);
        } else {
            developments += 1;
        }
    }
    let links = LinkTargets::new(&briefings, &groups, &countries, &pages, withheld.unpublished);
    SiteIndex {
        briefings,
        publication,
        figures,
        involvements,
        incident_countries,
        groups,
        countries,
        years,
        pages,
        corrections,
        tactics,
        targets,
        totals,
        developments,
        links,
    }
}

/// Terms sorted and without repeats, ignoring case; of several spellings the first met is kept.
fn distinct_terms<'a>(terms: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut seen: HashSet<&str> = HashSet::new();
    let mut by_key: BTreeMap<String, &str> = BTreeMap::new();
    for term in terms {
        if seen.insert(term) {
            by_key.entry(term.to_lowercase()).or_insert(term);
        }
    }
    by_key.into_values().map(str::to_string).collect()
}

/// True when the index places, groups and counts `a` and `b` alike: they
/// differ at most in what the index does not read (headline, lead, places,
/// tags, sources, body). An index with one
/// swapped for the other is then the index of the new content, so a live
/// preview can patch its index instead of building it again.
pub fn indexed_alike(a: &Briefing, b: &Briefing) -> bool {
    // Named one by one, so that a new field makes this fail to compile until
    // someone decides whether the index reads it.
    let Briefing {
        origin,
        slug,
        slug_span,
        title: _,
        date,
        end_date,
        event,
        published,
        updated,
        summary: _,
        draft,
        countries,
        locations: _,
        groups,
        targets,
        tactics,
        tags: _,
        casualties,
        sources: _,
        corrections,
        body: _,
    } = a;
    // The day the file was modified is not indexed (only feeds read it, through `publication`).
    (&origin.path, &origin.content_path) == (&b.origin.path, &b.origin.content_path)
        && *slug == b.slug
        && *slug_span == b.slug_span
        && *date == b.date
        && *end_date == b.end_date
        && *event == b.event
        && *published == b.published
        && *updated == b.updated
        && *draft == b.draft
        && *countries == b.countries
        && *groups == b.groups
        && *targets == b.targets
        && *tactics == b.tactics
        && *casualties == b.casualties
        && *corrections == b.corrections
}

fn check_unique_slugs(briefings: &[Arc<Briefing>], diags: &mut Diagnostics) {
    let mut seen: HashMap<&str, &Briefing> = HashMap::new();
    for b in briefings.iter().map(|b| &**b) {
        if let Some(first) = seen.insert(&b.slug, b) {
            let (first, second) = if first.origin.path <= b.origin.path { (first, b) } else { (b, first) };
            diags.push(
                Diagnostic::error(
                    "duplicate-slug",
                    &second.origin.path,
                    format!(
                        "slug `{}` is also used by {}",
                        b.slug,
                        crate::diagnostics::display_path(&first.origin.path)
                    ),
                )
                .at_opt(second.slug_span.or(Some(crate::diagnostics::Span::new(1, 1))))
                .hint("every briefing needs its own slug: rename one file or set a different `slug:`"),
            );
        }
    }
}

fn check_unique_pages(pages: &[Page], diags: &mut Diagnostics) {
    let mut seen: HashMap<&str, &Page> = HashMap::new();
    for p in pages {
        if let Some(first) = seen.insert(&p.slug, p) {
            diags.push(
                Diagnostic::error(
                    "duplicate-slug",
                    &p.origin.path,
                    format!(
                        "page `{}` is also built from {}",
                        p.slug,
                        crate::diagnostics::display_path(&first.origin.path)
                    ),
                )
                .hint("two free pages cannot share a file name"),
            );
        }
    }
}

fn countries(
    profiles: Vec<CountryProfile>,
    briefings: &[Arc<Briefing>],
    figures: &[IncidentFigures],
    diags: &mut Diagnostics,
) -> (Vec<Country>, Vec<Vec<CountryId>>) {
    let mut by_code: BTreeMap<CountryCode, Country> = BTreeMap::new();
    let new_country = |code: CountryCode| Country {
        code,
        name: code.name().to_string(),
        slug: code.slug(),
        profile: None,
        incidents: Vec::new(),
        totals: Totals::default(),
        developments: 0,
    };
    for profile in profiles {
        let entry = by_code.entry(profile.code).or_insert_with(|| new_country(profile.code));
        if let Some(first) = &entry.profile {
            diags.push(
                Diagnostic::error(
                    "duplicate-profile",
                    &profile.origin.path,
                    format!(
                        "{} already has a profile in {}",
                        entry.name,
                        crate::diagnostics::display_path(&first.origin.path)
                    ),
                )
                .hint("keep one profile per country"),
            );
            continue;
        }
        if let Some(name) = &profile.name {
            entry.name = name.clone();
        }
        entry.profile = Some(profile);
    }
    for b in briefings {
        for code in &b.countries {
            by_code.entry(*code).or_insert_with(|| new_country(*code));
        }
    }
    let mut countries: Vec<Country> = by_code.into_values().collect();
    countries.sort_by(|a, b| a.name.cmp(&b.name));
    let id_of: HashMap<CountryCode, CountryId> = countries.iter().enumerate().map(|(i, c)| (c.code, i)).collect();
    let mut per_incident = Vec::with_capacity(briefings.len());
    for (id, b) in briefings.iter().enumerate() {
        let ids: Vec<CountryId> = b.countries.iter().map(|c| id_of[c]).collect();
        for &cid in &ids {
            let country = &mut countries[cid];
            country.incidents.push(id);
            if b.is_incident() {
                check_sum(country.totals.add(&figures[id]), b, diags);
            } else {
                country.developments += 1;
            }
        }
        per_incident.push(ids);
    }
    for c in &mut countries {
        c.incidents.reverse();
    }
    (countries, per_incident)
}

fn chronology(briefings: &[Arc<Briefing>], figures: &[IncidentFigures], diags: &mut Diagnostics) -> Vec<Year> {
    let mut years: Vec<Year> = Vec::new();
    for (id, b) in briefings.iter().enumerate().rev() {
        let (y, m) = (b.date.year(), b.date.month());
        if years.last().is_none_or(|last| last.year != y) {
            years.push(Year { year: y, months: Vec::new(), totals: Totals::default(), developments: 0 });
        }
        let year = years.last_mut().expect("a year was just pushed");
        if b.is_incident() {
            check_sum(year.totals.add(&figures[id]), b, diags);
        } else {
            year.developments += 1;
        }
        if year.months.last().is_none_or(|last| last.month != m) {
            year.months.push(Month { month: m, incidents: Vec::new() });
        }
        year.months.last_mut().expect("a month was just pushed").incidents.push(id);
    }
    years
}

/// The URL path of a briefing (used by links and render).
pub fn briefing_path(b: &Briefing) -> String {
    urls::briefing(&b.slug)
}
