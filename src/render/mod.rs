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
pub mod explorer;
pub mod feeds;
pub mod files;
pub mod fingerprint;
pub mod incidents;
pub mod jobs;
mod kept;
pub mod labels;
pub mod lead;
pub mod map;
pub mod overviews;
pub mod pages;
pub mod pagination;
pub mod places;
pub mod profiles;
pub mod record;
pub mod search;
pub mod shared;
pub mod structured;
pub mod terms;
pub mod views;
pub mod words;

use foldhash::HashSet;
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

/// Turns page paths into addresses under the site's base URL, in one
/// language: the main one at the root, every other under `<code>/`.
#[derive(Debug, Clone)]
pub struct Urls {
    base_path: String,
    base_url: String,
    /// `""` for the main language, `fr/` for French.
    prefix: String,
}

impl Urls {
    /// Addresses of the main language of a site at `base_url` (ending with `/`).
    pub fn new(config: &Config) -> Urls {
        Urls { base_path: config.base_path(), base_url: config.base_url.clone(), prefix: String::new() }
    }

    /// Addresses of the `language`th language of `config` (0: the main one).
    pub fn of_language(config: &Config, language: usize) -> Urls {
        let prefix = match language {
            0 => String::new(),
            n => format!("{}/", config.languages[n].code),
        };
        Urls { prefix, ..Urls::new(config) }
    }

    /// Root-relative address in this language: `/sahel/fr/briefings/x/`.
    pub fn to(&self, path: &str) -> String {
        format!("{}{}{path}", self.base_path, self.prefix)
    }

