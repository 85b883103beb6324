//! Template pages: which template each page uses and what it receives.
//!
//! Every template gets `site` (global) and `page` (title, description,
//! canonical URL, kind, feed, dates for social cards); the rest is listed per
//! page below and documented at the top of each template.

use std::hash::{Hash, Hasher};

use serde::Serialize;

use crate::index::{BriefingId, GroupId};
use crate::urls;

use super::Prepared;
use super::data::{self, CSV_COLUMNS, DOWNLOADS, JSON_FIELDS};
use super::fingerprint::{Hashed, Lazy, PageContext};
use super::incidents::PageParts;
use super::jobs::{Job, path_of};
use super::pagination::{PER_PAGE, Pager, page_count};
use super::profiles::{CountryCard, countries, country, country_card, group, group_card, groups};
use super::views::{CorrectionView, Link, TotalsView};
use super::words::Value;

/// How many briefings the home page lists.
pub const HOME_LATEST: usize = 12;

/// A page ready for its template.
pub struct PageRender<'a> {
    /// Output file: `briefings/x/index.html`.
    pub file: String,
    /// Template name.
    pub template: &'static str,
    /// What the template sees (besides `site`), with its fingerprint.
    pub context: PageContext<'a>,
}

/// `page`: what every template knows about the page it renders.
#[derive(Serialize)]
struct PageMeta {
    title: String,
    description: String,
    url: String,
    path: String,
    /// The page's path under its language's root (`briefings/x/`): the same
    /// in every language, for the language switcher and `hreflang`.
    rel: String,
    kind: &'static str,
    /// `article` for briefings, `website` otherwise (OpenGraph).
    og_type: &'static str,
    /// The page's own Atom feed (groups and countries), besides the site's.
    feed: Option<Link>,
    /// Publication and last change, for briefings (ISO dates).
    published: Option<String>,
    modified: Option<String>,
    /// Where the page stands in a list split into pages (none for others).
    pagination: Option<Pager>,
    /// Its lead picture (briefings and free pages that name one).
    image: Option<super::lead::Lead>,
}

/// `search`: where the search page finds Pagefind's bundle.
#[derive(Serialize)]
struct SearchView {
    /// The bundle's folder: `/sahel/pagefind/`.
    bundle_url: String,
    /// What results' addresses (relative to the site's root) are put after: `/sahel/`.
    base_url: String,
}

impl SearchView {
    fn new(site: &Prepared<'_>) -> SearchView {
        SearchView { bundle_url: site.urls.shared(crate::search::BUNDLE_DIR), base_url: site.urls.shared("") }
    }
}

