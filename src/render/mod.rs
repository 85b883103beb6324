//! Render stage: the index through the theme's Tera templates into pages.
//!
//! Input: `SiteIndex`, `Config`, `Theme`. Output: every page and static file,
//! in memory. Templates are compiled once (`Renderer`); Markdown bodies are
//! rendered once each and kept in a `BodyCache`; each incident's row, JSON,
//! CSV line and map points are built once, shared by every page and file that
//! shows them, and kept in an `IncidentCache` (a live preview rebuilds only
//! what changed); pages are rendered in parallel. Template problems become diagnostics
//! naming the template, its line and the page being rendered. Nothing is
//! written here.

pub mod bodies;
pub mod borders;
pub mod charts;
pub mod data;
pub mod feeds;
pub mod files;
pub mod incidents;
pub mod jobs;
pub mod map;
pub mod pages;
pub mod places;
pub mod profiles;
pub mod record;
pub mod structured;
pub mod views;
pub mod words;

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use jiff::civil::Date;
use rayon::prelude::*;
use serde::Serialize;
use tera::Tera;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics, Span};
use crate::index::SiteIndex;
use crate::markdown::{MarkdownOptions, Rendered};
use crate::theme::Theme;
use crate::timings::Timings;

pub use bodies::BodyCache;
pub use incidents::{Incident, IncidentCache};
pub use jobs::Job;
pub use words::Words;

/// Turns page paths into addresses under the site's base URL.
#[derive(Debug, Clone)]
pub struct Urls {
    base_path: String,
    base_url: String,
}

impl Urls {
    /// Addresses for a site at `base_url` (ending with `/`).
    pub fn new(config: &Config) -> Urls {
        Urls { base_path: config.base_path(), base_url: config.base_url.clone() }
    }

    /// Root-relative address: `/sahel/briefings/x/`.
    pub fn to(&self, path: &str) -> String {
        format!("{}{path}", self.base_path)
    }

    /// Absolute address: `https://example.org/sahel/briefings/x/`.
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }
}

/// Everything the page builders share: the index, rendered bodies, rows.
pub struct Prepared<'a> {
    /// The index.
    pub index: &'a SiteIndex,
    /// Settings.
    pub config: &'a Config,
    /// Address builder.
    pub urls: Urls,
    /// Every incident, by briefing id.
    pub incidents: Vec<Arc<Incident>>,
    /// Rendered bodies of briefings, by id.
    pub briefing_bodies: Vec<Arc<Rendered>>,
    /// Rendered bodies of group profiles, by group id.
    pub group_bodies: Vec<Option<Arc<Rendered>>>,
    /// Rendered bodies of country profiles, by country id.
    pub country_bodies: Vec<Option<Arc<Rendered>>>,
    /// Rendered bodies of free pages.
    pub page_bodies: Vec<Arc<Rendered>>,
    /// Country outlines for maps, when the theme has them.
    pub world: Option<&'a map::WorldMap>,
    /// The words of the site's language.
    pub words: &'a Words,
}

/// Where rendered files go, as they are rendered (from several threads).
pub type Sink<'a> = &'a (dyn Fn(String, Vec<u8>) + Sync);

/// Renders the whole site in one go (a build), handing each file to `sink`
/// as soon as it is rendered. `today` tells scheduled briefings (shown in
/// previews) apart.
pub fn render(
    index: &SiteIndex,
    config: &Config,
    theme: &Theme,
    today: Date,
    timings: &mut Timings,
    sink: Sink<'_>,
    diags: &mut Diagnostics,
) {
    let Some(renderer) = Renderer::new(theme.clone(), config, index, diags) else {
        return;
    };
    timings.lap("templates");
    let prepared = prepare(index, config, today, &mut Caches::default(), None, &renderer, diags);
    timings.lap("markdown and rows");
    let all = jobs::jobs(index);
    renderer.render_pages_into(&prepared, &all, sink, diags);
    let pages: HashSet<String> = all.iter().map(|j| jobs::file_of(j, index)).collect();
    for (name, bytes) in renderer.static_files(&pages, diags) {
        sink(name, bytes);
    }
    timings.lap("pages");
}

/// Compiled templates of a theme, with the site-wide `site` value.
pub struct Renderer {
    tera: Tera,
    theme: Theme,
    world: Option<map::WorldMap>,
    words: Words,
}

