//! The pipeline: load -> parse and validate -> index -> render -> write.
//!
//! `build_site` runs every stage into memory; `build` writes the result only
//! when there is no error; `check` is `build_site` without writing. All three
//! report every problem of every stage.

use crate::pictures::PictureStore;
use foldhash::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::Mutex;

use jiff::civil::Date;
use rayon::prelude::*;

use crate::config;
use crate::config::Config;
use crate::diagnostics::{Diagnostic, Diagnostics, Unpublished};
use crate::history::{self, History};
use crate::index::{self, SiteIndex, Unindexed, Withheld};
use crate::markdown::{self, MarkdownOptions};
use crate::model::{Body, Content, Origin};
use crate::output::{Output, OutputPolicy, Packed, Staging};
use crate::render::{self, Made, Sink};
use crate::source::{self, SourceFile};
use crate::theme::{self, Theme};
use crate::timings::Timings;
use crate::validate::{self, Validated};

/// What to build and how.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site root (holds `site.yaml` and `content/`).
    pub root: PathBuf,
    /// Where to write; `<root>/output` when `None`.
    pub output: Option<PathBuf>,
    /// Also build drafts and scheduled briefings (marked as such).
    pub drafts: bool,
    /// Replaces `base_url` from `site.yaml`.
    pub base_url: Option<String>,
    /// Replace an output folder that sitrep did not make.
    pub force: bool,
    /// Every warning is an error (`--strict`; `strict: true` in site.yaml does the same).
    pub strict: bool,
    /// Today's date: briefings published later are scheduled.
    pub today: Date,
}

impl BuildOptions {
    /// Options for the site at `root`, built as of `today`.
    pub fn new(root: impl Into<PathBuf>, today: Date) -> BuildOptions {
        BuildOptions {
            root: root.into(),
            output: None,
            drafts: false,
            base_url: None,
            force: false,
            strict: false,
            today,
        }
    }

    /// The output folder.
    pub fn output_dir(&self) -> PathBuf {
        self.output.clone().unwrap_or_else(|| self.root.join("output"))
    }
}

/// A site built in memory.
#[derive(Debug, Clone, Default)]
pub struct Site {
    /// Every file.
    pub output: Output,
    /// The index the pages were built from.
    pub index: SiteIndex,
    /// How long each stage took.
    pub timings: Timings,
}

/// A site built to disk by `build`.
#[derive(Debug, Clone)]
pub struct Written {
    /// The index the pages were built from.
    pub index: SiteIndex,
    /// How long each stage took.
    pub timings: Timings,
    /// Files written.
    pub files: usize,
    /// Bytes written.
    pub bytes: u64,
}

/// Runs every stage in memory. The site is `None` when there is any error.
pub fn build_site(opts: &BuildOptions) -> (Option<Site>, Diagnostics) {
    let ((built, diags), output) = in_memory(|sink| run(opts, None, sink, PictureStore::default()));
    (built.map(|(index, timings)| Site { output, index, timings }), diags)
}

