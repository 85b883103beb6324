//! The pages of a site: which exist, and what each template receives.
//!
//! Every template gets `site` (global) and `page` (title, description,
//! canonical URL, kind); the rest is listed per page below and documented at
//! the top of each template.

use std::collections::HashMap;

use serde::Serialize;
use tera::Context;

use crate::index::{BriefingId, GroupId, SiteIndex};
use crate::model::GroupKind;
use crate::model::date::{long_day, month_name};
use crate::urls;

use super::Prepared;
use super::views::{
    CorrectionView, IncidentRow, Link, TotalsView, briefing_view, claim_label, kind_heading,
    role_label,
};

/// How many briefings the home page lists.
pub const HOME_LATEST: usize = 12;

/// One page to build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// `/404.html`.
    NotFound,
}

/// Every page of the site.
pub fn jobs(index: &SiteIndex) -> Vec<Job> {
    let mut jobs = vec![
        Job::Home,
        Job::Groups,
        Job::Countries,
        Job::Chronology,
        Job::Corrections,
        Job::NotFound,
    ];
    jobs.extend((0..index.briefings.len()).map(Job::Briefing));
    jobs.extend((0..index.groups.len()).map(Job::Group));
    jobs.extend((0..index.countries.len()).map(Job::Country));
    jobs.extend((0..index.years.len()).map(Job::Year));
    jobs.extend((0..index.pages.len()).map(Job::Page));
    jobs
}

/// Which briefings a page shows, for deciding what a change touches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shows {
    /// Lists or counts every incident (home, indexes, chronology, corrections).
    Everything,
    /// Shows these incidents (a briefing with its neighbours, a group, a
    /// country, a year); a year page also shows every year's count.
    Briefings(Vec<BriefingId>),
    /// Shows no incident (free pages, the 404 page).
    Nothing,
}

/// What `job` shows of the incidents in `index`.
pub fn shows(job: &Job, index: &SiteIndex) -> Shows {
    match *job {
        Job::Home | Job::Groups | Job::Countries | Job::Chronology | Job::Corrections => {
            Shows::Everything
        }
        Job::Briefing(id) => Shows::Briefings(
            [index.previous(id), Some(id), index.next(id)]
                .into_iter()
                .flatten()
                .collect(),
        ),
        Job::Group(g) => {
            let group = &index.groups[g];
            Shows::Briefings(
                group
                    .incidents
                    .iter()
                    .copied()
                    .chain(group.component_incidents.iter().map(|(b, _)| *b))
                    .collect(),
            )
        }
        Job::Country(c) => Shows::Briefings(index.countries[c].incidents.clone()),
        Job::Year(y) => Shows::Briefings(
            index.years[y]
                .months
                .iter()
                .flat_map(|m| m.incidents.iter().copied())
                .collect(),
        ),
        Job::Page(_) | Job::NotFound => Shows::Nothing,
    }
}

/// The output file of `job`.
pub fn file_of(job: &Job, index: &SiteIndex) -> String {
    match *job {
        Job::Home => urls::file_for(&urls::home()),
        Job::Briefing(id) => urls::file_for(&urls::briefing(&index.briefings[id].slug)),
        Job::Groups => urls::file_for(&urls::groups()),
        Job::Group(g) => urls::file_for(&urls::group(&index.groups[g].slug)),
        Job::Countries => urls::file_for(&urls::countries()),
        Job::Country(c) => urls::file_for(&urls::country(&index.countries[c].slug)),
        Job::Chronology => urls::file_for(&urls::chronology()),
        Job::Year(y) => urls::file_for(&urls::year(index.years[y].year)),
        Job::Page(p) => urls::file_for(&urls::page(&index.pages[p].slug)),
        Job::Corrections => urls::file_for(&urls::corrections()),
        Job::NotFound => "404.html".to_string(),
    }
}

