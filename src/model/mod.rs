//! The typed model: briefings, group and country profiles, free pages.
//!
//! Plain data, validated, no I/O and no serde: everything here is what the
//! writers meant, checked. Each item remembers the file it came from (and the
//! positions later stages may need for a diagnostic).

pub mod casualty;
pub mod country;
pub mod date;
pub mod event;
pub mod names;
pub mod picture;
pub mod translation;

use std::path::PathBuf;
use std::sync::Arc;

use jiff::civil::Date;

use crate::diagnostics::Span;

pub use casualty::{Amount, CasualtyKind, CasualtyReport, Figure, IncidentFigures, Range, Totals, Who};
pub use country::CountryCode;
pub use date::IncidentDate;
pub use event::EventType;
pub use translation::{Glossary, TranslatedCorrection, Translation};

/// A Markdown body and the file line it starts on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Body {
    /// The Markdown text after the front matter (shared: a briefing in
    /// another language's words is a copy that keeps the same text).
    pub markdown: std::sync::Arc<str>,
    /// File line (1-based) of the body's first line.
    pub first_line: usize,
    /// The pictures its front matter describes.
    pub pictures: picture::PictureNotes,
    /// Hash of the text, line and pictures, taken once (a live rebuild
    /// compares it instead of every body's text).
    fingerprint: u64,
}

impl Body {
    /// A body of `markdown` starting on file line `first_line`.
    pub fn new(markdown: String, first_line: usize) -> Body {
        let fingerprint = crate::render::fingerprint::of_hash(&(&markdown, first_line));
        Body { markdown: markdown.into(), first_line, pictures: picture::PictureNotes::default(), fingerprint }
    }

    /// The same body, showing the pictures `notes` describes.
    pub fn with_pictures(self, notes: picture::PictureNotes) -> Body {
        let fingerprint = crate::render::fingerprint::of_hash(&(&self.markdown, self.first_line, &notes));
        Body { pictures: notes, fingerprint, ..self }
    }

    /// Hash of the text and its first line: equal bodies have equal fingerprints.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }
}

/// Where an item came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    /// Path relative to the site root: `content/briefings/bamako.md`.
    pub path: PathBuf,
    /// Path relative to `content/`, as `@/` links name it: `briefings/bamako.md`.
    pub content_path: String,
    /// The day the file was last modified (feeds need a date for every entry).
    pub modified: Option<Date>,
    /// A hash of the file's path, text and modification day: equal files,
    /// equal fingerprints (what a live rebuild keys its work by).
    pub fingerprint: u64,
}

/// One briefing: one incident, as the desk describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Briefing {
    /// Source file.
    pub origin: Origin,
    /// URL slug, unique among briefings.
    pub slug: String,
    /// Where `slug:` is written (for duplicate-slug errors), if it is.
    pub slug_span: Option<Span>,
    /// Headline.
    pub title: String,
    /// The day (or month, or year) the incident began.
    pub date: IncidentDate,
    /// The day it ended, for incidents over several days.
    pub end_date: Option<IncidentDate>,
    /// What kind of event it is.
    pub event: EventType,
    /// Day of publication, as the writer gives it (the index falls back on
    /// the file's first commit, never on the incident's date).
    pub published: Option<Date>,
    /// Day of the last substantive update, as the writer gives it.
    pub updated: Option<Date>,
    /// The writer's one-sentence lead, if given.
    pub summary: Option<String>,
    /// Drafts are only built with `--drafts`.
    pub draft: bool,
    /// Countries, at least one, in the order written.
    pub countries: Vec<CountryCode>,
    /// Places.
    pub locations: Vec<Location>,
    /// Actors named, unresolved (the index matches them to profiles).
    pub groups: Vec<GroupMention>,
    /// Free terms: what was attacked.
    pub targets: Vec<String>,
    /// Free terms: how.
    pub tactics: Vec<String>,
    /// Free terms.
    pub tags: Vec<String>,
    /// Every reported figure.
    pub casualties: Vec<CasualtyReport>,
    /// Reporting relied on.
    pub sources: Vec<Source>,
    /// Changes after publication, in the order written.
    pub corrections: Vec<Correction>,
    /// Markdown body.
    pub body: Body,
}

