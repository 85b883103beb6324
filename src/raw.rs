//! Raw front matter: exactly what writers may type, as serde reads it.
//!
//! Every struct denies unknown fields so a typo is an error, not a silent loss.
//! Everything is optional and loosely typed (dates and enum values are plain
//! strings) so that `validate` can check it and explain a mistake precisely,
//! with the field's position. Nothing here is used after validation.

use schemars::JsonSchema;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

/// Front matter of `content/briefings/*.md`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[schemars(title = "sitrep briefing", extend("required" = ["title", "date", "countries"]))]
pub struct RawBriefing {
    /// Headline.
    #[schemars(schema_with = "crate::schema::required_text")]
    pub title: Option<String>,
    /// The day the incident began: `YYYY-MM-DD`, `YYYY-MM` when only the month is known, or `YYYY`.
    #[schemars(schema_with = "crate::schema::incident_date")]
    pub date: Option<String>,
    /// Last day of a multi-day incident.
    #[schemars(schema_with = "crate::schema::incident_date")]
    pub end_date: Option<String>,
    /// `attack`, `battle`, `explosion`, `violence against civilians`, `protest`, `riot` or `development`.
    #[schemars(schema_with = "crate::schema::event")]
    pub event: Option<String>,
    /// Publication day; later than today means scheduled.
    #[schemars(schema_with = "crate::schema::day")]
    pub published: Option<String>,
    /// Day of the last substantive update.
    #[schemars(schema_with = "crate::schema::day")]
    pub updated: Option<String>,
    /// URL slug; defaults to the file name.
    #[schemars(schema_with = "crate::schema::text")]
    pub slug: Option<String>,
    /// One-sentence lead.
    #[schemars(schema_with = "crate::schema::text")]
    pub summary: Option<String>,
    /// Not published unless built with `--drafts`.
    pub draft: Option<bool>,
    /// ISO codes or English names.
    #[schemars(extend("minItems" = 1))]
    pub countries: Option<Vec<String>>,
    /// Places where the incident happened.
    pub locations: Option<Vec<RawLocation>>,
    /// Actors: a name, or a name with role and claim.
    pub groups: Option<Vec<RawGroupRef>>,
    /// Free terms: what was attacked.
    #[schemars(schema_with = "crate::schema::terms")]
    pub targets: Option<Vec<String>>,
    /// Free terms: how.
    #[schemars(schema_with = "crate::schema::terms")]
    pub tactics: Option<Vec<String>>,
    /// Free terms.
    #[schemars(schema_with = "crate::schema::terms")]
    pub tags: Option<Vec<String>>,
    /// One entry per reported figure.
    pub casualties: Option<Vec<RawCasualty>>,
    /// Reporting the briefing relies on.
    pub sources: Option<Vec<RawSource>>,
    /// Public record of changes after publication.
    pub corrections: Option<Vec<RawCorrection>>,
    /// The lead picture, a file beside this one (page top, cards, social previews).
    #[schemars(schema_with = "crate::schema::text")]
    pub image: Option<String>,
    /// What the desk knows of each picture beside this file.
    pub images: Option<Vec<RawImage>>,
}

/// One place in `locations:`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[schemars(extend("required" = ["name"]))]
pub struct RawLocation {
    /// Place name.
    #[schemars(schema_with = "crate::schema::required_text")]
    pub name: Option<String>,
    /// Must be one of the briefing's countries.
    #[schemars(schema_with = "crate::schema::text")]
    pub country: Option<String>,
    /// First-level administrative division.
    #[schemars(schema_with = "crate::schema::text")]
    pub admin1: Option<String>,
    /// Latitude, WGS84 degrees.
    #[schemars(range(min = -90.0, max = 90.0))]
    pub lat: Option<f64>,
    /// Longitude, WGS84 degrees.
    #[schemars(range(min = -180.0, max = 180.0))]
    pub lon: Option<f64>,
    /// `exact`, `town`, `region` or `country`.
    #[schemars(schema_with = "crate::schema::precision")]
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
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[schemars(extend("required" = ["name"]))]
pub struct RawGroupEntry {
    /// Name or alias of the group.
    #[schemars(schema_with = "crate::schema::required_text")]
    pub name: Option<String>,
    /// `perpetrator`, `target`, `responder` or `other`.
    #[schemars(schema_with = "crate::schema::role")]
    pub role: Option<String>,
    /// `claimed`, `attributed`, `suspected`, `denied` or `none`.
    #[schemars(schema_with = "crate::schema::claim")]
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
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[schemars(extend("required" = ["kind", "according_to"]))]
pub struct RawCasualty {
    /// `killed`, `injured`, `captured` or `missing`.
    #[schemars(schema_with = "crate::schema::casualty_kind")]
    pub kind: Option<String>,
    /// `security forces`, `civilians`, `militants` or `unknown`.
    #[schemars(schema_with = "crate::schema::who")]
    pub who: Option<String>,
    /// An exact figure.
    #[schemars(range(min = 0, max = 10_000_000))]
    pub count: Option<i64>,
    /// Lower bound ("over 200").
    #[schemars(range(min = 0, max = 10_000_000))]
    pub min: Option<i64>,
    /// Upper bound ("up to 30").
    #[schemars(range(min = 0, max = 10_000_000))]
    pub max: Option<i64>,
    /// Who reported the figure.
    #[schemars(schema_with = "crate::schema::required_text")]
    pub according_to: Option<String>,
}

/// One entry of `sources:`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct RawSource {
    /// http(s) address; optional for a source with no address.
    #[schemars(schema_with = "crate::schema::text")]
    pub url: Option<String>,
    /// Headline of the source.
    #[schemars(schema_with = "crate::schema::text")]
    pub title: Option<String>,
    /// Outlet or organisation.
    #[schemars(schema_with = "crate::schema::text")]
    pub publisher: Option<String>,
    /// Publication day of the source.
    #[schemars(schema_with = "crate::schema::incident_date")]
    pub date: Option<String>,
}

/// One entry of `corrections:`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[schemars(extend("required" = ["date", "note"]))]
pub struct RawCorrection {
    /// Day of the correction.
    #[schemars(schema_with = "crate::schema::day")]
    pub date: Option<String>,
    /// What changed.
    #[schemars(schema_with = "crate::schema::required_text")]
    pub note: Option<String>,
}

/// One entry of `images:`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[schemars(extend("required" = ["file", "alt"]))]
pub struct RawImage {
    /// The picture's file, beside the content file: `airport.jpg`.
    #[schemars(schema_with = "crate::schema::required_text")]
    pub file: Option<String>,
    /// What the picture shows, for readers who cannot see it.
    #[schemars(schema_with = "crate::schema::required_text")]
    pub alt: Option<String>,
    /// Shown under the picture.
    #[schemars(schema_with = "crate::schema::text")]
    pub caption: Option<String>,
    /// Who took or made it; `desk` for the desk's own.
    #[schemars(schema_with = "crate::schema::text")]
    pub credit: Option<String>,
}

/// One entry of a translation's `images:`: the words of one of the original's pictures.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RawTranslatedImage {
    /// The picture, as the original's `images:` names it.
    pub file: Option<String>,
    /// What it shows, in this language.
    pub alt: Option<String>,
    /// Its caption, in this language.
    pub caption: Option<String>,
}

