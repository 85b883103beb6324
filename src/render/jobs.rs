//! The plan of a site: every file it has, and where it goes.

use crate::index::{BriefingId, GroupId, SiteIndex, TermId, TermKind};
use crate::urls;

use super::pagination;
use super::profiles::GroupLists;

/// One file to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Job {
    /// `/`.
    Home,
    /// `/briefings/<slug>/`.
    Briefing(BriefingId),
    /// `/groups/`.
    Groups,
    /// `/groups/<slug>/` and its further pages (`page/<n>/`), by page from 0.
    Group(GroupId, usize),
    /// `/countries/`.
    Countries,
    /// `/countries/<slug>/` and its further pages, by page from 0.
    Country(usize, usize),
    /// `/chronology/`.
    Chronology,
    /// `/chronology/<year>/` and its further pages: by position in
    /// `SiteIndex::years`, then page from 0.
    Year(usize, usize),
    /// `/tags/`, `/tactics/`, `/targets/`: every term of a kind.
    Terms(TermKind),
    /// `/tags/<slug>/`, `/countries/<country>/<region>/`... and its further
    /// pages, by page from 0.
    Term(TermId, usize),
    /// The term's feed: `/tags/<slug>/atom.xml`.
    TermFeed(TermId),
    /// `/<slug>/`.
    Page(usize),
    /// `/corrections/`.
    Corrections,
    /// `/data/`: the downloads and what their columns mean.
    Data,
    /// `/explorer/`: filter every incident in the browser.
    Explorer,
    /// `/search/`: every word of every page, found in the browser.
    Search,
    /// `/404.html`.
    NotFound,
    /// `/atom.xml`.
    SiteFeed,
    /// `/groups/<slug>/atom.xml`.
    GroupFeed(GroupId),
    /// `/countries/<slug>/atom.xml`.
    CountryFeed(usize),
    /// `/data/incidents.json`.
    IncidentsJson,
    /// `/data/incidents.csv`.
    IncidentsCsv,
    /// `/data/incidents.geojson`.
    IncidentsGeojson,
    /// `/groups/<slug>/incidents.json`.
    GroupJson(GroupId),
    /// `/countries/<slug>/incidents.json`.
    CountryJson(usize),
    /// `/sitemap.xml`.
    Sitemap,
    /// `/robots.txt`.
    Robots,
    /// `/explorer/incidents-<n>.json`, from 1: the `n`th part of what the
    /// explorer reads of every incident, newest first, in the page's
    /// language ([`EXPLORER_PART`] incidents a part), by part from 0.
    ExplorerData(usize),
    /// `/maps/world.svg`: the country outlines every map shows.
    MapOutlines,
}

impl Job {
    /// True for pages made with a template (HTML), false for data and feeds.
    pub fn is_page(&self) -> bool {
        matches!(
            self,
            Job::Home
                | Job::Briefing(_)
                | Job::Groups
                | Job::Group(..)
                | Job::Countries
                | Job::Country(..)
                | Job::Chronology
                | Job::Year(..)
                | Job::Terms(_)
                | Job::Term(..)
                | Job::Page(_)
                | Job::Corrections
                | Job::Data
                | Job::Explorer
                | Job::Search
                | Job::NotFound
        )
    }
}

/// Incidents in a part of the explorer's data: its worker reads and
/// prepares a part in one short step (the reader's phone does other work
/// between parts), and a preview's edit to a briefing rewrites only its part.
pub const EXPLORER_PART: usize = 500;

/// How many parts the explorer's data has (one, empty, for a site without briefings).
pub fn explorer_parts(index: &SiteIndex) -> usize {
    index.briefings.len().div_ceil(EXPLORER_PART).max(1)
}

