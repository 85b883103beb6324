//! Template pages: which template each page uses and what it receives.
//!
//! Every template gets `site` (global) and `page` (title, description,
//! canonical URL, kind, feed, dates for social cards); the rest is listed per
//! page below and documented at the top of each template.

use serde::Serialize;
use tera::Context;

use crate::index::{BriefingId, GroupId};
use crate::model::date::{long_day, month_name};
use crate::urls;

use super::Prepared;
use super::data::{CSV_COLUMNS, JSON_FIELDS};
use super::jobs::{Job, file_of, path_of};
use super::profiles::{CountryCard, countries, country, country_card, group, group_card, groups, insert_chart};
use super::views::{CorrectionView, Link, TotalsView, briefing_view};
use super::words::Value;
use crate::model::EventType;

/// How many briefings the home page lists.
pub const HOME_LATEST: usize = 12;

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
    /// `article` for briefings, `website` otherwise (OpenGraph).
    og_type: &'static str,
    /// The page's own Atom feed (groups and countries), besides the site's.
    feed: Option<Link>,
    /// Publication and last change, for briefings (ISO dates).
    published: Option<String>,
    modified: Option<String>,
}

/// Builds the context of one template page.
pub fn build(job: &Job, site: &Prepared<'_>) -> PageRender {
    let index = site.index;
    let mut ctx = Context::new();
    let path = path_of(job, index);
    let feed = |title: String, feed_path: String| Some(Link { name: title, url: site.urls.to(&feed_path) });
    let mut og_type = "website";
    let mut page_feed = None;
    let mut dates = (None, None);
    let (template, kind, title, description): (&'static str, &'static str, String, String) = match *job {
        Job::Home => {
            home(site, &mut ctx);
            ("index.html", "home", site.config.title.clone(), site.config.description.clone().unwrap_or_default())
        }
        Job::Briefing(id) => {
            let b = &index.briefings[id];
            ctx.insert(
                "briefing",
                &briefing_view(index, id, &site.incidents, &site.briefing_bodies[id], &site.urls, site.words),
            );
            ctx.insert("json_ld", &super::structured::news_article(site, id));
            ctx.insert("map_svg", &super::places::briefing_map(site, id));
            og_type = "article";
            let p = &index.publication[id];
            dates = (p.published.map(|d| d.to_string()), p.changed.map(|d| d.to_string()));
            ("briefing.html", "briefing", b.title.clone(), site.incidents[id].row.summary.clone())
        }
        Job::Groups => {
            groups(site, &mut ctx);
            ("groups.html", "groups", "Groups".into(), "Armed groups and other actors named in the briefings".into())
        }
        Job::Group(gid) => {
            let description = group(site, gid, &mut ctx);
            let g = &index.groups[gid];
            page_feed = feed(format!("{}: latest briefings", g.name), format!("{}atom.xml", urls::group(&g.slug)));
            ("group.html", "group", g.name.clone(), description)
        }
        Job::Countries => {
            countries(site, &mut ctx);
            ("countries.html", "countries", "Countries".into(), "Incidents by country".into())
        }
        Job::Country(cid) => {
            let description = country(site, cid, &mut ctx);
            let c = &index.countries[cid];
            page_feed = feed(format!("{}: latest briefings", c.name), format!("{}atom.xml", urls::country(&c.slug)));
            ("country.html", "country", c.name.clone(), description)
        }
        Job::Chronology => {
            let years: Vec<YearView> = (0..index.years.len()).map(|y| year_view(site, y)).collect();
            ctx.insert("years", &years);
            ctx.insert("totals", &TotalsView::new(site.words, &index.totals, index.developments));
            ("chronology.html", "chronology", "Chronology".into(), "Every incident, newest first".into())
        }
        Job::Year(y) => {
            ctx.insert("year", &year_view(site, y));
            ctx.insert("years", &year_links(site));
            let year = index.years[y].year;
            ("year.html", "year", format!("Chronology: {year}"), format!("Every incident in {year}"))
        }
        Job::Page(p) => {
            let page = &index.pages[p];
            ctx.insert("body_html", &site.page_bodies[p].html);
            ctx.insert("summary", &page.summary);
            ctx.insert("draft", &page.draft);
            let description = page.summary.clone().or(site.page_bodies[p].first_paragraph.clone()).unwrap_or_default();
            ("page.html", "page", page.title.clone(), description)
        }
        Job::Corrections => {
            corrections(site, &mut ctx);
            ("corrections.html", "corrections", "Corrections".into(), "Every correction to a published briefing".into())
        }
        Job::Data => {
            data(site, &mut ctx);
            ("data.html", "data", "Data".into(), "Download every incident as JSON, CSV or GeoJSON".into())
        }
        Job::Explorer => {
            explorer(site, &mut ctx);
            (
                "explorer.html",
                "explorer",
                "Incident explorer".into(),
                "Filter every incident by group, country, tactic, target, claim and date".into(),
            )
        }
        Job::NotFound => ("404.html", "404", "Page not found".into(), String::new()),
        _ => ("404.html", "404", String::new(), String::new()),
    };
    let meta = PageMeta {
        title,
        description,
        url: site.urls.absolute(&path),
        path: site.urls.to(&path),
        kind,
        og_type,
        feed: page_feed,
        published: dates.0,
        modified: dates.1,
    };
    ctx.insert("page", &meta);
    PageRender { file: file_of(job, index), template, context: ctx }
}

