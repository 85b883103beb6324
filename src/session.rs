//! A site kept in memory and rebuilt from what changed: the engine of `serve`.
//!
//! The session caches every file's validation and every rendered Markdown
//! body. After a change it re-reads and re-validates only the changed files.
//! An edit that moves no incident (a headline, the text, places, sources:
//! what the index does not read) patches the last index in place and looks
//! at nothing but the edited briefings; any other change builds the index
//! again. Then it re-renders only the pages that show a changed briefing,
//! before or after the change: its own page, its previous
//! and next neighbours, its groups, countries and year, and the pages that
//! list every incident. A change to settings, templates, a group or country
//! profile or a free page re-renders everything. The output is replaced only
//! when the rebuild has no error: a failed rebuild keeps the last good site.
//!
//! Rebuilding from a change must give exactly what a full build gives; the
//! tests check that byte for byte.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::config::{self, Config};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::history::{self, History};
use crate::index::{self, BriefingId, SiteIndex};
use crate::model::Briefing;
use crate::output::Output;
use crate::pipeline::{self, BuildOptions};
use crate::render::jobs::{self as pages, Job, Shows};
use crate::render::{self, Caches, Renderer};
use crate::source;
use crate::theme;
use crate::timings::Timings;
use crate::validate::{self, Item, Validated};

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
    /// Every page was rendered.
    pub full: bool,
    /// The index was patched in place (an edit that moved no incident), not built again.
    pub index_patched: bool,
    /// Number of pages rendered.
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

/// The last site that built without error.
struct Good {
    index: SiteIndex,
    /// What building the index reported (kept for a patched index).
    index_problems: Vec<Diagnostic>,
}

/// A site in memory, rebuilt from changes.
pub struct Session {
    opts: BuildOptions,
    config: Option<Config>,
    renderer: Option<Renderer>,
    setup_problems: Vec<Diagnostic>,
    files: BTreeMap<String, Entry>,
    listing_problems: Vec<Diagnostic>,
    unreadable: Vec<Diagnostic>,
    caches: Caches,
    good: Option<Good>,
    output: Output,
    diagnostics: Diagnostics,
    needs_full: bool,
    /// The last rebuild failed: the files on disk may differ from the last
    /// good index in more than what changed since, so it cannot be patched.
    failed: bool,
    /// Content paths of the bodies rendered again since the last good site
    /// (a failed rebuild renders some that the next one finds cached).
    rerendered: BTreeSet<String>,
    /// Commit dates of the content files, read again when `HEAD` moves.
    history: History,
}

