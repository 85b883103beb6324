//! What templates see: serialisable views of the index, borrowed where they can be.
//!
//! Each view is built once (an incident row is shared by every list that shows
//! it) and holds display-ready text: dates written out, figures as "at least
//! 70", URLs with the base path. Templates never compute.

use serde::Serialize;

use crate::index::{BriefingId, Involvement, SiteIndex};
use crate::model::casualty::{Amount, CasualtyKind, KindFigure, KindTotal, Range, Who};
use crate::model::{Briefing, Claim, Role, Totals};

use super::Urls;
use super::words::Words;

/// The most perpetrators an incident row names (the rest are counted): a
/// row is repeated on every group's page it is listed on, so a briefing
/// naming N groups would otherwise write N rows of N names.
pub const ROW_PERPETRATORS: usize = 5;
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
    /// Its part in the reader's words.
    pub role_label: String,
    /// `claimed`, `attributed`, `suspected`, `denied`, or `none`.
    pub claim: &'static str,
    /// The claim in the reader's words (empty for `none`).
    pub claim_label: String,
}

/// The language an item is shown in when it has no translation into the page's.
#[derive(Debug, Clone, Serialize, Hash)]
pub struct OriginalLanguage {
    /// Its code, for `lang`: `en`.
    pub code: String,
    /// Its name in itself: `English`.
    pub name: String,
}

/// A figure ready to show.
#[derive(Debug, Clone, Serialize)]
pub struct FigureText {
    /// As readers read it: `70–77`, `at least 70`, `up to 200`, `not reported`.
    pub text: String,
    /// `exact`, `between`, `at-least`, `up-to` or `not-reported` (for styles).
    pub form: &'static str,
    /// Lower bound, when one is known.
    pub low: Option<u64>,
    /// Upper bound, when one is known.
    pub high: Option<u64>,
}

impl FigureText {
    /// Formats `amount`.
    pub fn new(words: &Words, amount: Amount) -> FigureText {
        let (low, high) = match amount {
            Amount::NotReported => (None, None),
            Amount::Exact(n) => (Some(n), Some(n)),
            Amount::Between(l, h) => (Some(l), Some(h)),
            Amount::AtLeast(l) => (Some(l), None),
            Amount::UpTo(h) => (None, Some(h)),
        };
        FigureText { text: words.amount(amount), form: amount.form(), low, high }
    }
}

/// One incident as a line in a list (home, chronology, group, country).
#[derive(Debug, Clone, Serialize)]
pub struct IncidentRow {
    /// Headline.
    pub title: String,
    /// Page address.
    pub url: String,
    /// `17 Sep 2024`, `Sep 2024` or `2024`.
    pub date_short: String,
    /// `17–18 September 2024`.
    pub date_long: String,
    /// `2024-09-17`, `2024-09` or `2024`.
    pub date_iso: String,
    /// `day`, `month` or `year`: how precisely the date is known.
    pub date_precision: &'static str,
    /// `attack`, `battle`, `explosion`, `violence-against-civilians`, `protest`, `riot` or `development`.
    pub event: &'static str,
    /// The kind of event in the reader's words.
    pub event_label: String,
    /// A development: listed, marked, not counted.
    pub development: bool,
    /// Countries, linked.
    pub countries: Vec<Link>,
    /// Places, comma-separated.
    pub places: String,
    /// Perpetrators with claim status: the first `ROW_PERPETRATORS`.
    pub perpetrators: Vec<Actor>,
    /// Perpetrators left out of the row (its briefing names them all).
    pub more_perpetrators: usize,
    /// Killed (`70`, `1–100`, `at least 70`, `up to 200`), if reported.
    pub killed: Option<FigureText>,
    /// Injured, if reported.
    pub injured: Option<FigureText>,
    /// The lead.
    pub summary: String,
    /// Shown only in previews: a draft.
    pub draft: bool,
    /// Shown only in previews: not yet published.
    pub scheduled: bool,
    /// The language its title and summary are written in, when it is not
    /// the page's (a briefing not translated yet).
    pub lang: Option<String>,
    /// Its lead picture, small, for lists.
    pub picture: Option<Thumbnail>,
}

/// A lead picture at its narrowest published width, for a list.
#[derive(Debug, Clone, Serialize)]
pub struct Thumbnail {
    /// Address of the file.
    pub src: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// What it shows.
    pub alt: String,
}