fn home(site: &Prepared<'_>, ctx: &mut Context) {
    let index = site.index;
    let mut latest: Vec<BriefingId> = index.newest_first().collect();
    let key = |id: BriefingId| index.publication[id].sort_key(&index.briefings[id]);
    latest.sort_by(|&a, &b| key(b).cmp(&key(a)).then(b.cmp(&a)));
    latest.truncate(HOME_LATEST);
    let latest: Vec<&tera::Value> = latest.iter().map(|&id| &site.incidents[id].value).collect();
    ctx.insert("latest", &latest);
    ctx.insert("totals", &TotalsView::new(site.words, &index.totals, index.developments));
    let mut countries: Vec<(usize, CountryCard)> = (0..index.countries.len())
        .map(|c| (index.countries[c].totals.incidents + index.countries[c].developments, country_card(site, c)))
        .collect();
    countries.retain(|(n, _)| *n > 0);
    // Most incidents of violence first.
    countries.sort_by_key(|c| std::cmp::Reverse(c.1.incidents));
    ctx.insert("countries", &countries.into_iter().map(|(_, c)| c).collect::<Vec<_>>());
    let mut groups: Vec<GroupId> =
        (0..index.groups.len()).filter(|&g| index.groups[g].perpetrator_totals.incidents > 0).collect();
    groups.sort_by(|&a, &b| {
        let (ga, gb) = (&index.groups[a], &index.groups[b]);
        gb.perpetrator_totals.incidents.cmp(&ga.perpetrator_totals.incidents).then(ga.name.cmp(&gb.name))
    });
    groups.truncate(8);
    ctx.insert("groups", &groups.iter().map(|&g| group_card(site, g)).collect::<Vec<_>>());
    ctx.insert("years", &year_links(site));
    let all: Vec<BriefingId> = (0..index.briefings.len()).collect();
    let subject = site.words.phrase("subject-all-incidents", &[]);
    insert_chart(site, ctx, &all, &subject);
    ctx.insert("map_svg", &super::places::incidents_map(site, &all, &subject, &[]));
}

#[derive(Serialize)]
struct MonthView<'a> {
    /// `September 2024`, or the words for a month not known.
    name: String,
    /// `2024-09`, or `2024` for a month not known.
    iso: String,
    /// The month is not known.
    unknown: bool,
    incidents: Vec<&'a tera::Value>,
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
        totals: TotalsView::new(site.words, &year.totals, year.developments),
        months: year
            .months
            .iter()
            .map(|m| MonthView {
                name: match m.month {
                    Some(month) => format!("{} {}", month_name(month), year.year),
                    None => site.words.phrase("month-not-known", &[("year", Value::Text(&year.year.to_string()))]),
                },
                iso: match m.month {
                    Some(month) => format!("{:04}-{:02}", year.year, month),
                    None => format!("{:04}", year.year),
                },
                unknown: m.month.is_none(),
                incidents: m.incidents.iter().map(|&b| &site.incidents[b].value).collect(),
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
        .map(|y| YearLink { year: y.year, url: site.urls.to(&urls::year(y.year)), incidents: y.totals.incidents })
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
                briefing: Some(Link { name: b.title.clone(), url: site.urls.to(&urls::briefing(&b.slug)) }),
            }
        })
        .collect();
    ctx.insert("corrections", &list);
}