impl Session {
    /// Builds the site at `opts.root` in memory.
    pub fn open(opts: BuildOptions) -> (Session, Rebuild) {
        let mut session = Session {
            opts,
            config: None,
            renderer: None,
            setup_problems: Vec::new(),
            files: BTreeMap::new(),
            listing_problems: Vec::new(),
            unreadable: Vec::new(),
            caches: Caches::default(),
            good: None,
            output: Output::new(),
            diagnostics: Diagnostics::new(),
            needs_full: true,
            failed: false,
            rerendered: BTreeSet::new(),
            history: History::default(),
        };
        session.history = history::read(&session.opts.root);
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

    /// The index of the last good site, if any.
    pub fn index(&self) -> Option<&SiteIndex> {
        self.good.as_ref().map(|g| &g.index)
    }

    /// Rebuilds after `changes`.
    pub fn apply(&mut self, changes: &Changes) -> Rebuild {
        let started = Instant::now();
        let mut timings = Timings::start();
        let setup = changes.config || changes.templates || changes.statics;
        if setup {
            self.setup(changes);
        }
        let mut diags = Diagnostics::new();
        self.setup_problems.iter().for_each(|d| diags.push(d.clone()));
        self.refresh_files(&changes.content, &mut diags);
        if let Some(history) = history::refresh(&self.opts.root, &self.history) {
            // A commit moved publication dates: every page may show them.
            self.history = history;
            self.needs_full = true;
        }
        timings.lap("read and validate");

        // The usual edit (a headline, the text) leaves every incident where it
        // was: the last index is patched. Anything else builds it again.
        let mut old = self.good.take();
        let undo = match old.as_mut() {
            Some(good) if !setup && !self.needs_full && !self.failed => self.patch(good, &changes.content),
            _ => Vec::new(),
        };
        let (mut new, old) = match old {
            Some(good) if !undo.is_empty() => (good, None),
            old => (self.index_all(), old),
        };
        let patched = !undo.is_empty();
        new.index_problems.iter().for_each(|d| diags.push(d.clone()));
        timings.lap("index");
        let edited: Vec<BriefingId> = undo.iter().map(|(id, _)| *id).collect();
        let rendered =
            self.render(&new.index, old.as_ref(), patched.then_some(edited.as_slice()), &mut diags, &mut timings);
        diags.sort();
        let Some((all_jobs, full, pages)) = rendered.filter(|_| !diags.has_errors()) else {
            if changes.config || changes.templates {
                self.needs_full = true;
            }
            // A failed rebuild keeps the last good site, and its index.
            for (id, briefing) in undo {
                new.index.briefings[id] = briefing;
            }
            self.good = if patched { Some(new) } else { old };
            return self.fail(diags, started);
        };

        // Apply to the output: rendered pages, removed pages, static files.
        let index = &new.index;
        let mut changed = BTreeSet::new();
        let same = patched || old.as_ref().is_some_and(|g| same_files(&g.index, index));
        let keep = || -> HashSet<String> { all_jobs.iter().map(|j| pages::file_of(j, index)).collect() };
        let renderer = self.renderer.as_ref().expect("rendered above");
        if !same {
            let keep = keep();
            let stale: Vec<String> = self
                .output
                .iter()
                .map(|(p, _)| p.to_string())
                .filter(|p| !keep.contains(p) && !renderer.is_static(p))
                .collect();
            for path in stale {
                self.output.remove(&path);
                changed.insert(path);
            }
        }
        let rendered = pages.len();
        for (file, html) in pages {
            if self.output.get(&file) != Some(html.as_slice()) {
                changed.insert(file.clone());
                self.output.insert(file, html);
            }
        }
        if changes.statics || full {
            let mut statics_diags = Diagnostics::new();
            let keep = keep();
            let statics = renderer.static_files(&keep, &mut statics_diags);
            self.output.retain(|p| keep.contains(p) || statics.iter().any(|(n, _)| n == p));
            for (name, bytes) in statics {
                if self.output.get(&name) != Some(bytes.as_slice()) {
                    changed.insert(name.clone());
                    self.output.insert(name, bytes);
                }
            }
            diags.extend(statics_diags);
        }
        self.good = Some(new);
        self.needs_full = false;
        self.failed = false;
        self.rerendered.clear();
        self.diagnostics = diags;
        timings.lap("output");
        Rebuild {
            ok: true,
            full,
            index_patched: patched,
            rendered,
            changed: changed.into_iter().collect(),
            elapsed: started.elapsed(),
            timings,
        }
    }

    /// Builds the index from every file.
    fn index_all(&self) -> Good {
        let content = validate::assemble(self.files.values().map(|(_, v)| v));
        let failed: HashSet<String> =
            self.files.iter().filter(|(_, (_, v))| v.item.is_none()).map(|(p, _)| p.clone()).collect();
        let mut problems = Diagnostics::new();
        let setup = pipeline::Setup {
            config: self.config.as_ref(),
            theme: None,
            drafts: self.opts.drafts,
            today: self.opts.today,
            history: &self.history,
        };
        let index = pipeline::index_content(content, failed, &setup, &mut problems);
        Good { index, index_problems: problems.into_vec() }
    }

    /// Swaps the briefings of the `changed` files into `good`'s index when
    /// every one of them was in it, is still valid, and is `indexed_alike`;
    /// returns the briefings swapped out, by id (none: `good` is untouched).
    fn patch(&self, good: &mut Good, changed: &BTreeSet<String>) -> Vec<(BriefingId, Arc<Briefing>)> {
        let mut swaps = Vec::new();
        for path in changed {
            let Some((_, Validated { item: Some(Item::Briefing(new)), .. })) = self.files.get(path) else {
                return Vec::new();
            };
            let Some(id) = good.index.briefings.iter().position(|b| b.origin.content_path == *path) else {
                return Vec::new();
            };
            if !index::indexed_alike(&good.index.briefings[id], new) {
                return Vec::new();
            }
            swaps.push((id, Arc::clone(new)));
        }
        swaps.into_iter().map(|(id, new)| (id, std::mem::replace(&mut good.index.briefings[id], new))).collect()
    }

    /// Renders the pages that changed since `old` (every page when there is
    /// no `old` or everything must be rendered); `edited` lists the only
    /// briefings that changed when the index was patched. Returns every
    /// job of the site, whether every page was rendered, and the pages.
    #[allow(clippy::type_complexity)]
    fn render(
        &mut self,
        index: &SiteIndex,
        old: Option<&Good>,
        edited: Option<&[BriefingId]>,
        diags: &mut Diagnostics,
        timings: &mut Timings,
    ) -> Option<(Vec<Job>, bool, Vec<(String, Vec<u8>)>)> {
        let (Some(config), Some(renderer)) = (self.config.as_ref(), self.renderer.as_mut()) else {
            return None;
        };
        renderer.set_site(config, index);
        let prepared = render::prepare(index, config, self.opts.today, &mut self.caches, edited, renderer, diags);
        timings.lap("markdown and rows");
        let all_jobs = pages::jobs(index);
        self.rerendered.extend(self.caches.bodies.rendered_last().iter().cloned());
        let (full, jobs) = match (edited, old) {
            _ if self.needs_full => (true, all_jobs.clone()),
            // Bodies are rendered again only when their text or a link target
            // changed: with the link targets as they were, only edited ones are.
            (Some(edited), _) => (false, touched(index, &all_jobs, edited)),
            (None, Some(old)) if same_profiles(&old.index, index) => {
                (false, affected(&old.index, index, &all_jobs, &self.rerendered))
            }
            _ => (true, all_jobs.clone()),
        };
        timings.lap("what changed");
        let pages = renderer.render_pages(&prepared, &jobs, diags);
        timings.lap("pages");
        Some((all_jobs, full, pages))
    }

    fn fail(&mut self, mut diags: Diagnostics, started: Instant) -> Rebuild {
        self.failed = true;
        diags.sort();
        self.diagnostics = diags;
        Rebuild { ok: false, elapsed: started.elapsed(), ..Rebuild::default() }
    }

    /// Reloads settings and theme; recompiles templates.
    fn setup(&mut self, changes: &Changes) {
        let root = self.opts.root.clone();
        let mut problems = Diagnostics::new();
        let config = config::load(&root, &mut problems).map(|c| match &self.opts.base_url {
            Some(url) => c.with_base_url(url),
            None => c,
        });
        let theme = config.as_ref().and_then(|c| theme::load(&root, &c.theme, &mut problems));
        self.renderer = match (theme, &config) {
            (Some(theme), Some(config)) => {
                let empty = SiteIndex::default();
                Renderer::new(theme, config, self.index().unwrap_or(&empty), &mut problems)
            }
            _ => None,
        };
        if changes.config || changes.templates {
            self.needs_full = true;
        }
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
            let listed = source::list(&root, &mut listing);
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

/// True when group and country profiles and free pages are the same in both
/// indexes (else names and navigation everywhere may differ).
fn same_profiles(a: &SiteIndex, b: &SiteIndex) -> bool {
    let profiles = |i: &SiteIndex| -> Vec<_> { i.groups.iter().filter_map(|g| g.profile.clone()).collect() };
    let countries = |i: &SiteIndex| -> Vec<_> { i.countries.iter().filter_map(|c| c.profile.clone()).collect() };
    profiles(a) == profiles(b) && countries(a) == countries(b) && a.pages == b.pages
}

/// True when both indexes make the same files from the same sources: the
/// same briefings, groups, countries, years and free pages, in the same order
/// (so an id names the same briefing, and a `Job` the same file, in both).
fn same_files(a: &SiteIndex, b: &SiteIndex) -> bool {
    fn same<T>(x: &[T], y: &[T], same_file: impl Fn(&T, &T) -> bool) -> bool {
        x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_file(p, q))
    }
    same(&a.briefings, &b.briefings, |p, q| p.slug == q.slug && p.origin.content_path == q.origin.content_path)
        && same(&a.groups, &b.groups, |p, q| p.slug == q.slug && p.name == q.name)
        && same(&a.countries, &b.countries, |p, q| p.slug == q.slug)
        && same(&a.years, &b.years, |p, q| p.year == q.year)
        && same(&a.pages, &b.pages, |p, q| p.slug == q.slug && p.origin.content_path == q.origin.content_path)
}

/// The pages that show one of the `edited` briefings, for an edit that
/// left the index as it was (so nothing else moved).
fn touched(index: &SiteIndex, jobs: &[Job], edited: &[BriefingId]) -> Vec<Job> {
    jobs.iter().filter(|job| shows_any(pages::shows(job, index), |b| edited.contains(b))).copied().collect()
}

/// True when a file that `shows` this shows any briefing that `changed`.
fn shows_any(shows: Shows, changed: impl Fn(&BriefingId) -> bool) -> bool {
    match shows {
        Shows::Everything => true,
        Shows::Briefings(list) => list.iter().any(changed),
        Shows::Nothing => false,
    }
}

/// The pages of `new` that a change from `old` touches.
///
/// A briefing changed when it was added, removed or differs. A page is
/// touched when it showed a changed briefing before the change or shows one
/// after it, lists every incident, is new, or has a body that had to be
/// rendered again (a page it links to moved). Year pages all show every
/// year's count, so they are all touched when those counts change; group
/// pages link the countries that have a page, so they are all touched when
/// that set changes.
fn affected(old: &SiteIndex, new: &SiteIndex, jobs: &[Job], rerendered: &BTreeSet<String>) -> Vec<Job> {
    let same_briefing = |o: BriefingId, n: BriefingId| {
        let (a, b) = (&old.briefings[o], &new.briefings[n]);
        std::sync::Arc::ptr_eq(a, b) || a == b
    };
    // With the same files in both (the usual edit), a briefing keeps its id
    // and a job names the same file before and after.
    let same = same_files(old, new);
    let (old_changed, new_changed): (HashSet<BriefingId>, HashSet<BriefingId>) = if same {
        // A briefing whose body had to be rendered again (a page it links to
        // moved) shows differently wherever its body or lead appears.
        let changed: HashSet<BriefingId> = (0..new.briefings.len())
            .filter(|&id| {
                !same_briefing(id, id)
                    || (!rerendered.is_empty() && rerendered.contains(&new.briefings[id].origin.content_path))
            })
            .collect();
        (changed.clone(), changed)
    } else {
        let (old_ids, new_ids) = (ids_by_path(old), ids_by_path(new));
        let mut changed: HashSet<&str> = HashSet::new();
        for (path, &id) in &new_ids {
            if old_ids.get(path).is_none_or(|&o| !same_briefing(o, id)) {
                changed.insert(path);
            }
        }
        changed.extend(old_ids.keys().filter(|p| !new_ids.contains_key(*p)));
        changed.extend(rerendered.iter().map(String::as_str).filter(|p| new_ids.contains_key(p)));
        (
            changed.iter().filter_map(|p| old_ids.get(p).copied()).collect(),
            changed.iter().filter_map(|p| new_ids.get(p).copied()).collect(),
        )
    };

    let touches = |shows: Shows, ids: &HashSet<BriefingId>| shows_any(shows, |b| ids.contains(b));
    let old_touched: HashSet<Job> =
        pages::jobs(old).into_iter().filter(|j| touches(pages::shows(j, old), &old_changed)).collect();
    let files = |jobs: &mut dyn Iterator<Item = Job>| -> HashSet<String> {
        if same { HashSet::new() } else { jobs.map(|j| pages::file_of(&j, old)).collect() }
    };
    let old_files = files(&mut old_touched.iter().copied());
    let all_old_files = files(&mut pages::jobs(old).into_iter());
    let year_counts = |i: &SiteIndex| -> Vec<(i16, usize, usize)> {
        i.years.iter().map(|y| (y.year, y.totals.incidents, y.developments)).collect()
    };
    let years_changed = year_counts(old) != year_counts(new);
    // Group pages link the countries they are active in only when those have a page.
    let country_pages = |i: &SiteIndex| -> Vec<String> { i.countries.iter().map(|c| c.slug.clone()).collect() };
    let countries_changed = country_pages(old) != country_pages(new);
    jobs.iter()
        .filter(|job| {
            let (shown_before, is_new) = if same {
                (old_touched.contains(job), false)
            } else {
                let file = pages::file_of(job, new);
                (old_files.contains(&file), !all_old_files.contains(&file))
            };
            shown_before
                || is_new
                || touches(pages::shows(job, new), &new_changed)
                || (years_changed && matches!(job, Job::Year(_)))
                || (countries_changed && matches!(job, Job::Group(_)))
                || own_body(job, new).is_some_and(|p| rerendered.contains(p))
        })
        .copied()
        .collect()
}

/// Briefing ids by content path.
fn ids_by_path(index: &SiteIndex) -> HashMap<&str, BriefingId> {
    index.briefings.iter().enumerate().map(|(id, b)| (b.origin.content_path.as_str(), id)).collect()
}

/// The content path of the body a page shows, if it shows one.
fn own_body<'a>(job: &Job, index: &'a SiteIndex) -> Option<&'a str> {
    match *job {
        Job::Briefing(id) => Some(&index.briefings[id].origin.content_path),
        Job::Group(g) => index.groups[g].profile.as_ref().map(|p| p.origin.content_path.as_str()),
        Job::Country(c) => index.countries[c].profile.as_ref().map(|p| p.origin.content_path.as_str()),
        Job::Page(p) => Some(&index.pages[p].origin.content_path),
        _ => None,
    }
}
