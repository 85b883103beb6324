//! Rendered Markdown bodies, kept between rebuilds of a live preview.
//!
//! A body is kept under the fingerprint of its text, its file and the
//! rendering options, with the addresses its `@/` links led to: it is
//! rendered again when any of these differ. Its link problems are kept with
//! it and reported again on every build, so a kept body never hides an error.

use foldhash::HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::index::{LinkTargets, SiteIndex};
use crate::markdown::{self, MarkdownOptions, Rendered};
use crate::model::{Body, Origin};

/// Rendered bodies, kept under the fingerprint of their text.
#[derive(Default)]
pub struct BodyCache {
    entries: HashMap<u64, Entry>,
    /// Where links led when the kept renderings were last checked.
    links: Option<Arc<LinkTargets>>,
}

struct Entry {
    rendered: Arc<Rendered>,
    problems: Vec<Diagnostic>,
}

/// The bodies of every page kind, in index order.
#[derive(Clone)]
pub struct Bodies {
    /// By briefing id.
    pub briefings: Vec<Arc<Rendered>>,
    /// By group id (`None` for groups without a profile).
    pub groups: Vec<Option<Arc<Rendered>>>,
    /// By country id (`None` for countries without a profile).
    pub countries: Vec<Option<Arc<Rendered>>>,
    /// By page position.
    pub pages: Vec<Arc<Rendered>>,
}

/// What a body's rendering depends on, apart from its links: its text (with
/// its notes on pictures), the file it is in, the pictures in its folder
/// (`pictures`, a fingerprint), the rendering options.
fn key_of(body: &Body, origin: &Origin, options: u64, pictures: u64) -> u64 {
    super::fingerprint::of_hash(&(body.fingerprint(), origin.path.as_os_str(), options, pictures))
}

/// The fingerprint of the rendering options, taken once for every body.
fn options_key(options: &MarkdownOptions) -> u64 {
    super::fingerprint::of_hash(&(&options.base_path, &options.shared_path, &options.desk_credit, options.unsafe_html))
}

impl BodyCache {
    /// How many bodies are kept.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when nothing is kept.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Renders every body of `index`, in parallel, reusing a kept rendering of
    /// the same text whose links still lead where they led; link problems
    /// (kept or new) go to `diags`. Bodies no longer in the site are forgotten.
    pub fn render(&mut self, index: &SiteIndex, options: &MarkdownOptions, diags: &mut Diagnostics) -> Bodies {
        let wanted: Vec<(&Origin, &Body)> = index.bodies().collect();
        let options_key = options_key(options);
        // Every kept rendering's links led where they lead now if no link
        // target changed since they were last checked (at the last rebuild).
        let links_unchanged =
            self.links.as_ref().is_some_and(|last| Arc::ptr_eq(last, &index.links) || **last == *index.links);

        let done: Vec<(u64, Arc<Rendered>, Vec<Diagnostic>)> = wanted
            .par_iter()
            .map(|(origin, body)| {
                let key = key_of(body, origin, options_key, index.pictures.folder_fingerprint(&origin.content_path));
                if let Some(entry) =
                    self.entries.get(&key).filter(|e| links_unchanged || same_links(&e.rendered, &index.links))
                {
                    return (key, Arc::clone(&entry.rendered), entry.problems.clone());
                }
                let mut problems = Vec::new();
                let rendered = markdown::render(body, origin, &index.links, &index.pictures, options, &mut problems);
                (key, Arc::new(rendered), problems)
            })
            .collect();
        let mut entries = HashMap::with_capacity_and_hasher(done.len(), Default::default());
        let mut in_order = Vec::with_capacity(done.len());
        for (key, rendered, problems) in done {
            problems.iter().for_each(|d| diags.push(d.clone()));
            in_order.push(Arc::clone(&rendered));
            entries.insert(key, Entry { rendered, problems });
        }
        self.entries = entries;
        self.links = Some(Arc::clone(&index.links));
        // In the order `SiteIndex::bodies` gives them.
        let mut next = in_order.into_iter();
        let mut take = || next.next().expect("a body for every item that has one");
        Bodies {
            briefings: index.briefings.iter().map(|_| take()).collect(),
            groups: index.groups.iter().map(|g| g.profile.as_ref().map(|_| take())).collect(),
            countries: index.countries.iter().map(|c| c.profile.as_ref().map(|_| take())).collect(),
            pages: index.pages.iter().map(|_| take()).collect(),
        }
    }
}

/// True when every `@/` link of `rendered` still leads where it led.
fn same_links(rendered: &Rendered, links: &LinkTargets) -> bool {
    rendered.links.iter().all(|(target, before)| links.resolve(target).as_ref().copied() == before.as_deref())
}
