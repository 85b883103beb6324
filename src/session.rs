//! A site kept in memory and rebuilt from what changed: the engine of `serve`.
//!
//! **The rule.** A rebuild re-reads the files that changed, builds the model
//! and the index again from every file (in memory, cheap), then works out,
//! for every file of the site, what it is made of: a page's context (the
//! values its template receives), a feed's or a download's inputs. Their
//! fingerprint, with the theme's and the settings', decides alone: a file is
//! rendered again exactly when its fingerprint differs from the one it had in
//! the last good site. A file the site no longer has is removed. Nothing else
//! (no table of which page shows what, no flags) takes part in the decision.
//!
//! A content file is read and validated again when the watcher reports it
//! changed; other work is kept between rebuilds only under the fingerprint of
//! what it is made of: a Markdown body under its text and the addresses its
//! links lead to, an incident under its inputs.
//!
//! A rebuild with any error changes nothing: the last good site, and the
//! fingerprints of its files, stay as they were, so the next good rebuild
//! renders everything that differs from what is served. The tests check that
//! every file served equals a full build's, byte for byte.

use foldhash::HashSet;
use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::config::{self, Config};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::history::{self, History};
use crate::index::SiteIndex;
use crate::output::{Output, Packed};
use crate::pipeline::{self, BuildOptions};
use crate::render::{self, Caches, Renderer};
use crate::search::SearchRecord;
use crate::source;
use crate::theme;
use crate::timings::Timings;
use crate::validate::{self, Validated};

/// What changed on disk, as the watcher saw it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    /// Content files (paths relative to `content/`) written, created or removed.
    pub content: BTreeSet<String>,
    /// `site.yaml` changed.
    pub config: bool,
    /// A template changed.
    pub templates: bool,
    /// A static file of the theme changed.
    pub statics: bool,
}

impl Changes {
    /// Everything, as for the first build.
    pub fn everything() -> Changes {
        Changes { content: BTreeSet::new(), config: true, templates: true, statics: true }
    }

    /// True when nothing changed.
    pub fn is_empty(&self) -> bool {
        self.content.is_empty() && !self.config && !self.templates && !self.statics
    }
}

/// What a rebuild did.
#[derive(Debug, Clone, Default)]
pub struct Rebuild {
    /// The rebuild had no error and its result is now served.
    pub ok: bool,
    /// Every file was rendered (none could be kept).
    pub full: bool,
    /// Number of files rendered.
    pub rendered: usize,
    /// Output files added, changed or removed, sorted.
    pub changed: Vec<String>,
    /// Time taken.
    pub elapsed: Duration,
    /// Time taken by each step.
    pub timings: Timings,
}

impl Rebuild {
    /// True when only stylesheets changed (the page can swap them without reloading).
    pub fn css_only(&self) -> bool {
        !self.changed.is_empty() && self.changed.iter().all(|f| f.ends_with(".css"))
    }
}

/// A content file as listed, and what validating it gave.
type Entry = (source::Listed, Validated);

/// A live site: settings, theme, validated files, caches and the last good output.
pub struct Session {
    opts: BuildOptions,
    config: Option<Config>,
    renderer: Option<Renderer>,
    setup_problems: Vec<Diagnostic>,
    files: BTreeMap<String, Entry>,
    listing_problems: Vec<Diagnostic>,
    unreadable: Vec<Diagnostic>,
    /// The pictures beside content files, as last listed.
    picture_files: Vec<source::PictureFile>,
    /// Pictures processed, kept while their files do not change.
    pictures: crate::pictures::PictureStore,
    /// Commit dates of the content files, read again when `HEAD` moves.
    history: History,
    /// What each language keeps between rebuilds, by language.
    caches: Vec<Caches>,
    /// The last good site, and the fingerprint of each of its files.
    output: Output,
    fingerprints: foldhash::HashMap<String, u64>,
    diagnostics: Diagnostics,
    /// What readers can search for in the site shown, and the index served.
    search: SearchState,
    /// What the last good site's search records are made of, until they are made.
    unsearched: Option<Unsearched>,
    /// The last index, reused while what it reads does not change.
    index_memo: crate::index::memo::IndexMemo,
}

