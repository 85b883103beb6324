//! The overviews of lists of incidents (a map's places, a chart's months),
//! kept between the rebuilds of a live preview: an edit to one briefing
//! gathers again only the lists it is in, and only when it moved what they
//! gather (its date, kind, countries, places or killed).

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use crate::index::BriefingId;

use super::Prepared;
use super::charts::MonthStat;
use super::kept::Generations;
use super::places::Gathered;

/// What a page's map and chart are drawn from.
pub struct Gathering {
    /// The incidents by place.
    pub places: Gathered,
    /// The incidents by month.
    pub months: Vec<MonthStat>,
    /// How many have no month.
    pub undated: usize,
}

/// Gatherings by the fingerprint of their incidents: those the last
/// rebuild used and those this one has used so far.
#[derive(Default)]
pub struct OverviewCache {
    generations: Generations<Arc<Gathering>>,
}

impl OverviewCache {
    /// Starts a rebuild: what the last rebuild did not use is let go.
    pub fn next_generation(&self) {
        self.generations.next_generation();
    }

    /// The gathering of incidents `ids` of `site`, made unless a rebuild
    /// already made it from the same incidents.
    pub fn gathering(&self, site: &Prepared<'_>, ids: &[BriefingId]) -> Arc<Gathering> {
        let mut h = super::fingerprint::hasher();
        ids.len().hash(&mut h);
        // Only what a gathering reads of each incident.
        ids.iter().for_each(|&id| (id, site.incidents[id].gathered_fingerprint).hash(&mut h));
        self.generations.get_or_make(h.finish(), || {
            let places = super::places::gather(site.index, ids);
            let (months, undated) = super::charts::monthly(site.index, ids, site.words);
            Arc::new(Gathering { places, months, undated })
        })
    }
}