/// A download on the data page.
#[derive(Serialize)]
struct Download {
    title: &'static str,
    url: String,
    format: &'static str,
    description: &'static str,
}

fn data(site: &Prepared<'_>, ctx: &mut Context) {
    let file = |name: &str| site.urls.to(&format!("{}{name}", urls::data()));
    let downloads = vec![
        Download {
            title: "Every incident",
            url: file("incidents.json"),
            format: "JSON",
            description: "Every field of every incident, with every casualty report and source.",
        },
        Download {
            title: "Every incident",
            url: file("incidents.csv"),
            format: "CSV",
            description: "One row per incident, the columns below; opens in any spreadsheet.",
        },
        Download {
            title: "Every located place",
            url: file("incidents.geojson"),
            format: "GeoJSON",
            description: "One point per place with coordinates, for GIS tools and web maps.",
        },
    ];
    ctx.insert("downloads", &downloads);
    ctx.insert("csv_columns", &CSV_COLUMNS);
    ctx.insert("json_fields", &JSON_FIELDS);
    ctx.insert("totals", &TotalsView::new(site.words, &site.index.totals, site.index.developments));
    let group_files: Vec<Link> = site
        .index
        .groups
        .iter()
        .map(|g| Link { name: g.name.clone(), url: site.urls.to(&format!("{}incidents.json", urls::group(&g.slug))) })
        .collect();
    let country_files: Vec<Link> = site
        .index
        .countries
        .iter()
        .map(|c| Link { name: c.name.clone(), url: site.urls.to(&format!("{}incidents.json", urls::country(&c.slug))) })
        .collect();
    ctx.insert("group_files", &group_files);
    ctx.insert("country_files", &country_files);
}

/// A choice in one of the explorer's filters.
#[derive(Serialize)]
struct Choice {
    value: String,
    label: String,
}

fn explorer(site: &Prepared<'_>, ctx: &mut Context) {
    let index = site.index;
    ctx.insert("data_url", &site.urls.to(&format!("{}incidents.json", urls::data())));
    let groups: Vec<Choice> =
        index.groups.iter().map(|g| Choice { value: g.slug.clone(), label: g.name.clone() }).collect();
    let countries: Vec<Choice> =
        index.countries.iter().map(|c| Choice { value: c.code.to_string(), label: c.name.clone() }).collect();
    ctx.insert("groups", &groups);
    ctx.insert("countries", &countries);
    ctx.insert("tactics", &index.tactics);
    ctx.insert("targets", &index.targets);
    let events: Vec<Choice> =
        EventType::ALL.iter().map(|e| Choice { value: e.slug().to_string(), label: e.as_str().to_string() }).collect();
    ctx.insert("events", &events);
    ctx.insert("totals", &TotalsView::new(site.words, &index.totals, index.developments));
    ctx.insert("figure_words", &figure_words(site.words));
}

/// How figures read, for the explorer's script: each form with `{n}`,
/// `{low}`, `{high}` where the numbers go, and the digit-group separator.
fn figure_words(words: &super::Words) -> String {
    let slot = |name: &'static str| {
        (
            name,
            Value::Text(match name {
                "n" => "{n}",
                "low" => "{low}",
                _ => "{high}",
            }),
        )
    };
    let thousand = words.number(1000);
    serde_json::json!({
        "exact": words.phrase("amount-exact", &[slot("n")]),
        "between": words.phrase("amount-between", &[slot("low"), slot("high")]),
        "at-least": words.phrase("amount-at-least", &[slot("low")]),
        "up-to": words.phrase("amount-up-to", &[slot("high")]),
        "not-reported": words.phrase("amount-not-reported", &[]),
        "group": thousand.trim_start_matches('1').trim_end_matches("000"),
    })
    .to_string()
    // Inside <script>, markup characters must not appear as such.
    .replace('<', "\\u003c")
    .replace('>', "\\u003e")
    .replace('&', "\\u0026")
}
