//! What templates see: serialisable views of the index, borrowed where they can be.
//!
//! Each view is built once (an incident row is shared by every list that shows
//! it) and holds display-ready text: dates written out, figures as "at least
//! 70", URLs with the base path. Templates never compute.

use serde::Serialize;

use crate::index::{BriefingId, Involvement, SiteIndex};
use crate::markdown::Rendered;
use crate::model::casualty::{CasualtyKind, KindFigure, Range};
use crate::model::date::long_day;
use crate::model::{Briefing, Claim, GroupKind, Role, Totals};

use super::Urls;

/// A link: text and address.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    /// Link text.
    pub name: String,
    /// Address, with the base path.
    pub url: String,
}

/// A group named by an incident, with its part and claim status.
#[derive(Debug, Clone, Serialize)]
pub struct Actor {
    /// The group's display name.
    pub name: String,
    /// Its page.
    pub url: String,
    /// The name as the briefing writes it, when it differs (an alias).
    pub written_as: Option<String>,
    /// `perpetrator`, `target`, `responder`, `other`.
    pub role: &'static str,
    /// `Perpetrator`...
    pub role_label: &'static str,
    /// `claimed`, `attributed`, `suspected`, `denied`, or `none`.
    pub claim: &'static str,
    /// `Claimed`... (empty for `none`).
    pub claim_label: &'static str,
}

/// One incident as a line in a list (home, chronology, group, country).
#[derive(Debug, Clone, Serialize)]
pub struct IncidentRow {
    /// Headline.
    pub title: String,
    /// Page address.
    pub url: String,
    /// `17 Sep 2024` or `Sep 2024`.
    pub date_short: String,
    /// `17–18 September 2024`.
    pub date_long: String,
    /// `2024-09-17` or `2024-09`.
    pub date_iso: String,
    /// Only the month is known.
    pub month_only: bool,
    /// Countries, linked.
    pub countries: Vec<Link>,
    /// Places, comma-separated.
    pub places: String,
    /// Perpetrators with claim status.
    pub perpetrators: Vec<Actor>,
    /// Killed, as a derived range (`70`, `1–100`, `at least 70`), if reported.
    pub killed: Option<String>,
    /// Injured, if reported.
    pub injured: Option<String>,
    /// The lead.
    pub summary: String,
    /// Shown only in previews: a draft.
    pub draft: bool,
    /// Shown only in previews: not yet published.
    pub scheduled: bool,
}

/// Conservative totals, formatted.
#[derive(Debug, Clone, Serialize)]
pub struct TotalsView {
    /// Number of incidents.
    pub incidents: usize,
    /// `1,234`.
    pub incidents_text: String,
    /// At least this many killed.
    pub killed: u64,
    /// `1,234`.
    pub killed_text: String,
    /// At least this many injured.
    pub injured: u64,
    /// `1,234`.
    pub injured_text: String,
    /// At least this many captured.
    pub captured: u64,
    /// At least this many missing.
    pub missing: u64,
}

impl TotalsView {
    /// Formats `t`.
    pub fn new(t: &Totals) -> TotalsView {
        TotalsView {
            incidents: t.incidents,
            incidents_text: thousands(t.incidents as u64),
            killed: t.killed,
            killed_text: thousands(t.killed),
            injured: t.injured,
            injured_text: thousands(t.injured),
            captured: t.captured,
            missing: t.missing,
        }
    }
}

/// `12345` -> `12,345`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Builds an incident row.
pub fn incident_row(
    index: &SiteIndex,
    id: BriefingId,
    summary: &str,
    urls: &Urls,
    status: (bool, bool),
) -> IncidentRow {
    let b = &index.briefings[id];
    let figures = &index.figures[id];
    let range = |k: CasualtyKind| figures.get(k).map(|f| f.total.to_string());
    IncidentRow {
        title: b.title.clone(),
        url: urls.to(&crate::urls::briefing(&b.slug)),
        date_short: b.date.short(),
        date_long: b.date.range(b.end_date.as_ref()),
        date_iso: b.date.iso(),
        month_only: b.date.is_month_only(),
        countries: country_links(index, id, urls),
        places: b.locations.iter().map(|l| l.name.as_str()).collect::<Vec<_>>().join(", "),
        perpetrators: index.involvements[id]
            .iter()
            .filter(|i| i.role == Role::Perpetrator)
            .map(|i| actor(index, i, urls))
            .collect(),
        killed: range(CasualtyKind::Killed),
        injured: range(CasualtyKind::Injured),
        summary: summary.to_string(),
        draft: status.0,
        scheduled: status.1,
    }
}

