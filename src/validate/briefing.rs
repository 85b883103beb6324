//! Checks one briefing's front matter and builds the `Briefing`.

use jiff::civil::Date;

use crate::model::casualty::{CasualtyKind, CasualtyReport, Figure, MAX_FIGURE, Who};
use crate::model::names::{MAX_SLUG, is_valid_slug};
use crate::model::{
    Body, Briefing, Claim, Correction, CountryCode, EventType, GeoPrecision, GroupMention, IncidentDate, Location,
    Origin, Role, Source,
};
use crate::raw::{RawBriefing, RawCasualty, RawGroupRef, RawLocation, RawSource};

use super::Checker;

/// The earliest year an incident may be dated.
pub const FIRST_YEAR: i16 = 1900;

/// Validates a briefing as of `today`; `None` when a required part is missing or wrong.
pub fn validate(
    raw: RawBriefing,
    origin: Origin,
    stem: &str,
    body: Body,
    today: Date,
    c: &mut Checker<'_>,
) -> Option<Briefing> {
    let title = c.required_text(raw.title, "title", "add a headline: `title: JNIM strikes Bamako`");
    let date_text =
        c.required_text(raw.date, "date", "add the day the incident began: `date: 2024-09-17` (or `2024-09`)");
    let date = date_text.and_then(|d| c.incident_date(&d, "date")).and_then(|d| in_range(d, "date", today, c));
    let end_date = c
        .optional_text(raw.end_date)
        .and_then(|d| c.incident_date(&d, "end_date"))
        .and_then(|d| in_range(d, "end_date", today, c));
    let event = match c.optional_text(raw.event) {
        Some(e) => c.choice(&e, "event", &EventType::ALL, EventType::as_str),
        None => Some(EventType::Attack),
    };
    if let (Some(start), Some(end)) = (date, end_date)
        && end.last_day() < start.first_day()
    {
        c.error(
            "date-order",
            "end_date",
            format!("`end_date` {end} is before `date` {start}"),
            "end_date is the last day of the incident; it cannot come before date",
        );
    }
    let published_text = c.optional_text(raw.published);
    let published = published_text.as_deref().map(|p| c.day(p, "published"));
    let updated = c.optional_text(raw.updated).and_then(|u| c.day(&u, "updated"));
    let slug_span = if raw.slug.is_some() { c.stored_span("slug") } else { None };
    let slug = slug(raw.slug, stem, c);
    let summary = c.optional_text(raw.summary);
    let countries = countries(raw.countries, c);
    let locations = locations(raw.locations.unwrap_or_default(), &countries, c);
    let groups = groups(raw.groups.unwrap_or_default(), c);
    let targets = c.terms(raw.targets, "targets");
    let tactics = c.terms(raw.tactics, "tactics");
    let tags = c.terms(raw.tags, "tags");
    let casualties = casualties(raw.casualties.unwrap_or_default(), c);
    let sources = sources(raw.sources, c);
    let corrections = corrections(raw.corrections.unwrap_or_default(), c);
    let body = body.with_pictures(super::picture::pictures(raw.image, raw.images, c));
    Some(Briefing {
        origin,
        slug: slug?,
        slug_span,
        title: title?,
        date: date?,
        end_date,
        event: event?,
        published: match published {
            Some(p) => Some(p?),
            None => None,
        },
        updated,
        summary,
        draft: raw.draft.unwrap_or(false),
        countries,
        locations,
        groups,
        targets,
        tactics,
        tags,
        casualties,
        sources,
        corrections,
        body,
    })
}

/// `date` when it lies between `FIRST_YEAR` and `today`, else an error at `field`.
fn in_range(date: IncidentDate, field: &str, today: Date, c: &mut Checker<'_>) -> Option<IncidentDate> {
    if date.year() < FIRST_YEAR {
        c.error(
            "date-out-of-range",
            field,
            format!("`{field}` {date} is before {FIRST_YEAR}"),
            format!("incidents are dated from {FIRST_YEAR} on; check the year"),
        );
        return None;
    }
    if date.first_day() > today {
        c.error(
            "date-out-of-range",
            field,
            format!("`{field}` {date} is after today ({today})"),
            "an incident cannot be dated in the future; to publish later, set `published:`",
        );
        return None;
    }
    Some(date)
}