impl Briefing {
    /// True when the writer set its publication after `today`.
    pub fn is_scheduled(&self, today: Date) -> bool {
        self.published.is_some_and(|p| p > today)
    }

    /// True when it records an incident of violence (counted in totals,
    /// charts and maps), not a development.
    pub fn is_incident(&self) -> bool {
        self.event.is_incident()
    }
}

/// How precisely a location is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GeoPrecision {
    /// The exact spot.
    Exact,
    /// The town or village.
    Town,
    /// The region only.
    Region,
    /// The country only.
    Country,
}

impl GeoPrecision {
    /// Every value.
    pub const ALL: [GeoPrecision; 4] =
        [GeoPrecision::Exact, GeoPrecision::Town, GeoPrecision::Region, GeoPrecision::Country];

    /// The front-matter word.
    pub fn as_str(self) -> &'static str {
        match self {
            GeoPrecision::Exact => "exact",
            GeoPrecision::Town => "town",
            GeoPrecision::Region => "region",
            GeoPrecision::Country => "country",
        }
    }
}

/// A place where the incident happened.
#[derive(Debug, Clone, PartialEq)]
pub struct Location {
    /// Place name.
    pub name: String,
    /// Country; always one of the briefing's countries.
    pub country: CountryCode,
    /// First-level administrative division.
    pub admin1: Option<String>,
    /// Latitude and longitude in WGS84 degrees.
    pub coordinates: Option<(f64, f64)>,
    /// How precisely the place is known.
    pub precision: GeoPrecision,
    /// Where the entry is written.
    pub span: Option<Span>,
}

/// The part an actor played in an incident.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// Carried out the attack.
    Perpetrator,
    /// Was attacked.
    Target,
    /// Responded (reinforcements, air support).
    Responder,
    /// Anything else.
    Other,
}

impl Role {
    /// Every value.
    pub const ALL: [Role; 4] = [Role::Perpetrator, Role::Target, Role::Responder, Role::Other];

    /// The front-matter word.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Perpetrator => "perpetrator",
            Role::Target => "target",
            Role::Responder => "responder",
            Role::Other => "other",
        }
    }
}

/// Who says the perpetrator did it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Claim {
    /// The group said it did it.
    Claimed,
    /// Credible sources attribute it.
    Attributed,
    /// Suspected, not established.
    Suspected,
    /// The group denies it.
    Denied,
    /// Not a perpetrator: no claim.
    None,
}

impl Claim {
    /// Every value.
    pub const ALL: [Claim; 5] = [Claim::Claimed, Claim::Attributed, Claim::Suspected, Claim::Denied, Claim::None];

    /// The front-matter word.
    pub fn as_str(self) -> &'static str {
        match self {
            Claim::Claimed => "claimed",
            Claim::Attributed => "attributed",
            Claim::Suspected => "suspected",
            Claim::Denied => "denied",
            Claim::None => "none",
        }
    }
}

/// A group as a briefing names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupMention {
    /// The name or alias as written.
    pub name: String,
    /// Its part in the incident.
    pub role: Role,
    /// Claim status (perpetrators only; `None` otherwise).
    pub claim: Claim,
    /// Where the entry is written.
    pub span: Option<Span>,
}

/// One entry of a briefing's sources.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// http(s) address; none for a print edition, an interview or a document
    /// the desk received (which then has a title or a publisher).
    pub url: Option<String>,
    /// Headline of the source.
    pub title: Option<String>,
    /// Outlet.
    pub publisher: Option<String>,
    /// Publication date of the source.
    pub date: Option<IncidentDate>,
}

/// A public correction to a briefing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    /// Day of the correction.
    pub date: Date,
    /// What changed.
    pub note: String,
}

/// What kind of actor a group is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GroupKind {
    /// Non-state armed group.
    ArmedGroup,
    /// National army, gendarmerie, police, auxiliaries.
    StateForce,
    /// Foreign troops or contractors.
    ForeignForce,
    /// Militias, self-defence groups, anything else.
    Other,
}

