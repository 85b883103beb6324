//! The incident explorer's page: its filters' choices, where its script
//! reads the incidents, and the words and names the script needs.

use serde::Serialize;

use crate::index::BriefingId;
use crate::model::{Claim, EventType};
use crate::urls;

use super::Prepared;
use super::fingerprint::PageContext;
use super::jobs::{Job, path_of};
use super::pages::insert_overview;
use super::views::TotalsView;
use super::words::Value;

/// A choice in one of the explorer's filters.
#[derive(Serialize)]
struct Choice {
    value: String,
    label: String,
}

/// What the explorer's template receives (see `explorer.html`).
pub(super) fn context<'a>(site: &'a Prepared<'a>, ctx: &mut PageContext<'a>) {
    let index = site.index;
    // What it reads of every incident, in parts, in the page's language.
    let parts: Vec<String> = (0..super::jobs::explorer_parts(index))
        .map(|part| site.urls.to(&path_of(&Job::ExplorerData(part), index)))
        .collect();
    ctx.insert("data_urls", parts);
    ctx.insert("download_url", site.urls.shared(&format!("{}incidents.json", urls::data())));
    let groups: Vec<Choice> =
        index.groups.iter().map(|g| Choice { value: g.slug.clone(), label: g.name.clone() }).collect();
    let countries: Vec<Choice> =
        index.countries.iter().map(|c| Choice { value: c.code.to_string(), label: c.name.clone() }).collect();
    ctx.insert("groups", groups);
    ctx.insert("countries", countries);
    ctx.insert("tactics", &index.tactics);
    ctx.insert("targets", &index.targets);
    let events: Vec<Choice> = EventType::ALL
        .iter()
        .map(|e| Choice { value: e.slug().to_string(), label: site.words.label("event", e.slug()) })
        .collect();
    ctx.insert("events", events);
    ctx.insert("totals", TotalsView::new(site.words, &index.totals, index.developments));
    ctx.insert("explorer_words", explorer_words(site.words));
    ctx.insert("explorer_names", explorer_names(index));
    // The map of every incident, whose circles the script redraws as the filters change.
    let all: Vec<BriefingId> = (0..index.briefings.len()).collect();
    let subject = site.words.phrase("subject-all-incidents", &[]);
    insert_overview(site, ctx, all, &subject, Vec::new(), true);
}

/// How figures read, for the explorer's script: each form with `{n}`,
/// `{low}`, `{high}` where the numbers go, and the digit-group separator.
fn explorer_words(words: &super::Words) -> String {
    let slot = |name: &'static str| {
        (
            name,
            Value::Text(match name {
                "n" => "{n}",
                "low" => "{low}",
                "left" => "{left}",
                _ => "{high}",
            }),
        )
    };
    let thousand = words.number(1000);
    let say = |key: &str| words.phrase(key, &[]);
    let months: Vec<String> = (1..=12).map(|m| words.phrase("month-short", &[("month", Value::Number(m))])).collect();
    let claims: serde_json::Map<String, serde_json::Value> =
        [Claim::Claimed, Claim::Attributed, Claim::Suspected, Claim::Denied]
            .into_iter()
            .map(|c| (c.as_str().to_string(), serde_json::Value::from(super::views::claim_label(words, c))))
            .collect();
    script_json(serde_json::json!({
        "figures": {
            "exact": words.phrase("amount-exact", &[slot("n")]),
            "between": words.phrase("amount-between", &[slot("low"), slot("high")]),
            "at-least": words.phrase("amount-at-least", &[slot("low")]),
            "up-to": words.phrase("amount-up-to", &[slot("high")]),
            "not-reported": words.phrase("amount-not-reported", &[]),
            "group": thousand.trim_start_matches('1').trim_end_matches("000"),
        },
        "killed": say("explorer-killed"),
        "incident": say("explorer-incident"),
        "incidents": say("explorer-incidents"),
        "development": say("explorer-development"),
        "developments": say("explorer-developments"),
        "badge_development": say("badge-development"),
        "of": say("explorer-of"),
        "no_perpetrator": say("no-perpetrator"),
        "show_more": words.phrase("explorer-show-more", &[slot("n"), slot("left")]),
        "not_on_site": say("explorer-not-on-site"),
        "map_place_one": words.phrase("explorer-map-place", &[("place", Value::Text("{place}")), ("n", Value::Number(1))]),
        "map_place_many": words.phrase("explorer-map-place", &[("place", Value::Text("{place}")), ("n", Value::Text("{n}"))]),
        "months": months,
        "claims": claims,
    }))
}

/// The names of the groups and countries the explorer's data names by slug
/// and code: `{"groups": {slug: name}, "countries": {code: [name, slug]}}`.
fn explorer_names(index: &crate::index::SiteIndex) -> String {
    let groups: serde_json::Map<String, serde_json::Value> =
        index.groups.iter().map(|g| (g.slug.clone(), g.name.clone().into())).collect();
    let countries: serde_json::Map<String, serde_json::Value> =
        index.countries.iter().map(|c| (c.code.to_string(), serde_json::json!([c.name, c.slug]))).collect();
    script_json(serde_json::json!({"groups": groups, "countries": countries}))
}

/// `value` as JSON safe inside a `<script>` element: markup characters do
/// not appear as such.
fn script_json(value: serde_json::Value) -> String {
    value.to_string().replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}
