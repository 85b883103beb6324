//! What readers can search for in one language: a record per briefing,
//! group, country and free page, made from what the pages are made of.

use std::collections::BTreeMap;

use std::sync::Arc;

use rayon::prelude::*;

use crate::markdown::Rendered;
use crate::search::{SearchRecord, join};

use super::jobs::{Job, path_of};
use super::{Incident, Prepared, Urls, Words};
use crate::config::Config;
use crate::index::SiteIndex;

/// What one language's records are made of: parts of its [`Prepared`] site,
/// borrowed while the pages are made or after (a preview makes its records
/// once the reload has gone out).
pub struct Sources<'a> {
    /// The language's index.
    pub index: &'a SiteIndex,
    /// Settings.
    pub config: &'a Config,
    /// The language's words.
    pub words: &'a Words,
    /// The language's addresses.
    pub urls: &'a Urls,
    /// Its position among the site's languages.
    pub language: usize,
    /// Every incident, by briefing id.
    pub incidents: &'a [Arc<Incident>],
    /// Rendered bodies of briefings, by id.
    pub briefing_bodies: &'a [Arc<Rendered>],
    /// Rendered bodies of group profiles, by group id.
    pub group_bodies: &'a [Option<Arc<Rendered>>],
    /// Rendered bodies of country profiles, by country id.
    pub country_bodies: &'a [Option<Arc<Rendered>>],
    /// Rendered bodies of free pages.
    pub page_bodies: &'a [Arc<Rendered>],
}

impl<'a> Sources<'a> {
    /// The sources of `site`'s records.
    pub fn of(site: &'a Prepared<'a>) -> Sources<'a> {
        Sources {
            index: site.index,
            config: site.config,
            words: site.words,
            urls: &site.urls,
            language: site.language,
            incidents: &site.incidents,
            briefing_bodies: &site.briefing_bodies,
            group_bodies: &site.group_bodies,
            country_bodies: &site.country_bodies,
            page_bodies: &site.page_bodies,
        }
    }
}

/// Every page of `site`'s language a reader can find. Filter names and the
/// kinds of page are the theme's words.
pub fn records(site: &Sources<'_>) -> Vec<SearchRecord> {
    let index = site.index;
    let words = site.words;
    let say = |key: &str| words.phrase(key, &[]);
    let (kind, group, country, year, event) = (
        say("search-filter-kind"),
        say("search-filter-group"),
        say("search-filter-country"),
        say("search-filter-year"),
        say("search-filter-event"),
    );
    let language = site.config.languages[site.language].code.clone();
    let record = |job: Job, title: &str, text: String, body: Option<&Arc<Rendered>>, filters| SearchRecord {
        url: format!("{}{}", site.urls.prefix(), path_of(&job, index)),
        language: language.clone(),
        title: title.to_string(),
        text,
        body: body.cloned(),
        filters,
    };
    let briefing_kind = say("search-kind-briefing");
    // The briefings, by far the most, in parallel (a preview makes them at every edit).
    let mut records: Vec<SearchRecord> = (0..index.briefings.len())
        .into_par_iter()
        .map(|id| {
            let b = &index.briefings[id];
            let row = &site.incidents[id].row;
            let mut groups: Vec<String> =
                index.involvements[id].iter().map(|i| index.groups[i.group].name.clone()).collect();
            groups.dedup();
            let filters = BTreeMap::from([
                (kind.clone(), vec![briefing_kind.clone()]),
                (group.clone(), groups),
                (country.clone(), row.countries.iter().map(|c| c.name.clone()).collect()),
                (year.clone(), vec![b.date.year().to_string()]),
                (event.clone(), vec![row.event_label.clone()]),
            ]);
            let text = join(&[&b.title, &row.summary, &row.places]);
            record(Job::Briefing(id), &b.title, text, Some(&site.briefing_bodies[id]), filters)
        })
        .collect();
    let group_kind = say("search-kind-group");
    for (g, entry) in index.groups.iter().enumerate() {
        let mut text = vec![entry.name.as_str()];
        if let Some(p) = &entry.profile {
            text.extend(p.full_name.as_deref());
            text.extend(p.aliases.iter().map(String::as_str));
        }
        let filters = BTreeMap::from([(kind.clone(), vec![group_kind.clone()])]);
        records.push(record(Job::Group(g, 0), &entry.name, join(&text), site.group_bodies[g].as_ref(), filters));
    }
    let country_kind = say("search-kind-country");
    for (c, entry) in index.countries.iter().enumerate() {
        let filters = BTreeMap::from([(kind.clone(), vec![country_kind.clone()])]);
        let body = site.country_bodies[c].as_ref();
        records.push(record(Job::Country(c, 0), &entry.name, entry.name.clone(), body, filters));
    }
    let page_kind = say("search-kind-page");
    for (p, page) in index.pages.iter().enumerate() {
        let summary = page.summary.as_deref().unwrap_or("");
        let filters = BTreeMap::from([(kind.clone(), vec![page_kind.clone()])]);
        let text = join(&[&page.title, summary]);
        records.push(record(Job::Page(p), &page.title, text, Some(&site.page_bodies[p]), filters));
    }
    records
}