/// The last good site's indexes and the parts of its pages its search
/// records are made of, kept until [`Session::gather_search`] makes them:
/// `serve` does so once the reload has gone out, as readers do not wait for it.
struct Unsearched {
    /// Each language's index, the main one first.
    indexes: Vec<SiteIndex>,
    /// Each language's parts.
    parts: Vec<SearchParts>,
}

/// The parts of one language's prepared site that its search records read.
struct SearchParts {
    urls: render::Urls,
    incidents: Vec<std::sync::Arc<render::Incident>>,
    briefing_bodies: Vec<std::sync::Arc<crate::markdown::Rendered>>,
    group_bodies: Vec<Option<std::sync::Arc<crate::markdown::Rendered>>>,
    country_bodies: Vec<Option<std::sync::Arc<crate::markdown::Rendered>>>,
    page_bodies: Vec<std::sync::Arc<crate::markdown::Rendered>>,
}

/// The search records of the site shown and the index made from them. The
/// index takes seconds at 10,000 briefings, so it is not made by `apply`:
/// `serve` makes it in the background after each rebuild (see
/// `search_to_index`), so the index served can lag the pages by that long.
#[derive(Default)]
struct SearchState {
    /// The records of the last good rebuild, with their fingerprint.
    records: std::sync::Arc<Vec<SearchRecord>>,
    fingerprint: u64,
    /// The fingerprint of the records the served index was made from.
    indexed: Option<u64>,
    /// The files of the served index.
    files: Vec<String>,
}

impl Session {
    /// Builds the site at `opts.root` in memory.
    pub fn open(opts: BuildOptions) -> (Session, Rebuild) {
        let history = history::read(&opts.root, None);
        let mut session = Session {
            opts,
            config: None,
            renderer: None,
            setup_problems: Vec::new(),
            files: BTreeMap::new(),
            listing_problems: Vec::new(),
            unreadable: Vec::new(),
            picture_files: Vec::new(),
            pictures: Default::default(),
            history,
            caches: Vec::new(),
            output: Output::new(),
            fingerprints: foldhash::HashMap::default(),
            diagnostics: Diagnostics::new(),
            search: SearchState::default(),
            unsearched: None,
            index_memo: Default::default(),
        };
        let report = session.apply(&Changes::everything());
        (session, report)
    }

    /// The site folder.
    pub fn root(&self) -> &std::path::Path {
        &self.opts.root
    }

    /// The theme the settings name (`default` until settings load).
    pub fn theme_name(&self) -> String {
        self.config.as_ref().map_or_else(|| "default".to_string(), |c| c.theme.clone())
    }

    /// The last good site.
    pub fn output(&self) -> &Output {
        &self.output
    }

    /// The problems of the last rebuild (errors mean the site shown is older).
    pub fn diagnostics(&self) -> &Diagnostics {
        &self.diagnostics
    }