/// The countries of incident `id`, linked.
pub fn country_links(index: &SiteIndex, id: BriefingId, urls: &Urls) -> Vec<Link> {
    index.incident_countries[id]
        .iter()
        .map(|&c| Link {
            name: index.countries[c].name.clone(),
            url: urls.to(&crate::urls::country(&index.countries[c].slug)),
        })
        .collect()
}

/// A group's part in an incident.
pub fn actor(index: &SiteIndex, inv: &Involvement, urls: &Urls) -> Actor {
    let g = &index.groups[inv.group];
    Actor {
        name: g.name.clone(),
        url: urls.to(&crate::urls::group(&g.slug)),
        written_as: (inv.written_as != g.name).then(|| inv.written_as.clone()),
        role: inv.role.as_str(),
        role_label: role_label(inv.role),
        claim: inv.claim.as_str(),
        claim_label: claim_label(inv.claim),
    }
}

/// `Perpetrator`, `Target`...
pub fn role_label(r: Role) -> &'static str {
    match r {
        Role::Perpetrator => "Perpetrator",
        Role::Target => "Target",
        Role::Responder => "Responder",
        Role::Other => "Other",
    }
}

/// `Claimed`, `Attributed`...; empty for no claim.
pub fn claim_label(c: Claim) -> &'static str {
    match c {
        Claim::Claimed => "Claimed",
        Claim::Attributed => "Attributed",
        Claim::Suspected => "Suspected",
        Claim::Denied => "Denied",
        Claim::None => "",
    }
}

/// `Armed groups`, `State forces`...
pub fn kind_heading(k: GroupKind) -> &'static str {
    match k {
        GroupKind::ArmedGroup => "Armed groups",
        GroupKind::StateForce => "State forces",
        GroupKind::ForeignForce => "Foreign forces",
        GroupKind::Other => "Other actors",
    }
}

/// One place of a briefing.
#[derive(Debug, Clone, Serialize)]
pub struct PlaceView {
    /// Place name.
    pub name: String,
    /// Administrative region.
    pub admin1: Option<String>,
    /// Country name.
    pub country: String,
    /// `12.64° N, 8.00° W`.
    pub coordinates: Option<String>,
    /// `exact`, `town`...
    pub precision: &'static str,
}

/// One reported figure, for the casualty table.
#[derive(Debug, Clone, Serialize)]
pub struct ReportView {
    /// `killed`...
    pub kind: &'static str,
    /// `security forces`...
    pub who: &'static str,
    /// `70`, `at least 200`, `up to 30`, `5–9`.
    pub figure: String,
    /// Who reported it.
    pub according_to: String,
}

/// The derived figure for one kind.
#[derive(Debug, Clone, Serialize)]
pub struct FigureView {
    /// `killed`...
    pub kind: &'static str,
    /// `1–100` or `at least 70` or `70`.
    pub range: String,
    /// All reports agree.
    pub exact: bool,
    /// Conservative figure.
    pub low: u64,
    /// Per `who`: (who, range).
    pub by_who: Vec<(&'static str, String)>,
    /// Number of reports.
    pub reports: usize,
}

impl FigureView {
    /// Formats a derived figure.
    pub fn new(k: &KindFigure) -> FigureView {
        FigureView {
            kind: k.kind.as_str(),
            range: k.total.to_string(),
            exact: k.total.is_exact(),
            low: k.total.low,
            by_who: k.by_who.iter().map(|(w, r): &(_, Range)| (w.as_str(), r.to_string())).collect(),
            reports: k.reports,
        }
    }
}

/// A source of a briefing.
#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    /// Address.
    pub url: String,
    /// Headline, or the address.
    pub title: String,
    /// Outlet.
    pub publisher: Option<String>,
    /// `19 September 2024`.
    pub date: Option<String>,
    /// `2024-09-19`.
    pub date_iso: Option<String>,
}