/// Every file of one language of the site: every page and feed in each
/// language; the data downloads, sitemap, robots.txt and the map outlines
/// (when the theme has maps: `maps`) once, with the main language (`main`),
/// since every language shares them.
pub fn jobs(index: &SiteIndex, main: bool, maps: bool) -> Vec<Job> {
    let mut jobs = vec![
        Job::Home,
        Job::Groups,
        Job::Countries,
        Job::Chronology,
        Job::Corrections,
        Job::Data,
        Job::Explorer,
        Job::Search,
        Job::NotFound,
        Job::SiteFeed,
    ];
    if main {
        jobs.extend([Job::IncidentsJson, Job::IncidentsCsv, Job::IncidentsGeojson, Job::Sitemap, Job::Robots]);
        if maps {
            jobs.push(Job::MapOutlines);
        }
    }
    jobs.extend((0..explorer_parts(index)).map(Job::ExplorerData));
    jobs.extend((0..index.briefings.len()).map(Job::Briefing));
    for g in 0..index.groups.len() {
        let pages = pagination::page_count(&GroupLists::of(index, g).lengths());
        jobs.extend((0..pages).map(|page| Job::Group(g, page)));
        jobs.push(Job::GroupFeed(g));
        if main {
            jobs.push(Job::GroupJson(g));
        }
    }
    for (c, country) in index.countries.iter().enumerate() {
        let pages = pagination::page_count(&[country.incidents.len()]);
        jobs.extend((0..pages).map(|page| Job::Country(c, page)));
        jobs.push(Job::CountryFeed(c));
        if main {
            jobs.push(Job::CountryJson(c));
        }
    }
    for (y, year) in index.years.iter().enumerate() {
        let pages = pagination::page_count(&[year.months.iter().map(|m| m.incidents.len()).sum()]);
        jobs.extend((0..pages).map(|page| Job::Year(y, page)));
    }
    jobs.extend(TermKind::LISTED.map(Job::Terms));
    for (t, term) in index.terms.iter().enumerate() {
        let pages = pagination::page_count(&[term.incidents.len()]);
        jobs.extend((0..pages).map(|page| Job::Term(t, page)));
        jobs.push(Job::TermFeed(t));
    }
    jobs.extend((0..index.pages.len()).map(Job::Page));
    jobs
}

/// The page path of `job` (what its URL ends with), e.g. `groups/jnim/atom.xml`.
pub fn path_of(job: &Job, index: &SiteIndex) -> String {
    let group = |g: GroupId| urls::group(&index.groups[g].slug);
    let country = |c: usize| urls::country(&index.countries[c].slug);
    match *job {
        Job::Home => urls::home(),
        Job::Briefing(id) => urls::briefing(&index.briefings[id].slug),
        Job::Groups => urls::groups(),
        Job::Group(g, page) => pagination::path(&group(g), page),
        Job::Countries => urls::countries(),
        Job::Country(c, page) => pagination::path(&country(c), page),
        Job::Chronology => urls::chronology(),
        Job::Year(y, page) => pagination::path(&urls::year(index.years[y].year), page),
        Job::Terms(kind) => urls::terms(kind.as_str()),
        Job::Term(t, page) => pagination::path(&index.term_path(t), page),
        Job::TermFeed(t) => format!("{}atom.xml", index.term_path(t)),
        Job::Page(p) => urls::page(&index.pages[p].slug),
        Job::Corrections => urls::corrections(),
        Job::Data => urls::data(),
        Job::Explorer => urls::explorer(),
        Job::Search => urls::search(),
        Job::NotFound => "404.html".into(),
        Job::SiteFeed => "atom.xml".into(),
        Job::GroupFeed(g) => format!("{}atom.xml", group(g)),
        Job::CountryFeed(c) => format!("{}atom.xml", country(c)),
        Job::IncidentsJson => format!("{}incidents.json", urls::data()),
        Job::IncidentsCsv => format!("{}incidents.csv", urls::data()),
        Job::IncidentsGeojson => format!("{}incidents.geojson", urls::data()),
        Job::GroupJson(g) => format!("{}incidents.json", group(g)),
        Job::CountryJson(c) => format!("{}incidents.json", country(c)),
        Job::Sitemap => "sitemap.xml".into(),
        Job::Robots => "robots.txt".into(),
        Job::ExplorerData(part) => format!("{}incidents-{}.json", urls::explorer(), part + 1),
        Job::MapOutlines => urls::map_outlines(),
    }
}

/// The output file of `job`: a page path ending in `/` gets `index.html`.
pub fn file_of(job: &Job, index: &SiteIndex) -> String {
    file_for_path(path_of(job, index))
}

/// The output file of a page path: one ending in `/` gets `index.html`.
pub fn file_for_path(path: String) -> String {
    if path.is_empty() || path.ends_with('/') { urls::file_for(&path) } else { path }
}