/// Runs `stage` with a sink that keeps every file in memory; returns what
/// the stage returned and the files.
fn in_memory<R>(stage: impl FnOnce(Sink<'_>) -> R) -> (R, Output) {
    let output = Mutex::new(Output::new());
    let sink = |path: String, made: Made| {
        output.lock().unwrap_or_else(|e| e.into_inner()).insert_packed(path, Packed::from(made));
    };
    let result = stage(&sink);
    (result, output.into_inner().unwrap_or_else(|e| e.into_inner()))
}

/// Loads the site at `opts.root` and runs every stage, handing each rendered
/// file to `sink`; the index is `None` when there is any error. `record`:
/// where the git history's record is kept between builds (see `history`).
/// `store`: what the picture stage starts from, and whether it may keep its
/// work in the site's picture cache (`check` writes nothing).
fn run(
    opts: &BuildOptions,
    record: Option<&Path>,
    sink: Sink<'_>,
    mut store: PictureStore,
) -> (Option<(SiteIndex, Timings)>, Diagnostics) {
    let mut diags = Diagnostics::new();
    let root = &opts.root;
    if !root.is_dir() {
        diags.push(
            Diagnostic::error("missing-root", root, "the site folder does not exist")
                .hint("run sitrep in the folder that holds site.yaml, or pass --root"),
        );
        return (None, diags);
    }
    let base_url = match opts.base_url.as_deref().map(config::check_base_url) {
        Some(Err(why)) => {
            let given = opts.base_url.clone().unwrap_or_default();
            diags.push(
                Diagnostic::error("bad-base-url", "--base-url", format!("--base-url {why}, found `{given}`"))
                    .hint("give the full address the site is published at, e.g. https://example.org/sahel/"),
            );
            return (None, diags);
        }
        Some(Ok(url)) => Some(url),
        None => None,
    };
    let config = config::load(root, &mut diags).map(|c| match &base_url {
        Some(url) => c.with_base_url(url),
        None => c,
    });
    let theme = config.as_ref().and_then(|c| theme::load(root, &c.theme, &mut diags));
    let mut timings = Timings::start();
    // The git history is read while the files are read and validated and
    // the pictures processed: it is first needed by the index.
    let (history, (files, (validated, (pictures, found)))) = rayon::join(
        || history::read(root, record),
        || {
            let (files, picture_files) = source::load(root, &mut diags);
            let (validated, pictures) = rayon::join(
                || validate_sources(&files, opts.today),
                || {
                    let mut found = Diagnostics::new();
                    (crate::pictures::process(root, &picture_files, &mut store, &mut found), found)
                },
            );
            (files, (validated, pictures))
        },
    );
    diags.extend(found);
    timings.lap("read, validate, history");
    let setup = Setup::of(opts, config.as_ref(), theme.as_ref(), &history);
    let assembled = assemble(&files, validated, &mut diags);
    // The files' text is not needed any more: a build does not hold it while rendering.
    drop(files);
    let (index, more) = build_assembled_into(&setup, assembled, pictures, sink, &mut diags);
    timings.extend(more);
    diags.sort();
    if diags.has_errors() {
        return (None, diags);
    }
    (Some((index, timings)), diags)
}

/// What a build is made with besides the content files.
#[derive(Debug, Clone, Copy)]
pub struct Setup<'a> {
    /// Site settings (`None` when `site.yaml` has errors, already reported).
    pub config: Option<&'a Config>,
    /// The theme (`None` when it could not be loaded).
    pub theme: Option<&'a Theme>,
    /// Publish drafts and scheduled items too.
    pub drafts: bool,
    /// Every warning is an error (besides `strict: true` in the settings).
    pub strict: bool,
    /// The day the site is built as of.
    pub today: Date,
    /// Commit dates of the content files.
    pub history: &'a History,
}

impl<'a> Setup<'a> {
    /// The setup `opts` ask for, with these settings, theme and history.
    pub fn of(
        opts: &BuildOptions,
        config: Option<&'a Config>,
        theme: Option<&'a Theme>,
        history: &'a History,
    ) -> Setup<'a> {
        Setup { config, theme, drafts: opts.drafts, strict: opts.strict, today: opts.today, history }
    }
}

/// The stages after loading, all in memory: validate, index, render.
///
/// Without settings or theme (already reported) the content is still checked
/// but nothing is rendered.
pub fn build_sources(setup: &Setup<'_>, files: &[SourceFile], diags: &mut Diagnostics) -> Site {
    let ((index, timings), output) = in_memory(|sink| build_sources_into(setup, files, sink, diags));
    Site { output, index, timings }
}

/// Like `build_sources`, handing each rendered file to `sink` instead of keeping it.
pub fn build_sources_into(
    setup: &Setup<'_>,
    files: &[SourceFile],
    sink: Sink<'_>,
    diags: &mut Diagnostics,
) -> (SiteIndex, Timings) {
    let validated = validate_sources(files, setup.today);
    let assembled = assemble(files, validated, diags);
    build_assembled_into(setup, assembled, Default::default(), sink, diags)
}

/// Validates every file (in parallel) as of `today`.
fn validate_sources(files: &[SourceFile], today: Date) -> Vec<Validated> {
    files.par_iter().map(|f| validate::validate_file(f, today)).collect()
}

/// The content of `files` once validated (`validated` holds one result per
/// file), with what the later stages need to know of the files themselves:
/// it owns everything, so the files' text can be dropped.
struct Assembled {
    content: Content,
    /// Content paths of the files with errors of their own.
    failed: HashSet<String>,
    /// The files not to be published, by path.
    unpublished: std::collections::HashMap<PathBuf, Unpublished>,
    timings: Timings,
}

