//! Data downloads: every incident as JSON, CSV (one row per incident) and
//! GeoJSON (one point per located place), and the JSON per group and country.
//!
//! JSON and CSV go through serde_json and the csv crate. The columns are
//! listed in `CSV_COLUMNS` and `JSON_FIELDS`, and described in each language
//! by the theme's translation table (`csv_key`, `json_key`), which the
//! `/data/` page shows; a test checks that the lists match what is written,
//! so the documentation cannot drift from the files. The files themselves
//! are the same in every language.

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

/// What the explorer reads of one incident as compact JSON; `url`: its
/// briefing's address from the site's root.
pub fn explorer_json(record: &IncidentRecord, url: String) -> String {
    serde_json::to_string(&record.for_explorer(url)).unwrap_or_default()
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

/// The CSV columns, in order. What each holds is in the theme's translation
/// table under `csv_key(column)`, shown on the `/data/` page.
pub const CSV_COLUMNS: &[&str] = &[
    "id",
    "url",
    "title",
    "event_date",
    "end_date",
    "date_precision",
    "event",
    "event_type",
    "countries",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "perpetrators",
    "other_actors",
    "targets",
    "tactics",
    "killed_low",
    "killed_high",
    "killed_security_forces_low",
    "killed_security_forces_high",
    "killed_civilians_low",
    "killed_civilians_high",
    "killed_militants_low",
    "killed_militants_high",
    "killed_unknown_low",
    "killed_unknown_high",
    "injured_low",
    "injured_high",
    "captured_low",
    "captured_high",
    "missing_low",
    "missing_high",
    "reports",
    "sources",
];

/// The fields of an incident in the JSON downloads; each described under
/// `json_key(field)` in the theme's translation table.
pub const JSON_FIELDS: &[&str] = &[
    "id",
    "url",
    "title",
    "summary",
    "event_date",
    "end_date",
    "date_precision",
    "event",
    "event_type",
    "published",
    "updated",
    "countries",
    "locations",
    "actors",
    "targets",
    "tactics",
    "tags",
    "casualties",
    "reports",
    "sources",
];

/// The downloads the `/data/` page lists: file name, and the format's name.
pub const DOWNLOADS: &[(&str, &str)] =
    &[("incidents.json", "JSON"), ("incidents.csv", "CSV"), ("incidents.geojson", "GeoJSON")];

/// The translation-table key describing CSV column `column`: `csv-event-date`.
pub fn csv_key(column: &str) -> String {
    format!("csv-{}", column.replace('_', "-"))
}

/// The translation-table key describing JSON field `field`: `json-event-date`.
pub fn json_key(field: &str) -> String {
    format!("json-{}", field.replace('_', "-"))
}

/// The translation-table keys of download `file`'s title and description:
/// `download-incidents-csv-title`, `download-incidents-csv`.
pub fn download_keys(file: &str) -> (String, String) {
    let id = format!("download-{}", file.replace('.', "-"));
    (format!("{id}-title"), id)
}

/// Every key the `/data/` page needs from the translation table.
pub fn keys() -> Vec<String> {
    let downloads = DOWNLOADS.iter().flat_map(|(f, _)| {
        let (title, description) = download_keys(f);
        [title, description]
    });
    CSV_COLUMNS.iter().map(|c| csv_key(c)).chain(JSON_FIELDS.iter().map(|f| json_key(f))).chain(downloads).collect()
}

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
    let _ = writer.write_record(CSV_COLUMNS);
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
