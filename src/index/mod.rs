//! Index stage: the validated content, cross-referenced.
//!
//! Input: `Content` (only what will be published). Output: `SiteIndex`, which
//! owns the briefings in chronological order and lists, by id, the incidents of
//! every group, country, year and month, with derived casualty figures and
//! conservative totals. Problems that need several files to see (two briefings
//! with one slug, two profiles claiming one name, a cycle of parents) are
//! reported here. No rendering, no I/O.

pub mod addresses;
pub mod groups;
mod links;
pub mod localize;
pub mod memo;
pub mod related;
pub mod terms;
pub mod translations;

use foldhash::{HashMap, HashSet};
use std::collections::BTreeMap;
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
pub use terms::{BriefingTerms, Term, TermId, TermKind};

/// Position of a briefing in `SiteIndex::briefings` (oldest first).
pub type BriefingId = usize;
/// Position of a group in `SiteIndex::groups`.
pub type GroupId = usize;
/// Position of a country in `SiteIndex::countries`.
pub type CountryId = usize;

/// A group's part in one incident, resolved to the group.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
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
        // In a repository a file's modification time is its checkout's: a
        // feed would re-date the entry at every deploy.
        let modified = if history.in_repository() { None } else { b.origin.modified };
        Publication { published, updated, changed, modified }
    }

    /// The order of "latest" lists: by publication, then by the incident.
    pub fn sort_key(&self, b: &Briefing) -> (Date, Date) {
        (self.published.unwrap_or_else(|| b.date.first_day()), b.date.first_day())
    }
}

/// A warning (an error under `--strict`) when the git history could not be
/// read whole: it names the briefings that lose their publication date, so a
/// shallow clone in a desk's CI never silently drops every date.
pub fn lost_publication_dates(index: &SiteIndex, history: &History, diags: &mut Diagnostics) {
    let Some(problem) = &history.problem else { return };
    let lost: Vec<&str> = index
        .briefings
        .iter()
        .zip(&index.publication)
        .filter(|(b, p)| b.published.is_none() && p.published.is_none())
        .map(|(b, _)| b.origin.content_path.as_str())
        .collect();
    if lost.is_empty() {
        return;
    }
    let named = lost.iter().take(5).copied().collect::<Vec<_>>().join(", ");
    let more = if lost.len() > 5 { format!(" and {} more", lost.len() - 5) } else { String::new() };
    diags.push(
        Diagnostic::warning(
            "history-incomplete",
            crate::source::CONTENT_DIR,
            format!(
                "{problem}: {} briefings lose their publication date ({named}{more})",
                lost.len()
            ),
        )
        .hint("build from a full clone (`git fetch --unshallow`; in GitHub Actions, `fetch-depth: 0`), or give each briefing `published:`"),
    );
}

/// The whole site, cross-referenced. What is made of facts alone, and large,
/// is shared (`Arc`): another language's index (see `localize`) is a cheap
/// copy that changes only words.
#[derive(Debug, Clone, Default)]
pub struct SiteIndex {
    /// Briefings, oldest first: the id of a briefing is its position.
    pub briefings: Vec<Arc<Briefing>>,
    /// When each was published and updated, by id.
    pub publication: Vec<Publication>,
    /// Each briefing's place in "latest" lists (0 for the latest), by id:
    /// by publication, then by the incident (see `Publication::sort_key`).
    pub latest_rank: Arc<Vec<usize>>,
    /// Derived figures, per briefing.
    pub figures: Arc<Vec<IncidentFigures>>,
    /// Resolved groups, per briefing, in the order written.
    pub involvements: Arc<Vec<Vec<Involvement>>>,
    /// Countries, per briefing, in the order written.
    pub incident_countries: Arc<Vec<Vec<CountryId>>>,
    /// Every group with a page, sorted by name.
    pub groups: Vec<Group>,
    /// Every country with a page, sorted by name.
    pub countries: Vec<Country>,
    /// The chronology, newest year first.
    pub years: Arc<Vec<Year>>,
    /// Free pages, sorted by title.
    pub pages: Vec<Page>,
    /// Every correction as (briefing, index in its corrections), newest first.
    pub corrections: Arc<Vec<(BriefingId, usize)>>,
    /// Every tactic named, sorted, one spelling per term (ignoring case).
    pub tactics: Vec<String>,
    /// Every target named, likewise.
    pub targets: Vec<String>,
    /// Every tag, tactic, target and region, with its incidents (see `terms`).
    pub terms: Arc<Vec<Term>>,
    /// Each briefing's terms, by id.
    pub briefing_terms: Arc<Vec<BriefingTerms>>,
    /// Each briefing's related briefings, by id (see `related`).
    pub related: Arc<Vec<Vec<related::Related>>>,
    /// Totals over every incident of violence.
    pub totals: Totals,
    /// Developments (listed, not counted).
    pub developments: usize,
    /// Where `@/` links lead.
    pub links: Arc<LinkTargets>,
    /// The words of every other language the site is published in.
    pub translated: Arc<Vec<translations::Translated>>,
    /// Set on the index of another language (see `localize`): what is
    /// shown there in the original language.
    pub localized: Option<localize::Localized>,
    /// The language country names are given in, when it is not English.
    pub names_language: Option<String>,
    /// The pictures beside content files, ready to publish.
    pub pictures: Arc<crate::pictures::SitePictures>,
}