/// Builds the context of one template page; with `keep` false, only its
/// fingerprint (the context cannot be rendered).
pub fn build<'a>(job: &Job, site: &'a Prepared<'a>, keep: bool) -> PageRender<'a> {
    let index = site.index;
    let mut ctx = if keep { PageContext::new() } else { PageContext::fingerprint_only() };
    let path = path_of(job, index);
    let words = site.words;
    let say = |key: &str| words.phrase(key, &[]);
    let feed = |name: &str, feed_path: String| {
        let title = words.phrase("feed-name", &[("name", Value::Text(name))]);
        Some(Link { name: title, url: site.urls.to(&feed_path) })
    };
    let mut page_feed = None;
    let mut pagination = None;
    let mut image = None;
    let (template, kind, title, description): (&'static str, &'static str, String, String) = match *job {
        Job::Home => {
            home(site, &mut ctx);
            let language = &site.config.languages[site.language];
            ("index.html", "home", language.title.clone(), language.description.clone().unwrap_or_default())
        }
        Job::Briefing(id) => return briefing(site, id, path, ctx),
        Job::Groups => {
            groups(site, &mut ctx);
            ("groups.html", "groups", say("page-title-groups"), say("page-description-groups"))
        }
        Job::Group(gid, page) => {
            let (description, pager) = group(site, gid, page, &mut ctx);
            pagination = Some(pager);
            let g = &index.groups[gid];
            page_feed = feed(&g.name, format!("{}atom.xml", urls::group(&g.slug)));
            ("group.html", "group", g.name.clone(), description)
        }
        Job::Countries => {
            countries(site, &mut ctx);
            ("countries.html", "countries", say("page-title-countries"), say("page-description-countries"))
        }
        Job::Country(cid, page) => {
            let (description, pager) = country(site, cid, page, &mut ctx);
            pagination = Some(pager);
            let c = &index.countries[cid];
            page_feed = feed(&c.name, format!("{}atom.xml", urls::country(&c.slug)));
            ("country.html", "country", c.name.clone(), description)
        }
        Job::Chronology => {
            let years: Vec<_> = (0..index.years.len()).map(|y| year_summary(site, y)).collect();
            ctx.insert("years", years);
            let all = index.years.iter().flat_map(|y| y.months.iter().map(move |m| (y.year, m)));
            ctx.insert("latest", month_views(site, all, 0));
            ctx.insert("totals", TotalsView::new(site.words, &index.totals, index.developments));
            ("chronology.html", "chronology", say("page-title-chronology"), say("page-description-chronology"))
        }
        Job::Year(y, page) => {
            let year = &index.years[y];
            ctx.insert("year", year_summary(site, y));
            ctx.insert("months", month_views(site, year.months.iter().map(|m| (year.year, m)), page));
            let count = year.months.iter().map(|m| m.incidents.len()).sum();
            pagination = Some(Pager::new(&site.urls, &urls::year(year.year), page, page_count(&[count])));
            ctx.insert("years", year_links(site));
            let year = index.years[y].year;
            let year = year.to_string();
            let year = [("year", Value::Text(&year))];
            ("year.html", "year", words.phrase("page-title-year", &year), words.phrase("page-description-year", &year))
        }
        Job::Terms(kind) => {
            let (title, description) = super::terms::index_page(site, kind, &mut ctx);
            ("terms.html", "terms", title, description)
        }
        Job::Term(t, page) => {
            let (title, description, pager) = super::terms::term_page(site, t, page, &mut ctx);
            pagination = Some(pager);
            page_feed = feed(&title, format!("{}atom.xml", index.term_path(t)));
            ("term.html", "term", title, description)
        }
        Job::Page(p) => {
            let page = &index.pages[p];
            let body = &site.page_bodies[p];
            ctx.insert("body_html", Hashed::new(body.html.as_str(), body.fingerprint));
            ctx.insert("summary", page.summary.as_deref());
            ctx.insert("draft", page.draft);
            let untranslated = index.localized.as_ref().is_some_and(|l| l.pages[p]);
            ctx.insert("original", site.original_if(untranslated));
            let description = page.summary.clone().or(site.page_bodies[p].first_paragraph.clone()).unwrap_or_default();
            image = super::lead::lead(site, &page.origin, &page.body);
            ("page.html", "page", page.title.clone(), description)
        }
        Job::Corrections => {
            corrections(site, &mut ctx);
            ("corrections.html", "corrections", say("page-title-corrections"), say("page-description-corrections"))
        }
        Job::Data => {
            data(site, &mut ctx);
            ("data.html", "data", say("page-title-data"), say("page-description-data"))
        }
        Job::Explorer => {
            super::explorer::context(site, &mut ctx);
            ("explorer.html", "explorer", say("page-title-explorer"), say("page-description-explorer"))
        }
        Job::Search => {
            ctx.insert("search", SearchView::new(site));
            ("search.html", "search", say("page-title-search"), say("page-description-search"))
        }
        Job::NotFound => ("404.html", "404", say("page-title-404"), String::new()),
        _ => ("404.html", "404", String::new(), String::new()),
    };
    let meta = PageMeta {
        title,
        description,
        url: site.urls.absolute(&path),
        path: site.urls.to(&path),
        rel: path.clone(),
        kind,
        og_type: "website",
        feed: page_feed,
        published: None,
        modified: None,
        pagination,
        image,
    };
    ctx.insert("page", meta);
    PageRender { file: format!("{}{}", site.urls.prefix(), super::jobs::file_for_path(path)), template, context: ctx }
}

/// `related`: another incident to read, and why.
#[derive(Serialize)]
struct RelatedView<'a> {
    row: Hashed<'a, tera::Value>,
    why: String,
}

