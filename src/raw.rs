//! Raw front matter: exactly what writers may type, as serde reads it.
//!
//! Every struct denies unknown fields so a typo is an error, not a silent loss.
//! Everything is optional and loosely typed (dates and enum values are plain
//! strings) so that `validate` can check it and explain a mistake precisely,
//! with the field's position. Nothing here is used after validation.

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

/// Front matter of `content/briefings/*.md`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBriefing {
    /// Headline.
    pub title: Option<String>,
    /// `YYYY-MM-DD` or `YYYY-MM`.
    pub date: Option<String>,
    /// Last day of a multi-day incident.
    pub end_date: Option<String>,
    /// `attack`, `battle`, `explosion`, `violence against civilians`, `protest`, `riot` or `development`.
    pub event: Option<String>,
    /// Publication day; later than today means scheduled.
    pub published: Option<String>,
    /// Day of the last substantive update.
    pub updated: Option<String>,
    /// URL slug; defaults to the file name.
    pub slug: Option<String>,
    /// One-sentence lead.
    pub summary: Option<String>,
    /// Not published unless built with `--drafts`.
    pub draft: Option<bool>,
    /// ISO codes or English names.
    pub countries: Option<Vec<String>>,
    /// Places where the incident happened.
    pub locations: Option<Vec<RawLocation>>,
    /// Actors: a name, or a name with role and claim.
    pub groups: Option<Vec<RawGroupRef>>,
    /// Free terms: what was attacked.
    pub targets: Option<Vec<String>>,
    /// Free terms: how.
    pub tactics: Option<Vec<String>>,
    /// Free terms.
    pub tags: Option<Vec<String>>,
    /// One entry per reported figure.
    pub casualties: Option<Vec<RawCasualty>>,
    /// Reporting the briefing relies on.
    pub sources: Option<Vec<RawSource>>,
    /// Public record of changes after publication.
    pub corrections: Option<Vec<RawCorrection>>,
}

/// One place in `locations:`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLocation {
    /// Place name.
    pub name: Option<String>,
    /// Must be one of the briefing's countries.
    pub country: Option<String>,
    /// First-level administrative division.
    pub admin1: Option<String>,
    /// Latitude, WGS84 degrees.
    pub lat: Option<f64>,
    /// Longitude, WGS84 degrees.
    pub lon: Option<f64>,
    /// `exact`, `town`, `region` or `country`.
    pub precision: Option<String>,
}

/// An entry of `groups:`: either just a name or the full form.
#[derive(Debug)]
pub enum RawGroupRef {
    /// `- JNIM`: a perpetrator, attributed.
    Name(String),
    /// `- {name: ..., role: ..., claim: ...}`.
    Full(RawGroupEntry),
}

/// The full form of a `groups:` entry.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGroupEntry {
    /// Name or alias of the group.
    pub name: Option<String>,
    /// `perpetrator`, `target`, `responder` or `other`.
    pub role: Option<String>,
    /// `claimed`, `attributed`, `suspected`, `denied` or `none`.
    pub claim: Option<String>,
}

impl<'de> Deserialize<'de> for RawGroupRef {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct RefVisitor;
        impl<'de> Visitor<'de> for RefVisitor {
            type Value = RawGroupRef;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a group name, or a mapping with `name`, `role` and `claim`")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawGroupRef, E> {
                Ok(RawGroupRef::Name(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawGroupRef, E> {
                Ok(RawGroupRef::Name(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawGroupRef, E> {
                Ok(RawGroupRef::Name(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawGroupRef, A::Error> {
                RawGroupEntry::deserialize(de::value::MapAccessDeserializer::new(map)).map(RawGroupRef::Full)
            }
        }
        deserializer.deserialize_any(RefVisitor)
    }
}

/// One reported figure in `casualties:`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCasualty {
    /// `killed`, `injured`, `captured` or `missing`.
    pub kind: Option<String>,
    /// `security forces`, `civilians`, `militants` or `unknown`.
    pub who: Option<String>,
    /// An exact figure.
    pub count: Option<i64>,
    /// Lower bound ("over 200").
    pub min: Option<i64>,
    /// Upper bound ("up to 30").
    pub max: Option<i64>,
    /// Who reported the figure.
    pub according_to: Option<String>,
}

/// One entry of `sources:`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    /// http(s) address; optional for a source with no address.
    pub url: Option<String>,
    /// Headline of the source.
    pub title: Option<String>,
    /// Outlet or organisation.
    pub publisher: Option<String>,
    /// Publication day of the source.
    pub date: Option<String>,
}

/// One entry of `corrections:`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCorrection {
    /// Day of the correction.
    pub date: Option<String>,
    /// What changed.
    pub note: Option<String>,
}

/// Front matter of `content/groups/*.md`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGroupProfile {
    /// Display name.
    pub name: Option<String>,
    /// Full name, also matched in briefings.
    pub full_name: Option<String>,
    /// Other names briefings may use.
    pub aliases: Option<Vec<String>>,
    /// Wider movement, e.g. al-Qaeda.
    pub affiliation: Option<String>,
    /// A year or a date.
    pub founded: Option<String>,
    /// Countries, as codes or names.
    pub active_in: Option<Vec<String>>,
    /// `armed group`, `state force`, `foreign force` or `other`.
    pub kind: Option<String>,
    /// Name or alias of the coalition this group belongs to.
    pub parent: Option<String>,
}

/// Front matter of `content/countries/<code>.md` (all optional).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCountryProfile {
    /// Overrides the display name.
    pub name: Option<String>,
}

/// Front matter of `content/pages/*.md`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPage {
    /// Page title.
    pub title: Option<String>,
    /// One-sentence description.
    pub summary: Option<String>,
    /// Not published unless built with `--drafts`.
    pub draft: Option<bool>,
}