    /// Absolute address in this language: `https://example.org/sahel/fr/briefings/x/`.
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{}{path}", self.base_url, self.prefix)
    }

    /// Root-relative address of a file every language shares (stylesheet,
    /// data downloads): `/sahel/data/incidents.csv`.
    pub fn shared(&self, path: &str) -> String {
        format!("{}{path}", self.base_path)
    }

    /// Absolute address of a file every language shares: `https://example.org/sahel/pictures/a-480.jpg`.
    pub fn shared_absolute(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    /// The folder of this language's pages in the output: `""` or `fr/`.
    pub fn prefix(&self) -> &str {
        &self.prefix
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
    /// The words of this language.
    pub words: &'a Words,
    /// What many pages share, made once, on first use.
    pub shared: shared::Shared,
    /// Every file of the site in this language.
    pub jobs: Vec<jobs::Job>,
    /// The position of this language in the site's languages (0: the main one).
    pub language: usize,
    /// Gatherings of incidents kept between rebuilds.
    pub overviews: Arc<overviews::OverviewCache>,
    /// Shared parts as template values, kept between rebuilds.
    pub values: Arc<shared::ValueCache>,
    /// The language originals are written in, for what has no translation
    /// into this one (none for the main language).
    pub original: Option<views::OriginalLanguage>,
}

impl<'a> Prepared<'a> {
    /// The original language, when `untranslated` (an item shown as written
    /// in a language other than the page's).
    pub fn original_if(&self, untranslated: bool) -> Option<&views::OriginalLanguage> {
        self.original.as_ref().filter(|_| untranslated)
    }

    /// The output file of `job` in this language: `fr/briefings/x/index.html`.
    pub fn file_of(&self, job: &Job) -> String {
        format!("{}{}", self.urls.prefix(), jobs::file_of(job, self.index))
    }

    /// Incident `id`'s row, with its fingerprint, as lists show it.
    pub fn row(&'a self, id: crate::index::BriefingId) -> fingerprint::Hashed<'a, tera::Value> {
        let incident = &self.incidents[id];
        fingerprint::Hashed::new(&incident.value, incident.row_fingerprint)
    }
}

/// Where rendered files go, as they are rendered (from several threads).
pub type Sink<'a> = &'a (dyn Fn(String, Made) + Sync);

/// A file of the site as the render stage hands it on.
#[derive(Debug)]
pub enum Made {
    /// Bytes just made.
    Bytes(Vec<u8>),
    /// A picture kept in the picture cache, published as it is (never read
    /// into memory by a build: a site's pictures can outweigh its pages).
    Kept(std::path::PathBuf),
}

impl From<&crate::pictures::Stored> for Made {
    fn from(stored: &crate::pictures::Stored) -> Made {
        match stored {
            crate::pictures::Stored::Memory(bytes) => Made::Bytes(bytes.to_vec()),
            crate::pictures::Stored::Cached(path) => Made::Kept(path.clone()),
        }
    }
}

impl From<Made> for crate::output::Packed {
    /// Kept in memory, or, for a kept picture, read from the cache when served.
    fn from(made: Made) -> Self {
        match made {
            Made::Bytes(bytes) => crate::output::Packed::new(bytes),
            Made::Kept(path) => crate::output::Packed::File(path),
        }
    }
}

/// Renders the whole site in one go (a build), every language, handing
/// each file to `sink` as soon as it is rendered. `today` tells scheduled
/// briefings (shown in previews) apart.
pub fn render(
    index: &SiteIndex,
    config: &Config,
    theme: &Theme,
    today: Date,
    timings: &mut Timings,
    sink: Sink<'_>,
    diags: &mut Diagnostics,
) {
    let Some(mut renderer) = Renderer::new(theme.clone(), config, diags) else {
        return;
    };
    timings.lap("templates");
    let mut pages: HashSet<String> = HashSet::default();
    let mut shown: HashSet<String> = HashSet::default();
    // Each language's search index is made on a thread of its own while the
    // pages are rendered (its records are read on rayon's pool, shared with
    // the pages).
    let mut indexers = Vec::new();
    // One language at a time, each made from the main index just before it
    // is rendered and dropped after: two languages never sit in memory at once.
    for language in 0..config.languages.len() {
        let index = language_index(index, config, language);
        renderer.set_site(config, language, &index);
        let prepared = prepare(&index, config, language, today, &mut Caches::default(), &renderer, diags);
        let findable = search::records(&search::Sources::of(&prepared));
        indexers.push(std::thread::spawn(move || crate::search::bundle_of(findable.iter())));
        timings.lap("markdown and rows");
        renderer.render_into(&prepared, &prepared.jobs, sink, diags);
        pages.extend(prepared.jobs.iter().map(|j| prepared.file_of(j)));
        shown.extend(prepared.shown_pictures().cloned());
        timings.lap("pages");
    }
    for (name, bytes) in renderer.static_files(|f| pages.contains(f), diags) {
        sink(name, Made::Bytes(bytes));
    }
    for (name, made) in picture_files(index, &shown) {
        sink(name, made);
    }
    timings.lap("static files and pictures");
    let stopped = || Err(crate::search::SearchError("the indexer stopped".into()));
    let bundles: Result<Vec<_>, _> = indexers.into_iter().map(|h| h.join().unwrap_or_else(|_| stopped())).collect();
    match bundles.and_then(crate::search::merge) {
        Ok(files) => files.into_iter().for_each(|(name, bytes)| sink(name, Made::Bytes(bytes))),
        Err(e) => diags.push(search_failed(&e)),
    }
    timings.lap("search (what the pages left)");
}

/// The pictures some page shows, by content path: the lead pictures of
/// `index` and the pictures in bodies, `shown` (gathered from each language).
pub fn picture_files(index: &SiteIndex, shown: &HashSet<String>) -> Vec<(String, Made)> {
    let leads = index.bodies().filter_map(|(origin, body)| {
        let (file, _) = body.pictures.lead.as_ref()?;
        index.pictures.beside(&origin.content_path, file)
    });
    let mut pictures: Vec<&Arc<crate::pictures::Picture>> =
        shown.iter().filter_map(|p| index.pictures.get(p)).chain(leads).collect();
    pictures.sort_by(|a, b| a.content_path.cmp(&b.content_path));
    pictures.dedup_by(|a, b| a.content_path == b.content_path);
    pictures.iter().flat_map(|p| p.files().map(|(name, stored)| (name, Made::from(stored)))).collect()
}

/// The error for a search index Pagefind could not make.
pub fn search_failed(e: &crate::search::SearchError) -> Diagnostic {
    Diagnostic::error("search-index", crate::search::BUNDLE_DIR, format!("cannot make the search index: {}", e.0))
        .hint("this is a bug in sitrep or Pagefind: please report it with the site that shows it")
}

impl Prepared<'_> {
    /// The pictures the bodies of this language show, by content path.
    pub fn shown_pictures(&self) -> impl Iterator<Item = &String> {
        self.briefing_bodies
            .iter()
            .chain(self.group_bodies.iter().flatten())
            .chain(self.country_bodies.iter().flatten())
            .chain(self.page_bodies.iter())
            .flat_map(|r| r.pictures.iter())
    }
}

/// The index of every language of the site, the main one first: the same
/// facts in each language's words (see `index::localize`).
pub fn languages<'a>(index: &'a SiteIndex, config: &Config) -> Vec<std::borrow::Cow<'a, SiteIndex>> {
    (0..config.languages.len()).map(|language| language_index(index, config, language)).collect()
}