/// The related briefings of briefing `id`, each with why, in the reader's words.
fn related<'a>(site: &'a Prepared<'a>, id: BriefingId) -> Vec<RelatedView<'a>> {
    use crate::index::related::Shared;
    let (index, words) = (site.index, site.words);
    index.related[id]
        .iter()
        .map(|r| {
            let why = if r.days == 0 {
                words.phrase("related-same-wave", &[("date", Value::Text(&words.date(&index.briefings[id].date)))])
            } else {
                let key = if r.days > 0 { "related-days-later" } else { "related-days-earlier" };
                let when = words.phrase(key, &[("n", Value::Number(u64::from(r.days.unsigned_abs())))]);
                let (key, name) = match &r.shared {
                    Shared::Group(g) => ("related-group", index.groups[*g].name.as_str()),
                    Shared::Place(place) => ("related-place", place.as_str()),
                    Shared::Region(t) => ("related-region", index.terms[*t].name.as_str()),
                };
                words.phrase(key, &[("name", Value::Text(name)), ("when", Value::Text(&when))])
            };
            RelatedView { row: site.row(r.id), why }
        })
        .collect()
}

/// What briefing `id`'s related briefings are made of: each other
/// incident's row and what it shares, and the briefing's date.
fn related_inputs(site: &Prepared<'_>, id: BriefingId) -> u64 {
    use crate::index::related::Shared;
    use std::hash::{Hash, Hasher};
    let index = site.index;
    let mut h = super::fingerprint::hasher();
    index.briefings[id].date.hash(&mut h);
    for r in &index.related[id] {
        (r.id, r.days, site.incidents[r.id].row_fingerprint).hash(&mut h);
        match &r.shared {
            Shared::Group(g) => (0u8, &index.groups[*g].name).hash(&mut h),
            Shared::Place(place) => (1u8, place).hash(&mut h),
            Shared::Region(t) => (2u8, &index.terms[*t].name).hash(&mut h),
        }
    }
    h.finish()
}

/// The context of briefing `id`'s page, at `path`. There are as many of
/// these as briefings, and a live preview takes every page's fingerprint on
/// every edit: each part is given by what it is made of and made only if
/// the page is rendered.
fn briefing<'a>(site: &'a Prepared<'a>, id: BriefingId, path: String, mut ctx: PageContext<'a>) -> PageRender<'a> {
    let (index, incident) = (site.index, &site.incidents[id]);
    let fp = incident.detail_fingerprint;
    let parts = std::sync::Arc::new(OwnParts { site, id, made: std::sync::OnceLock::new() });
    let (p, q, r) = (parts.clone(), parts.clone(), parts);
    ctx.insert("briefing", Lazy::new(fp, move |_| p.get().0.clone()));
    ctx.insert("json_ld", Lazy::new(fp, move |_| q.get().1.clone()));
    ctx.insert("map_svg", Lazy::new(fp, move |_| r.get().2.clone()));
    let body = &site.briefing_bodies[id];
    ctx.insert("body_html", Hashed::new(body.html.as_str(), body.fingerprint));
    ctx.insert("previous", index.previous(id).map(|p| site.row(p)));
    ctx.insert("next", index.next(id).map(|n| site.row(n)));
    ctx.insert("related", Lazy::new(related_inputs(site, id), move |_| related(site, id)));
    ctx.insert("original", site.original_if(index.original_language(id).is_some()));
    let b = &index.briefings[id];
    let publication = &index.publication[id];
    let file = format!("{}{}", site.urls.prefix(), urls::file_for(&path));
    // The title, summary and address are the row's: its fingerprint stands for them.
    let image = super::lead::lead(site, &b.origin, &b.body);
    let pictured = image.as_ref().map(|l| super::fingerprint::of_hash(&(l.key, &l.html)));
    let inputs = (incident.row_fingerprint, path, super::fingerprint::of_hash(&(publication, pictured)));
    let meta = move |(_, path, _): &(u64, String, u64)| PageMeta {
        title: b.title.clone(),
        description: incident.row.summary.clone(),
        url: site.urls.absolute(path),
        path: site.urls.to(path),
        rel: path.clone(),
        kind: "briefing",
        og_type: "article",
        feed: None,
        published: publication.published.map(|d| d.to_string()),
        modified: publication.changed.map(|d| d.to_string()),
        pagination: None,
        image: image.clone(),
    };
    ctx.insert("page", Lazy::new(inputs, meta));
    PageRender { file, template: "briefing.html", context: ctx }
}