/// Site-wide values every template sees as `site`.
#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    language: &'a str,
    base_url: &'a str,
    base_path: String,
    home_url: String,
    chronology_url: String,
    groups_url: String,
    countries_url: String,
    corrections_url: String,
    stylesheet_url: String,
    feed_url: String,
    data_url: String,
    explorer_url: String,
    pages: Vec<views::Link>,
    generator: &'static str,
}

impl Renderer {
    /// Compiles `theme`'s templates; `None` (with a diagnostic) when one does not compile.
    pub fn new(theme: Theme, config: &Config, index: &SiteIndex, diags: &mut Diagnostics) -> Option<Renderer> {
        let words = Words::load(&theme, &config.language, diags)?;
        let mut tera = Tera::new();
        if let Err(e) = tera.add_raw_templates(theme.templates.iter().map(|(n, t)| (n.as_str(), t.as_str()))) {
            diags.push(template_error(&e, &theme, ""));
            return None;
        }
        let world = match theme.data("world.json").map(map::WorldMap::parse) {
            Some(Ok(world)) => Some(world),
            Some(Err(e)) => {
                diags.push(
                    Diagnostic::error(
                        "bad-theme-data",
                        theme.origin.join("data/world.json"),
                        format!("cannot read the map outlines: {e}"),
                    )
                    .hint("regenerate it with tools/map/convert.mjs, or remove it to build without maps"),
                );
                return None;
            }
            None => None,
        };
        let mut renderer = Renderer { tera, theme, world, words };
        renderer.set_site(config, index);
        Some(renderer)
    }

    /// Updates the site-wide values (title, base URL, the free pages in the navigation).
    pub fn set_site(&mut self, config: &Config, index: &SiteIndex) {
        let urls = Urls::new(config);
        let site = SiteView {
            title: &config.title,
            description: config.description.as_deref().unwrap_or(""),
            language: &config.language,
            base_url: &config.base_url,
            base_path: config.base_path(),
            home_url: urls.to(&crate::urls::home()),
            chronology_url: urls.to(&crate::urls::chronology()),
            groups_url: urls.to(&crate::urls::groups()),
            countries_url: urls.to(&crate::urls::countries()),
            corrections_url: urls.to(&crate::urls::corrections()),
            stylesheet_url: urls.to("style.css"),
            feed_url: urls.to("atom.xml"),
            data_url: urls.to(&crate::urls::data()),
            explorer_url: urls.to(&crate::urls::explorer()),
            pages: index
                .pages
                .iter()
                .map(|p| views::Link { name: p.title.clone(), url: urls.to(&crate::urls::page(&p.slug)) })
                .collect(),
            generator: concat!("sitrep ", env!("CARGO_PKG_VERSION")),
        };
        self.tera.global_context().insert("site", &site);
    }

    /// Renders `jobs` in parallel, handing each file to `sink`; a template
    /// problem is reported once per template and message, not once per page.
    pub fn render_pages_into(&self, prepared: &Prepared<'_>, jobs: &[Job], sink: Sink<'_>, diags: &mut Diagnostics) {
        let problems: Mutex<Vec<Diagnostic>> = Mutex::new(Vec::new());
        jobs.par_iter().for_each(|job| {
            if !job.is_page() {
                sink(jobs::file_of(job, prepared.index), files::build(job, prepared));
                return;
            }
            let page = pages::build(job, prepared);
            let mut html = Vec::with_capacity(16 * 1024);
            match self.tera.render_to(page.template, &page.context, &mut html) {
                Ok(()) => sink(page.file, html),
                Err(e) => {
                    problems.lock().unwrap_or_else(|e| e.into_inner()).push(template_error(&e, &self.theme, &page.file))
                }
            }
        });
        let mut reported = HashSet::new();
        let mut problems = problems.into_inner().unwrap_or_else(|e| e.into_inner());
        problems.sort_by(|a, b| a.message.cmp(&b.message));
        for d in problems {
            let key = (d.path.clone(), d.span, d.message.split(" (rendering ").next().map(str::to_string));
            if reported.insert(key) {
                diags.push(d);
            }
        }
    }