/// The slug: given, or the file name; either way `[a-z0-9-]+`, at most `MAX_SLUG` bytes.
pub fn slug(given: Option<String>, stem: &str, c: &mut Checker<'_>) -> Option<String> {
    let written = given.is_some();
    let slug = slug_as_written(given, stem, c)?;
    if slug.len() > MAX_SLUG {
        c.error(
            "slug-too-long",
            if written { "slug" } else { "" },
            format!("the slug is {} characters long; the most is {MAX_SLUG}", slug.len()),
            "a slug becomes a folder name of the published site: give a short `slug:`",
        );
        return None;
    }
    Some(slug)
}

fn slug_as_written(given: Option<String>, stem: &str, c: &mut Checker<'_>) -> Option<String> {
    match given.map(|s| s.trim().to_string()) {
        Some(s) if is_valid_slug(&s) => Some(s),
        Some(s) => {
            c.error(
                "bad-slug",
                "slug",
                format!("slug `{s}` may only use lowercase letters, digits and hyphens"),
                format!("try `slug: {}`", crate::model::names::slugify(&s)),
            );
            None
        }
        None if is_valid_slug(stem) => Some(stem.to_string()),
        None => {
            c.error(
                "bad-slug",
                "",
                format!("the file name `{stem}` is not a valid slug (lowercase letters, digits and hyphens)"),
                format!("rename the file to `{}.md`, or set `slug:`", crate::model::names::slugify(stem)),
            );
            None
        }
    }
}

fn countries(values: Option<Vec<String>>, c: &mut Checker<'_>) -> Vec<CountryCode> {
    let Some(values) = values.filter(|v| !v.is_empty()) else {
        if c.is_bad("countries") {
            return Vec::new();
        }
        c.error(
            "missing-field",
            "countries",
            "a briefing needs at least one country in `countries`",
            "add `countries: [ML]` (ISO codes or English names)",
        );
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, v) in values.iter().enumerate() {
        let field = format!("countries[{i}]");
        if let Some(code) = c.country(v, &field) {
            if out.contains(&code) {
                c.warning("repeated-country", &field, format!("{} is listed twice", code.name()), "remove the repeat");
            } else {
                out.push(code);
            }
        }
    }
    out
}

fn locations(raws: Vec<RawLocation>, countries: &[CountryCode], c: &mut Checker<'_>) -> Vec<Location> {
    let mut out = Vec::new();
    for (i, raw) in raws.into_iter().enumerate() {
        let at = format!("locations[{i}]");
        let name = c.required_text(raw.name, &format!("{at}.name"), "name the place: `name: Bamako`");
        let country = match c.optional_text(raw.country) {
            Some(v) => c.country(&v, &format!("{at}.country")).and_then(|code| {
                if countries.is_empty() || countries.contains(&code) {
                    Some(code)
                } else {
                    c.error(
                        "location-country",
                        &format!("{at}.country"),
                        format!("location country {} is not among the briefing's countries", code.name()),
                        format!("add {} to `countries`, or correct the location's country", code.as_str()),
                    );
                    None
                }
            }),
            None if countries.len() == 1 => Some(countries[0]),
            None => {
                c.error(
                    "missing-field",
                    &at,
                    "this location needs a `country` (the briefing names several)",
                    "add `country: ML` to the location",
                );
                None
            }
        };
        let coordinates = match (raw.lat, raw.lon) {
            (Some(lat), Some(lon)) => {
                let mut ok = true;
                if !(-90.0..=90.0).contains(&lat) || !lat.is_finite() {
                    c.error(
                        "bad-coordinates",
                        &format!("{at}.lat"),
                        format!("latitude {lat} is out of range"),
                        "latitude is between -90 and 90 degrees",
                    );
                    ok = false;
                }
                if !(-180.0..=180.0).contains(&lon) || !lon.is_finite() {
                    c.error(
                        "bad-coordinates",
                        &format!("{at}.lon"),
                        format!("longitude {lon} is out of range"),
                        "longitude is between -180 and 180 degrees",
                    );
                    ok = false;
                }
                ok.then_some((lat, lon))
            }
            (None, None) => None,
            (Some(_), None) => {
                c.error(
                    "bad-coordinates",
                    &format!("{at}.lat"),
                    "`lat` is given without `lon`",
                    "give both lat and lon, or neither",
                );
                None
            }
            (None, Some(_)) => {
                c.error(
                    "bad-coordinates",
                    &format!("{at}.lon"),
                    "`lon` is given without `lat`",
                    "give both lat and lon, or neither",
                );
                None
            }
        };
        let precision = match c.optional_text(raw.precision) {
            Some(p) => c.choice(&p, &format!("{at}.precision"), &GeoPrecision::ALL, GeoPrecision::as_str),
            None => Some(GeoPrecision::Town),
        };
        if let (Some(name), Some(country), Some(precision)) = (name, country, precision) {
            // The entry's line: a cheap look-up (a place far from its country is
            // reported there, once the index knows the map outlines).
            let span = c.stored_span(&at);
            let admin1 = c.optional_text(raw.admin1);
            if let Some(region) = &admin1 {
                c.term_address(region, &format!("{at}.admin1"));
                if slug::slugify(region) == "page" {
                    c.error(
                        "bad-term",
                        &format!("{at}.admin1"),
                        "a region called `page` would take the address of its country's further pages",
                        "write the region's full name",
                    );
                }
            }
            out.push(Location { name, country, admin1, coordinates, precision, span });
        }
    }
    out
}

