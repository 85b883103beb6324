//! Group and country pages and their indexes: what each template receives.

use foldhash::HashMap;

use serde::Serialize;

use crate::index::groups::claim_slot;
use crate::index::{BriefingId, GroupId};
use crate::model::{CasualtyKind, Claim, GroupKind, Role};
use crate::urls;

use super::Prepared;
use super::fingerprint::{Hashed, PageContext};
use super::pages::insert_overview;
use super::pagination::{Pager, page_count, slice};
use super::views::{FigureText, Link, TotalsView, claim_label};
use super::words::Value;

#[derive(Serialize)]
pub(super) struct GroupCard {
    name: String,
    url: String,
    kind: &'static str,
    /// Its kind in the reader's words.
    kind_label: String,
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
        kind_label: site
            .words
            .label("group-kind", g.profile.as_ref().map_or(GroupKind::ArmedGroup, |p| p.kind).as_str()),
        profiled: g.profile.is_some(),
        parent: g.parent.map(|p| site.index.groups[p].name.clone()),
        incidents: g.perpetrator_totals.incidents,
        against: g.against_totals.incidents,
        killed: FigureText::new(site.words, g.perpetrator_totals.kind(CasualtyKind::Killed).all.amount()),
    }
}

#[derive(Serialize)]
struct KindSection {
    heading: String,
    groups: Vec<GroupCard>,
}

pub(super) fn groups<'a>(site: &'a Prepared<'a>, ctx: &mut PageContext<'a>) {
    let index = site.index;
    let sections: Vec<KindSection> = GroupKind::ALL
        .iter()
        .map(|&kind| KindSection {
            heading: site.words.label("group-kinds", kind.as_str()),
            groups: (0..index.groups.len())
                .filter(|&g| index.groups[g].profile.as_ref().map_or(GroupKind::ArmedGroup, |p| p.kind) == kind)
                .map(|g| group_card(site, g))
                .collect(),
        })
        .filter(|s| !s.groups.is_empty())
        .collect();
    ctx.insert("sections", sections);
}

#[derive(Serialize)]
struct GroupIncident<'a> {
    row: Hashed<'a, tera::Value>,
    role: &'static str,
    role_label: std::borrow::Cow<'a, str>,
    claim: &'static str,
    claim_label: std::borrow::Cow<'a, str>,
}

/// How many of a group's incidents each claim status has.
#[derive(Serialize)]
struct ClaimCount {
    /// `claimed`, `attributed`, `suspected`, `denied`.
    claim: &'static str,
    /// The claim in the reader's words.
    label: String,
    count: usize,
}

#[derive(Serialize)]
struct ComponentIncident<'a> {
    row: Hashed<'a, tera::Value>,
    via: Via<'a>,
}

/// The component through which a group is involved.
#[derive(Serialize)]
struct Via<'a> {
    name: &'a str,
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
    /// Its kind in the reader's words.
    kind_label: String,
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

/// The briefings naming a group, in the lists its page shows, newest first.
pub struct GroupLists {
    /// Incidents of violence it carried out.
    pub perpetrated: Vec<BriefingId>,
    /// Incidents of violence against it (it was the target or responded).
    pub against: Vec<BriefingId>,
    /// The rest: other roles, developments.
    pub mentions: Vec<BriefingId>,
    /// Incidents of its components that do not name it, with the component.
    pub components: Vec<(BriefingId, GroupId)>,
}

impl GroupLists {
    /// The lists of group `gid`.
    pub fn of(index: &crate::index::SiteIndex, gid: GroupId) -> GroupLists {
        let g = &index.groups[gid];
        let role_of = |bid: BriefingId| index.involvements[bid].iter().find(|i| i.group == gid).map(|i| i.role);
        let (mut perpetrated, mut against, mut mentions) = (Vec::new(), Vec::new(), Vec::new());
        for &bid in &g.incidents {
            let role = role_of(bid);
            match role {
                _ if !index.briefings[bid].is_incident() => mentions.push(bid),
                Some(Role::Perpetrator) => perpetrated.push(bid),
                Some(Role::Target | Role::Responder) => against.push(bid),
                _ => mentions.push(bid),
            }
        }
        GroupLists { perpetrated, against, mentions, components: g.component_incidents.clone() }
    }