/// Front matter of `content/groups/*.md`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[schemars(title = "sitrep group profile", extend("required" = ["name"]))]
pub struct RawGroupProfile {
    /// Display name.
    #[schemars(schema_with = "crate::schema::required_text")]
    pub name: Option<String>,
    /// Full name, also matched in briefings.
    #[schemars(schema_with = "crate::schema::text")]
    pub full_name: Option<String>,
    /// Other names briefings may use.
    pub aliases: Option<Vec<String>>,
    /// Wider movement, e.g. al-Qaeda.
    #[schemars(schema_with = "crate::schema::text")]
    pub affiliation: Option<String>,
    /// A year or a date.
    #[schemars(schema_with = "crate::schema::year_or_date")]
    pub founded: Option<String>,
    /// Countries, as codes or names.
    pub active_in: Option<Vec<String>>,
    /// `armed group`, `state force`, `foreign force` or `other`.
    #[schemars(schema_with = "crate::schema::group_kind")]
    pub kind: Option<String>,
    /// Name or alias of the coalition this group belongs to.
    #[schemars(schema_with = "crate::schema::text")]
    pub parent: Option<String>,
    /// The lead picture, a file beside this one (page top, cards, social previews).
    #[schemars(schema_with = "crate::schema::text")]
    pub image: Option<String>,
    /// What the desk knows of each picture beside this file.
    pub images: Option<Vec<RawImage>>,
}

/// Front matter of `content/countries/<code>.md` (all optional).
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[schemars(title = "sitrep country profile")]
pub struct RawCountryProfile {
    /// Overrides the display name.
    #[schemars(schema_with = "crate::schema::text")]
    pub name: Option<String>,
    /// The lead picture, a file beside this one (page top, cards, social previews).
    #[schemars(schema_with = "crate::schema::text")]
    pub image: Option<String>,
    /// What the desk knows of each picture beside this file.
    pub images: Option<Vec<RawImage>>,
}

/// Front matter of `content/pages/*.md`.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[schemars(title = "sitrep page", extend("required" = ["title"]))]
pub struct RawPage {
    /// Page title.
    #[schemars(schema_with = "crate::schema::required_text")]
    pub title: Option<String>,
    /// One-sentence description.
    #[schemars(schema_with = "crate::schema::text")]
    pub summary: Option<String>,
    /// Not published unless built with `--drafts`.
    pub draft: Option<bool>,
    /// The lead picture, a file beside this one (page top, cards, social previews).
    #[schemars(schema_with = "crate::schema::text")]
    pub image: Option<String>,
    /// What the desk knows of each picture beside this file.
    pub images: Option<Vec<RawImage>>,
}

/// Front matter of a translation (`bamako.fr.md`): only words. Every other
/// key is kept by name in `others`, so a fact written in a translation is
/// reported as such, not as a typo.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct RawTranslation {
    /// Headline or page title.
    pub title: Option<String>,
    /// One-sentence lead.
    pub summary: Option<String>,
    /// A group's name in this language.
    pub name: Option<String>,
    /// A group's full name in this language.
    pub full_name: Option<String>,
    /// Not published unless built with `--drafts`.
    pub draft: Option<bool>,
    /// Day the translation was published.
    pub published: Option<String>,
    /// Day of its last substantive update.
    pub updated: Option<String>,
    /// Translated notes of the original's corrections.
    pub corrections: Option<Vec<RawCorrection>>,
    /// The alt text and caption of the original's pictures, in this language.
    pub images: Option<Vec<RawTranslatedImage>>,
    /// Every other key, by name.
    #[serde(flatten)]
    pub others: std::collections::BTreeMap<String, de::IgnoredAny>,
}