pub fn groups(raws: Vec<RawGroupRef>, c: &mut Checker<'_>) -> Vec<GroupMention> {
    let mut out = Vec::new();
    for (i, raw) in raws.into_iter().enumerate() {
        let at = format!("groups[{i}]");
        let span = c.stored_span(&at);
        let mention = match raw {
            RawGroupRef::Name(name) => c
                .required_text(Some(name), &at, "name the group, e.g. `- JNIM`")
                .map(|name| GroupMention { name, role: Role::Perpetrator, claim: Claim::Attributed, span }),
            RawGroupRef::Full(entry) => {
                let name = c.required_text(entry.name, &format!("{at}.name"), "name the group: `name: JNIM`");
                let role = match c.optional_text(entry.role) {
                    Some(r) => c.choice(&r, &format!("{at}.role"), &Role::ALL, Role::as_str),
                    None => Some(Role::Perpetrator),
                };
                let claim = match (role, c.optional_text(entry.claim)) {
                    (Some(role), Some(text)) => c
                        .choice(&text, &format!("{at}.claim"), &Claim::ALL, Claim::as_str)
                        .and_then(|claim| claim_fits(role, claim, &format!("{at}.claim"), c)),
                    (Some(Role::Perpetrator), None) => Some(Claim::Attributed),
                    (Some(_), None) => Some(Claim::None),
                    (None, _) => None,
                };
                match (name, role, claim) {
                    (Some(name), Some(role), Some(claim)) => Some(GroupMention { name, role, claim, span }),
                    _ => None,
                }
            }
        };
        out.extend(mention);
    }
    out
}

fn claim_fits(role: Role, claim: Claim, field: &str, c: &mut Checker<'_>) -> Option<Claim> {
    match (role, claim) {
        (Role::Perpetrator, Claim::None) => {
            c.error(
                "claim-role",
                field,
                "a perpetrator needs a claim status other than `none`",
                "use claimed, attributed, suspected or denied",
            );
            None
        }
        (Role::Perpetrator, claim) | (_, claim @ Claim::None) => Some(claim),
        (role, claim) => {
            c.error(
                "claim-role",
                field,
                format!("claim `{}` only applies to perpetrators, not to a {}", claim.as_str(), role.as_str()),
                "remove `claim`, or set `role: perpetrator`",
            );
            None
        }
    }
}

fn casualties(raws: Vec<RawCasualty>, c: &mut Checker<'_>) -> Vec<CasualtyReport> {
    let mut out = Vec::new();
    for (i, raw) in raws.into_iter().enumerate() {
        let at = format!("casualties[{i}]");
        let kind = match c.optional_text(raw.kind) {
            Some(k) => c.choice(&k, &format!("{at}.kind"), &CasualtyKind::ALL, CasualtyKind::as_str),
            None => {
                c.error(
                    "missing-field",
                    &at,
                    "casualty report without `kind`",
                    "add `kind: killed` (killed, injured, captured or missing)",
                );
                None
            }
        };
        let who = match c.optional_text(raw.who) {
            Some(w) => c.choice(&w, &format!("{at}.who"), &Who::ALL, Who::as_str),
            None => Some(Who::Unknown),
        };
        let according_to = c.optional_text(raw.according_to);
        if according_to.is_none() {
            c.error(
                "missing-according-to",
                &at,
                "casualty report without `according_to`",
                "every figure needs its source: `according_to: security source cited by France 24`",
            );
        }
        let figure = figure(raw.count, raw.min, raw.max, &at, c);
        if let (Some(kind), Some(who), Some(figure), Some(according_to)) = (kind, who, figure, according_to) {
            out.push(CasualtyReport { kind, who, figure, according_to });
        }
    }
    out
}