/// A briefing page's own parts (its detail, schema.org data and map as
/// SVG), made once, when the page is rendered.
struct OwnParts<'a> {
    site: &'a Prepared<'a>,
    id: BriefingId,
    made: std::sync::OnceLock<(tera::Value, String, String)>,
}

impl OwnParts<'_> {
    fn get(&self) -> &(tera::Value, String, String) {
        self.made.get_or_init(|| {
            let (site, incident) = (self.site, &self.site.incidents[self.id]);
            let PageParts { detail, json_ld, map } =
                PageParts::of(site.index, self.id, &incident.row, &incident.value, &site.urls, site.words, site.config);
            let map_svg = map.map(|m| m.draw(site.world, site.words, site.index).html).unwrap_or_default();
            let detail = tera::Value::try_from_serializable(&detail).unwrap_or_else(|_| tera::Value::none());
            (detail, json_ld, map_svg)
        })
    }
}

fn home<'a>(site: &'a Prepared<'a>, ctx: &mut PageContext<'a>) {
    let index = site.index;
    let latest = index.latest(index.newest_first(), HOME_LATEST);
    let latest: Vec<Hashed<'a, tera::Value>> = latest.iter().map(|&id| site.row(id)).collect();
    ctx.insert("latest", latest);
    ctx.insert("totals", TotalsView::new(site.words, &index.totals, index.developments));
    let mut countries: Vec<(usize, CountryCard)> = (0..index.countries.len())
        .map(|c| (index.countries[c].totals.incidents + index.countries[c].developments, country_card(site, c)))
        .collect();
    countries.retain(|(n, _)| *n > 0);
    // Most incidents of violence first.
    countries.sort_by_key(|c| std::cmp::Reverse(c.1.incidents));
    ctx.insert("countries", countries.into_iter().map(|(_, c)| c).collect::<Vec<_>>());
    let mut groups: Vec<GroupId> =
        (0..index.groups.len()).filter(|&g| index.groups[g].perpetrator_totals.incidents > 0).collect();
    groups.sort_by(|&a, &b| {
        let (ga, gb) = (&index.groups[a], &index.groups[b]);
        gb.perpetrator_totals.incidents.cmp(&ga.perpetrator_totals.incidents).then(ga.name.cmp(&gb.name))
    });
    groups.truncate(8);
    ctx.insert("groups", groups.iter().map(|&g| group_card(site, g)).collect::<Vec<_>>());
    ctx.insert("years", year_links(site));
    let all: Vec<BriefingId> = (0..index.briefings.len()).collect();
    let subject = site.words.phrase("subject-all-incidents", &[]);
    insert_overview(site, ctx, all, &subject, Vec::new(), false);
}

#[derive(Serialize)]
struct MonthView<'a> {
    /// `September 2024`, or the words for a month not known.
    name: String,
    /// `2024-09`, or `2024` for a month not known.
    iso: String,
    /// The month is not known.
    unknown: bool,
    incidents: Vec<Hashed<'a, tera::Value>>,
}

/// A year of the chronology, without its incidents.
#[derive(Serialize)]
struct YearSummary {
    year: i16,
    url: String,
    totals: TotalsView,
}

fn year_summary<'a>(site: &'a Prepared<'a>, y: usize) -> Hashed<'a, tera::Value> {
    let memo = site.shared.years[y].get_or_init(|| {
        let year = &site.index.years[y];
        site.values.memo(&YearSummary {
            year: year.year,
            url: site.urls.to(&urls::year(year.year)),
            totals: TotalsView::new(site.words, &year.totals, year.developments),
        })
    });
    memo.hashed()
}

