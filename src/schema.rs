//! The JSON Schema of what writers type, for editors that validate and
//! complete YAML as it is typed (VS Code, Neovim, Helix through
//! yaml-language-server). Generated with schemars from the very types the
//! parser reads (`raw`, `config`): their doc comments are the descriptions,
//! their `deny_unknown_fields` rejects a misspelt field, and the helpers
//! below give the same choices and formats the validator accepts.

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::model::casualty::{CasualtyKind, Who};
use crate::model::{Claim, EventType, GeoPrecision, GroupKind, Role};

/// The files a schema describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Of {
    /// A briefing's front matter.
    Briefing,
    /// A group profile's front matter.
    Group,
    /// A country profile's front matter.
    Country,
    /// A free page's front matter.
    Page,
    /// `site.yaml`.
    Site,
}

impl Of {
    /// Every kind, in the order `init` writes them.
    pub const ALL: [Of; 5] = [Of::Briefing, Of::Group, Of::Country, Of::Page, Of::Site];

    /// Where a site keeps this schema, relative to its root: `schemas/briefing.json`.
    pub fn file(self) -> &'static str {
        match self {
            Of::Briefing => BRIEFING_FILE,
            Of::Group => "schemas/group.json",
            Of::Country => "schemas/country.json",
            Of::Page => "schemas/page.json",
            Of::Site => "schemas/site.json",
        }
    }
}

/// Where a site keeps the briefing schema, relative to its root.
pub const BRIEFING_FILE: &str = "schemas/briefing.json";

/// The schema of `of`.
pub fn schema(of: Of) -> Schema {
    match of {
        Of::Briefing => schemars::schema_for!(crate::raw::RawBriefing),
        Of::Group => schemars::schema_for!(crate::raw::RawGroupProfile),
        Of::Country => schemars::schema_for!(crate::raw::RawCountryProfile),
        Of::Page => schemars::schema_for!(crate::raw::RawPage),
        Of::Site => crate::config::schema(),
    }
}

/// The schema of `of` as pretty-printed JSON, ending with a newline.
pub fn json(of: Of) -> String {
    let mut text = serde_json::to_string_pretty(&schema(of)).unwrap_or_else(|_| "{}".into());
    text.push('\n');
    text
}

/// Text: YAML reads a bare number or `true` in a text field as its words.
pub fn text(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": ["string", "number", "boolean", "null"] })
}

/// Text that must not be blank (a required field).
pub fn required_text(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "anyOf": [{ "type": "string", "pattern": "\\S" }, { "type": ["number", "boolean"] }] })
}

/// Free terms: a list of text.
pub fn terms(generator: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": ["array", "null"], "items": text(generator) })
}

/// An incident date: `YYYY-MM-DD`, `YYYY-MM` when only the month is known,
/// or `YYYY` when only the year is.
pub fn incident_date(generator: &mut SchemaGenerator) -> Schema {
    year_or_date(generator)
}

/// A day: `YYYY-MM-DD`.
pub fn day(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "type": ["string", "null"], "pattern": "^\\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\\s*$" })
}

/// A day, or a month (`YYYY-MM`) or a year when that is all that is known.
pub fn year_or_date(_: &mut SchemaGenerator) -> Schema {
    json_schema!({ "anyOf": [
        { "type": ["integer", "null"] },
        { "type": "string", "pattern": "^\\s*[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?\\s*$" }
    ] })
}

/// One of `words`, in any case (as the validator reads it): the list is
/// offered for completion, the pattern accepts `Attack` as `attack`.
fn choice(words: impl Iterator<Item = &'static str>) -> Schema {
    let words: Vec<&str> = words.collect();
    let any_case: Vec<String> = words
        .iter()
        .map(|w| {
            w.chars()
                .map(|c| {
                    if c.is_ascii_alphabetic() {
                        format!("[{}{}]", c.to_ascii_lowercase(), c.to_ascii_uppercase())
                    } else {
                        regex_escape(c)
                    }
                })
                .collect()
        })
        .collect();
    let pattern = format!("^\\s*({})\\s*$", any_case.join("|"));
    json_schema!({ "anyOf": [{ "enum": words }, { "type": "string", "pattern": pattern }, { "type": "null" }] })
}

fn regex_escape(c: char) -> String {
    if "\\^$.|?*+()[]{}-/".contains(c) { format!("\\{c}") } else { c.to_string() }
}

/// `event:` values.
pub fn event(_: &mut SchemaGenerator) -> Schema {
    choice(EventType::ALL.iter().map(|e| e.as_str()))
}

/// `casualties[].kind` values.
pub fn casualty_kind(_: &mut SchemaGenerator) -> Schema {
    choice(CasualtyKind::ALL.iter().map(|k| k.as_str()))
}

/// `casualties[].who` values.
pub fn who(_: &mut SchemaGenerator) -> Schema {
    choice(Who::ALL.iter().map(|w| w.as_str()))
}

/// `groups[].role` values.
pub fn role(_: &mut SchemaGenerator) -> Schema {
    choice(Role::ALL.iter().map(|r| r.as_str()))
}

/// `groups[].claim` values.
pub fn claim(_: &mut SchemaGenerator) -> Schema {
    choice(Claim::ALL.iter().map(|c| c.as_str()))
}

/// `locations[].precision` values.
pub fn precision(_: &mut SchemaGenerator) -> Schema {
    choice(GeoPrecision::ALL.iter().map(|p| p.as_str()))
}

/// A group profile's `kind:` values.
pub fn group_kind(_: &mut SchemaGenerator) -> Schema {
    choice(GroupKind::ALL.iter().map(|k| k.as_str()))
}

/// A `groups:` entry: a name, or a mapping with name, role and claim.
impl JsonSchema for crate::raw::RawGroupRef {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "GroupEntry".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A group's name or alias (a perpetrator, attributed), or the full form with its role and claim.",
            "anyOf": [required_text(generator), generator.subschema_for::<crate::raw::RawGroupEntry>()]
        })
    }
}