    /// Rebuilds after `changes`.
    pub fn apply(&mut self, changes: &Changes) -> Rebuild {
        let started = Instant::now();
        // The records of the site shown, before its settings or theme can change.
        self.gather_search();
        let mut timings = Timings::start();
        if changes.config || changes.templates || changes.statics {
            self.setup();
        }
        let mut diags = Diagnostics::new();
        self.setup_problems.iter().for_each(|d| diags.push(d.clone()));
        self.refresh_files(&changes.content, &mut diags);
        if let Some(history) = history::refresh(&self.opts.root, &self.history) {
            self.history = history;
        }
        let pictures = crate::pictures::process(&self.opts.root, &self.picture_files, &mut self.pictures, &mut diags);
        timings.lap("read and validate");
        let index = self.index_all(pictures, &mut diags);
        timings.lap("index");
        let (Some(config), Some(renderer)) = (self.config.as_ref(), self.renderer.as_mut()) else {
            return self.fail(diags, started, timings);
        };
        let indexes = render::languages(&index, config);
        for (language, index) in indexes.iter().enumerate() {
            renderer.set_site(config, language, index);
        }
        let renderer = &*renderer;
        self.caches.resize_with(indexes.len(), Caches::default);
        let before = &self.fingerprints;
        let stale = |file: &str, fingerprint: u64| before.get(file) != Some(&fingerprint);
        let today = self.opts.today;
        let (prepared, found): (Vec<_>, Vec<_>) = indexes
            .par_iter()
            .enumerate()
            .zip(self.caches.par_iter_mut())
            .map(|((language, index), caches)| {
                let mut found = Diagnostics::new();
                (render::prepare(index, config, language, today, caches, renderer, &mut found), found)
            })
            .unzip();
        found.into_iter().for_each(|f| diags.extend(f));
        timings.lap("markdown and incidents");
        let produced = renderer.produce_all(&prepared, &stale, &Packed::new, &mut diags);
        let shown: HashSet<String> = prepared.iter().flat_map(|p| p.shown_pictures().cloned()).collect();
        let pictures = render::picture_files(&index, &shown);
        timings.lap("pages");
        // Freeing this rebuild's parts takes longer than some rebuilds:
        // the reload does not wait for it.
        let (parts, unneeded): (Vec<_>, Vec<_>) = prepared
            .into_iter()
            .map(|p| {
                let render::Prepared {
                    urls,
                    incidents,
                    briefing_bodies,
                    group_bodies,
                    country_bodies,
                    page_bodies,
                    shared,
                    jobs,
                    ..
                } = p;
                let parts = SearchParts { urls, incidents, briefing_bodies, group_bodies, country_bodies, page_bodies };
                (parts, (shared, jobs))
            })
            .unzip();
        let files: foldhash::HashSet<&str> = produced.iter().map(|p| p.file.as_str()).collect();
        let statics = renderer.static_files(|f| files.contains(f), &mut diags);
        let unpublished = pipeline::unpublished_files(self.files.values().map(|(l, v)| (l.path.as_path(), v)));
        let setup = pipeline::Setup::of(&self.opts, Some(config), None, &self.history);
        pipeline::settle(&mut diags, &unpublished, &setup);
        diags.sort();
        timings.lap("problems");
        if diags.has_errors() {
            return self.fail(diags, started, timings);
        }

        // Good: the new site replaces the last one, file by file.
        let mut changed = BTreeSet::new();
        let statics_names: HashSet<&str> = statics
            .iter()
            .map(|(n, _)| n.as_str())
            .chain(pictures.iter().map(|(n, _)| n.as_str()))
            .chain(self.search.files.iter().map(String::as_str))
            .collect();
        let gone: Vec<String> = self
            .output
            .paths()
            .filter(|p| !files.contains(p) && !statics_names.contains(p))
            .map(str::to_string)
            .collect();
        for path in gone {
            self.output.remove(&path);
            changed.insert(path);
        }
        let rendered = produced.iter().filter(|p| p.bytes.is_some()).count();
        let full = rendered == produced.len();
        let mut fingerprints = foldhash::HashMap::with_capacity_and_hasher(produced.len(), Default::default());
        for p in produced {
            if let Some(packed) = p.bytes
                && self.output.packed(&p.file) != Some(&packed)
            {
                changed.insert(p.file.clone());
                self.output.insert_packed(p.file.clone(), packed);
            }
            fingerprints.insert(p.file, p.fingerprint);
        }
        for (name, bytes) in statics {
            let packed = Packed::new(bytes);
            if self.output.packed(&name) != Some(&packed) {
                changed.insert(name.clone());
                self.output.insert_packed(name, packed);
            }
        }
        // A picture's file is named by its content: a name already served is
        // the same bytes. One in the cache is served from there, not kept in memory.
        for (name, made) in pictures {
            if !self.output.contains(&name) {
                changed.insert(name.clone());
                self.output.insert_packed(name, Packed::from(made));
            }
        }
        let old_fingerprints = std::mem::replace(&mut self.fingerprints, fingerprints);
        let old_diagnostics = std::mem::replace(&mut self.diagnostics, diags);
        let others: Vec<SiteIndex> = indexes.into_iter().skip(1).map(std::borrow::Cow::into_owned).collect();
        let indexes: Vec<SiteIndex> = std::iter::once(index).chain(others).collect();
        self.unsearched = Some(Unsearched { indexes, parts });
        drop_later((unneeded, old_fingerprints, old_diagnostics));
        timings.lap("output");
        Rebuild {
            ok: true,
            full,
            rendered,
            changed: changed.into_iter().collect(),
            elapsed: started.elapsed(),
            timings,
        }
    }

