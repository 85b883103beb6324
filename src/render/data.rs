//! Data downloads: every incident as JSON, CSV (one row per incident) and
//! GeoJSON (one point per located place), and the JSON per group and country.
//!
//! JSON and CSV go through serde_json and the csv crate. The columns are
//! described in `CSV_COLUMNS` and `JSON_FIELDS`, which the `/data/` page shows;
//! a test checks that they match what is written, so the documentation cannot
//! drift from the files.

use serde::{Deserialize, Serialize};

use super::record::{IncidentRecord, KindRef, RangeRef};

/// A download: a title, where it comes from, and the incidents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    /// What the file holds: `Incidents — Sahel Security Briefing`.
    pub title: String,
    /// The site's address.
    pub source: String,
    /// Number of incidents.
    pub count: usize,
    /// The incidents, newest first.
    pub incidents: Vec<IncidentRecord>,
}

/// `incidents.json` (or a group's or country's), from each incident's JSON
/// (`record_json`), serialised once per build however many files hold it.
pub fn json(title: &str, source: &str, records: &[&str]) -> Vec<u8> {
    let head = serde_json::json!({"title": title, "source": source, "count": records.len()}).to_string();
    let mut out = Vec::with_capacity(head.len() + records.iter().map(|r| r.len() + 1).sum::<usize>() + 16);
    // `{"count":..,"source":..,"title":..` then `,"incidents":[...]}`: one object, as `Dataset` reads it.
    out.extend_from_slice(&head.as_bytes()[..head.len() - 1]);
    out.extend_from_slice(b",\"incidents\":[");
    for (i, r) in records.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(r.as_bytes());
    }
    out.extend_from_slice(b"]}\n");
    out
}

/// One incident as compact JSON, for `json`.
pub fn record_json(record: &IncidentRecord) -> String {
    serde_json::to_string(record).unwrap_or_default()
}

/// One row of `incidents.csv`; each field is described in `CSV_COLUMNS`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[allow(missing_docs)]
pub struct CsvRow {
    pub id: String,
    pub url: String,
    pub title: String,
    pub event_date: String,
    pub end_date: Option<String>,
    pub date_precision: String,
    pub event: String,
    pub event_type: String,
    pub countries: String,
    pub admin1: String,
    pub location: String,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub geo_precision: String,
    pub perpetrators: String,
    pub other_actors: String,
    pub targets: String,
    pub tactics: String,
    pub killed_low: Option<u64>,
    pub killed_high: Option<u64>,
    pub killed_security_forces_low: Option<u64>,
    pub killed_security_forces_high: Option<u64>,
    pub killed_civilians_low: Option<u64>,
    pub killed_civilians_high: Option<u64>,
    pub killed_militants_low: Option<u64>,
    pub killed_militants_high: Option<u64>,
    pub killed_unknown_low: Option<u64>,
    pub killed_unknown_high: Option<u64>,
    pub injured_low: Option<u64>,
    pub injured_high: Option<u64>,
    pub captured_low: Option<u64>,
    pub captured_high: Option<u64>,
    pub missing_low: Option<u64>,
    pub missing_high: Option<u64>,
    pub reports: usize,
    pub sources: String,
}

/// Separator inside a CSV cell that holds several values.
pub const LIST_SEPARATOR: &str = "; ";

/// The CSV columns, in order, with what each holds (shown on the `/data/` page).
pub const CSV_COLUMNS: &[(&str, &str)] = &[
    ("id", "The briefing's slug; stable, unique."),
    ("url", "Address of the briefing."),
    ("title", "Headline of the briefing."),
    (
        "event_date",
        "Day the incident began (YYYY-MM-DD), its month (YYYY-MM) when the day is not known, or its year (YYYY).",
    ),
    ("end_date", "Last day of an incident over several days; empty otherwise."),
    ("date_precision", "`day`, `month` or `year`."),
    (
        "event",
        "What the briefing records: attack, battle, explosion, violence against civilians, protest, riot or development (not violence; left out of every total).",
    ),
    (
        "event_type",
        "ACLED's event type: Battles, Explosions/Remote violence, Violence against civilians, Protests, Riots or Strategic developments. An attack is Violence against civilians when every casualty report is about civilians, else Battles.",
    ),
    ("countries", "ISO 3166-1 alpha-2 codes, separated by `; `."),
    ("admin1", "First-level administrative divisions of the places, separated by `; `."),
    ("location", "Names of the places, separated by `; `."),
    ("latitude", "WGS84 latitude of the first place with coordinates; empty when none has them."),
    ("longitude", "WGS84 longitude of that place."),
    ("geo_precision", "How precisely that place is known: `exact`, `town`, `region` or `country`."),
    ("perpetrators", "Perpetrators with their claim status, e.g. `JNIM (claimed); ISSP (suspected)`."),
    ("other_actors", "Other actors with their role, e.g. `Malian Armed Forces (target)`."),
    ("targets", "What was attacked, separated by `; `."),
    ("tactics", "How, separated by `; `."),
    (
        "killed_low",
        "Number killed, lower bound: per group of people the lowest lower bound among the reports, summed; empty when no report gives a lower bound (only a maximum, or nothing reported). Never an invented 0.",
    ),
    (
        "killed_high",
        "Number killed, upper bound: the highest reported figure per group of people, summed; empty when a report gives no upper bound or nothing was reported.",
    ),
    ("killed_security_forces_low", "As killed_low, for security forces only."),
    ("killed_security_forces_high", "As killed_high, for security forces only."),
    ("killed_civilians_low", "As killed_low, for civilians only."),
    ("killed_civilians_high", "As killed_high, for civilians only."),
    ("killed_militants_low", "As killed_low, for militants only (attackers: not the perpetrators' victims)."),
    ("killed_militants_high", "As killed_high, for militants only."),
    ("killed_unknown_low", "As killed_low, for people the reports do not identify."),
    ("killed_unknown_high", "As killed_high, for people the reports do not identify."),
    ("injured_low", "As killed_low, for the injured."),
    ("injured_high", "As killed_high, for the injured."),
    ("captured_low", "As killed_low, for people captured or abducted."),
    ("captured_high", "As killed_high, for people captured or abducted."),
    ("missing_low", "As killed_low, for the missing."),
    ("missing_high", "As killed_high, for the missing."),
    ("reports", "Number of casualty reports behind the figures (each listed in the JSON)."),
    ("sources", "Addresses of the sources, separated by `; ` (the title and publisher of a source with no address)."),
];