/// Reports the problems `validated` found and assembles the content.
fn assemble(files: &[SourceFile], validated: Vec<Validated>, diags: &mut Diagnostics) -> Assembled {
    let mut timings = Timings::start();
    for v in &validated {
        v.problems.iter().for_each(|d| diags.push(d.clone()));
    }
    let content = validate::assemble(validated.iter());
    let failed =
        files.iter().zip(&validated).filter(|(_, v)| v.item.is_none()).map(|(f, _)| f.content_path.clone()).collect();
    let unpublished = unpublished_files(files.iter().map(|f| f.path.as_path()).zip(&validated));
    drop(validated);
    timings.lap("assemble");
    Assembled { content, failed, unpublished, timings }
}

/// The stages after validation: index, render; `pictures` are the
/// pictures beside the content files.
fn build_assembled_into(
    setup: &Setup<'_>,
    assembled: Assembled,
    pictures: crate::pictures::SitePictures,
    sink: Sink<'_>,
    diags: &mut Diagnostics,
) -> (SiteIndex, Timings) {
    let Assembled { content, failed, unpublished, mut timings } = assembled;
    let today = setup.today;
    let mut index = index_content(content, failed, setup, None, diags);
    index.pictures = Arc::new(pictures);
    crate::pictures::check_notes(&index, diags);
    timings.lap("index");
    if let (Some(config), Some(theme)) = (setup.config, setup.theme) {
        render::render(&index, config, theme, today, &mut timings, sink, diags);
    }
    settle(diags, &unpublished, setup);
    (index, timings)
}

/// The files that are not to be published (drafts, scheduled), by path.
pub fn unpublished_files<'a>(
    files: impl Iterator<Item = (&'a Path, &'a Validated)>,
) -> std::collections::HashMap<PathBuf, Unpublished> {
    files.filter_map(|(path, v)| Some((path.to_path_buf(), v.unpublished?))).collect()
}

/// The last word on every problem, in one place: unless drafts are built,
/// a problem in a file that is not published (`unpublished`) is a warning
/// marked as that file's, so one writer's draft never stops the desk; then,
/// when strict (`--strict` or `strict: true`), every other warning is an error.
pub fn settle(
    diags: &mut Diagnostics,
    unpublished: &std::collections::HashMap<PathBuf, Unpublished>,
    setup: &Setup<'_>,
) {
    if !setup.drafts {
        diags.hold_unpublished(unpublished);
    }
    if setup.strict || setup.config.is_some_and(|c| c.strict) {
        diags.make_strict();
    }
}

/// Index stage of a build: holds back drafts and scheduled items (unless
/// `setup.drafts`), cross-references the rest, and checks the links of rejected
/// files. `failed` lists the content paths of files with errors of their own.
pub fn index_content(
    mut content: Content,
    failed: HashSet<String>,
    setup: &Setup<'_>,
    memo: Option<&mut index::memo::IndexMemo>,
    diags: &mut Diagnostics,
) -> SiteIndex {
    let rejected = std::mem::take(&mut content.rejected);
    let (mut withheld, mut unrendered) =
        if setup.drafts { (Withheld::default(), Vec::new()) } else { hold_back(&mut content, setup.today) };
    withheld.rejected_briefings = rejected.iter().any(|r| r.origin.content_path.starts_with("briefings/"));
    for r in &rejected {
        if !r.groups.is_empty() || r.slug.is_some() {
            withheld.unindexed.push(Unindexed {
                path: r.origin.path.clone(),
                groups: r.groups.clone(),
                slug: r.slug.clone().map(|s| (s, None)),
            });
        }
    }
    let translations = std::mem::take(&mut content.translations);
    let glossaries = std::mem::take(&mut content.glossaries);
    let mut held: HashSet<String> = withheld.unpublished.keys().cloned().collect();
    held.extend(failed.iter().cloned());
    let mut index = match memo {
        Some(memo) => memo.index(content, withheld, setup.history, diags),
        None => index::index(content, withheld, setup.history, diags),
    };
    let known = index::translations::Known {
        main: setup.config.map_or("en", |c| c.language.as_str()),
        others: setup.config.map(|c| c.languages.iter().skip(1).map(|l| l.code.clone()).collect()),
        held,
    };
    index.translated = index::translations::attach(&index, translations, glossaries, &known, diags).into();
    let languages: Vec<String> =
        setup.config.map(|c| c.languages.iter().skip(1).map(|l| l.code.clone()).collect()).unwrap_or_default();
    index::addresses::check(&index, &languages, diags);
    index::lost_publication_dates(&index, setup.history, diags);
    Arc::make_mut(&mut index.links).ignore(failed);
    if let Some(config) = setup.config {
        unrendered.extend(rejected.into_iter().map(|r| (r.origin, r.body)));
        check_links(&unrendered, &index, config, diags);
    }
    index
}