impl SiteIndex {
    /// The page path of term `id`: `tags/capital/`, `countries/mali/mopti/`.
    pub fn term_path(&self, id: TermId) -> String {
        let t = &self.terms[id];
        match (t.kind, t.country) {
            (TermKind::Region, Some(c)) => urls::region(&self.countries[c].slug, &t.slug),
            (kind, _) => urls::term(kind.as_str(), &t.slug),
        }
    }

    /// Every published content file with a body, with where it comes from:
    /// briefings, group profiles, country profiles, then free pages.
    pub fn bodies(&self) -> impl Iterator<Item = (&crate::model::Origin, &crate::model::Body)> {
        self.briefings
            .iter()
            .map(|b| (&b.origin, &b.body))
            .chain(self.groups.iter().filter_map(|g| g.profile.as_ref()).map(|p| (&p.origin, &p.body)))
            .chain(self.countries.iter().filter_map(|c| c.profile.as_ref()).map(|p| (&p.origin, &p.body)))
            .chain(self.pages.iter().map(|p| (&p.origin, &p.body)))
    }

    /// Ids of every briefing, newest first.
    pub fn newest_first(&self) -> impl Iterator<Item = BriefingId> + '_ {
        (0..self.briefings.len()).rev()
    }

    /// The `n` latest of `ids` by publication, latest first.
    pub fn latest(&self, ids: impl Iterator<Item = BriefingId>, n: usize) -> Vec<BriefingId> {
        let mut ids: Vec<BriefingId> = ids.collect();
        let rank = |id: &BriefingId| self.latest_rank[*id];
        if ids.len() > n && n > 0 {
            ids.select_nth_unstable_by_key(n - 1, rank);
            ids.truncate(n);
        }
        ids.sort_unstable_by_key(rank);
        ids.truncate(n);
        ids
    }

    /// The incident before `id` in the chronology.
    pub fn previous(&self, id: BriefingId) -> Option<BriefingId> {
        id.checked_sub(1)
    }

    /// The incident after `id` in the chronology.
    pub fn next(&self, id: BriefingId) -> Option<BriefingId> {
        (id + 1 < self.briefings.len()).then_some(id + 1)
    }

    /// The name of country `code` as this index shows it (its standard name
    /// in the index's language if the index has no page for it).
    pub fn country_name(&self, code: crate::model::CountryCode) -> String {
        if let Some(c) = self.countries.iter().find(|c| c.code == code) {
            return c.name.clone();
        }
        self.names_language
            .as_deref()
            .and_then(|l| crate::model::country::CountryNames::of(l).name(code))
            .unwrap_or_else(|| code.name().to_string())
    }

    /// The language briefing `id`'s words are shown in, when this index is
    /// another language's and the briefing has no translation in it.
    pub fn original_language(&self, id: BriefingId) -> Option<&str> {
        let l = self.localized.as_ref()?;
        l.briefings.get(id).copied().unwrap_or(false).then_some(l.original.as_str())
    }

    /// The ids among `ids` that are incidents of violence (not developments).
    pub fn incidents_only<'a>(&'a self, ids: &'a [BriefingId]) -> impl Iterator<Item = BriefingId> + 'a {
        ids.iter().copied().filter(|&id| self.briefings[id].is_incident())
    }
}