/// A page ready for its template.
pub struct PageRender {
    /// Output file: `briefings/x/index.html`.
    pub file: String,
    /// Template name.
    pub template: &'static str,
    /// What the template sees (besides `site`).
    pub context: Context,
}

/// `page`: what every template knows about the page it renders.
#[derive(Serialize)]
struct PageMeta {
    title: String,
    description: String,
    url: String,
    path: String,
    kind: &'static str,
}

/// Builds the context of one page.
pub fn build(job: &Job, site: &Prepared<'_>) -> PageRender {
    let index = site.index;
    let mut ctx = Context::new();
    let (path, template, kind, title, description): (
        String,
        &'static str,
        &'static str,
        String,
        String,
    ) = match *job {
        Job::Home => {
            home(site, &mut ctx);
            (
                urls::home(),
                "index.html",
                "home",
                site.config.title.clone(),
                site.config.description.clone().unwrap_or_default(),
            )
        }
        Job::Briefing(id) => {
            let b = &index.briefings[id];
            ctx.insert(
                "briefing",
                &briefing_view(index, id, &site.rows, &site.briefing_bodies[id], &site.urls),
            );
            (
                urls::briefing(&b.slug),
                "briefing.html",
                "briefing",
                b.title.clone(),
                site.rows[id].summary.clone(),
            )
        }
        Job::Groups => {
            groups(site, &mut ctx);
            (
                urls::groups(),
                "groups.html",
                "groups",
                "Groups".into(),
                "Armed groups and other actors named in the briefings".into(),
            )
        }
        Job::Group(gid) => {
            let description = group(site, gid, &mut ctx);
            (
                urls::group(&index.groups[gid].slug),
                "group.html",
                "group",
                index.groups[gid].name.clone(),
                description,
            )
        }
        Job::Countries => {
            countries(site, &mut ctx);
            (
                urls::countries(),
                "countries.html",
                "countries",
                "Countries".into(),
                "Incidents by country".into(),
            )
        }
        Job::Country(cid) => {
            let description = country(site, cid, &mut ctx);
            let c = &index.countries[cid];
            (
                urls::country(&c.slug),
                "country.html",
                "country",
                c.name.clone(),
                description,
            )
        }
        Job::Chronology => {
            let years: Vec<YearView> = (0..index.years.len()).map(|y| year_view(site, y)).collect();
            ctx.insert("years", &years);
            ctx.insert("totals", &TotalsView::new(&index.totals));
            (
                urls::chronology(),
                "chronology.html",
                "chronology",
                "Chronology".into(),
                "Every incident, newest first".into(),
            )
        }
        Job::Year(y) => {
            let year = year_view(site, y);
            ctx.insert("year", &year);
            ctx.insert("years", &year_links(site));
            let title = format!("Chronology: {}", index.years[y].year);
            (
                urls::year(index.years[y].year),
                "year.html",
                "year",
                title,
                format!("Every incident in {}", index.years[y].year),
            )
        }
        Job::Page(p) => {
            let page = &index.pages[p];
            ctx.insert("body_html", &site.page_bodies[p].html);
            ctx.insert("summary", &page.summary);
            ctx.insert("draft", &page.draft);
            let description = page
                .summary
                .clone()
                .or(site.page_bodies[p].first_paragraph.clone())
                .unwrap_or_default();
            (
                urls::page(&page.slug),
                "page.html",
                "page",
                page.title.clone(),
                description,
            )
        }
        Job::Corrections => {
            corrections(site, &mut ctx);
            (
                urls::corrections(),
                "corrections.html",
                "corrections",
                "Corrections".into(),
                "Every correction to a published briefing".into(),
            )
        }
        Job::NotFound => (
            "404.html".to_string(),
            "404.html",
            "404",
            "Page not found".into(),
            String::new(),
        ),
    };
    let file = file_of(job, index);
    let url = if *job == Job::NotFound {
        site.urls.absolute("404.html")
    } else {
        site.urls.absolute(&path)
    };
    ctx.insert(
        "page",
        &PageMeta {
            title,
            description,
            url,
            path: site.urls.to(&path),
            kind,
        },
    );
    PageRender {
        file,
        template,
        context: ctx,
    }
}