    /// The search records of the site shown, with their fingerprint, when the
    /// index served was not made from them: make it with
    /// [`crate::search::bundle`] (in the background: it takes seconds on a
    /// large site) and hand it to [`Session::put_search_index`].
    pub fn search_to_index(&mut self) -> Option<(u64, std::sync::Arc<Vec<SearchRecord>>)> {
        self.gather_search();
        let s = &self.search;
        (s.indexed != Some(s.fingerprint)).then(|| (s.fingerprint, std::sync::Arc::clone(&s.records)))
    }

    /// Serves the search index `made` from the records of fingerprint
    /// `fingerprint`, unless the site has changed since; returns the files
    /// added, changed or removed. A failure to make it is kept with the
    /// rebuild's problems.
    pub fn put_search_index(
        &mut self,
        fingerprint: u64,
        made: Result<crate::search::BundleFiles, crate::search::SearchError>,
    ) -> Vec<String> {
        if fingerprint != self.search.fingerprint {
            return Vec::new();
        }
        self.search.indexed = Some(fingerprint);
        let files = match made {
            Ok(files) => files,
            Err(e) => {
                self.diagnostics.push(render::search_failed(&e));
                return Vec::new();
            }
        };
        let mut changed = BTreeSet::new();
        let now: HashSet<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        for old in self.search.files.iter().filter(|f| !now.contains(f.as_str())) {
            self.output.remove(old);
            changed.insert(old.clone());
        }
        self.search.files = files.iter().map(|(n, _)| n.clone()).collect();
        for (name, bytes) in files {
            let packed = Packed::new(bytes);
            if self.output.packed(&name) != Some(&packed) {
                changed.insert(name.clone());
                self.output.insert_packed(name, packed);
            }
        }
        changed.into_iter().collect()
    }

    /// [`Session::apply`], then the search index at once: what a full build
    /// writes, in one step (`serve` makes the index in the background).
    pub fn apply_and_index(&mut self, changes: &Changes) -> Rebuild {
        let mut rebuild = self.apply(changes);
        if rebuild.ok {
            rebuild.changed.extend(self.index_search());
            rebuild.changed.sort();
            rebuild.changed.dedup();
        }
        rebuild
    }

    /// Makes the search records of the site shown, if the last good rebuild
    /// left them to make: `serve` calls it once the reload has gone out.
    pub fn gather_search(&mut self) {
        let Some(unsearched) = self.unsearched.take() else { return };
        let (Some(config), Some(renderer)) = (self.config.as_ref(), self.renderer.as_ref()) else {
            drop_later(unsearched);
            return;
        };
        let findable: Vec<SearchRecord> = unsearched
            .parts
            .iter()
            .zip(&unsearched.indexes)
            .enumerate()
            .flat_map(|(language, (p, index))| {
                render::search::records(&render::search::Sources {
                    index,
                    config,
                    words: renderer.words(language),
                    urls: &p.urls,
                    language,
                    incidents: &p.incidents,
                    briefing_bodies: &p.briefing_bodies,
                    group_bodies: &p.group_bodies,
                    country_bodies: &p.country_bodies,
                    page_bodies: &p.page_bodies,
                })
            })
            .collect();
        let each: Vec<u64> = findable.par_iter().map(render::fingerprint::of_hash).collect();
        let fingerprint = render::fingerprint::of_hash(&each);
        if fingerprint != self.search.fingerprint {
            self.search.records = std::sync::Arc::new(findable);
            self.search.fingerprint = fingerprint;
        } else {
            drop_later(findable);
        }
        drop_later(unsearched);
    }

    /// Brings the search index up to date now; returns the files it changed
    /// (what `serve` does in the background; tests call it).
    pub fn index_search(&mut self) -> Vec<String> {
        match self.search_to_index() {
            Some((fingerprint, records)) => {
                let made = crate::search::bundle(&records);
                self.put_search_index(fingerprint, made)
            }
            None => Vec::new(),
        }
    }