fn figure(count: Option<i64>, min: Option<i64>, max: Option<i64>, at: &str, c: &mut Checker<'_>) -> Option<Figure> {
    let mut ok = true;
    for (value, name) in [(count, "count"), (min, "min"), (max, "max")] {
        match value {
            Some(v) if v < 0 => {
                c.error(
                    "negative-count",
                    &format!("{at}.{name}"),
                    format!("`{name}` cannot be negative"),
                    "write the number of people, 0 or more",
                );
                ok = false;
            }
            Some(v) if v as u64 > MAX_FIGURE => {
                c.error(
                    "figure-too-large",
                    &format!("{at}.{name}"),
                    format!("`{name}` {v} is above {MAX_FIGURE}, the largest figure sitrep accepts"),
                    "check the number for a typo (an extra digit, a year)",
                );
                ok = false;
            }
            _ => {}
        }
    }
    let unsigned = |v: Option<i64>| v.map(|v| v.max(0) as u64);
    let figure = match (count, min, max) {
        (Some(n), None, None) => Figure::exact(n.max(0) as u64),
        (Some(_), _, _) => {
            c.error(
                "count-and-range",
                &format!("{at}.count"),
                "give either `count` or `min`/`max`, not both",
                "an exact figure is `count`; a range is `min` and/or `max`",
            );
            return None;
        }
        (None, None, None) => {
            c.error(
                "no-figure",
                at,
                "casualty report without a figure",
                "add `count: 12`, or `min:` and/or `max:` for a range",
            );
            return None;
        }
        (None, Some(0), None) => {
            c.error(
                "empty-figure",
                &format!("{at}.min"),
                "`min: 0` with no `max` reports no figure: it says only that the number is not negative",
                "give the reported number as `count`, a `min` above 0 (\"over 20\"), or a `max` (\"up to 30\")",
            );
            return None;
        }
        (None, min, max) => Figure::new(unsigned(min), unsigned(max)),
    };
    if let (Some(lo), Some(hi)) = (unsigned(min), unsigned(max))
        && lo > hi
    {
        c.error(
            "min-above-max",
            &format!("{at}.min"),
            format!("`min` {lo} is greater than `max` {hi}"),
            "swap the two figures",
        );
        ok = false;
    }
    ok.then_some(figure)
}

fn sources(raws: Option<Vec<RawSource>>, c: &mut Checker<'_>) -> Vec<Source> {
    let raws = raws.unwrap_or_default();
    if raws.is_empty() && !c.is_bad("sources") {
        c.warning(
            "no-sources",
            "sources",
            "briefing has no sources",
            "add `sources:` with the url, title, publisher and date of the reporting you relied on",
        );
    }
    let mut out = Vec::new();
    for (i, raw) in raws.into_iter().enumerate() {
        let at = format!("sources[{i}]");
        let bad_url = raw.url.as_deref().is_some_and(|u| !u.trim().is_empty());
        let url = c.optional_text(raw.url).and_then(|u| c.url(&u, &format!("{at}.url")));
        let title = c.optional_text(raw.title);
        let publisher = c.optional_text(raw.publisher);
        let date = c.optional_text(raw.date).and_then(|d| c.incident_date(&d, &format!("{at}.date")));
        if url.is_none() && !bad_url && title.is_none() && publisher.is_none() {
            c.error(
                "empty-source",
                &at,
                "this source has no address, title or publisher",
                "give its `url`; for a source with no address (a print edition, an interview, a document the desk received), give its `title` or `publisher`",
            );
            continue;
        }
        if url.is_some() || !bad_url {
            out.push(Source { url, title, publisher, date });
        }
    }
    out
}

pub(super) fn corrections(raws: Vec<crate::raw::RawCorrection>, c: &mut Checker<'_>) -> Vec<Correction> {
    let mut out = Vec::new();
    for (i, raw) in raws.into_iter().enumerate() {
        let at = format!("corrections[{i}]");
        let date = c
            .required_text(raw.date, &format!("{at}.date"), "add the day of the correction: `date: 2024-09-23`")
            .and_then(|d| c.day(&d, &format!("{at}.date")));
        let note = c.required_text(
            raw.note,
            &format!("{at}.note"),
            "say what changed: `note: Death toll raised from 50 to 70.`",
        );
        if let (Some(date), Some(note)) = (date, note) {
            out.push(Correction { date, note });
        }
    }
    out
}
