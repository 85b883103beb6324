//! The plan of a site: every file it has, where it goes, and which incidents
//! each one shows (so a live rebuild knows what a change touches).

use crate::index::{BriefingId, GroupId, SiteIndex};
use crate::urls;

/// One file to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Job {
    /// `/`.
    Home,
    /// `/briefings/<slug>/`.
    Briefing(BriefingId),
    /// `/groups/`.
    Groups,
    /// `/groups/<slug>/`.
    Group(GroupId),
    /// `/countries/`.
    Countries,
    /// `/countries/<slug>/`.
    Country(usize),
    /// `/chronology/`.
    Chronology,
    /// `/chronology/<year>/`, by position in `SiteIndex::years`.
    Year(usize),
    /// `/<slug>/`.
    Page(usize),
    /// `/corrections/`.
    Corrections,
    /// `/data/`: the downloads and what their columns mean.
    Data,
    /// `/explorer/`: filter every incident in the browser.
    Explorer,
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
}

impl Job {
    /// True for pages made with a template (HTML), false for data and feeds.
    pub fn is_page(&self) -> bool {
        matches!(
            self,
            Job::Home
                | Job::Briefing(_)
                | Job::Groups
                | Job::Group(_)
                | Job::Countries
                | Job::Country(_)
                | Job::Chronology
                | Job::Year(_)
                | Job::Page(_)
                | Job::Corrections
                | Job::Data
                | Job::Explorer
                | Job::NotFound
        )
    }
}

/// Every file of the site.
pub fn jobs(index: &SiteIndex) -> Vec<Job> {
    let mut jobs = vec![
        Job::Home,
        Job::Groups,
        Job::Countries,
        Job::Chronology,
        Job::Corrections,
        Job::Data,
        Job::Explorer,
        Job::NotFound,
        Job::SiteFeed,
        Job::IncidentsJson,
        Job::IncidentsCsv,
        Job::IncidentsGeojson,
        Job::Sitemap,
        Job::Robots,
    ];
    jobs.extend((0..index.briefings.len()).map(Job::Briefing));
    jobs.extend((0..index.groups.len()).flat_map(|g| [Job::Group(g), Job::GroupFeed(g), Job::GroupJson(g)]));
    jobs.extend((0..index.countries.len()).flat_map(|c| [Job::Country(c), Job::CountryFeed(c), Job::CountryJson(c)]));
    jobs.extend((0..index.years.len()).map(Job::Year));
    jobs.extend((0..index.pages.len()).map(Job::Page));
    jobs
}

/// Which briefings a file shows, for deciding what a change touches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shows {
    /// Lists or counts every incident (home, indexes, chronology, data, site feed, sitemap).
    Everything,
    /// Shows these incidents (a briefing with its neighbours, a group, a
    /// country, a year, their feeds and data); a year page also shows every
    /// year's count.
    Briefings(Vec<BriefingId>),
    /// Shows no incident (free pages, the 404 page, robots.txt).
    Nothing,
}

/// What `job` shows of the incidents in `index`.
pub fn shows(job: &Job, index: &SiteIndex) -> Shows {
    match *job {
        Job::Home
        | Job::Groups
        | Job::Countries
        | Job::Chronology
        | Job::Corrections
        | Job::Data
        | Job::Explorer
        | Job::SiteFeed
        | Job::IncidentsJson
        | Job::IncidentsCsv
        | Job::IncidentsGeojson
        | Job::Sitemap => Shows::Everything,
        Job::Briefing(id) => {
            Shows::Briefings([index.previous(id), Some(id), index.next(id)].into_iter().flatten().collect())
        }
        Job::Group(g) => {
            let group = &index.groups[g];
            Shows::Briefings(
                group.incidents.iter().copied().chain(group.component_incidents.iter().map(|(b, _)| *b)).collect(),
            )
        }
        Job::GroupFeed(g) | Job::GroupJson(g) => Shows::Briefings(index.groups[g].incidents.clone()),
        Job::Country(c) | Job::CountryFeed(c) | Job::CountryJson(c) => {
            Shows::Briefings(index.countries[c].incidents.clone())
        }
        Job::Year(y) => {
            Shows::Briefings(index.years[y].months.iter().flat_map(|m| m.incidents.iter().copied()).collect())
        }
        Job::Page(_) | Job::NotFound | Job::Robots => Shows::Nothing,
    }
}

/// The page path of `job` (what its URL ends with), e.g. `groups/jnim/atom.xml`.
pub fn path_of(job: &Job, index: &SiteIndex) -> String {
    let group = |g: GroupId| urls::group(&index.groups[g].slug);
    let country = |c: usize| urls::country(&index.countries[c].slug);
    match *job {
        Job::Home => urls::home(),
        Job::Briefing(id) => urls::briefing(&index.briefings[id].slug),
        Job::Groups => urls::groups(),
        Job::Group(g) => group(g),
        Job::Countries => urls::countries(),
        Job::Country(c) => country(c),
        Job::Chronology => urls::chronology(),
        Job::Year(y) => urls::year(index.years[y].year),
        Job::Page(p) => urls::page(&index.pages[p].slug),
        Job::Corrections => urls::corrections(),
        Job::Data => urls::data(),
        Job::Explorer => urls::explorer(),
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
    }
}

/// The output file of `job`: a page path ending in `/` gets `index.html`.
pub fn file_of(job: &Job, index: &SiteIndex) -> String {
    let path = path_of(job, index);
    if path.is_empty() || path.ends_with('/') { urls::file_for(&path) } else { path }
}