    /// Builds the index from every validated file; its problems go to `diags`.
    fn index_all(&mut self, pictures: crate::pictures::SitePictures, diags: &mut Diagnostics) -> SiteIndex {
        let content = validate::assemble(self.files.values().map(|(_, v)| v));
        let failed: HashSet<String> =
            self.files.iter().filter(|(_, (_, v))| v.item.is_none()).map(|(p, _)| p.clone()).collect();
        let setup = pipeline::Setup::of(&self.opts, self.config.as_ref(), None, &self.history);
        let mut index = pipeline::index_content(content, failed, &setup, Some(&mut self.index_memo), diags);
        index.pictures = std::sync::Arc::new(pictures);
        crate::pictures::check_notes(&index, diags);
        index
    }

    fn fail(&mut self, mut diags: Diagnostics, started: Instant, timings: Timings) -> Rebuild {
        diags.sort();
        self.diagnostics = diags;
        Rebuild { ok: false, elapsed: started.elapsed(), timings, ..Rebuild::default() }
    }

    /// Reloads settings and theme; recompiles templates.
    fn setup(&mut self) {
        let root = self.opts.root.clone();
        let mut problems = Diagnostics::new();
        let config = config::load(&root, &mut problems).map(|c| match &self.opts.base_url {
            Some(url) => c.with_base_url(url),
            None => c,
        });
        let theme = config.as_ref().and_then(|c| theme::load(&root, &c.theme, &mut problems));
        self.renderer = match (theme, &config) {
            (Some(theme), Some(config)) => Renderer::new(theme, config, &mut problems),
            _ => None,
        };
        self.config = config;
        self.setup_problems = problems.into_vec();
    }

    /// Re-reads the files that are new or changed. `content/` is listed
    /// again only when a changed path is not a known plain file (one was
    /// added, removed, or is a link): an edit to a known file reads that file alone.
    fn refresh_files(&mut self, changed: &BTreeSet<String>, diags: &mut Diagnostics) {
        let root = self.opts.root.clone();
        let edits_only = !changed.is_empty()
            && changed.iter().all(|p| {
                self.files.get(p).is_some_and(|(listed, _)| {
                    std::fs::symlink_metadata(root.join(&listed.path)).is_ok_and(|m| m.file_type().is_file())
                })
            });
        let to_read: Vec<source::Listed> = if edits_only {
            changed.iter().map(|p| self.files[p].0.clone()).collect()
        } else {
            let mut listing = Diagnostics::new();
            let source::Listing { files: listed, pictures } = source::list(&root, &mut listing);
            self.picture_files = pictures;
            self.listing_problems = listing.into_vec();
            let present: HashSet<&str> = listed.iter().map(|l| l.content_path.as_str()).collect();
            self.files.retain(|p, _| present.contains(p.as_str()));
            self.unreadable.retain(|d| present.iter().any(|p| d.path.ends_with(p)));
            listed
                .into_iter()
                .filter(|l| changed.contains(&l.content_path) || !self.files.contains_key(&l.content_path))
                .collect()
        };
        let today = self.opts.today;
        let read: Vec<(source::Listed, Result<Validated, Diagnostic>)> = to_read
            .into_par_iter()
            .map(|l| {
                let result = source::read(&root, l.clone()).map(|file| validate::validate_file(&file, today));
                (l, result)
            })
            .collect();
        self.unreadable.retain(|d| !read.iter().any(|(l, _)| d.path.ends_with(&l.content_path)));
        for (listed, result) in read {
            match result {
                Ok(validated) => {
                    self.files.insert(listed.content_path.clone(), (listed, validated));
                }
                Err(d) => {
                    self.files.remove(&listed.content_path);
                    self.unreadable.push(d);
                }
            }
        }
        self.listing_problems.iter().for_each(|d| diags.push(d.clone()));
        self.unreadable.iter().for_each(|d| diags.push(d.clone()));
        for (_, v) in self.files.values() {
            v.problems.iter().for_each(|d| diags.push(d.clone()));
        }
    }
}

/// Drops `value` on a thread of its own, off the path of the reload.
fn drop_later<T: Send + 'static>(value: T) {
    // If no thread can be started, the value is dropped here, as usual.
    let _ = std::thread::Builder::new().name("sitrep-drop".into()).spawn(move || drop(value));
}
