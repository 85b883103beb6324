//! Group and country pages and their indexes: what each template receives.

use std::collections::HashMap;

use serde::Serialize;
use tera::Context;

use crate::index::groups::claim_slot;
use crate::index::{BriefingId, GroupId};
use crate::model::{CasualtyKind, Claim, GroupKind, Role};
use crate::urls;

use super::Prepared;
use super::charts;
use super::views::{FigureText, Link, TotalsView, claim_label, kind_heading, role_label};
use super::words::Value;

#[derive(Serialize)]
pub(super) struct GroupCard {
    name: String,
    url: String,
    kind: &'static str,
    profiled: bool,
    parent: Option<String>,
    /// Incidents of violence it carried out.
    incidents: usize,
    /// Incidents of violence against it (as target or responder).
    against: usize,
    /// Victims killed in the incidents it carried out.
    killed: FigureText,
}

pub(super) fn group_card(site: &Prepared<'_>, gid: GroupId) -> GroupCard {
    let g = &site.index.groups[gid];
    GroupCard {
        name: g.name.clone(),
        url: site.urls.to(&urls::group(&g.slug)),
        kind: g.profile.as_ref().map_or(GroupKind::ArmedGroup, |p| p.kind).as_str(),
        profiled: g.profile.is_some(),
        parent: g.parent.map(|p| site.index.groups[p].name.clone()),
        incidents: g.perpetrator_totals.incidents,
        against: g.against_totals.incidents,
        killed: FigureText::new(site.words, g.perpetrator_totals.kind(CasualtyKind::Killed).all.amount()),
    }
}

#[derive(Serialize)]
struct KindSection {
    heading: &'static str,
    groups: Vec<GroupCard>,
}

pub(super) fn groups(site: &Prepared<'_>, ctx: &mut Context) {
    let index = site.index;
    let sections: Vec<KindSection> = GroupKind::ALL
        .iter()
        .map(|&kind| KindSection {
            heading: kind_heading(kind),
            groups: (0..index.groups.len())
                .filter(|&g| index.groups[g].profile.as_ref().map_or(GroupKind::ArmedGroup, |p| p.kind) == kind)
                .map(|g| group_card(site, g))
                .collect(),
        })
        .filter(|s| !s.groups.is_empty())
        .collect();
    ctx.insert("sections", &sections);
}

#[derive(Serialize)]
struct GroupIncident<'a> {
    row: &'a tera::Value,
    role: &'static str,
    role_label: &'static str,
    claim: &'static str,
    claim_label: &'static str,
}

/// How many of a group's incidents each claim status has.
#[derive(Serialize)]
struct ClaimCount {
    /// `claimed`, `attributed`, `suspected`, `denied`.
    claim: &'static str,
    /// `Claimed`...
    label: &'static str,
    count: usize,
}

#[derive(Serialize)]
struct ComponentIncident<'a> {
    row: &'a tera::Value,
    via: Link,
}

#[derive(Serialize)]
struct GroupView<'a> {
    name: &'a str,
    profiled: bool,
    full_name: Option<&'a str>,
    aliases: Vec<&'a str>,
    affiliation: Option<&'a str>,
    founded: Option<&'a str>,
    kind: &'static str,
    active_in: Vec<Link>,
    parent: Option<Link>,
    components: Vec<Link>,
    body_html: &'a str,
    /// The incidents of violence it carried out: killed counts their victims;
    /// militants killed in them are `killed.militants`, apart.
    perpetrator_totals: TotalsView,
    /// Incidents of violence against it (target or responder), counted apart.
    against_totals: TotalsView,
    /// Developments naming it (listed, not counted).
    developments: usize,
    /// Its perpetrator incidents by claim status.
    claims: Vec<ClaimCount>,
    with_components_totals: TotalsView,
    profile_path: Option<String>,
}