/// The index of the `language`th language of the site, made from the main
/// language's `index` (itself, unless country names need translating).
pub fn language_index<'a>(index: &'a SiteIndex, config: &Config, language: usize) -> std::borrow::Cow<'a, SiteIndex> {
    use std::borrow::Cow;
    let main = &config.language;
    if language == 0 {
        return if main.starts_with("en") {
            Cow::Borrowed(index)
        } else {
            Cow::Owned(crate::index::localize::localize(index, main, main, None))
        };
    }
    let code = &config.languages[language].code;
    let fallback = crate::index::translations::Translated::default();
    let translated = index.translated.get(language - 1).filter(|t| &t.code == code).unwrap_or(&fallback);
    Cow::Owned(crate::index::localize::localize(index, main, code, Some(translated)))
}

/// Which files to render.
#[derive(Clone, Copy)]
pub enum Wanted<'a> {
    /// Every file (a build).
    Every,
    /// Those for which this says yes, given the file and its fingerprint
    /// (a rebuild: those whose fingerprint changed).
    Changed(&'a (dyn Fn(&str, u64) -> bool + Sync)),
}

/// One file of the site, with the fingerprint of what it is made of, and its
/// bytes (`B`: as rendered, or as the caller keeps them) when they were asked for.
pub struct Produced<B = Vec<u8>> {
    /// Output path: `briefings/x/index.html`.
    pub file: String,
    /// Fingerprint of its inputs, the theme and the settings.
    pub fingerprint: u64,
    /// Its bytes, when asked for and rendered without error.
    pub bytes: Option<B>,
}

/// Compiled templates of a theme, in every language of the site.
pub struct Renderer {
    theme: Theme,
    world: Option<map::WorldMap>,
    /// One per language of the site, the main one first.
    tongues: Vec<Tongue>,
    /// Fingerprint of the theme: templates, data, translations.
    theme_fingerprint: u64,
}

/// The templates and words of one language.
struct Tongue {
    /// The templates, whose `t()` gives this language's phrases and whose
    /// `site` is this language's.
    tera: Tera,
    words: std::sync::Arc<Words>,
    /// Fingerprint of the theme, the words and `site`: what every file of
    /// this language is made of besides its own inputs.
    fingerprint: u64,
}

/// Site-wide values every template sees as `site`.
#[derive(Serialize)]
struct SiteView<'a> {
    title: &'a str,
    description: &'a str,
    language: &'a str,
    base_url: String,
    base_path: String,
    home_url: String,
    chronology_url: String,
    groups_url: String,
    countries_url: String,
    corrections_url: String,
    stylesheet_url: String,
    /// Where the theme's static files are (shared by every language).
    static_path: String,
    feed_url: String,
    data_url: String,
    explorer_url: String,
    search_url: String,
    /// The indexes of tags, tactics and targets.
    term_indexes: Vec<views::Link>,
    pages: Vec<NavPage>,
    languages: Vec<LanguageView>,
    generator: &'static str,
}

/// A free page in the navigation.
#[derive(Serialize)]
struct NavPage {
    name: String,
    url: String,
    /// The language its title is written in, when not the page's.
    lang: Option<String>,
}

/// One language of the site, for the language switcher and `hreflang`.
#[derive(Serialize)]
struct LanguageView {
    /// Its code: `fr`.
    code: String,
    /// Its name in itself: `Français`.
    name: String,
    /// Its OpenGraph locale: `fr_FR`.
    locale: String,
    /// What its pages' root-relative addresses start with: `/sahel/fr/`.
    base_path: String,
    /// What its pages' absolute addresses start with.
    base_url: String,
    /// True for the language of the page being shown.
    current: bool,
}