/// The fields of an incident in the JSON downloads (shown on the `/data/` page).
pub const JSON_FIELDS: &[(&str, &str)] = &[
    ("id", "The briefing's slug."),
    ("url", "Address of the briefing."),
    ("title", "Headline."),
    ("summary", "One-sentence lead."),
    ("event_date", "YYYY-MM-DD, or YYYY-MM when only the month is known."),
    ("end_date", "Last day, or null."),
    ("date_precision", "`day`, `month` or `year`."),
    ("event", "attack, battle, explosion, violence against civilians, protest, riot or development."),
    ("event_type", "ACLED's event type (see the CSV column)."),
    ("published", "Day of publication, or null when it is not known."),
    ("updated", "Day of the last update, or null."),
    ("countries", "List of {code, name, slug}."),
    ("locations", "List of {name, country, admin1, latitude, longitude, precision}."),
    (
        "actors",
        "List of {name, slug, role, claim, written_as}: role is perpetrator, target, responder or other; claim is claimed, attributed, suspected, denied, or none.",
    ),
    ("targets", "List of free terms."),
    ("tactics", "List of free terms."),
    ("tags", "List of free terms."),
    (
        "casualties",
        "Derived figures: {killed, injured, captured, missing}, each null when nothing was reported, else {low, high, by_who: [{who, low, high}]}; low is null when only maximums were reported, high when a report gives no upper bound.",
    ),
    ("reports", "Every casualty report: {kind, who, min, max, according_to}; an exact count has min = max."),
    ("sources", "List of {url, title, publisher, date}."),
];

fn join(items: impl IntoIterator<Item = String>) -> String {
    cell(items.into_iter().collect::<Vec<_>>().join(LIST_SEPARATOR))
}

/// A text cell a spreadsheet will not run as a formula: one that begins with
/// `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'` (the
/// OWASP rule), unless it is a number.
pub fn cell(text: String) -> String {
    let risky = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && text.trim().parse::<f64>().is_err() { format!("'{text}") } else { text }
}