pub(super) fn group(site: &Prepared<'_>, gid: GroupId, ctx: &mut Context) -> String {
    let index = site.index;
    let g = &index.groups[gid];
    let link = |id: GroupId| Link {
        name: index.groups[id].name.clone(),
        url: site.urls.to(&urls::group(&index.groups[id].slug)),
    };
    let country_link = |code: &crate::model::CountryCode| {
        let c = index.countries.iter().find(|c| c.code == *code);
        Link {
            name: c.map_or_else(|| code.name().to_string(), |c| c.name.clone()),
            url: c.map(|c| site.urls.to(&urls::country(&c.slug))).unwrap_or_default(),
        }
    };
    let p = g.profile.as_ref();
    let view = GroupView {
        name: &g.name,
        profiled: p.is_some(),
        full_name: p.and_then(|p| p.full_name.as_deref()),
        aliases: p.map(|p| p.aliases.iter().map(String::as_str).collect()).unwrap_or_default(),
        affiliation: p.and_then(|p| p.affiliation.as_deref()),
        founded: p.and_then(|p| p.founded.as_deref()),
        kind: p.map_or(GroupKind::ArmedGroup, |p| p.kind).as_str(),
        active_in: p.map(|p| p.active_in.iter().map(country_link).collect()).unwrap_or_default(),
        parent: g.parent.map(link),
        components: g.components.iter().map(|&c| link(c)).collect(),
        body_html: site.group_bodies[gid].as_ref().map_or("", |r| r.html.as_str()),
        perpetrator_totals: TotalsView::new(site.words, &g.perpetrator_totals, 0),
        against_totals: TotalsView::new(site.words, &g.against_totals, 0),
        developments: g.developments,
        claims: [Claim::Claimed, Claim::Attributed, Claim::Suspected, Claim::Denied]
            .into_iter()
            .filter_map(|c| {
                let count = g.claims[claim_slot(c)?];
                Some(ClaimCount { claim: c.as_str(), label: claim_label(c), count })
            })
            .collect(),
        with_components_totals: TotalsView::new(site.words, &g.with_components_totals, 0),
        profile_path: p.map(|p| crate::diagnostics::display_path(&p.origin.path)),
    };
    ctx.insert("group", &view);
    let incident = |bid: BriefingId| {
        let inv = index.involvements[bid].iter().find(|i| i.group == gid).expect("a group's incident names it");
        GroupIncident {
            row: &site.incidents[bid].value,
            role: inv.role.as_str(),
            role_label: role_label(inv.role),
            claim: inv.claim.as_str(),
            claim_label: claim_label(inv.claim),
        }
    };
    let role_of = |bid: BriefingId| index.involvements[bid].iter().find(|i| i.group == gid).map(|i| i.role);
    let violent = |bid: &BriefingId| index.briefings[*bid].is_incident();
    let perpetrated: Vec<BriefingId> =
        g.incidents.iter().copied().filter(|b| violent(b) && role_of(*b) == Some(Role::Perpetrator)).collect();
    let against: Vec<BriefingId> = g
        .incidents
        .iter()
        .copied()
        .filter(|b| violent(b) && matches!(role_of(*b), Some(Role::Target | Role::Responder)))
        .collect();
    let mentions: Vec<BriefingId> =
        g.incidents.iter().copied().filter(|b| !violent(b) || matches!(role_of(*b), Some(Role::Other))).collect();
    ctx.insert("incidents", &g.incidents.iter().map(|&b| incident(b)).collect::<Vec<_>>());
    ctx.insert("perpetrated", &perpetrated.iter().map(|&b| incident(b)).collect::<Vec<_>>());
    ctx.insert("against", &against.iter().map(|&b| incident(b)).collect::<Vec<_>>());
    ctx.insert("mentions", &mentions.iter().map(|&b| incident(b)).collect::<Vec<_>>());
    // The chart and the map show what it did: the incidents it carried out.
    insert_chart(site, ctx, &perpetrated, &g.name);
    ctx.insert("map_svg", &super::places::incidents_map(site, &perpetrated, &g.name, &[]));
    ctx.insert("data_url", &site.urls.to(&format!("{}incidents.json", urls::group(&g.slug))));
    let component_incidents: Vec<ComponentIncident> = g
        .component_incidents
        .iter()
        .map(|&(bid, via)| ComponentIncident { row: &site.incidents[bid].value, via: link(via) })
        .collect();
    ctx.insert("component_incidents", &component_incidents);
    let first = site.group_bodies[gid].as_ref().and_then(|r| r.first_paragraph.clone());
    first.unwrap_or_else(|| {
        site.words.phrase(
            "group-description",
            &[("incidents", Value::Number(g.perpetrator_totals.incidents as u64)), ("name", Value::Text(&g.name))],
        )
    })
}