#[derive(Serialize)]
struct GroupCard {
    name: String,
    url: String,
    kind: &'static str,
    profiled: bool,
    parent: Option<String>,
    incidents: usize,
    killed_text: String,
}

fn group_card(site: &Prepared<'_>, gid: GroupId) -> GroupCard {
    let g = &site.index.groups[gid];
    GroupCard {
        name: g.name.clone(),
        url: site.urls.to(&urls::group(&g.slug)),
        kind: g
            .profile
            .as_ref()
            .map_or(GroupKind::ArmedGroup, |p| p.kind)
            .as_str(),
        profiled: g.profile.is_some(),
        parent: g.parent.map(|p| site.index.groups[p].name.clone()),
        incidents: g.totals.incidents,
        killed_text: super::views::thousands(g.totals.killed),
    }
}

fn home(site: &Prepared<'_>, ctx: &mut Context) {
    let index = site.index;
    let mut latest: Vec<BriefingId> = index.newest_first().collect();
    latest.sort_by(|&a, &b| {
        index.briefings[b]
            .published_on()
            .cmp(&index.briefings[a].published_on())
            .then(b.cmp(&a))
    });
    latest.truncate(HOME_LATEST);
    let latest: Vec<&IncidentRow> = latest.iter().map(|&id| &site.rows[id]).collect();
    ctx.insert("latest", &latest);
    ctx.insert("totals", &TotalsView::new(&index.totals));
    let mut countries: Vec<(usize, CountryCard)> = (0..index.countries.len())
        .map(|c| (index.countries[c].incidents.len(), country_card(site, c)))
        .collect();
    countries.retain(|(n, _)| *n > 0);
    countries.sort_by_key(|c| std::cmp::Reverse(c.0));
    ctx.insert(
        "countries",
        &countries.into_iter().map(|(_, c)| c).collect::<Vec<_>>(),
    );
    let mut groups: Vec<GroupId> = (0..index.groups.len())
        .filter(|&g| index.groups[g].perpetrator_totals.incidents > 0)
        .collect();
    groups.sort_by(|&a, &b| {
        let (ga, gb) = (&index.groups[a], &index.groups[b]);
        gb.perpetrator_totals
            .incidents
            .cmp(&ga.perpetrator_totals.incidents)
            .then(ga.name.cmp(&gb.name))
    });
    groups.truncate(8);
    ctx.insert(
        "groups",
        &groups
            .iter()
            .map(|&g| group_card(site, g))
            .collect::<Vec<_>>(),
    );
    ctx.insert("years", &year_links(site));
}

#[derive(Serialize)]
struct KindSection {
    heading: &'static str,
    groups: Vec<GroupCard>,
}

fn groups(site: &Prepared<'_>, ctx: &mut Context) {
    let index = site.index;
    let sections: Vec<KindSection> = GroupKind::ALL
        .iter()
        .map(|&kind| KindSection {
            heading: kind_heading(kind),
            groups: (0..index.groups.len())
                .filter(|&g| {
                    index.groups[g]
                        .profile
                        .as_ref()
                        .map_or(GroupKind::ArmedGroup, |p| p.kind)
                        == kind
                })
                .map(|g| group_card(site, g))
                .collect(),
        })
        .filter(|s| !s.groups.is_empty())
        .collect();
    ctx.insert("sections", &sections);
}

#[derive(Serialize)]
struct GroupIncident<'a> {
    row: &'a IncidentRow,
    role: &'static str,
    role_label: &'static str,
    claim: &'static str,
    claim_label: &'static str,
}

#[derive(Serialize)]
struct ComponentIncident<'a> {
    row: &'a IncidentRow,
    via: Link,
}