/// A correction.
#[derive(Debug, Clone, Serialize)]
pub struct CorrectionView {
    /// `23 September 2024`.
    pub date: String,
    /// `2024-09-23`.
    pub date_iso: String,
    /// What changed.
    pub note: String,
    /// The corrected briefing (on the corrections page).
    pub briefing: Option<Link>,
}

/// A full briefing page.
#[derive(Debug, Clone, Serialize)]
pub struct BriefingView<'a> {
    /// The list form (title, dates, countries, perpetrators...).
    pub row: &'a tera::Value,
    /// The writer's own lead, shown above the body (not repeated from it).
    pub lede: Option<&'a str>,
    /// `20 September 2024`.
    pub published: String,
    /// `2024-09-20`.
    pub published_iso: String,
    /// Last update, if any.
    pub updated: Option<String>,
    /// `2024-10-02`.
    pub updated_iso: Option<String>,
    /// Body HTML.
    pub body_html: &'a str,
    /// Places.
    pub places: Vec<PlaceView>,
    /// Every group named, in the order written.
    pub actors: Vec<Actor>,
    /// Free terms.
    pub targets: &'a [String],
    /// Free terms.
    pub tactics: &'a [String],
    /// Free terms.
    pub tags: &'a [String],
    /// Every report.
    pub reports: Vec<ReportView>,
    /// Derived figures per kind.
    pub figures: Vec<FigureView>,
    /// Reporting relied on.
    pub sources: Vec<SourceView>,
    /// Corrections, newest first.
    pub corrections: Vec<CorrectionView>,
    /// Older incident.
    pub previous: Option<&'a tera::Value>,
    /// Newer incident.
    pub next: Option<&'a tera::Value>,
}

/// Builds the full view of briefing `id`.
pub fn briefing_view<'a>(
    index: &'a SiteIndex,
    id: BriefingId,
    incidents: &'a [std::sync::Arc<super::Incident>],
    body: &'a Rendered,
    urls: &Urls,
) -> BriefingView<'a> {
    let b: &Briefing = &index.briefings[id];
    let mut corrections: Vec<CorrectionView> = b
        .corrections
        .iter()
        .map(|c| CorrectionView {
            date: long_day(c.date),
            date_iso: c.date.to_string(),
            note: c.note.clone(),
            briefing: None,
        })
        .collect();
    corrections.sort_by(|a, b| b.date_iso.cmp(&a.date_iso));
    BriefingView {
        row: &incidents[id].value,
        lede: b.summary.as_deref(),
        published: b.published.map_or_else(|| b.date.long(), long_day),
        published_iso: b.published.map_or_else(|| b.date.iso(), |d| d.to_string()),
        updated: b.updated.map(long_day),
        updated_iso: b.updated.map(|d| d.to_string()),
        body_html: &body.html,
        places: b
            .locations
            .iter()
            .map(|l| PlaceView {
                name: l.name.clone(),
                admin1: l.admin1.clone(),
                country: l.country.name().to_string(),
                coordinates: l.coordinates.map(|(lat, lon)| {
                    format!(
                        "{:.2}° {}, {:.2}° {}",
                        lat.abs(),
                        if lat >= 0.0 { 'N' } else { 'S' },
                        lon.abs(),
                        if lon >= 0.0 { 'E' } else { 'W' }
                    )
                }),
                precision: l.precision.as_str(),
            })
            .collect(),
        actors: index.involvements[id].iter().map(|i| actor(index, i, urls)).collect(),
        targets: &b.targets,
        tactics: &b.tactics,
        tags: &b.tags,
        reports: b
            .casualties
            .iter()
            .map(|r| ReportView {
                kind: r.kind.as_str(),
                who: r.who.as_str(),
                figure: r.figure.to_string(),
                according_to: r.according_to.clone(),
            })
            .collect(),
        figures: index.figures[id].0.iter().map(FigureView::new).collect(),
        sources: b
            .sources
            .iter()
            .map(|s| SourceView {
                url: s.url.clone(),
                title: s.title.clone().unwrap_or_else(|| s.url.clone()),
                publisher: s.publisher.clone(),
                date: s.date.map(|d| d.long()),
                date_iso: s.date.map(|d| d.iso()),
            })
            .collect(),
        corrections,
        previous: index.previous(id).map(|p| &incidents[p].value),
        next: index.next(id).map(|n| &incidents[n].value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