/// The lead picture of briefing `id` as a thumbnail, if it has one.
fn thumbnail(index: &SiteIndex, id: BriefingId, urls: &Urls) -> Option<Thumbnail> {
    let b = &index.briefings[id];
    let (file, _) = b.body.pictures.lead.as_ref()?;
    let picture = index.pictures.beside(&b.origin.content_path, file)?;
    let narrowest = picture.encoded.variants.first()?;
    Some(Thumbnail {
        src: urls.shared(&picture.file(narrowest)),
        width: narrowest.width,
        height: narrowest.height,
        alt: b.body.pictures.note(file).map(|n| n.alt.clone()).unwrap_or_default(),
    })
}

/// One part of a figure or total, by who was counted.
#[derive(Debug, Clone, Serialize)]
pub struct WhoPart {
    /// `security-forces`, `civilians`, `militants`, `unknown`.
    pub who: &'static str,
    /// The words: `security forces`...
    pub label: String,
    /// The figure.
    pub figure: FigureText,
}

/// The total of one kind of casualty over several incidents.
#[derive(Debug, Clone, Serialize)]
pub struct KindTotalView {
    /// The figure (`144–350`, `at least 61`, `up to 200`, `not reported`).
    pub figure: FigureText,
    /// Incidents that report it.
    pub reported: usize,
    /// Of those, incidents whose figure is only a maximum.
    pub maximum_only: usize,
    /// The split by who was counted, in a fixed order, reported parts only.
    pub by_who: Vec<WhoPart>,
    /// The same without militants: the split of a perpetrator's victims.
    pub victims: Vec<WhoPart>,
    /// The militants' part, when reported (shown apart on a group's page).
    pub militants: Option<FigureText>,
}

impl KindTotalView {
    fn new(words: &Words, total: &KindTotal) -> KindTotalView {
        let by_who: Vec<WhoPart> = Who::ALL
            .iter()
            .filter(|w| total.by_who[w.index()].reported > 0)
            .map(|&w| WhoPart {
                who: who_slug(w),
                label: words.who(w),
                figure: FigureText::new(words, total.by_who[w.index()].amount()),
            })
            .collect();
        let militants = total.by_who[Who::Militants.index()];
        KindTotalView {
            figure: FigureText::new(words, total.all.amount()),
            reported: total.all.reported,
            maximum_only: total.all.maximum_only,
            victims: by_who.iter().filter(|p| p.who != who_slug(Who::Militants)).cloned().collect(),
            by_who,
            militants: (militants.reported > 0).then(|| FigureText::new(words, militants.amount())),
        }
    }
}

/// Totals over several incidents, formatted.
#[derive(Debug, Clone, Serialize)]
pub struct TotalsView {
    /// Incidents of violence counted.
    pub incidents: usize,
    /// `1,234`.
    pub incidents_text: String,
    /// Developments listed beside them, not counted.
    pub developments: usize,
    /// Killed.
    pub killed: KindTotalView,
    /// Injured.
    pub injured: KindTotalView,
    /// Captured or abducted.
    pub captured: KindTotalView,
    /// Missing.
    pub missing: KindTotalView,
}

impl TotalsView {
    /// Formats `t`, with `developments` listed beside.
    pub fn new(words: &Words, t: &Totals, developments: usize) -> TotalsView {
        let kind = |k: CasualtyKind| KindTotalView::new(words, t.kind(k));
        TotalsView {
            incidents: t.incidents,
            incidents_text: words.number(t.incidents as u64),
            developments,
            killed: kind(CasualtyKind::Killed),
            injured: kind(CasualtyKind::Injured),
            captured: kind(CasualtyKind::Captured),
            missing: kind(CasualtyKind::Missing),
        }
    }
}

/// `security-forces`, `civilians`, `militants`, `unknown`.
pub fn who_slug(w: Who) -> &'static str {
    match w {
        Who::SecurityForces => "security-forces",
        Who::Civilians => "civilians",
        Who::Militants => "militants",
        Who::Unknown => "unknown",
    }
}

