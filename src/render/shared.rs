//! What many pages of one build share, made once, on first use: the header
//! of a group's or a country's pages (each split into many pages), a year's
//! summary, the list of years, a term's header. Made from the same index as every page, so
//! sharing changes nothing in what a page shows, only how often it is made.

use std::sync::OnceLock;

use serde::Serialize;

use super::fingerprint::{self, Hashed};
use super::kept::Generations;
use super::profiles::{CountryPart, GroupPart};

/// A part as a template value, with its fingerprint.
pub struct Memo {
    value: tera::Value,
    fingerprint: u64,
}

impl Memo {
    /// The part, ready to insert in a page's context.
    pub fn hashed(&self) -> Hashed<'_, tera::Value> {
        Hashed::new(&self.value, self.fingerprint)
    }
}

/// Shared parts as template values, kept between the rebuilds of a live
/// preview under their fingerprint: a part that has not changed is not
/// made into a template value again (a group's totals are hundreds of
/// values). Those the last rebuild did not use are let go.
#[derive(Default)]
pub struct ValueCache {
    generations: Generations<tera::Value>,
}

impl ValueCache {
    /// Starts a rebuild: what the last rebuild did not use is let go.
    pub fn next_generation(&self) {
        self.generations.next_generation();
    }

    /// `part` as a template value, fingerprinted (made unless kept).
    pub fn memo<T: Serialize>(&self, part: &T) -> Memo {
        let fingerprint = fingerprint::of(part);
        let value = self.generations.get_or_make(fingerprint, || {
            tera::Value::try_from_serializable(part).unwrap_or_else(|_| tera::Value::none())
        });
        Memo { value, fingerprint }
    }
}

/// The shared parts of one build, by group, country and year.
#[derive(Default)]
pub struct Shared {
    /// By group id.
    pub(super) groups: Vec<OnceLock<GroupPart>>,
    /// By country id.
    pub(super) countries: Vec<OnceLock<CountryPart>>,
    /// A year's summary, by position in the chronology.
    pub(super) years: Vec<OnceLock<Memo>>,
    /// Every year, with its address and count.
    pub(super) year_links: OnceLock<Memo>,
    /// By term id.
    pub(super) terms: Vec<OnceLock<TermPart>>,
}

/// What every page of a term shares, made once per build.
pub(super) struct TermPart {
    /// `term`, as a template value.
    pub(super) view: Memo,
    /// With what it is: `Tag: capital`, `Mopti, Mali`.
    pub(super) name: String,
    /// What its pages say they are about.
    pub(super) description: String,
    /// Its address.
    pub(super) path: String,
}

impl Shared {
    /// Room for the parts of a site with these many groups, countries, years and terms.
    pub fn new(groups: usize, countries: usize, years: usize, terms: usize) -> Shared {
        Shared {
            groups: (0..groups).map(|_| OnceLock::new()).collect(),
            countries: (0..countries).map(|_| OnceLock::new()).collect(),
            years: (0..years).map(|_| OnceLock::new()).collect(),
            year_links: OnceLock::new(),
            terms: (0..terms).map(|_| OnceLock::new()).collect(),
        }
    }
}