#[derive(Serialize)]
pub(super) struct CountryCard {
    name: String,
    code: String,
    url: String,
    /// Incidents of violence.
    pub(super) incidents: usize,
    killed: FigureText,
}

pub(super) fn country_card(site: &Prepared<'_>, cid: usize) -> CountryCard {
    let c = &site.index.countries[cid];
    CountryCard {
        name: c.name.clone(),
        code: c.code.to_string(),
        url: site.urls.to(&urls::country(&c.slug)),
        incidents: c.totals.incidents,
        killed: FigureText::new(site.words, c.totals.kind(CasualtyKind::Killed).all.amount()),
    }
}

pub(super) fn countries(site: &Prepared<'_>, ctx: &mut Context) {
    let cards: Vec<CountryCard> = (0..site.index.countries.len()).map(|c| country_card(site, c)).collect();
    ctx.insert("countries", &cards);
}

#[derive(Serialize)]
struct CountryView<'a> {
    name: &'a str,
    code: String,
    profiled: bool,
    body_html: &'a str,
    totals: TotalsView,
    groups: Vec<GroupCount>,
}

#[derive(Serialize)]
struct GroupCount {
    name: String,
    url: String,
    incidents: usize,
}

pub(super) fn country(site: &Prepared<'_>, cid: usize, ctx: &mut Context) -> String {
    let index = site.index;
    let c = &index.countries[cid];
    let mut counts: HashMap<GroupId, usize> = HashMap::new();
    for bid in index.incidents_only(&c.incidents) {
        for inv in &index.involvements[bid] {
            *counts.entry(inv.group).or_default() += 1;
        }
    }
    let mut groups: Vec<(GroupId, usize)> = counts.into_iter().collect();
    groups.sort_by(|a, b| b.1.cmp(&a.1).then(index.groups[a.0].name.cmp(&index.groups[b.0].name)));
    let view = CountryView {
        name: &c.name,
        code: c.code.to_string(),
        profiled: c.profile.is_some(),
        body_html: site.country_bodies[cid].as_ref().map_or("", |r| r.html.as_str()),
        totals: TotalsView::new(site.words, &c.totals, c.developments),
        groups: groups
            .into_iter()
            .map(|(g, n)| GroupCount {
                name: index.groups[g].name.clone(),
                url: site.urls.to(&urls::group(&index.groups[g].slug)),
                incidents: n,
            })
            .collect(),
    };
    ctx.insert("country", &view);
    let rows: Vec<&tera::Value> = c.incidents.iter().map(|&b| &site.incidents[b].value).collect();
    ctx.insert("incidents", &rows);
    insert_chart(site, ctx, &c.incidents, &c.name);
    ctx.insert("map_svg", &super::places::incidents_map(site, &c.incidents, &c.name, &[c.code.to_string()]));
    ctx.insert("data_url", &site.urls.to(&format!("{}incidents.json", urls::country(&c.slug))));
    let first = site.country_bodies[cid].as_ref().and_then(|r| r.first_paragraph.clone());
    first.unwrap_or_else(|| {
        site.words.phrase(
            "country-description",
            &[("incidents", Value::Number(c.totals.incidents as u64)), ("name", Value::Text(&c.name))],
        )
    })
}

/// `months` (per-month counts, for the data table) and `chart_svg` (the same as a chart).
pub(super) fn insert_chart(site: &Prepared<'_>, ctx: &mut Context, ids: &[BriefingId], subject: &str) {
    let (months, undated) = charts::monthly(site.index, ids, site.words);
    ctx.insert("chart_svg", &charts::monthly_svg("chart", subject, &months, site.words));
    ctx.insert("months", &months);
    ctx.insert("months_undated", &undated);
}
