//! One incident as a data record: what the downloads (`incidents.json`,
//! `.csv`, `.geojson`) and the incident explorer are made of.
//!
//! Field names follow what users of conflict datasets expect (`event_date`,
//! `date_precision`, `admin1`, `killed_low`...). Records are plain data that
//! serialise and parse back (the tests round-trip every format).

use serde::{Deserialize, Serialize};

use crate::index::{BriefingId, SiteIndex};
use crate::model::casualty::{CasualtyKind, Figure, KindFigure};

use super::Urls;

/// A country in a record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CountryRef {
    /// ISO 3166-1 alpha-2 code.
    pub code: String,
    /// English name.
    pub name: String,
    /// The country's page slug.
    pub slug: String,
}

/// A place in a record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceRef {
    /// Place name.
    pub name: String,
    /// ISO code of its country.
    pub country: String,
    /// First-level administrative division.
    pub admin1: Option<String>,
    /// WGS84 latitude.
    pub latitude: Option<f64>,
    /// WGS84 longitude.
    pub longitude: Option<f64>,
    /// `exact`, `town`, `region` or `country`.
    pub precision: String,
}

/// An actor in a record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorRef {
    /// The group's name.
    pub name: String,
    /// The group's page slug.
    pub slug: String,
    /// `perpetrator`, `target`, `responder` or `other`.
    pub role: String,
    /// `claimed`, `attributed`, `suspected`, `denied` or `none`.
    pub claim: String,
    /// The name as the briefing wrote it.
    pub written_as: String,
}

/// A derived range: the lower bound when a report gives one, the upper
/// bound when every report gives one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RangeRef {
    /// Lower bound (`null`: only maximums were reported).
    pub low: Option<u64>,
    /// Upper bound (`null`: some report gives none).
    pub high: Option<u64>,
}

/// One part of a derived figure: the people of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WhoRef {
    /// `security forces`, `civilians`, `militants` or `unknown`.
    pub who: String,
    /// Lower bound.
    pub low: Option<u64>,
    /// Upper bound.
    pub high: Option<u64>,
}

/// The derived figure of one kind: its range, and the range of each group of people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KindRef {
    /// Lower bound (`null`: only maximums were reported).
    pub low: Option<u64>,
    /// Upper bound (`null`: some report gives none).
    pub high: Option<u64>,
    /// Per who was counted.
    pub by_who: Vec<WhoRef>,
}

impl KindRef {
    /// The overall range.
    pub fn range(&self) -> RangeRef {
        RangeRef { low: self.low, high: self.high }
    }

    /// The range of the people `who` (front-matter words), if reported.
    pub fn of(&self, who: &str) -> Option<RangeRef> {
        self.by_who.iter().find(|w| w.who == who).map(|w| RangeRef { low: w.low, high: w.high })
    }
}

/// Derived figures of an incident, per kind (`null` when nothing was reported).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figures {
    /// Killed.
    pub killed: Option<KindRef>,
    /// Injured.
    pub injured: Option<KindRef>,
    /// Captured or abducted.
    pub captured: Option<KindRef>,
    /// Missing.
    pub missing: Option<KindRef>,
}

/// One report as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportRef {
    /// `killed`, `injured`, `captured` or `missing`.
    pub kind: String,
    /// `security forces`, `civilians`, `militants` or `unknown`.
    pub who: String,
    /// Lower bound (equal to `max` for an exact count).
    pub min: Option<u64>,
    /// Upper bound.
    pub max: Option<u64>,
    /// Who reported it.
    pub according_to: String,
}

/// A source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRef {
    /// Address (`null` for a source without one).
    pub url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub publisher: Option<String>,
    /// `YYYY-MM-DD` or `YYYY-MM`.
    pub date: Option<String>,
}

/// One incident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IncidentRecord {
    /// The briefing's slug: stable identifier.
    pub id: String,
    /// Absolute address of the briefing.
    pub url: String,
    /// Headline.
    pub title: String,
    /// The lead.
    pub summary: String,
    /// `YYYY-MM-DD`, `YYYY-MM` when only the month is known, `YYYY` when only the year is.
    pub event_date: String,
    /// Last day, for incidents over several days.
    pub end_date: Option<String>,
    /// `day`, `month` or `year`.
    pub date_precision: String,
    /// The `event:` of the briefing: `attack`, `battle`, ... `development`.
    pub event: String,
    /// The event type in ACLED's typology (`Battles`, `Violence against civilians`...).
    pub event_type: String,
    /// Publication day (`null` when not known).
    pub published: Option<String>,
    /// Last update.
    pub updated: Option<String>,
    /// Countries, in the order written.
    pub countries: Vec<CountryRef>,
    /// Places.
    pub locations: Vec<PlaceRef>,
    /// Every actor with role and claim status.
    pub actors: Vec<ActorRef>,
    /// Free terms.
    pub targets: Vec<String>,
    /// Free terms.
    pub tactics: Vec<String>,
    /// Free terms.
    pub tags: Vec<String>,
    /// Derived figures.
    pub casualties: Figures,
    /// Every report.
    pub reports: Vec<ReportRef>,
    /// Reporting relied on.
    pub sources: Vec<SourceRef>,
}

fn kind_ref(k: &KindFigure) -> KindRef {
    KindRef {
        low: k.total.low,
        high: k.total.high,
        by_who: k.by_who.iter().map(|(w, r)| WhoRef { who: w.as_str().into(), low: r.low, high: r.high }).collect(),
    }
}

