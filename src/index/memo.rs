//! The index a preview keeps between rebuilds: made again only when what it
//! reads has changed.
//!
//! The index reads a briefing's facts (dates, places, groups, figures,
//! terms, corrections, where its file is), never its title, summary,
//! sources or body. An edit to those (most of a writer's edits) leaves every
//! list, total, term and relation as it was, so the last index is reused
//! with the new briefings in it; anything else makes it again. A full build
//! always makes it.

use std::sync::Arc;

use super::{SiteIndex, Withheld, in_chronological_order, index};
use crate::diagnostics::Diagnostics;
use crate::history::{History, HistoryMark};
use crate::model::{Briefing, Content, CountryProfile, GroupProfile, Origin, Page};

/// The last index made, with what it was made from and the problems it found.
#[derive(Debug, Default)]
pub struct IndexMemo {
    kept: Option<Kept>,
}

#[derive(Debug)]
struct Kept {
    briefings: Vec<Arc<Briefing>>,
    groups: Vec<GroupProfile>,
    countries: Vec<CountryProfile>,
    pages: Vec<Page>,
    withheld: Withheld,
    history: HistoryMark,
    made: SiteIndex,
    found: Diagnostics,
}

impl IndexMemo {
    /// The index of `content`: the kept one, with `content`'s briefings,
    /// when the index would read the same from it; otherwise made (and kept).
    pub fn index(
        &mut self,
        content: Content,
        withheld: Withheld,
        history: &History,
        diags: &mut Diagnostics,
    ) -> SiteIndex {
        if let Some(kept) = self.kept.as_mut().filter(|k| k.reads_the_same(&content, &withheld, history)) {
            let mut made = kept.made.clone();
            made.briefings = in_chronological_order(content.briefings.clone());
            kept.briefings = content.briefings;
            diags.extend(kept.found.clone());
            return made;
        }
        let mut kept = Kept {
            briefings: content.briefings.clone(),
            groups: content.groups.clone(),
            countries: content.countries.clone(),
            pages: content.pages.clone(),
            withheld: withheld.clone(),
            history: history.mark(),
            made: SiteIndex::default(),
            found: Diagnostics::new(),
        };
        kept.made = index(content, withheld, history, &mut kept.found);
        diags.extend(kept.found.clone());
        let made = kept.made.clone();
        self.kept = Some(kept);
        made
    }
}

impl Kept {
    fn reads_the_same(&self, content: &Content, withheld: &Withheld, history: &History) -> bool {
        self.briefings.len() == content.briefings.len()
            && self.briefings.iter().zip(&content.briefings).all(|(a, b)| Arc::ptr_eq(a, b) || same_facts(a, b))
            && self.groups == content.groups
            && self.countries == content.countries
            && self.pages == content.pages
            && self.withheld == *withheld
            && self.history == history.mark()
    }
}

/// True when `a` and `b` differ at most in what the index does not read:
/// title, summary, sources, body, and the file's fingerprint. Every field is
/// named, so a new one must be placed on one side or the other.
fn same_facts(a: &Briefing, b: &Briefing) -> bool {
    let Briefing {
        origin,
        slug,
        slug_span,
        title: _,
        date,
        end_date,
        event,
        published,
        updated,
        summary: _,
        draft,
        countries,
        locations,
        groups,
        targets,
        tactics,
        tags,
        casualties,
        sources: _,
        corrections,
        body: _,
    } = a;
    let Origin { path, content_path, modified, fingerprint: _ } = origin;
    *path == b.origin.path
        && *content_path == b.origin.content_path
        && *modified == b.origin.modified
        && *slug == b.slug
        && *slug_span == b.slug_span
        && *date == b.date
        && *end_date == b.end_date
        && *event == b.event
        && *published == b.published
        && *updated == b.updated
        && *draft == b.draft
        && *countries == b.countries
        && *locations == b.locations
        && *groups == b.groups
        && *targets == b.targets
        && *tactics == b.tactics
        && *tags == b.tags
        && *casualties == b.casualties
        && *corrections == b.corrections
}