impl Renderer {
    /// Compiles `theme`'s templates for every language of `config`; `None`
    /// (with diagnostics) when one does not compile or a language's table
    /// is missing or incomplete. Each language's `set_site` comes before
    /// its first page.
    pub fn new(theme: Theme, config: &Config, diags: &mut Diagnostics) -> Option<Renderer> {
        let mut words = Vec::new();
        for language in &config.languages {
            words.push(Words::load(&theme, &language.code, diags));
        }
        let mut tera = Tera::new();
        tera.register_function("t", |_: tera::Kwargs, _: &tera::State| Ok(tera::Value::from("")));
        if let Err(e) = tera.add_raw_templates(theme.templates.iter().map(|(n, t)| (n.as_str(), t.as_str()))) {
            diags.push(template_error(&e, &theme, ""));
            return None;
        }
        let words: Vec<Words> = words.into_iter().collect::<Option<_>>()?;
        let world = load_world(&theme, diags)?;
        let tongues = words
            .into_iter()
            .map(|words| {
                let words = std::sync::Arc::new(words);
                let mut tera = tera.clone();
                tera.register_function("t", Words::template_function(std::sync::Arc::clone(&words)));
                Tongue { tera, words, fingerprint: 0 }
            })
            .collect();
        let theme_fingerprint = fingerprint::of_hash(&(&theme.templates, &theme.data_files, &theme.translations));
        Some(Renderer { theme, world, tongues, theme_fingerprint })
    }