/// What a build leaves out, which the index still needs to know about.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Withheld {
    /// Content paths of drafts and scheduled items, with why (`a draft`,
    /// `scheduled`): links to them are reported as such.
    pub unpublished: HashMap<String, &'static str>,
    /// Briefings left out of the index (held back, or rejected for errors),
    /// as far as they can be read: their group names and slugs are still
    /// checked against the site's, so every problem shows in one run.
    pub unindexed: Vec<Unindexed>,
    /// Some briefings were rejected for errors: which profiles are unused cannot be told.
    pub rejected_briefings: bool,
}

/// A briefing that is not indexed, as far as it can be read.
#[derive(Debug, Clone, PartialEq)]
pub struct Unindexed {
    /// The file.
    pub path: std::path::PathBuf,
    /// The groups it names.
    pub groups: Vec<crate::model::GroupMention>,
    /// Its slug and where `slug:` is written (`None`: from the file name).
    pub slug: Option<(String, Option<crate::diagnostics::Span>)>,
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
    let briefings = in_chronological_order(content.briefings);
    // The parts that only read the briefings, side by side.
    let ((figures, publication, latest_rank, mut found), ((tactics, targets), corrections, slug_problems)) =
        rayon::join(
            || {
                let mut found = Diagnostics::new();
                let derived: Vec<Option<IncidentFigures>> =
                    briefings.par_iter().map(|b| derive(&b.casualties)).collect();
                let figures: Vec<IncidentFigures> = derived
                    .into_iter()
                    .zip(&briefings)
                    .map(|(f, b)| {
                        f.unwrap_or_else(|| {
                            check_sum(Err(Overflow), b, &mut found);
                            IncidentFigures::default()
                        })
                    })
                    .collect();
                let publication: Vec<Publication> = briefings.iter().map(|b| Publication::of(b, history)).collect();
                let latest_rank = latest_ranks(&briefings, &publication);
                (figures, publication, latest_rank, found)
            },
            || {
                let terms = rayon::join(
                    || distinct_terms(briefings.iter().flat_map(|b| b.tactics.iter())),
                    || distinct_terms(briefings.iter().flat_map(|b| b.targets.iter())),
                );
                let mut slugs = Diagnostics::new();
                check_unique_slugs(&briefings, &withheld.unindexed, &mut slugs);
                (terms, corrections_newest_first(&briefings), slugs)
            },
        );
    found.extend(slug_problems);
    // The parts that need the figures, side by side.
    let (
        ((groups, involvements), group_problems),
        ((countries, incident_countries, years), ((totals, developments), briefing_targets)),
    ) = rayon::join(
        || {
            let mut found = Diagnostics::new();
            let r = groups::resolve(content.groups, &briefings, &figures, &withheld, &mut found);
            (r, found)
        },
        || {
            rayon::join(
                || {
                    let mut found = Diagnostics::new();
                    let (countries, per_incident) = countries(content.countries, &briefings, &figures, &mut found);
                    let years = chronology(&briefings, &figures, &mut found);
                    (countries, per_incident, (years, found))
                },
                || rayon::join(|| site_totals(&briefings, &figures), || links::BriefingTargets::of(&briefings)),
            )
        },
    );
    let (years, country_problems) = years;
    found.extend(group_problems);
    found.extend(country_problems);
    found.extend(totals.1);
    let totals = totals.0;

    let (terms, briefing_terms) = terms::terms(&briefings, &figures, &countries);
    let related = related::related(&briefings, &involvements, &briefing_terms);
    let mut pages = content.pages;
    check_unique_pages(&pages, &mut found);
    pages.sort_by(|a, b| a.title.cmp(&b.title));
    let links = LinkTargets::new(briefing_targets, &groups, &countries, &pages, withheld.unpublished);
    diags.extend(found);
    SiteIndex {
        briefings,
        latest_rank: latest_rank.into(),
        publication,
        figures: figures.into(),
        involvements: involvements.into(),
        incident_countries: incident_countries.into(),
        groups,
        countries,
        years: years.into(),
        pages,
        corrections: corrections.into(),
        tactics,
        targets,
        terms: terms.into(),
        briefing_terms: briefing_terms.into(),
        related: related.into(),
        totals,
        developments,
        links: links.into(),
        translated: Default::default(),
        localized: None,
        names_language: None,
        pictures: Default::default(),
    }
}