/// The CSV row of a record.
pub fn csv_row(r: &IncidentRecord) -> CsvRow {
    let located = r.locations.iter().find(|l| l.latitude.is_some() && l.longitude.is_some());
    let low = |f: Option<RangeRef>| f.and_then(|f| f.low);
    let high = |f: Option<RangeRef>| f.and_then(|f| f.high);
    let c = &r.casualties;
    let all = |k: &Option<KindRef>| k.as_ref().map(KindRef::range);
    let killed = |who: &str| c.killed.as_ref().and_then(|k| k.of(who));
    CsvRow {
        id: cell(r.id.clone()),
        url: cell(r.url.clone()),
        title: cell(r.title.clone()),
        event_date: r.event_date.clone(),
        end_date: r.end_date.clone(),
        date_precision: r.date_precision.clone(),
        event: r.event.clone(),
        event_type: r.event_type.clone(),
        countries: join(r.countries.iter().map(|c| c.code.clone())),
        admin1: join(r.locations.iter().filter_map(|l| l.admin1.clone())),
        location: join(r.locations.iter().map(|l| l.name.clone())),
        latitude: located.and_then(|l| l.latitude),
        longitude: located.and_then(|l| l.longitude),
        geo_precision: located.map(|l| l.precision.clone()).unwrap_or_default(),
        perpetrators: join(
            r.actors.iter().filter(|a| a.role == "perpetrator").map(|a| format!("{} ({})", a.name, a.claim)),
        ),
        other_actors: join(
            r.actors.iter().filter(|a| a.role != "perpetrator").map(|a| format!("{} ({})", a.name, a.role)),
        ),
        targets: join(r.targets.iter().cloned()),
        tactics: join(r.tactics.iter().cloned()),
        killed_low: low(all(&c.killed)),
        killed_high: high(all(&c.killed)),
        killed_security_forces_low: low(killed("security forces")),
        killed_security_forces_high: high(killed("security forces")),
        killed_civilians_low: low(killed("civilians")),
        killed_civilians_high: high(killed("civilians")),
        killed_militants_low: low(killed("militants")),
        killed_militants_high: high(killed("militants")),
        killed_unknown_low: low(killed("unknown")),
        killed_unknown_high: high(killed("unknown")),
        injured_low: low(all(&c.injured)),
        injured_high: high(all(&c.injured)),
        captured_low: low(all(&c.captured)),
        captured_high: high(all(&c.captured)),
        missing_low: low(all(&c.missing)),
        missing_high: high(all(&c.missing)),
        reports: r.reports.len(),
        sources: join(r.sources.iter().map(|s| match (&s.url, &s.title, &s.publisher) {
            (Some(url), _, _) => url.clone(),
            (None, Some(title), Some(publisher)) => format!("{title} ({publisher})"),
            (None, Some(text), None) | (None, None, Some(text)) => text.clone(),
            (None, None, None) => String::new(),
        })),
    }
}

/// One incident's line of `incidents.csv` (no header), from its `csv_row`.
pub fn csv_line(row: &CsvRow) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new().has_headers(false).buffer_capacity(1024).from_writer(Vec::new());
    let _ = writer.serialize(row);
    writer.into_inner().unwrap_or_default()
}

/// `incidents.csv`: the header (`CSV_COLUMNS`), then each incident's `csv_line`.
pub fn csv(lines: &[&[u8]]) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record(CSV_COLUMNS.iter().map(|(name, _)| *name));
    let mut out = writer.into_inner().unwrap_or_default();
    out.reserve(lines.iter().map(|l| l.len()).sum());
    lines.iter().for_each(|l| out.extend_from_slice(l));
    out
}

/// A GeoJSON feature collection.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeatureCollection {
    /// Always `FeatureCollection`.
    #[serde(rename = "type")]
    pub kind: String,
    /// One point per located place.
    pub features: Vec<Feature>,
}

/// A point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Feature {
    /// Always `Feature`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The point.
    pub geometry: Point,
    /// What happened there.
    pub properties: PlaceProperties,
}

/// A GeoJSON point: `[longitude, latitude]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Point {
    /// Always `Point`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Longitude, latitude.
    pub coordinates: [f64; 2],
}

/// The properties of a place's point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceProperties {
    /// The incident's id.
    pub id: String,
    /// The briefing.
    pub url: String,
    /// Headline.
    pub title: String,
    /// Day or month the incident began.
    pub event_date: String,
    /// The place.
    pub location: String,
    /// Its country's code.
    pub country: String,
    /// ACLED's event type.
    pub event_type: String,
    /// How precisely it is known.
    pub geo_precision: String,
    /// Perpetrators with claim status.
    pub perpetrators: String,
    /// Number killed in the incident, lower bound (empty: only a maximum, or none reported).
    pub killed_low: Option<u64>,
    /// Highest reported number killed.
    pub killed_high: Option<u64>,
}

/// The points of one incident: one per place with coordinates (`row` is its `csv_row`).
pub fn features(r: &IncidentRecord, row: &CsvRow) -> Vec<Feature> {
    r.locations
        .iter()
        .filter_map(|l| {
            Some(Feature {
                kind: "Feature".into(),
                geometry: Point { kind: "Point".into(), coordinates: [l.longitude?, l.latitude?] },
                properties: PlaceProperties {
                    id: r.id.clone(),
                    url: r.url.clone(),
                    title: r.title.clone(),
                    event_date: r.event_date.clone(),
                    location: l.name.clone(),
                    country: l.country.clone(),
                    event_type: r.event_type.clone(),
                    geo_precision: l.precision.clone(),
                    perpetrators: row.perpetrators.clone(),
                    killed_low: row.killed_low,
                    killed_high: row.killed_high,
                },
            })
        })
        .collect()
}

/// `incidents.geojson`: every point (each a `Feature` as compact JSON), one per line.
pub fn geojson(features: &[&str]) -> Vec<u8> {
    let mut out = Vec::with_capacity(features.iter().map(|f| f.len() + 2).sum::<usize>() + 64);
    out.extend_from_slice(b"{\"type\":\"FeatureCollection\",\"features\":[");
    for (i, f) in features.iter().enumerate() {
        out.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
        out.extend_from_slice(f.as_bytes());
    }
    out.extend_from_slice(b"\n]}\n");
    out
}