    /// How long each list is.
    pub fn lengths(&self) -> [usize; 4] {
        [self.perpetrated.len(), self.against.len(), self.mentions.len(), self.components.len()]
    }
}

/// What every page of a group shares, made once per build.
pub(super) struct GroupPart {
    /// `group`, as a template value, with its fingerprint.
    view: super::shared::Memo,
    /// The lists its pages split.
    lists: GroupLists,
    /// What its pages say they are about (social cards, search results).
    description: String,
}

fn group_part<'a>(site: &'a Prepared<'a>, gid: GroupId) -> &'a GroupPart {
    site.shared.groups[gid].get_or_init(|| {
        let index = site.index;
        let g = &index.groups[gid];
        let link = |id: GroupId| Link {
            name: index.groups[id].name.clone(),
            url: site.urls.to(&urls::group(&index.groups[id].slug)),
        };
        let country_link = |code: &crate::model::CountryCode| {
            let c = index.countries.iter().find(|c| c.code == *code);
            Link {
                name: index.country_name(*code),
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
            kind_label: site.words.label("group-kind", p.map_or(GroupKind::ArmedGroup, |p| p.kind).as_str()),
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
                    Some(ClaimCount { claim: c.as_str(), label: claim_label(site.words, c), count })
                })
                .collect(),
            with_components_totals: TotalsView::new(site.words, &g.with_components_totals, 0),
            profile_path: p.map(|p| crate::diagnostics::display_path(&p.origin.path)),
        };
        GroupPart {
            view: site.values.memo(&view),
            lists: GroupLists::of(index, gid),
            description: site.group_bodies[gid].as_ref().and_then(|r| r.first_paragraph.clone()).unwrap_or_else(|| {
                site.words.phrase(
                    "group-description",
                    &[
                        ("incidents", Value::Number(g.perpetrator_totals.incidents as u64)),
                        ("name", Value::Text(&g.name)),
                    ],
                )
            }),
        }
    })
}

/// Page `page` (from 0) of group `gid`; returns its description.
pub(super) fn group<'a>(
    site: &'a Prepared<'a>,
    gid: GroupId,
    page: usize,
    ctx: &mut PageContext<'a>,
) -> (String, Pager) {
    let index = site.index;
    let g = &index.groups[gid];
    let part = group_part(site, gid);
    ctx.insert("group", part.view.hashed());
    ctx.insert("original", site.original_if(index.localized.as_ref().is_some_and(|l| l.groups[gid])));
    let lists = &part.lists;

    let incident = |&bid: &BriefingId| {
        let inv = index.involvements[bid].iter().find(|i| i.group == gid).expect("a group's incident names it");
        GroupIncident {
            row: site.row(bid),
            role: inv.role.as_str(),
            role_label: site.words.label_text("role", inv.role.as_str()),
            claim: inv.claim.as_str(),
            claim_label: super::views::claim_text(site.words, inv.claim),
        }
    };
    let [perpetrated, against, mentions, components] = lists.lengths();
    ctx.insert("counts", ListCounts { perpetrated, against, mentions, components });
    ctx.insert("incident_count", g.incidents.len());
    ctx.insert("perpetrated", slice(&lists.perpetrated, page).iter().map(incident).collect::<Vec<_>>());
    ctx.insert("against", slice(&lists.against, page).iter().map(incident).collect::<Vec<_>>());
    ctx.insert("mentions", slice(&lists.mentions, page).iter().map(incident).collect::<Vec<_>>());
    let component_incidents: Vec<ComponentIncident> = slice(&lists.components, page)
        .iter()
        .map(|&(bid, via)| ComponentIncident { row: site.row(bid), via: Via { name: &index.groups[via].name } })
        .collect();
    ctx.insert("component_incidents", component_incidents);
    ctx.insert("data_url", site.urls.shared(&format!("{}incidents.json", urls::group(&g.slug))));
    let pager = Pager::new(&site.urls, &urls::group(&g.slug), page, page_count(&lists.lengths()));
    if page == 0 {
        // The chart and the map show what it did: the incidents it carried out.
        insert_overview(site, ctx, lists.perpetrated.clone(), &g.name, Vec::new(), false);
    }
    (part.description.clone(), pager)
}