impl GroupKind {
    /// Every value, in display order.
    pub const ALL: [GroupKind; 4] =
        [GroupKind::ArmedGroup, GroupKind::StateForce, GroupKind::ForeignForce, GroupKind::Other];

    /// The front-matter words.
    pub fn as_str(self) -> &'static str {
        match self {
            GroupKind::ArmedGroup => "armed group",
            GroupKind::StateForce => "state force",
            GroupKind::ForeignForce => "foreign force",
            GroupKind::Other => "other",
        }
    }
}

/// A group profile from `content/groups/<slug>.md`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupProfile {
    /// Source file.
    pub origin: Origin,
    /// The file name: the group's URL slug.
    pub slug: String,
    /// Display name.
    pub name: String,
    /// Full name.
    pub full_name: Option<String>,
    /// Other names briefings may use.
    pub aliases: Vec<String>,
    /// Wider movement.
    pub affiliation: Option<String>,
    /// Founding year or date, as written (`2017`, `2017-03-02`).
    pub founded: Option<String>,
    /// Countries it is active in.
    pub active_in: Vec<CountryCode>,
    /// Kind of actor.
    pub kind: GroupKind,
    /// Name or alias of the parent coalition, unresolved, and where it is written.
    pub parent: Option<(String, Option<Span>)>,
    /// Where `name:` is written.
    pub name_span: Option<Span>,
    /// Where each alias is written, in order of `aliases`.
    pub alias_spans: Vec<Option<Span>>,
    /// Markdown body.
    pub body: Body,
}

impl GroupProfile {
    /// Every name a briefing may use for this group, with where it is written.
    pub fn names(&self) -> Vec<(&str, Option<Span>)> {
        let mut v = vec![(self.name.as_str(), self.name_span)];
        if let Some(full) = &self.full_name {
            v.push((full.as_str(), self.name_span));
        }
        for (alias, span) in self.aliases.iter().zip(&self.alias_spans) {
            v.push((alias.as_str(), *span));
        }
        v
    }
}

/// A country profile from `content/countries/<code>.md`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryProfile {
    /// Source file.
    pub origin: Origin,
    /// The country, from the file name.
    pub code: CountryCode,
    /// Display name overriding the standard one.
    pub name: Option<String>,
    /// Markdown body.
    pub body: Body,
}

/// A free page from `content/pages/<slug>.md`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Source file.
    pub origin: Origin,
    /// The file name: built at `/<slug>/`.
    pub slug: String,
    /// Title.
    pub title: String,
    /// One-sentence description.
    pub summary: Option<String>,
    /// Drafts are only built with `--drafts`.
    pub draft: bool,
    /// Markdown body.
    pub body: Body,
}

/// Everything validated from `content/`.
#[derive(Debug, Clone, Default)]
pub struct Content {
    /// Briefings, in file order (shared: a live rebuild reuses the unchanged ones).
    pub briefings: Vec<Arc<Briefing>>,
    /// Group profiles, in file order.
    pub groups: Vec<GroupProfile>,
    /// Country profiles, in file order.
    pub countries: Vec<CountryProfile>,
    /// Free pages, in file order.
    pub pages: Vec<Page>,
    /// Translations, in file order (attached to their originals by the index).
    pub translations: Vec<Arc<Translation>>,
    /// Glossaries of free terms, one per language.
    pub glossaries: Vec<Glossary>,
    /// Files whose front matter has errors: not published, but what can be
    /// read of them is still checked, so every problem shows in one run.
    pub rejected: Vec<Rejected>,
}

/// What is still known of a file rejected for errors.
#[derive(Debug, Clone)]
pub struct Rejected {
    /// Where it comes from.
    pub origin: Origin,
    /// Its body, whose links are checked.
    pub body: Body,
    /// The groups it names (those entries that are readable).
    pub groups: Vec<GroupMention>,
    /// Its slug, when that is readable and valid (briefings only).
    pub slug: Option<String>,
}