#[derive(Serialize)]
struct GroupView<'a> {
    name: &'a str,
    profiled: bool,
    full_name: Option<&'a str>,
    aliases: Vec<&'a str>,
    affiliation: Option<&'a str>,
    founded: Option<&'a str>,
    kind: &'static str,
    active_in: Vec<Link>,
    parent: Option<Link>,
    components: Vec<Link>,
    body_html: &'a str,
    totals: TotalsView,
    perpetrator_totals: TotalsView,
    with_components_totals: TotalsView,
    profile_path: Option<String>,
}

fn group(site: &Prepared<'_>, gid: GroupId, ctx: &mut Context) -> String {
    let index = site.index;
    let g = &index.groups[gid];
    let link = |id: GroupId| Link {
        name: index.groups[id].name.clone(),
        url: site.urls.to(&urls::group(&index.groups[id].slug)),
    };
    let country_link = |code: &crate::model::CountryCode| {
        let c = index.countries.iter().find(|c| c.code == *code);
        Link {
            name: c.map_or_else(|| code.name().to_string(), |c| c.name.clone()),
            url: c
                .map(|c| site.urls.to(&urls::country(&c.slug)))
                .unwrap_or_default(),
        }
    };
    let p = g.profile.as_ref();
    let view = GroupView {
        name: &g.name,
        profiled: p.is_some(),
        full_name: p.and_then(|p| p.full_name.as_deref()),
        aliases: p
            .map(|p| p.aliases.iter().map(String::as_str).collect())
            .unwrap_or_default(),
        affiliation: p.and_then(|p| p.affiliation.as_deref()),
        founded: p.and_then(|p| p.founded.as_deref()),
        kind: p.map_or(GroupKind::ArmedGroup, |p| p.kind).as_str(),
        active_in: p
            .map(|p| p.active_in.iter().map(country_link).collect())
            .unwrap_or_default(),
        parent: g.parent.map(link),
        components: g.components.iter().map(|&c| link(c)).collect(),
        body_html: site.group_bodies[gid]
            .as_ref()
            .map_or("", |r| r.html.as_str()),
        totals: TotalsView::new(&g.totals),
        perpetrator_totals: TotalsView::new(&g.perpetrator_totals),
        with_components_totals: TotalsView::new(&g.with_components_totals),
        profile_path: p.map(|p| crate::diagnostics::display_path(&p.origin.path)),
    };
    ctx.insert("group", &view);
    let incidents: Vec<GroupIncident> = g
        .incidents
        .iter()
        .map(|&bid| {
            let inv = index.involvements[bid]
                .iter()
                .find(|i| i.group == gid)
                .expect("a group's incident names it");
            GroupIncident {
                row: &site.rows[bid],
                role: inv.role.as_str(),
                role_label: role_label(inv.role),
                claim: inv.claim.as_str(),
                claim_label: claim_label(inv.claim),
            }
        })
        .collect();
    ctx.insert("incidents", &incidents);
    let component_incidents: Vec<ComponentIncident> = g
        .component_incidents
        .iter()
        .map(|&(bid, via)| ComponentIncident {
            row: &site.rows[bid],
            via: link(via),
        })
        .collect();
    ctx.insert("component_incidents", &component_incidents);
    let first = site.group_bodies[gid]
        .as_ref()
        .and_then(|r| r.first_paragraph.clone());
    first.unwrap_or_else(|| format!("{} incidents involving {}", g.totals.incidents, g.name))
}

#[derive(Serialize)]
struct CountryCard {
    name: String,
    code: String,
    url: String,
    incidents: usize,
    killed_text: String,
}

fn country_card(site: &Prepared<'_>, cid: usize) -> CountryCard {
    let c = &site.index.countries[cid];
    CountryCard {
        name: c.name.clone(),
        code: c.code.to_string(),
        url: site.urls.to(&urls::country(&c.slug)),
        incidents: c.totals.incidents,
        killed_text: super::views::thousands(c.totals.killed),
    }
}

