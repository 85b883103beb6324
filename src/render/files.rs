//! Files made without a template: feeds, data downloads, sitemap, robots.txt.

use crate::index::BriefingId;

use super::Prepared;
use super::jobs::{self, Job};
use super::words::Value;
use super::{data, feeds};

/// The bytes of a non-template `job`.
pub fn build(job: &Job, site: &Prepared<'_>) -> Vec<u8> {
    let index = site.index;
    let title = &site.config.title;
    let newest_first: Vec<BriefingId> = index.newest_first().collect();
    let path = jobs::path_of(job, index);
    let json = |ids: &[BriefingId]| ids.iter().map(|&id| site.incidents[id].json.as_str()).collect::<Vec<_>>();
    let words = site.words;
    let phrase =
        |key: &str, name: &str| words.phrase(key, &[("site", Value::Text(title)), ("name", Value::Text(name))]);
    match *job {
        Job::SiteFeed => feeds::atom(site, &phrase("feed-title-site", ""), &path, "", &newest_first),
        Job::GroupFeed(g) => {
            let group = &index.groups[g];
            let name = phrase("feed-title-group", &group.name);
            feeds::atom(site, &name, &path, &crate::urls::group(&group.slug), &group.incidents)
        }
        Job::CountryFeed(c) => {
            let country = &index.countries[c];
            let name = phrase("feed-title-country", &country.name);
            feeds::atom(site, &name, &path, &crate::urls::country(&country.slug), &country.incidents)
        }
        Job::IncidentsJson => data::json(&phrase("data-title-site", ""), &site.config.base_url, &json(&newest_first)),
        Job::IncidentsCsv => {
            data::csv(&newest_first.iter().map(|&id| site.incidents[id].csv.as_slice()).collect::<Vec<_>>())
        }
        Job::IncidentsGeojson => data::geojson(
            &newest_first
                .iter()
                .flat_map(|&id| site.incidents[id].features.iter().map(String::as_str))
                .collect::<Vec<_>>(),
        ),
        Job::GroupJson(g) => {
            let group = &index.groups[g];
            data::json(&phrase("data-title-group", &group.name), &site.config.base_url, &json(&group.incidents))
        }
        Job::CountryJson(c) => {
            let country = &index.countries[c];
            data::json(&phrase("data-title-country", &country.name), &site.config.base_url, &json(&country.incidents))
        }
        Job::Sitemap => {
            let pages: Vec<(String, Option<jiff::civil::Date>)> = jobs::jobs(index)
                .iter()
                .filter(|j| j.is_page() && **j != Job::NotFound)
                .map(|j| {
                    let lastmod = match *j {
                        Job::Briefing(id) => index.publication[id].changed,
                        _ => None,
                    };
                    (jobs::path_of(j, index), lastmod)
                })
                .collect();
            feeds::sitemap(site, &pages)
        }
        Job::Robots => feeds::robots(site),
        _ => Vec::new(),
    }
}
