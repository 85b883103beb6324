//! Where `@/` links lead: a content path (`briefings/2024/bamako.md`) to the
//! page built from it (`briefings/bamako-2024-09-17/`).

use foldhash::{HashMap, HashSet};
use std::sync::Arc;

use crate::model::{Briefing, Page};
use crate::urls;

use super::{Country, Group};

/// What `@/path.md` can point to.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LinkTargets {
    targets: HashMap<String, String>,
    unpublished: HashMap<String, &'static str>,
    failed: HashSet<String>,
}

/// Why a link could not be resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// No such content file.
    Missing,
    /// The file exists but is not published in this build (`draft`, `scheduled`).
    Unpublished(&'static str),
    /// The file has errors of its own (reported there); not reported again.
    Failed,
}

/// The targets of the briefings, the most numerous: made while the rest
/// of the index is.
#[derive(Debug, Default)]
pub struct BriefingTargets(HashMap<String, String>);

impl BriefingTargets {
    /// Where each briefing's content path leads.
    pub fn of(briefings: &[Arc<Briefing>]) -> BriefingTargets {
        let mut targets = HashMap::with_capacity_and_hasher(briefings.len() + 64, Default::default());
        for b in briefings {
            targets.insert(b.origin.content_path.clone(), urls::briefing(&b.slug));
        }
        BriefingTargets(targets)
    }
}

impl LinkTargets {
    /// Collects the targets of every page the index builds.
    ///
    /// Groups and countries can be linked by their profile's path and also by
    /// `groups/<slug>.md` and `countries/<code>.md`, even without a profile,
    /// since every group and country named gets a page.
    pub fn new(
        mut targets: BriefingTargets,
        groups: &[Group],
        countries: &[Country],
        pages: &[Page],
        unpublished: HashMap<String, &'static str>,
    ) -> LinkTargets {
        let targets = &mut targets.0;
        for g in groups {
            let url = urls::group(&g.slug);
            targets.insert(format!("groups/{}.md", g.slug), url.clone());
            if let Some(p) = &g.profile {
                targets.insert(p.origin.content_path.clone(), url);
            }
        }
        for c in countries {
            let url = urls::country(&c.slug);
            targets.insert(format!("countries/{}.md", c.code.lower()), url.clone());
            if let Some(p) = &c.profile {
                targets.insert(p.origin.content_path.clone(), url);
            }
        }
        for p in pages {
            targets.insert(p.origin.content_path.clone(), urls::page(&p.slug));
        }
        LinkTargets { targets: std::mem::take(targets), unpublished, failed: HashSet::default() }
    }

    /// Links to these content paths (files with errors of their own) are not reported.
    pub fn ignore(&mut self, failed: HashSet<String>) {
        self.failed = failed;
    }

    /// The page path for `@/<content_path>` (without the `@/`). A file that
    /// is a folder with its pictures can be named by its `index.md`, by its
    /// folder (`briefings/bamako/`) or as it was named before it became a
    /// folder (`briefings/bamako.md`).
    pub fn resolve(&self, content_path: &str) -> Result<&str, LinkError> {
        let written = content_path.trim_start_matches('/');
        // Most links name a published file as it is: found without a copy.
        if let Some(url) = self.targets.get(written) {
            return Ok(url);
        }
        let folder = match written.strip_suffix('/') {
            Some(f) => Some(format!("{f}/index.md")),
            None => written.strip_suffix(".md").map(|f| format!("{f}/index.md")),
        };
        let key = match folder {
            Some(f) if self.is_known(&f) => std::borrow::Cow::Owned(f),
            _ => std::borrow::Cow::Borrowed(written),
        };
        let key = key.as_ref();
        if let Some(url) = self.targets.get(key) {
            return Ok(url);
        }
        match self.unpublished.get(key) {
            Some(why) => Err(LinkError::Unpublished(why)),
            None if self.failed.contains(key) => Err(LinkError::Failed),
            None => Err(LinkError::Missing),
        }
    }

    /// True when `key` is a content path this site knows, published or not.
    fn is_known(&self, key: &str) -> bool {
        self.targets.contains_key(key) || self.unpublished.contains_key(key) || self.failed.contains(key)
    }

    /// Every content path that can be linked, sorted (for hints).
    pub fn known(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.targets.keys().map(String::as_str).collect();
        v.sort_unstable();
        v
    }
}