    /// Renders `jobs` in parallel; returns (output file, bytes) for each that rendered.
    pub fn render_pages(
        &self,
        prepared: &Prepared<'_>,
        jobs: &[Job],
        diags: &mut Diagnostics,
    ) -> Vec<(String, Vec<u8>)> {
        let files: Mutex<Vec<(String, Vec<u8>)>> = Mutex::new(Vec::with_capacity(jobs.len()));
        self.render_pages_into(
            prepared,
            jobs,
            &|file, bytes| files.lock().unwrap_or_else(|e| e.into_inner()).push((file, bytes)),
            diags,
        );
        files.into_inner().unwrap_or_else(|e| e.into_inner())
    }

    /// The theme's static files, copied to the output root; one that would
    /// take the place of a page (`pages`: their files) is an error.
    pub fn static_files(&self, pages: &HashSet<String>, diags: &mut Diagnostics) -> Vec<(String, Vec<u8>)> {
        let mut out = Vec::new();
        for (name, bytes) in &self.theme.static_files {
            if pages.contains(name) {
                diags.push(
                    Diagnostic::error(
                        "static-clash",
                        self.theme.origin.join("static").join(name),
                        format!("static file `{name}` would overwrite a page"),
                    )
                    .hint("rename or move the static file"),
                );
            } else {
                out.push((name.clone(), bytes.clone()));
            }
        }
        out
    }

    /// True when `path` is one of the theme's static files.
    pub fn is_static(&self, path: &str) -> bool {
        self.theme.static_files.iter().any(|(n, _)| n == path)
    }

    /// The country outlines maps are drawn on, if the theme has them.
    pub fn world(&self) -> Option<&map::WorldMap> {
        self.world.as_ref()
    }

    /// The words of the site's language.
    pub fn words(&self) -> &Words {
        &self.words
    }

    /// The theme this renderer was compiled from.
    pub fn theme(&self) -> &Theme {
        &self.theme
    }
}

/// What a live preview keeps between rebuilds: rendered bodies and incidents.
#[derive(Default)]
pub struct Caches {
    /// Rendered Markdown bodies.
    pub bodies: BodyCache,
    /// Incidents in every form they are shown.
    pub incidents: IncidentCache,
}

/// Renders the Markdown bodies and builds the incidents, in parallel,
/// reusing from `caches` what did not change. `changed`, when known, lists
/// the only briefings that differ from the last call's index (same files,
/// same link targets): nothing else is looked at.
pub fn prepare<'a>(
    index: &'a SiteIndex,
    config: &'a Config,
    today: Date,
    caches: &mut Caches,
    changed: Option<&[crate::index::BriefingId]>,
    renderer: &'a Renderer,
    diags: &mut Diagnostics,
) -> Prepared<'a> {
    let urls = Urls::new(config);
    let words = renderer.words();
    let options = MarkdownOptions { base_path: config.base_path(), unsafe_html: config.unsafe_html };
    let (bodies, incidents) = match changed {
        Some(changed) => {
            let bodies = caches.bodies.render_changed(index, changed, &options, diags);
            let incidents = caches.incidents.build_changed(index, changed, &bodies.briefings, &urls, words, today);
            (bodies, incidents)
        }
        None => {
            let bodies = caches.bodies.render_all(index, &options, diags);
            let incidents = caches.incidents.build_all(index, &bodies.briefings, &urls, words, today);
            (bodies, incidents)
        }
    };
    if let Some(world) = renderer.world() {
        borders::check(index, world.borders(), diags);
    }
    Prepared {
        index,
        config,
        urls,
        incidents,
        briefing_bodies: bodies.briefings,
        group_bodies: bodies.groups,
        country_bodies: bodies.countries,
        page_bodies: bodies.pages,
        world: renderer.world(),
        words,
    }
}

fn template_error(e: &tera::Error, theme: &Theme, page: &str) -> Diagnostic {
    let rendering = if page.is_empty() { String::new() } else { format!(" (rendering {page})") };
    let hint = "fix the template; the page context is documented at the top of each template";
    match e.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            let span = report.span();
            let name = if report.filename().is_empty() { "?" } else { report.filename() };
            Diagnostic::error("template", theme.template_path(name), format!("{}{rendering}", report.message()))
                .at(Span::new(span.start_line.max(1), span.start_col + 1))
                .hint(hint)
        }
        other => {
            Diagnostic::error("template", theme.origin.join("templates"), format!("{other}{rendering}")).hint(hint)
        }
    }
}