fn countries(site: &Prepared<'_>, ctx: &mut Context) {
    let cards: Vec<CountryCard> = (0..site.index.countries.len())
        .map(|c| country_card(site, c))
        .collect();
    ctx.insert("countries", &cards);
}

#[derive(Serialize)]
struct CountryView<'a> {
    name: &'a str,
    code: String,
    profiled: bool,
    body_html: &'a str,
    totals: TotalsView,
    groups: Vec<GroupCount>,
}

#[derive(Serialize)]
struct GroupCount {
    name: String,
    url: String,
    incidents: usize,
}

fn country(site: &Prepared<'_>, cid: usize, ctx: &mut Context) -> String {
    let index = site.index;
    let c = &index.countries[cid];
    let mut counts: HashMap<GroupId, usize> = HashMap::new();
    for &bid in &c.incidents {
        for inv in &index.involvements[bid] {
            *counts.entry(inv.group).or_default() += 1;
        }
    }
    let mut groups: Vec<(GroupId, usize)> = counts.into_iter().collect();
    groups.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(index.groups[a.0].name.cmp(&index.groups[b.0].name))
    });
    let view = CountryView {
        name: &c.name,
        code: c.code.to_string(),
        profiled: c.profile.is_some(),
        body_html: site.country_bodies[cid]
            .as_ref()
            .map_or("", |r| r.html.as_str()),
        totals: TotalsView::new(&c.totals),
        groups: groups
            .into_iter()
            .map(|(g, n)| GroupCount {
                name: index.groups[g].name.clone(),
                url: site.urls.to(&urls::group(&index.groups[g].slug)),
                incidents: n,
            })
            .collect(),
    };
    ctx.insert("country", &view);
    let rows: Vec<&IncidentRow> = c.incidents.iter().map(|&b| &site.rows[b]).collect();
    ctx.insert("incidents", &rows);
    let first = site.country_bodies[cid]
        .as_ref()
        .and_then(|r| r.first_paragraph.clone());
    first.unwrap_or_else(|| format!("{} incidents in {}", c.totals.incidents, c.name))
}

#[derive(Serialize)]
struct MonthView<'a> {
    name: String,
    iso: String,
    incidents: Vec<&'a IncidentRow>,
}

#[derive(Serialize)]
struct YearView<'a> {
    year: i16,
    url: String,
    totals: TotalsView,
    months: Vec<MonthView<'a>>,
}

fn year_view<'a>(site: &'a Prepared<'_>, y: usize) -> YearView<'a> {
    let year = &site.index.years[y];
    YearView {
        year: year.year,
        url: site.urls.to(&urls::year(year.year)),
        totals: TotalsView::new(&year.totals),
        months: year
            .months
            .iter()
            .map(|m| MonthView {
                name: format!("{} {}", month_name(m.month), year.year),
                iso: format!("{:04}-{:02}", year.year, m.month),
                incidents: m.incidents.iter().map(|&b| &site.rows[b]).collect(),
            })
            .collect(),
    }
}

#[derive(Serialize)]
struct YearLink {
    year: i16,
    url: String,
    incidents: usize,
}

fn year_links(site: &Prepared<'_>) -> Vec<YearLink> {
    site.index
        .years
        .iter()
        .map(|y| YearLink {
            year: y.year,
            url: site.urls.to(&urls::year(y.year)),
            incidents: y.totals.incidents,
        })
        .collect()
}

fn corrections(site: &Prepared<'_>, ctx: &mut Context) {
    let index = site.index;
    let list: Vec<CorrectionView> = index
        .corrections
        .iter()
        .map(|&(bid, i)| {
            let b = &index.briefings[bid];
            let c = &b.corrections[i];
            CorrectionView {
                date: long_day(c.date),
                date_iso: c.date.to_string(),
                note: c.note.clone(),
                briefing: Some(Link {
                    name: b.title.clone(),
                    url: site.urls.to(&urls::briefing(&b.slug)),
                }),
            }
        })
        .collect();
    ctx.insert("corrections", &list);
}