/// Briefings in the order of their ids: by date, end date and slug.
fn in_chronological_order(mut briefings: Vec<Arc<Briefing>>) -> Vec<Arc<Briefing>> {
    briefings.par_sort_by(|a, b| (a.date, a.end_date, &a.slug).cmp(&(b.date, b.end_date, &b.slug)));
    briefings
}

/// Each briefing's place in "latest" lists, by id: newest publication first,
/// then the newest incident, then the later id.
fn latest_ranks(briefings: &[Arc<Briefing>], publication: &[Publication]) -> Vec<usize> {
    let keys: Vec<(Date, Date)> = briefings.iter().zip(publication).map(|(b, p)| p.sort_key(b)).collect();
    let mut order: Vec<BriefingId> = (0..briefings.len()).collect();
    order.sort_unstable_by(|&a, &b| keys[b].cmp(&keys[a]).then(b.cmp(&a)));
    let mut rank = vec![0; order.len()];
    for (r, &id) in order.iter().enumerate() {
        rank[id] = r;
    }
    rank
}

/// Every correction as (briefing, its position), newest first.
fn corrections_newest_first(briefings: &[Arc<Briefing>]) -> Vec<(BriefingId, usize)> {
    let mut corrections: Vec<(BriefingId, usize)> =
        briefings.iter().enumerate().flat_map(|(id, b)| (0..b.corrections.len()).map(move |i| (id, i))).collect();
    corrections.sort_by(|a, b| {
        let da = briefings[a.0].corrections[a.1].date;
        let db = briefings[b.0].corrections[b.1].date;
        db.cmp(&da).then(b.0.cmp(&a.0))
    });
    corrections
}

/// Totals over every incident of violence (and their problems), and the number of developments.
fn site_totals(briefings: &[Arc<Briefing>], figures: &[IncidentFigures]) -> ((Totals, Diagnostics), usize) {
    let mut totals = Totals::default();
    let mut found = Diagnostics::new();
    let mut developments = 0;
    for (b, f) in briefings.iter().zip(figures) {
        if b.is_incident() {
            check_sum(totals.add(f), b, &mut found);
        } else {
            developments += 1;
        }
    }
    ((totals, found), developments)
}

/// Terms sorted and without repeats, ignoring case; of several spellings the first met is kept.
fn distinct_terms<'a>(terms: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut seen: HashSet<&str> = HashSet::default();
    let mut by_key: BTreeMap<String, &str> = BTreeMap::new();
    for term in terms {
        if seen.insert(term) {
            by_key.entry(term.to_lowercase()).or_insert(term);
        }
    }
    by_key.into_values().map(str::to_string).collect()
}

/// Every briefing needs its own slug: published ones among themselves, and
/// unindexed ones (drafts, scheduled, rejected) against all the others.
fn check_unique_slugs(briefings: &[Arc<Briefing>], unindexed: &[Unindexed], diags: &mut Diagnostics) {
    let duplicate =
        |path: &std::path::Path, at: Option<crate::diagnostics::Span>, slug: &str, other: &std::path::Path| {
            Diagnostic::error(
                "duplicate-slug",
                path,
                format!("slug `{slug}` is also used by {}", crate::diagnostics::display_path(other)),
            )
            .at_opt(at.or(Some(crate::diagnostics::Span::new(1, 1))))
            .hint("every briefing needs its own slug: rename one file or set a different `slug:`")
        };
    let mut seen: HashMap<&str, &Briefing> = HashMap::default();
    for b in briefings.iter().map(|b| &**b) {
        if let Some(first) = seen.insert(&b.slug, b) {
            let (first, second) = if first.origin.path <= b.origin.path { (first, b) } else { (b, first) };
            diags.push(duplicate(&second.origin.path, second.slug_span, &b.slug, &first.origin.path));
        }
    }
    let mut taken: HashMap<&str, &std::path::Path> =
        seen.iter().map(|(slug, b)| (*slug, b.origin.path.as_path())).collect();
    for u in unindexed {
        let Some((slug, at)) = &u.slug else { continue };
        match taken.get(slug.as_str()) {
            Some(other) => diags.push(duplicate(&u.path, *at, slug, other)),
            None => {
                taken.insert(slug, &u.path);
            }
        }
    }
}

fn check_unique_pages(pages: &[Page], diags: &mut Diagnostics) {
    let mut seen: HashMap<&str, &Page> = HashMap::default();
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