/// Page `page` (from 0) of the incidents of `months` (each with its year,
/// newest first), under the heading of their month.
fn month_views<'a, 'm>(
    site: &'a Prepared<'_>,
    months: impl Iterator<Item = (i16, &'m crate::index::Month)>,
    page: usize,
) -> Vec<MonthView<'a>> {
    let start = page * PER_PAGE;
    let mut seen = 0;
    let mut views = Vec::new();
    for (year, m) in months {
        let (from, to) = (start.saturating_sub(seen), (start + PER_PAGE).saturating_sub(seen));
        seen += m.incidents.len();
        let shown = &m.incidents[from.min(m.incidents.len())..to.min(m.incidents.len())];
        if shown.is_empty() {
            if seen >= start + PER_PAGE {
                break;
            }
            continue;
        }
        views.push(MonthView {
            name: match m.month {
                Some(month) => site.words.month(year, month),
                None => site.words.phrase("month-not-known", &[("year", Value::Text(&year.to_string()))]),
            },
            iso: match m.month {
                Some(month) => format!("{year:04}-{month:02}"),
                None => format!("{year:04}"),
            },
            unknown: m.month.is_none(),
            incidents: shown.iter().map(|&b| site.row(b)).collect(),
        });
    }
    views
}

#[derive(Serialize)]
struct YearLink {
    year: i16,
    url: String,
    incidents: usize,
}

fn year_links<'a>(site: &'a Prepared<'a>) -> Hashed<'a, tera::Value> {
    let memo = site.shared.year_links.get_or_init(|| {
        let links: Vec<YearLink> = site
            .index
            .years
            .iter()
            .map(|y| YearLink { year: y.year, url: site.urls.to(&urls::year(y.year)), incidents: y.totals.incidents })
            .collect();
        site.values.memo(&links)
    });
    memo.hashed()
}

fn corrections<'a>(site: &'a Prepared<'a>, ctx: &mut PageContext<'a>) {
    let index = site.index;
    let list: Vec<CorrectionView> = index
        .corrections
        .iter()
        .map(|&(bid, i)| {
            let b = &index.briefings[bid];
            let c = &b.corrections[i];
            CorrectionView {
                date: site.words.day(c.date),
                date_iso: c.date.to_string(),
                note: c.note.clone(),
                briefing: Some(Link { name: b.title.clone(), url: site.urls.to(&urls::briefing(&b.slug)) }),
                lang: index.original_language(bid).map(str::to_string),
            }
        })
        .collect();
    ctx.insert("corrections", list);
}

/// A download on the data page.
#[derive(Serialize)]
struct Download {
    title: String,
    url: String,
    format: &'static str,
    description: String,
}

fn data<'a>(site: &'a Prepared<'a>, ctx: &mut PageContext<'a>) {
    let file = |name: &str| site.urls.shared(&format!("{}{name}", urls::data()));
    let words = site.words;
    let downloads: Vec<Download> = DOWNLOADS
        .iter()
        .map(|(name, format)| {
            let (title, description) = data::download_keys(name);
            Download {
                title: words.phrase(&title, &[]),
                url: file(name),
                format,
                description: words.phrase(&description, &[]),
            }
        })
        .collect();
    ctx.insert("downloads", downloads);
    let described = |name: &&str, key: String| (name.to_string(), words.phrase(&key, &[]));
    let csv_columns: Vec<(String, String)> = CSV_COLUMNS.iter().map(|c| described(c, data::csv_key(c))).collect();
    let json_fields: Vec<(String, String)> = JSON_FIELDS.iter().map(|f| described(f, data::json_key(f))).collect();
    ctx.insert("csv_columns", csv_columns);
    ctx.insert("json_fields", json_fields);
    ctx.insert("totals", TotalsView::new(site.words, &site.index.totals, site.index.developments));
    let group_files: Vec<Link> = site
        .index
        .groups
        .iter()
        .map(|g| Link {
            name: g.name.clone(),
            url: site.urls.shared(&format!("{}incidents.json", urls::group(&g.slug))),
        })
        .collect();
    let country_files: Vec<Link> = site
        .index
        .countries
        .iter()
        .map(|c| Link {
            name: c.name.clone(),
            url: site.urls.shared(&format!("{}incidents.json", urls::country(&c.slug))),
        })
        .collect();
    ctx.insert("group_files", group_files);
    ctx.insert("country_files", country_files);
}