/// Builds an incident row.
pub fn incident_row(
    index: &SiteIndex,
    id: BriefingId,
    summary: &str,
    urls: &Urls,
    words: &Words,
    status: (bool, bool),
) -> IncidentRow {
    let b = &index.briefings[id];
    let figures = &index.figures[id];
    let range = |k: CasualtyKind| figures.get(k).map(|f| FigureText::new(words, f.total.amount()));
    IncidentRow {
        title: b.title.clone(),
        url: urls.to(&crate::urls::briefing(&b.slug)),
        date_short: words.date_short(&b.date),
        date_long: words.date_range(&b.date, b.end_date.as_ref()),
        date_iso: b.date.iso(),
        date_precision: b.date.precision(),
        event: b.event.slug(),
        event_label: words.label("event", b.event.slug()),
        development: !b.is_incident(),
        countries: country_links(index, id, urls),
        places: b.locations.iter().map(|l| l.name.as_str()).collect::<Vec<_>>().join(", "),
        perpetrators: index.involvements[id]
            .iter()
            .filter(|i| i.role == Role::Perpetrator)
            .take(ROW_PERPETRATORS)
            .map(|i| actor(index, i, urls, words))
            .collect(),
        more_perpetrators: index.involvements[id]
            .iter()
            .filter(|i| i.role == Role::Perpetrator)
            .count()
            .saturating_sub(ROW_PERPETRATORS),
        killed: range(CasualtyKind::Killed),
        injured: range(CasualtyKind::Injured),
        summary: summary.to_string(),
        draft: status.0,
        scheduled: status.1,
        lang: index.original_language(id).map(str::to_string),
        picture: thumbnail(index, id, urls),
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
pub fn actor(index: &SiteIndex, inv: &Involvement, urls: &Urls, words: &Words) -> Actor {
    let g = &index.groups[inv.group];
    Actor {
        name: g.name.clone(),
        url: urls.to(&crate::urls::group(&g.slug)),
        // An alias, not the group's name in the language it was written in.
        written_as: (inv.written_as != *index.localized.as_ref().map_or(&g.name, |l| &l.group_names[inv.group]))
            .then(|| inv.written_as.clone()),
        role: inv.role.as_str(),
        role_label: words.label("role", inv.role.as_str()),
        claim: inv.claim.as_str(),
        claim_label: claim_label(words, inv.claim),
    }
}

/// A claim in the reader's words; empty for no claim.
pub fn claim_label(words: &Words, c: Claim) -> String {
    claim_text(words, c).into_owned()
}

/// [`claim_label`], borrowed from the table (for lists of many rows).
pub fn claim_text(words: &Words, c: Claim) -> std::borrow::Cow<'_, str> {
    if c == Claim::None { std::borrow::Cow::Borrowed("") } else { words.label_text("claim", c.as_str()) }
}

/// One place of a briefing.
#[derive(Debug, Clone, Serialize)]
pub struct PlaceView {
    /// Place name.
    pub name: String,
    /// Administrative region.
    pub admin1: Option<String>,
    /// The region's page.
    pub admin1_url: Option<String>,
    /// Country name.
    pub country: String,
    /// `12.64° N, 8.00° W`.
    pub coordinates: Option<String>,
    /// `exact`, `town`...
    pub precision: &'static str,
    /// How precisely the place is known, in the reader's words.
    pub precision_label: String,
}

/// One reported figure, for the casualty table.
#[derive(Debug, Clone, Serialize)]
pub struct ReportView {
    /// `killed`...
    pub kind: &'static str,
    /// The kind in the reader's words.
    pub kind_label: String,
    /// `security-forces`...
    pub who: &'static str,
    /// The words: `security forces`...
    pub who_label: String,
    /// `70`, `at least 200`, `up to 30`, `5–9`.
    pub figure: FigureText,
    /// Who reported it.
    pub according_to: String,
}

/// The derived figure of an incident for one kind.
#[derive(Debug, Clone, Serialize)]
pub struct FigureView {
    /// `killed`...
    pub kind: &'static str,
    /// The kind in the reader's words.
    pub kind_label: String,
    /// The range over every report.
    pub figure: FigureText,
    /// Two reports about the same people disagree.
    pub contested: bool,
    /// Per who was counted.
    pub by_who: Vec<WhoPart>,
    /// Number of reports.
    pub reports: usize,
}

impl FigureView {
    /// Formats a derived figure.
    pub fn new(words: &Words, k: &KindFigure) -> FigureView {
        FigureView {
            kind: k.kind.as_str(),
            kind_label: words.label("casualty", k.kind.as_str()),
            figure: FigureText::new(words, k.total.amount()),
            contested: k.contested,
            by_who: k
                .by_who
                .iter()
                .map(|(w, r): &(Who, Range)| WhoPart {
                    who: who_slug(*w),
                    label: words.who(*w),
                    figure: FigureText::new(words, r.amount()),
                })
                .collect(),
            reports: k.reports,
        }
    }
}

/// A source of a briefing.
#[derive(Debug, Clone, Serialize)]
pub struct SourceView {
    /// Address; none for a source without one.
    pub url: Option<String>,
    /// Headline, or the address.
    pub title: Option<String>,
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
    /// The language of the briefing's words, when not the page's.
    pub lang: Option<String>,
}

/// What a briefing's own page shows besides its body and its neighbours.
#[derive(Debug, Clone, Serialize)]
pub struct BriefingDetail<'a> {
    /// The list form (title, dates, countries, perpetrators...).
    pub row: &'a tera::Value,
    /// The writer's own lead, shown above the body (not repeated from it).
    pub lede: Option<&'a str>,
    /// `20 September 2024`, when known (never the incident's date).
    pub published: Option<String>,
    /// `2024-09-20`.
    pub published_iso: Option<String>,
    /// Last update, if any.
    pub updated: Option<String>,
    /// `2024-10-02`.
    pub updated_iso: Option<String>,
    /// Places.
    pub places: Vec<PlaceView>,
    /// Every group named, in the order written.
    pub actors: Vec<Actor>,
    /// Its targets, each linked to its page.
    pub targets: Vec<Link>,
    /// Its tactics, linked.
    pub tactics: Vec<Link>,
    /// Its tags, linked.
    pub tags: Vec<Link>,
    /// Every report.
    pub reports: Vec<ReportView>,
    /// Derived figures per kind.
    pub figures: Vec<FigureView>,
    /// Reporting relied on.
    pub sources: Vec<SourceView>,
    /// Corrections, newest first.
    pub corrections: Vec<CorrectionView>,
}