/// The record of briefing `id`, with its lead `summary`.
pub fn record(index: &SiteIndex, id: BriefingId, summary: &str, urls: &Urls) -> IncidentRecord {
    let b = &index.briefings[id];
    let figures = &index.figures[id];
    let kind = |k: CasualtyKind| figures.get(k).map(kind_ref);
    IncidentRecord {
        id: b.slug.clone(),
        url: urls.absolute(&crate::urls::briefing(&b.slug)),
        title: b.title.clone(),
        summary: summary.to_string(),
        event_date: b.date.iso(),
        end_date: b.end_date.map(|d| d.iso()),
        date_precision: b.date.precision().into(),
        event: b.event.as_str().into(),
        event_type: b.event.acled(&b.casualties).into(),
        published: index.publication[id].published.map(|d| d.to_string()),
        updated: index.publication[id].updated.map(|d| d.to_string()),
        countries: index.incident_countries[id]
            .iter()
            .map(|&c| {
                let c = &index.countries[c];
                CountryRef { code: c.code.to_string(), name: c.name.clone(), slug: c.slug.clone() }
            })
            .collect(),
        locations: b
            .locations
            .iter()
            .map(|l| PlaceRef {
                name: l.name.clone(),
                country: l.country.to_string(),
                admin1: l.admin1.clone(),
                latitude: l.coordinates.map(|c| c.0),
                longitude: l.coordinates.map(|c| c.1),
                precision: l.precision.as_str().into(),
            })
            .collect(),
        actors: index.involvements[id]
            .iter()
            .map(|i| ActorRef {
                name: index.groups[i.group].name.clone(),
                slug: index.groups[i.group].slug.clone(),
                role: i.role.as_str().into(),
                claim: i.claim.as_str().into(),
                written_as: i.written_as.clone(),
            })
            .collect(),
        targets: b.targets.clone(),
        tactics: b.tactics.clone(),
        tags: b.tags.clone(),
        casualties: Figures {
            killed: kind(CasualtyKind::Killed),
            injured: kind(CasualtyKind::Injured),
            captured: kind(CasualtyKind::Captured),
            missing: kind(CasualtyKind::Missing),
        },
        reports: b
            .casualties
            .iter()
            .map(|r| {
                let Figure { min, max } = r.figure;
                ReportRef {
                    kind: r.kind.as_str().into(),
                    who: r.who.as_str().into(),
                    min,
                    max,
                    according_to: r.according_to.clone(),
                }
            })
            .collect(),
        sources: b
            .sources
            .iter()
            .map(|s| SourceRef {
                url: s.url.clone(),
                title: s.title.clone(),
                publisher: s.publisher.clone(),
                date: s.date.map(|d| d.iso()),
            })
            .collect(),
    }
}

/// What the incident explorer reads of an incident: what it filters on and
/// shows, and nothing else, as short as stays readable (its files are read
/// on a phone; the downloads keep every field). Groups and countries are
/// named by slug and code: the explorer's page has their names. A field
/// without a value is left out.
#[derive(Debug, Serialize)]
pub struct ExplorerRecord<'a> {
    /// The briefing's address, from the site's root (with its base path).
    pub url: String,
    /// Headline.
    pub title: &'a str,
    /// The lead.
    pub summary: &'a str,
    /// As in [`IncidentRecord`].
    pub event_date: &'a str,
    /// As in [`IncidentRecord`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<&'a str>,
    /// `month` or `year`; left out for a day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_precision: Option<&'a str>,
    /// As in [`IncidentRecord`].
    pub event: &'a str,
    /// ISO codes of its countries, in the order written.
    pub countries: Vec<&'a str>,
    /// Places, each `[name, region, latitude, longitude]` (`null` where not known).
    pub locations: Vec<ExplorerPlace<'a>>,
    /// Actors, each `[group slug, role, claim]`.
    pub actors: Vec<(&'a str, &'a str, &'a str)>,
    /// As in [`IncidentRecord`].
    pub targets: &'a [String],
    /// As in [`IncidentRecord`].
    pub tactics: &'a [String],
    /// Killed, `[low, high]` as in [`RangeRef`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub killed: Option<(Option<u64>, Option<u64>)>,
    /// Injured, the same way.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub injured: Option<(Option<u64>, Option<u64>)>,
}

/// A place as the explorer reads it: `[name, region, latitude, longitude]`.
pub type ExplorerPlace<'a> = (&'a str, Option<&'a str>, Option<f64>, Option<f64>);

impl IncidentRecord {
    /// What the explorer reads of it; `url`: the briefing's address from the
    /// site's root.
    pub fn for_explorer(&self, url: String) -> ExplorerRecord<'_> {
        let range = |k: &Option<KindRef>| k.as_ref().map(|k| (k.low, k.high));
        ExplorerRecord {
            url,
            title: &self.title,
            summary: &self.summary,
            event_date: &self.event_date,
            end_date: self.end_date.as_deref(),
            date_precision: Some(self.date_precision.as_str()).filter(|p| *p != "day"),
            event: &self.event,
            countries: self.countries.iter().map(|c| c.code.as_str()).collect(),
            locations: self
                .locations
                .iter()
                .map(|l| (l.name.as_str(), l.admin1.as_deref(), l.latitude, l.longitude))
                .collect(),
            actors: self.actors.iter().map(|a| (a.slug.as_str(), a.role.as_str(), a.claim.as_str())).collect(),
            targets: &self.targets,
            tactics: &self.tactics,
            killed: range(&self.casualties.killed),
            injured: range(&self.casualties.injured),
        }
    }
}