    /// Updates the site-wide values of the `language`th language (title,
    /// base URL, the free pages in the navigation) from `index`, that
    /// language's index.
    pub fn set_site(&mut self, config: &Config, language: usize, index: &SiteIndex) {
        let urls = Urls::of_language(config, language);
        let lang = &config.languages[language];
        let languages = config
            .languages
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let u = Urls::of_language(config, i);
                LanguageView {
                    code: l.code.clone(),
                    name: self.tongues[i].words.phrase("language-name", &[]),
                    locale: self.tongues[i].words.phrase("og-locale", &[]),
                    base_path: u.to(""),
                    base_url: u.absolute(""),
                    current: i == language,
                }
            })
            .collect();
        let site = SiteView {
            title: &lang.title,
            description: lang.description.as_deref().unwrap_or(""),
            language: &lang.code,
            base_url: urls.absolute(""),
            base_path: urls.to(""),
            home_url: urls.to(&crate::urls::home()),
            chronology_url: urls.to(&crate::urls::chronology()),
            groups_url: urls.to(&crate::urls::groups()),
            countries_url: urls.to(&crate::urls::countries()),
            corrections_url: urls.to(&crate::urls::corrections()),
            stylesheet_url: urls.shared("style.css"),
            static_path: urls.shared(""),
            feed_url: urls.to("atom.xml"),
            data_url: urls.to(&crate::urls::data()),
            explorer_url: urls.to(&crate::urls::explorer()),
            search_url: urls.to(&crate::urls::search()),
            term_indexes: crate::index::TermKind::LISTED
                .iter()
                .map(|k| views::Link {
                    name: self.tongues[language].words.phrase(&format!("terms-title-{}", k.as_str()), &[]),
                    url: urls.to(&crate::urls::terms(k.as_str())),
                })
                .collect(),
            pages: index
                .pages
                .iter()
                .enumerate()
                .map(|(i, p)| NavPage {
                    name: p.title.clone(),
                    url: urls.to(&crate::urls::page(&p.slug)),
                    lang: index.localized.as_ref().filter(|l| l.pages[i]).map(|l| l.original.clone()),
                })
                .collect(),
            languages,
            generator: concat!("sitrep ", env!("CARGO_PKG_VERSION")),
        };
        let tongue = &mut self.tongues[language];
        tongue.tera.global_context().insert("site", &site);
        tongue.tera.global_context().insert("w", &tongue.words.plain_words());
        tongue.fingerprint =
            fingerprint::of(&(self.theme_fingerprint, &site, format!("{config:?}"), tongue.words.fingerprint()));
    }

    /// Fingerprint of the theme, the words and the site-wide values of the
    /// `language`th language.
    pub fn fingerprint(&self, language: usize) -> u64 {
        self.tongues[language].fingerprint
    }

    /// `job`'s file: its fingerprint, and its bytes when `wanted` says so
    /// given the file and the fingerprint. A template problem is pushed to
    /// `problems` (the file then has no bytes).
    pub fn produce(
        &self,
        job: &Job,
        site: &Prepared<'_>,
        wanted: Wanted<'_>,
        problems: &Mutex<Vec<Diagnostic>>,
    ) -> Produced {
        let everything = matches!(wanted, Wanted::Every);
        let wanted = |file: &str, fingerprint: u64| match wanted {
            Wanted::Every => true,
            Wanted::Changed(stale) => stale(file, fingerprint),
        };
        use std::hash::{Hash, Hasher};
        let tongue = &self.tongues[site.language];
        let mut h = fingerprint::hasher();
        tongue.fingerprint.hash(&mut h);
        if !job.is_page() {
            let file = site.file_of(job);
            let inputs = files::inputs(job, site);
            fingerprint::feed(&mut h, &inputs);
            let fingerprint = h.finish();
            let bytes = wanted(&file, fingerprint).then(|| inputs.bytes());
            return Produced { file, fingerprint, bytes };
        }
        // Most pages of a live preview are unchanged: take the fingerprint
        // alone first, and build the context to render only when wanted.
        let page = pages::build(job, site, everything);
        (page.template, page.context.fingerprint()).hash(&mut h);
        let fingerprint = h.finish();
        if !wanted(&page.file, fingerprint) {
            return Produced { file: page.file, fingerprint, bytes: None };
        }
        let page = if everything { page } else { pages::build(job, site, true) };
        let mut html = Vec::with_capacity(16 * 1024);
        let bytes = match tongue.tera.render_to(page.template, &page.context.into_tera(), &mut html) {
            Ok(()) => Some(html),
            Err(e) => {
                problems.lock().unwrap_or_else(|e| e.into_inner()).push(template_error(&e, &self.theme, &page.file));
                None
            }
        };
        Produced { file: page.file, fingerprint, bytes }
    }

    /// Produces the jobs of every language of `sites` together, in parallel:
    /// each file's fingerprint, and the bytes of those `wanted` asks for, as
    /// `keep` keeps them. A template problem is reported once per template and
    /// message, not once per page.
    pub fn produce_all<B: Send>(
        &self,
        sites: &[Prepared<'_>],
        wanted: &(dyn Fn(&str, u64) -> bool + Sync),
        keep: &(dyn Fn(Vec<u8>) -> B + Sync),
        diags: &mut Diagnostics,
    ) -> Vec<Produced<B>> {
        let problems: Mutex<Vec<Diagnostic>> = Mutex::new(Vec::new());
        let work: Vec<(&Prepared<'_>, &Job)> =
            sites.iter().flat_map(|site| site.jobs.iter().map(move |job| (site, job))).collect();
        let produced = work
            .par_iter()
            .map(|&(site, job)| {
                let Produced { file, fingerprint, bytes } = self.produce(job, site, Wanted::Changed(wanted), &problems);
                Produced { file, fingerprint, bytes: bytes.map(keep) }
            })
            .collect();
        report_template_problems(problems, diags);
        produced
    }

    /// Renders every one of `jobs` in parallel, handing each file to `sink` as
    /// soon as it is made.
    pub fn render_into(&self, site: &Prepared<'_>, jobs: &[Job], sink: Sink<'_>, diags: &mut Diagnostics) {
        let problems: Mutex<Vec<Diagnostic>> = Mutex::new(Vec::new());
        jobs.par_iter().for_each(|job| {
            let produced = self.produce(job, site, Wanted::Every, &problems);
            if let Some(bytes) = produced.bytes {
                sink(produced.file, Made::Bytes(bytes));
            }
        });
        report_template_problems(problems, diags);
    }

    /// The theme's static files, copied to the output root; one that would
    /// take the place of a page (`pages`: their files) is an error.
    pub fn static_files(&self, is_page: impl Fn(&str) -> bool, diags: &mut Diagnostics) -> Vec<(String, Vec<u8>)> {
        let mut out = Vec::new();
        for (name, bytes) in &self.theme.static_files {
            if is_page(name) {
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

    /// The words of the `language`th language of the site.
    pub fn words(&self, language: usize) -> &Words {
        &self.tongues[language].words
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
    /// What the maps and charts of lists of incidents are drawn from.
    pub overviews: Arc<overviews::OverviewCache>,
    /// Shared parts of pages as template values.
    pub values: Arc<shared::ValueCache>,
}

/// Renders the Markdown bodies and builds the incidents of the
/// `language`th language, in parallel, reusing from `caches` what is made
/// of the same content.
pub fn prepare<'a>(
    index: &'a SiteIndex,
    config: &'a Config,
    language: usize,
    today: Date,
    caches: &mut Caches,
    renderer: &'a Renderer,
    diags: &mut Diagnostics,
) -> Prepared<'a> {
    let urls = Urls::of_language(config, language);
    let words = renderer.words(language);
    let options = MarkdownOptions {
        base_path: urls.to(""),
        unsafe_html: config.unsafe_html,
        shared_path: urls.shared(""),
        desk_credit: words.phrase("picture-credit-desk", &[]),
    };
    // Places are checked against the borders, and the site's files listed,
    // while the bodies and incidents are made.
    let ((bodies, incidents, found), (border_problems, jobs)) = rayon::join(
        || {
            let mut found = Diagnostics::new();
            let bodies = caches.bodies.render(index, &options, &mut found);
            let making = incidents::Making { index, bodies: &bodies.briefings, urls: &urls, words, config, today };
            let incidents = caches.incidents.build(&making);
            (bodies, incidents, found)
        },
        || {
            let mut found = Diagnostics::new();
            if language == 0
                && let Some(world) = renderer.world()
            {
                borders::check(index, world.borders(), &mut found);
            }
            (found, jobs::jobs(index, language == 0, renderer.world().is_some()))
        },
    );
    diags.extend(found);
    diags.extend(border_problems);
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
        shared: shared::Shared::new(index.groups.len(), index.countries.len(), index.years.len(), index.terms.len()),
        jobs,
        language,
        overviews: {
            caches.overviews.next_generation();
            Arc::clone(&caches.overviews)
        },
        values: {
            caches.values.next_generation();
            Arc::clone(&caches.values)
        },
        original: (language > 0).then(|| views::OriginalLanguage {
            code: config.languages[0].code.clone(),
            name: renderer.words(0).phrase("language-name", &[]),
        }),
    }
}

/// Reports template problems once per template, position and message.
fn report_template_problems(problems: Mutex<Vec<Diagnostic>>, diags: &mut Diagnostics) {
    let mut reported = HashSet::default();
    let mut problems = problems.into_inner().unwrap_or_else(|e| e.into_inner());
    problems.sort_by(|a, b| a.message.cmp(&b.message));
    for d in problems {
        let key = (d.path.clone(), d.span, d.message.split(" (rendering ").next().map(str::to_string));
        if reported.insert(key) {
            diags.push(d);
        }
    }
}

/// The theme's map data: its outlines (`data/world.json`) with its towns,
/// rivers and regions (`data/layers.json`), each optional; `None` (with a
/// diagnostic naming the file) when one does not parse.
fn load_world(theme: &Theme, diags: &mut Diagnostics) -> Option<Option<map::WorldMap>> {
    let mut bad = |file: &str, what: &str, e: String, hint: &str| {
        diags.push(
            Diagnostic::error(
                "bad-theme-data",
                theme.origin.join("data").join(file),
                format!("cannot read {what}: {e}"),
            )
            .hint(hint),
        );
    };
    let world = match theme.data("world.json").map(map::WorldMap::parse).transpose() {
        Ok(world) => world,
        Err(e) => {
            bad(
                "world.json",
                "the map outlines",
                e,
                "regenerate it with tools/map/convert.mjs, or remove it to build without maps",
            );
            return None;
        }
    };
    match theme.data("layers.json").map(map::Layers::parse).transpose() {
        Ok(Some(layers)) => Some(world.map(|w| w.with_layers(layers))),
        Ok(None) => Some(world),
        Err(e) => {
            bad(
                "layers.json",
                "the map's towns, rivers and regions",
                e,
                "regenerate it with tools/map/layers.mjs, or remove it to draw maps without them",
            );
            None
        }
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