/// Builds what briefing `id`'s page shows besides its body and neighbours;
/// `row` is its incident row as a template value.
pub fn briefing_detail<'a>(
    index: &'a SiteIndex,
    id: BriefingId,
    row: &'a tera::Value,
    urls: &Urls,
    words: &Words,
) -> BriefingDetail<'a> {
    let b: &Briefing = &index.briefings[id];
    let dates = &index.publication[id];
    let terms = &index.briefing_terms[id];
    let linked = |ids: &[crate::index::TermId]| -> Vec<Link> {
        ids.iter().map(|&t| Link { name: index.terms[t].name.clone(), url: urls.to(&index.term_path(t)) }).collect()
    };
    let mut corrections: Vec<CorrectionView> = b
        .corrections
        .iter()
        .map(|c| CorrectionView {
            date: words.day(c.date),
            date_iso: c.date.to_string(),
            note: c.note.clone(),
            briefing: None,
            lang: None,
        })
        .collect();
    corrections.sort_by(|a, b| b.date_iso.cmp(&a.date_iso));
    BriefingDetail {
        row,
        lede: b.summary.as_deref(),
        published: dates.published.map(|d| words.day(d)),
        published_iso: dates.published.map(|d| d.to_string()),
        updated: dates.updated.map(|d| words.day(d)),
        updated_iso: dates.updated.map(|d| d.to_string()),
        places: b
            .locations
            .iter()
            .zip(&terms.regions)
            .map(|(l, region)| PlaceView {
                name: l.name.clone(),
                admin1: l.admin1.clone(),
                admin1_url: region.map(|r| urls.to(&index.term_path(r))),
                country: index.country_name(l.country),
                coordinates: l.coordinates.map(|(lat, lon)| words.coordinates(lat, lon)),
                precision: l.precision.as_str(),
                precision_label: words.label("precision", l.precision.as_str()),
            })
            .collect(),
        actors: index.involvements[id].iter().map(|i| actor(index, i, urls, words)).collect(),
        targets: linked(&terms.targets),
        tactics: linked(&terms.tactics),
        tags: linked(&terms.tags),
        reports: b
            .casualties
            .iter()
            .map(|r| ReportView {
                kind: r.kind.as_str(),
                kind_label: words.label("casualty", r.kind.as_str()),
                who: who_slug(r.who),
                who_label: words.who(r.who),
                figure: FigureText::new(words, r.figure.amount()),
                according_to: r.according_to.clone(),
            })
            .collect(),
        figures: index.figures[id].0.iter().map(|k| FigureView::new(words, k)).collect(),
        sources: b
            .sources
            .iter()
            .map(|s| SourceView {
                url: s.url.clone(),
                title: s.title.clone().or_else(|| s.url.clone()),
                publisher: s.publisher.clone(),
                date: s.date.map(|d| words.date(&d)),
                date_iso: s.date.map(|d| d.iso()),
            })
            .collect(),
        corrections,
    }
}