/// Builds and writes the site; writes nothing when there is any error.
///
/// Files are written into a staging folder as they are rendered (so the
/// site is never held in memory whole) and swapped into the output folder
/// at the end, only when the build had no error.
pub fn build(opts: &BuildOptions) -> (Option<Written>, Diagnostics) {
    let out_dir = opts.output_dir();
    let mut diags = Diagnostics::new();
    if let Err(d) = check_output_dir(&opts.root, &out_dir) {
        diags.push(d);
        return (None, diags);
    }
    let staging = match Staging::begin(&out_dir, OutputPolicy { force: opts.force }) {
        Ok(s) => s,
        Err(d) => {
            diags.push(d);
            return (None, diags);
        }
    };
    let failure: Mutex<Option<Diagnostic>> = Mutex::new(None);
    let sink = |path: String, made: Made| {
        let written = match made {
            Made::Bytes(bytes) => staging.write(&path, &bytes),
            Made::Kept(file) => staging.publish(&path, &file),
        };
        if let Err(e) = written {
            let d = Diagnostic::error("write-failed", out_dir.join(&path), format!("cannot write: {e}"))
                .hint("check that the output folder's parent is writable and the disk is not full");
            failure.lock().unwrap_or_else(|e| e.into_inner()).get_or_insert(d);
        }
    };
    let record = crate::output::history_record(&out_dir);
    let (built, mut diags) = run(opts, record.as_deref(), &sink, PictureStore::default());
    if let Some(d) = failure.into_inner().unwrap_or_else(|e| e.into_inner()) {
        diags.push(d);
        return (None, diags);
    }
    let Some((index, mut timings)) = built else { return (None, diags) };
    let (files, bytes) = staging.written();
    let mut swap = Timings::start();
    if let Err(d) = staging.commit() {
        diags.push(d);
        return (None, diags);
    }
    swap.lap("swap");
    timings.extend(swap);
    (Some(Written { index, timings, files, bytes }), diags)
}

/// Every problem `build` would report, without writing anything: each file
/// is rendered (templates can fail) and dropped at once.
///
/// Besides problems, it lists as notes (never errors, even when strict) the
/// briefings with no translation into each other language, so an editor can
/// plan the work.
pub fn check(opts: &BuildOptions) -> Diagnostics {
    let (built, mut diags) = run(opts, None, &|_, _| {}, PictureStore::read_only());
    if let Some((index, _)) = built {
        untranslated_notes(&index, &mut diags);
        diags.sort();
    }
    diags
}

/// A note for each briefing with no translation into a language the site publishes.
fn untranslated_notes(index: &SiteIndex, diags: &mut Diagnostics) {
    for language in index.translated.iter() {
        for (b, t) in index.briefings.iter().zip(&language.briefings) {
            if t.is_none() {
                let file = crate::model::translation::translation_file(&b.origin.content_path, &language.code);
                diags.push(
                    Diagnostic::note(
                        "untranslated",
                        &b.origin.path,
                        format!(
                            "no `{}` translation yet: its `{}` page shows it as written",
                            language.code, language.code
                        ),
                    )
                    .hint(format!("write content/{file} with its translated title, summary and body")),
                );
            }
        }
    }
}

/// Checks the `@/` links of bodies whose front matter has errors.
fn check_links(bodies: &[(Origin, Body)], index: &SiteIndex, config: &Config, diags: &mut Diagnostics) {
    let options = MarkdownOptions {
        base_path: config.base_path(),
        unsafe_html: config.unsafe_html,
        shared_path: config.base_path(),
        // Bodies checked here are never shown.
        desk_credit: String::new(),
    };
    for (origin, body) in bodies {
        let mut problems = Vec::new();
        markdown::render(body, origin, &index.links, &index.pictures, &options, &mut problems);
        problems.into_iter().for_each(|d| diags.push(d));
    }
}

