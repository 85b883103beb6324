//! Render stage: the index through the theme's Tera templates into an `Output`.
//!
//! Input: `SiteIndex`, `Config`, `Theme`. Output: every page and static file,
//! in memory. Markdown bodies are rendered once each (resolving `@/` links),
//! incident rows are built once and shared by every list, and pages are
//! rendered in parallel. Template problems become diagnostics naming the
//! template, its line and the page being rendered. Nothing is written here.

pub mod pages;
pub mod views;

use std::path::Path;

use jiff::civil::Date;
use rayon::prelude::*;
use serde::Serialize;
use tera::Tera;

use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics, Span};
use crate::index::SiteIndex;
use crate::markdown::{self, MarkdownOptions, Rendered};
use crate::output::Output;
use crate::theme::Theme;

use views::IncidentRow;

/// Turns page paths into addresses under the site's base URL.
#[derive(Debug, Clone)]
pub struct Urls {
    base_path: String,
    base_url: String,
}

impl Urls {
    /// Addresses for a site at `base_url` (ending with `/`).
    pub fn new(config: &Config) -> Urls {
        Urls {
            base_path: config.base_path(),
            base_url: config.base_url.clone(),
        }
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

/// Everything the page builders share.
pub struct Site<'a> {
    /// The index.
    pub index: &'a SiteIndex,
    /// Settings.
    pub config: &'a Config,
    /// Address builder.
    pub urls: Urls,
    /// One row per briefing, by id.
    pub rows: Vec<IncidentRow>,
    /// Rendered bodies of briefings, by id.
    pub briefing_bodies: Vec<Rendered>,
    /// Rendered bodies of group profiles, by group id.
    pub group_bodies: Vec<Option<Rendered>>,
    /// Rendered bodies of country profiles, by country id.
    pub country_bodies: Vec<Option<Rendered>>,
    /// Rendered bodies of free pages.
    pub page_bodies: Vec<Rendered>,
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
    pages: Vec<views::Link>,
    generator: &'static str,
}

/// Renders the whole site. `today` tells scheduled briefings (shown in previews) apart.
pub fn render(
    index: &SiteIndex,
    config: &Config,
    theme: &Theme,
    today: Date,
    diags: &mut Diagnostics,
) -> Output {
    let Some(tera) = load_templates(theme, config, index, diags) else {
        return Output::new();
    };
    let site = prepare(index, config, today, diags);
    let jobs = pages::jobs(index);
    let results: Vec<Result<(String, Vec<u8>), Diagnostic>> = jobs
        .par_iter()
        .map(|job| {
            let page = pages::build(job, &site);
            let mut html = Vec::with_capacity(16 * 1024);
            match tera.render_to(page.template, &page.context, &mut html) {
                Ok(()) => Ok((page.file, html)),
                Err(e) => Err(template_error(&e, theme, &page.file)),
            }
        })
        .collect();
    let mut output = Output::new();
    let mut failed_templates = std::collections::HashSet::new();
    for r in results {
        match r {
            Ok((file, html)) => {
                output.insert(file, html);
            }
            // One report per template and message, not one per page.
            Err(d) => {
                if failed_templates.insert((
                    d.path.clone(),
                    d.span,
                    d.message.split(" (rendering ").next().map(str::to_string),
                )) {
                    diags.push(d);
                }
            }
        }
    }
    for (name, bytes) in &theme.static_files {
        if output.get(name).is_some() {
            diags.push(
                Diagnostic::error(
                    "static-clash",
                    theme.origin.join("static").join(name),
                    format!("static file `{name}` would overwrite a page"),
                )
                .hint("rename or move the static file"),
            );
        } else {
            output.insert(name.clone(), bytes.clone());
        }
    }
    output
}

/// Markdown bodies and incident rows, built once, in parallel.
fn prepare<'a>(
    index: &'a SiteIndex,
    config: &'a Config,
    today: Date,
    diags: &mut Diagnostics,
) -> Site<'a> {
    let urls = Urls::new(config);
    let options = MarkdownOptions {
        base_path: config.base_path(),
        unsafe_html: config.unsafe_html,
    };
    let render_body = |body: &crate::model::Body, path: &Path| {
        let mut problems = Vec::new();
        let r = markdown::render(body, path, &index.links, &options, &mut problems);
        (r, problems)
    };
    let briefings: Vec<(Rendered, Vec<Diagnostic>)> = index
        .briefings
        .par_iter()
        .map(|b| render_body(&b.body, &b.origin.path))
        .collect();
    let groups: Vec<Option<(Rendered, Vec<Diagnostic>)>> = index
        .groups
        .par_iter()
        .map(|g| {
            g.profile
                .as_ref()
                .map(|p| render_body(&p.body, &p.origin.path))
        })
        .collect();
    let countries: Vec<Option<(Rendered, Vec<Diagnostic>)>> = index
        .countries
        .par_iter()
        .map(|c| {
            c.profile
                .as_ref()
                .map(|p| render_body(&p.body, &p.origin.path))
        })
        .collect();
    let pages: Vec<(Rendered, Vec<Diagnostic>)> = index
        .pages
        .par_iter()
        .map(|p| render_body(&p.body, &p.origin.path))
        .collect();

    let mut take = |(r, problems): (Rendered, Vec<Diagnostic>)| {
        problems.into_iter().for_each(|d| diags.push(d));
        r
    };
    let briefing_bodies: Vec<Rendered> = briefings.into_iter().map(&mut take).collect();
    let group_bodies = groups.into_iter().map(|o| o.map(&mut take)).collect();
    let country_bodies = countries.into_iter().map(|o| o.map(&mut take)).collect();
    let page_bodies = pages.into_iter().map(&mut take).collect();

    let rows = (0..index.briefings.len())
        .into_par_iter()
        .map(|id| {
            let b = &index.briefings[id];
            let summary = b
                .summary
                .as_deref()
                .or(briefing_bodies[id].first_paragraph.as_deref())
                .unwrap_or("");
            views::incident_row(index, id, summary, &urls, (b.draft, b.is_scheduled(today)))
        })
        .collect();
    Site {
        index,
        config,
        urls,
        rows,
        briefing_bodies,
        group_bodies,
        country_bodies,
        page_bodies,
    }
}