/// The overview of the incidents among `ids` (in id order): `map_svg` (framed
/// on `focus`, ISO codes, or on their countries; `live`: for a script to
/// redraw its circles) with `map_places` (the lists its clusters lead to),
/// `chart_svg` (per month) and the chart's numbers, `months` and
/// `months_undated`. The incidents are gathered by place and by month at
/// once; the page's fingerprint takes what the map and chart take from them
/// (see [`super::places::Gathered::feed`]), and both are drawn only when the
/// page is rendered. An edit the map and chart do not show redraws neither.
pub(super) fn insert_overview<'a>(
    site: &'a Prepared<'a>,
    ctx: &mut PageContext<'a>,
    ids: Vec<BriefingId>,
    subject: &str,
    focus: Vec<String>,
    live: bool,
) {
    let gathering = site.overviews.gathering(site, &ids);
    let mut h = super::fingerprint::hasher();
    (subject, &focus, live, &gathering.months, gathering.undated).hash(&mut h);
    gathering.places.feed(&mut h, &site.incidents);
    // Country names a profile gives (the others are the language's).
    site.index.countries.iter().for_each(|c| (c.code, &c.name).hash(&mut h));
    let inputs = h.finish();
    let overview = std::sync::Arc::new(Overview {
        site,
        gathering,
        subject: subject.to_string(),
        focus,
        live,
        drawn: std::sync::OnceLock::new(),
    });
    let o = overview.clone();
    ctx.insert("map_svg", Lazy::new(inputs, move |_| o.drawn().map_svg.clone()));
    let o = overview.clone();
    ctx.insert("chart_svg", Lazy::new(inputs, move |_| o.drawn().chart_svg.clone()));
    let o = overview.clone();
    ctx.insert("map_places", Lazy::new(inputs, move |_| o.drawn().map_places.clone()));
    let o = overview.clone();
    ctx.insert("months", Lazy::new(inputs, move |_| o.gathering.months.clone()));
    ctx.insert("months_undated", overview.gathering.undated);
}

/// The map and chart of some incidents, drawn once, when a page shows them.
struct Overview<'a> {
    site: &'a Prepared<'a>,
    /// The incidents by place and by month.
    gathering: std::sync::Arc<super::overviews::Gathering>,
    subject: String,
    focus: Vec<String>,
    /// The page's script redraws the map's circles (see [`super::map::MapOptions::live`]).
    live: bool,
    drawn: std::sync::OnceLock<Drawn>,
}

/// The incidents a cluster on a map leads to, listed below it.
#[derive(Clone, Serialize)]
struct MapPlaces {
    /// Its id on the page, which the cluster's count links to.
    anchor: String,
    /// The places' names: `Bamako, Kati`.
    places: String,
    /// How many incidents there.
    incidents: usize,
    /// The newest of them, as rows.
    briefings: Vec<tera::Value>,
    /// How many more are not listed.
    more: usize,
}

/// An overview, drawn.
struct Drawn {
    map_svg: String,
    /// The lists the map's clusters lead to.
    map_places: Vec<MapPlaces>,
    chart_svg: String,
}

impl Overview<'_> {
    fn drawn(&self) -> &Drawn {
        self.drawn.get_or_init(|| {
            let site = self.site;
            let (map, chart_svg) = rayon::join(
                || {
                    let mut map =
                        super::places::incidents_map(site, &self.gathering.places, &self.subject, &self.focus);
                    map.options.live = self.live;
                    map.draw(site.world, site.words, site.index)
                },
                || super::charts::monthly_svg("chart", &self.subject, &self.gathering.months, site.words),
            );
            let map_places = map
                .clusters
                .iter()
                .map(|c| MapPlaces {
                    anchor: c.anchor.clone(),
                    places: c.places.join(", "),
                    incidents: c.incidents,
                    briefings: c.newest.iter().map(|&id| site.incidents[id].value.clone()).collect(),
                    more: c.incidents.saturating_sub(c.newest.len()),
                })
                .collect();
            Drawn { map_svg: map.html, map_places, chart_svg }
        })
    }
}