/// Removes drafts and scheduled items; returns what the index must still
/// know of them, and their bodies (whose links are still checked).
fn hold_back(content: &mut Content, today: Date) -> (Withheld, Vec<(Origin, Body)>) {
    let mut held = HashMap::default();
    let mut unindexed = Vec::new();
    let mut bodies = Vec::new();
    content.briefings.retain(|b| {
        let why = if b.draft {
            Some("a draft")
        } else if b.is_scheduled(today) {
            Some("scheduled")
        } else {
            None
        };
        if let Some(why) = why {
            held.insert(b.origin.content_path.clone(), why);
            unindexed.push(Unindexed {
                path: b.origin.path.clone(),
                groups: b.groups.clone(),
                slug: Some((b.slug.clone(), b.slug_span)),
            });
            bodies.push((b.origin.clone(), b.body.clone()));
        }
        why.is_none()
    });
    content.translations.retain(|t| {
        let why = if t.draft {
            Some("a draft")
        } else if t.published.is_some_and(|p| p > today) {
            Some("scheduled")
        } else {
            None
        };
        if let Some(why) = why {
            held.insert(t.origin.content_path.clone(), why);
            bodies.push((t.origin.clone(), t.body.clone()));
        }
        why.is_none()
    });
    content.pages.retain(|p| {
        if p.draft {
            held.insert(p.origin.content_path.clone(), "a draft");
            bodies.push((p.origin.clone(), p.body.clone()));
        }
        !p.draft
    });
    (Withheld { unpublished: held, unindexed, rejected_briefings: false }, bodies)
}

/// Refuses an output folder that is, contains or lies inside what the site
/// is made of: the site folder, `content/`, `themes/`, `site.yaml`, or the
/// target of a symbolic link among the sources. Every path is compared with
/// its symbolic links resolved, on both sides.
pub fn check_output_dir(root: &Path, out: &Path) -> Result<(), Diagnostic> {
    let root = absolute(root);
    let out_abs = absolute(out);
    let refuse = |why: String| {
        Err(Diagnostic::error(
            "bad-output",
            out,
            format!("refusing to write the site into {}: {why}", out_abs.display()),
        )
        .hint("choose an empty folder, or the default `output/`, with --output"))
    };
    if out_abs == root {
        return refuse("it is the site folder".into());
    }
    if root.starts_with(&out_abs) {
        return refuse("it contains the site".into());
    }
    for (source, what) in sources(&root) {
        if out_abs == source {
            return refuse(format!("it is {what}"));
        }
        if out_abs.starts_with(&source) {
            return refuse(format!("it is inside {what}"));
        }
        if source.starts_with(&out_abs) {
            return refuse(format!("it contains {what}"));
        }
    }
    Ok(())
}

/// What a site is made of, symbolic links resolved: `content/`, `themes/`,
/// `site.yaml`, and where any symbolic link under `content/` or `themes/` leads.
fn sources(root: &Path) -> Vec<(PathBuf, String)> {
    let mut out = Vec::new();
    for (name, what) in [("content", "content/"), ("themes", "themes/"), (config::CONFIG_FILE, "the settings file")] {
        let path = root.join(name);
        out.push((absolute(&path), what.to_string()));
        if path.is_dir() {
            for entry in walkdir::WalkDir::new(&path).follow_links(false).into_iter().flatten() {
                if entry.path_is_symlink() {
                    let shown = entry.path().strip_prefix(root).unwrap_or(entry.path()).display().to_string();
                    out.push((absolute(entry.path()), format!("what {shown} links to")));
                }
            }
        }
    }
    out
}

/// An absolute, normalised path, even when it does not exist yet.
fn absolute(path: &Path) -> PathBuf {
    let base = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    // Canonicalise the longest existing ancestor so symlinks and `..` resolve.
    let mut existing = base.clone();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.file_name().map(|n| n.to_os_string()), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let mut out = existing.canonicalize().unwrap_or(existing);
    for name in rest.into_iter().rev() {
        out.push(name);
    }
    out
}