/// Compiles the theme's templates, with the site-wide `site` value.
fn load_templates(
    theme: &Theme,
    config: &Config,
    index: &SiteIndex,
    diags: &mut Diagnostics,
) -> Option<Tera> {
    let mut tera = Tera::new();
    if let Err(e) = tera.add_raw_templates(
        theme
            .templates
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str())),
    ) {
        diags.push(template_error(&e, theme, ""));
        return None;
    }
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
        pages: index
            .pages
            .iter()
            .map(|p| views::Link {
                name: p.title.clone(),
                url: urls.to(&crate::urls::page(&p.slug)),
            })
            .collect(),
        generator: concat!("sitrep ", env!("CARGO_PKG_VERSION")),
    };
    tera.global_context().insert("site", &site);
    Some(tera)
}

fn template_error(e: &tera::Error, theme: &Theme, page: &str) -> Diagnostic {
    let rendering = if page.is_empty() {
        String::new()
    } else {
        format!(" (rendering {page})")
    };
    match e.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            let span = report.span();
            let name = if report.filename().is_empty() {
                "?"
            } else {
                report.filename()
            };
            Diagnostic::error(
                "template",
                theme.template_path(name),
                format!("{}{rendering}", report.message()),
            )
            .at(Span::new(span.start_line.max(1), span.start_col + 1))
            .hint("fix the template; the page context is documented at the top of each template")
        }
        other => Diagnostic::error(
            "template",
            theme.origin.join("templates"),
            format!("{other}{rendering}"),
        )
        .hint("fix the template; the page context is documented at the top of each template"),
    }
}
