//! Rendered Markdown bodies, kept between rebuilds.
//!
//! A body is rendered again only when its text, its position in the file, the
//! rendering options, or the address of a page it links to changed. Its link
//! problems are kept with it and reported again on every build, so a cached
//! body never hides an error.

use std::collections::hash_map::DefaultHasher;
use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::index::{BriefingId, LinkTargets, SiteIndex};
use crate::markdown::{self, MarkdownOptions, Rendered};
use crate::model::{Body, Origin};

/// Rendered bodies by content path, reused while still valid.
#[derive(Default)]
pub struct BodyCache {
    entries: HashMap<String, Entry>,
    rendered_last: Vec<String>,
    /// What the last call returned, for `render_changed`.
    last: Option<Bodies>,
}

struct Entry {
    key: u64,
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

/// What a body's rendering depends on, apart from its links.
fn key_of(body: &Body, origin: &Origin, options: &MarkdownOptions) -> u64 {
    let mut h = DefaultHasher::new();
    body.fingerprint().hash(&mut h);
    origin.path.hash(&mut h);
    options.base_path.hash(&mut h);
    options.unsafe_html.hash(&mut h);
    h.finish()
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

    /// Content paths of the bodies the last `render_all` had to render (not cached).
    pub fn rendered_last(&self) -> &[String] {
        &self.rendered_last
    }

    /// The cached rendering of `origin`'s body, if still valid.
    fn fresh(&self, origin: &Origin, key: u64, links: &LinkTargets) -> Option<&Entry> {
        let entry = self.entries.get(&origin.content_path)?;
        let same_links = entry
            .rendered
            .links
            .iter()
            .all(|(target, before)| links.resolve(target).as_ref().copied() == before.as_deref());
        (entry.key == key && same_links).then_some(entry)
    }

    /// Renders every body of `index`, reusing what is still valid; link
    /// problems (cached or new) go to `diags`. Bodies of files that are gone
    /// are forgotten.
    pub fn render_all(&mut self, index: &SiteIndex, options: &MarkdownOptions, diags: &mut Diagnostics) -> Bodies {
        let mut wanted: Vec<(&Origin, &Body)> = Vec::new();
        wanted.extend(index.briefings.iter().map(|b| (&b.origin, &b.body)));
        wanted.extend(index.groups.iter().filter_map(|g| g.profile.as_ref()).map(|p| (&p.origin, &p.body)));
        wanted.extend(index.countries.iter().filter_map(|c| c.profile.as_ref()).map(|p| (&p.origin, &p.body)));
        wanted.extend(index.pages.iter().map(|p| (&p.origin, &p.body)));

        // Render what is missing or stale, in parallel.
        let fresh: Vec<Option<Entry>> = wanted
            .par_iter()
            .map(|(origin, body)| {
                let key = key_of(body, origin, options);
                if self.fresh(origin, key, &index.links).is_some() {
                    return None;
                }
                let mut problems = Vec::new();
                let rendered = markdown::render(body, &origin.path, &index.links, options, &mut problems);
                Some(Entry { key, rendered: Arc::new(rendered), problems })
            })
            .collect();
        self.rendered_last.clear();
        for ((origin, _), entry) in wanted.iter().zip(fresh) {
            if let Some(entry) = entry {
                self.rendered_last.push(origin.content_path.clone());
                self.entries.insert(origin.content_path.clone(), entry);
            }
        }
        let present: HashSet<&str> = wanted.iter().map(|(o, _)| o.content_path.as_str()).collect();
        self.entries.retain(|k, _| present.contains(k.as_str()));

        let mut get = |origin: &Origin| {
            let entry = &self.entries[&origin.content_path];
            entry.problems.iter().for_each(|d| diags.push(d.clone()));
            Arc::clone(&entry.rendered)
        };
        let bodies = Bodies {
            briefings: index.briefings.iter().map(|b| get(&b.origin)).collect(),
            groups: index.groups.iter().map(|g| g.profile.as_ref().map(|p| get(&p.origin))).collect(),
            countries: index.countries.iter().map(|c| c.profile.as_ref().map(|p| get(&p.origin))).collect(),
            pages: index.pages.iter().map(|p| get(&p.origin)).collect(),
        };
        self.last = Some(bodies.clone());
        bodies
    }

    /// Like `render_all` for an index that differs from the last one only in
    /// the briefings `changed` (same files, same link targets): only their
    /// bodies are looked at, the rest are the last call's.
    pub fn render_changed(
        &mut self,
        index: &SiteIndex,
        changed: &[BriefingId],
        options: &MarkdownOptions,
        diags: &mut Diagnostics,
    ) -> Bodies {
        if self.last.as_ref().is_none_or(|b| b.briefings.len() != index.briefings.len()) {
            return self.render_all(index, options, diags);
        }
        self.rendered_last.clear();
        for &id in changed {
            let b = &index.briefings[id];
            let key = key_of(&b.body, &b.origin, options);
            if self.fresh(&b.origin, key, &index.links).is_none() {
                let mut problems = Vec::new();
                let rendered = markdown::render(&b.body, &b.origin.path, &index.links, options, &mut problems);
                self.entries
                    .insert(b.origin.content_path.clone(), Entry { key, rendered: Arc::new(rendered), problems });
                self.rendered_last.push(b.origin.content_path.clone());
            }
            let rendered = Arc::clone(&self.entries[&b.origin.content_path].rendered);
            if let Some(last) = self.last.as_mut() {
                last.briefings[id] = rendered;
            }
        }
        for entry in self.entries.values() {
            entry.problems.iter().for_each(|d| diags.push(d.clone()));
        }
        self.last.clone().expect("checked above")
    }
}
