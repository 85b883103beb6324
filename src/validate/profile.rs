//! Checks group profiles, country profiles and free pages.

use crate::model::country::resolve_country;
use crate::model::{Body, CountryProfile, GroupKind, GroupProfile, Origin, Page};
use crate::raw::{RawCountryProfile, RawGroupProfile, RawPage};

use super::Checker;
use super::briefing::slug;

/// Validates a group profile; its slug is the file name.
pub fn group(
    raw: RawGroupProfile,
    origin: Origin,
    stem: &str,
    body: Body,
    c: &mut Checker<'_>,
) -> Option<GroupProfile> {
    let slug = file_slug(stem, c);
    let name = c.required_text(raw.name, "name", "add the group's display name: `name: JNIM`");
    let name_span = c.stored_span("name");
    let mut aliases = Vec::new();
    let mut alias_spans = Vec::new();
    for (i, alias) in raw.aliases.unwrap_or_default().into_iter().enumerate() {
        let field = format!("aliases[{i}]");
        if let Some(a) = c.required_text(Some(alias), &field, "remove the empty alias") {
            aliases.push(a);
            alias_spans.push(c.stored_span(&field));
        }
    }
    let founded = c.optional_text(raw.founded);
    if let Some(f) = &founded {
        let year_only = f.len() == 4 && f.bytes().all(|b| b.is_ascii_digit());
        if !year_only {
            c.incident_date(f, "founded");
        }
    }
    let mut active_in = Vec::new();
    for (i, v) in raw.active_in.unwrap_or_default().iter().enumerate() {
        if let Some(code) = c.country(v, &format!("active_in[{i}]"))
            && !active_in.contains(&code)
        {
            active_in.push(code);
        }
    }
    let kind = match c.optional_text(raw.kind) {
        Some(k) => c.choice(&k, "kind", &GroupKind::ALL, GroupKind::as_str),
        None => Some(GroupKind::ArmedGroup),
    };
    let parent = c.optional_text(raw.parent).map(|p| (p, c.stored_span("parent")));
    let body = body.with_pictures(super::picture::pictures(raw.image, raw.images, c));
    Some(GroupProfile {
        origin,
        slug: slug?,
        name: name?,
        full_name: c.optional_text(raw.full_name),
        aliases,
        affiliation: c.optional_text(raw.affiliation),
        founded,
        active_in,
        kind: kind?,
        parent,
        name_span,
        alias_spans,
        body,
    })
}

/// Validates a country profile; the file name is the country's alpha-2 code.
pub fn country(
    raw: RawCountryProfile,
    origin: Origin,
    stem: &str,
    body: Body,
    c: &mut Checker<'_>,
) -> Option<CountryProfile> {
    let code = if stem.len() == 2 { resolve_country(stem) } else { None };
    if code.is_none() {
        let hint = match resolve_country(stem) {
            Some(code) => format!("rename the file to `{}.md`", code.lower()),
            None => "name the file by the country's ISO 3166-1 alpha-2 code, e.g. `ml.md` for Mali".to_string(),
        };
        c.error("bad-country-file", "", format!("`{stem}.md` is not named by a country code"), hint);
    }
    let body = body.with_pictures(super::picture::pictures(raw.image, raw.images, c));
    Some(CountryProfile { origin, code: code?, name: c.optional_text(raw.name), body })
}

/// Validates a free page; built at `/<file name>/`.
pub fn page(raw: RawPage, origin: Origin, stem: &str, body: Body, c: &mut Checker<'_>) -> Option<Page> {
    let slug = file_slug(stem, c);
    if let Some(s) = &slug
        && crate::index::addresses::RESERVED.contains(&s.as_str())
    {
        c.error(
            "reserved-slug",
            "",
            format!("a free page cannot be called `{s}`: /{s}/ is built by sitrep"),
            "rename the file",
        );
    }
    let title = c.required_text(raw.title, "title", "add a title: `title: About`");
    let body = body.with_pictures(super::picture::pictures(raw.image, raw.images, c));
    Some(Page {
        origin,
        slug: slug?,
        title: title?,
        summary: c.optional_text(raw.summary),
        draft: raw.draft.unwrap_or(false),
        body,
    })
}

fn file_slug(stem: &str, c: &mut Checker<'_>) -> Option<String> {
    slug(None, stem, c)
}