/// How long each of a group's lists is, over all its pages.
#[derive(Serialize)]
struct ListCounts {
    perpetrated: usize,
    against: usize,
    mentions: usize,
    components: usize,
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

pub(super) fn countries<'a>(site: &'a Prepared<'a>, ctx: &mut PageContext<'a>) {
    let cards: Vec<CountryCard> = (0..site.index.countries.len()).map(|c| country_card(site, c)).collect();
    ctx.insert("countries", cards);
}

#[derive(Serialize)]
struct CountryView<'a> {
    name: &'a str,
    code: String,
    profiled: bool,
    body_html: &'a str,
    totals: TotalsView,
    groups: Vec<GroupCount>,
    /// Its regions, most briefings first.
    regions: Vec<super::terms::TermLink>,
}

#[derive(Serialize)]
struct GroupCount {
    name: String,
    url: String,
    incidents: usize,
}

/// What every page of a country shares, made once per build.
pub(super) struct CountryPart {
    /// `country`, as a template value, with its fingerprint.
    view: super::shared::Memo,
    /// What its pages say they are about.
    description: String,
}

fn country_part<'a>(site: &'a Prepared<'a>, cid: usize) -> &'a CountryPart {
    site.shared.countries[cid].get_or_init(|| {
        let index = site.index;
        let c = &index.countries[cid];
        let mut counts: HashMap<GroupId, usize> = HashMap::default();
        for bid in index.incidents_only(&c.incidents) {
            for inv in &index.involvements[bid] {
                *counts.entry(inv.group).or_default() += 1;
            }
        }
        let mut groups: Vec<(GroupId, usize)> = counts.into_iter().collect();
        groups.sort_by(|a, b| b.1.cmp(&a.1).then(index.groups[a.0].name.cmp(&index.groups[b.0].name)));
        let mut regions: Vec<usize> = (0..index.terms.len())
            .filter(|&t| index.terms[t].kind == crate::index::TermKind::Region && index.terms[t].country == Some(cid))
            .collect();
        regions.sort_by(|&a, &b| index.terms[b].incidents.len().cmp(&index.terms[a].incidents.len()));
        let view = CountryView {
            regions: regions.into_iter().map(|t| super::terms::link(site, t)).collect(),
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
        CountryPart {
            view: site.values.memo(&view),
            description: site.country_bodies[cid].as_ref().and_then(|r| r.first_paragraph.clone()).unwrap_or_else(
                || {
                    site.words.phrase(
                        "country-description",
                        &[("incidents", Value::Number(c.totals.incidents as u64)), ("name", Value::Text(&c.name))],
                    )
                },
            ),
        }
    })
}

/// Page `page` (from 0) of country `cid`; returns its description.
pub(super) fn country<'a>(
    site: &'a Prepared<'a>,
    cid: usize,
    page: usize,
    ctx: &mut PageContext<'a>,
) -> (String, Pager) {
    let index = site.index;
    let c = &index.countries[cid];
    let part = country_part(site, cid);
    ctx.insert("country", part.view.hashed());
    ctx.insert("original", site.original_if(site.index.localized.as_ref().is_some_and(|l| l.countries[cid])));
    let rows: Vec<Hashed<'a, tera::Value>> = slice(&c.incidents, page).iter().map(|&b| site.row(b)).collect();
    ctx.insert("incidents", rows);
    if page == 0 {
        insert_overview(site, ctx, c.incidents.clone(), &c.name, vec![c.code.to_string()], false);
    }
    let pager = Pager::new(&site.urls, &urls::country(&c.slug), page, page_count(&[c.incidents.len()]));
    ctx.insert("data_url", site.urls.shared(&format!("{}incidents.json", urls::country(&c.slug))));
    (part.description.clone(), pager)
}
