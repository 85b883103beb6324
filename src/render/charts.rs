//! Charts drawn at build time as inline SVG, no JavaScript: incidents and
//! people killed per month.
//!
//! Only incidents of violence are charted (developments are not), and only
//! those whose month is known. Killed is drawn honestly: the confirmed
//! figure (the lower bound) as a solid bar, and, where the reports give a
//! higher figure, the rest of the range up to it as a pale bar, so a month
//! whose only figure is a maximum shows a pale bar, not an empty one. The SVG
//! carries a `<title>` and `<desc>`; the template puts the same numbers in a
//! table for screen readers and for anyone who wants them. Every word comes
//! from the theme's translation table.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::index::{BriefingId, SiteIndex};
use crate::model::casualty::{CasualtyKind, Sum};

use super::views::FigureText;
use super::words::{Value, Words};

/// One month of a series.
#[derive(Debug, Clone, Serialize)]
pub struct MonthStat {
    /// `2024-09`.
    pub iso: String,
    /// `September 2024`.
    pub label: String,
    /// Incidents that began that month.
    pub incidents: usize,
    /// Killed in them.
    pub killed: FigureText,
    /// The same, as a sum.
    #[serde(skip)]
    sum: Sum,
}

impl MonthStat {
    /// The confirmed part (drawn solid) and the top of the range (drawn pale above it).
    fn bars(&self) -> (u64, u64) {
        let low = if self.sum.amount().is_maximum_only() { 0 } else { self.sum.low };
        let high = if self.sum.reported == 0 { 0 } else { self.sum.high.unwrap_or(low) };
        (low, high.max(low))
    }
}

/// Per-month counts of the incidents among `ids`, every month from the
/// first to the last (empty ones included); with the number of incidents left
/// out because only their year is known.
pub fn monthly(index: &SiteIndex, ids: &[BriefingId], words: &Words) -> (Vec<MonthStat>, usize) {
    let mut counts: BTreeMap<(i16, i8), (usize, Sum)> = BTreeMap::new();
    let mut undated = 0;
    for id in index.incidents_only(ids) {
        let d = index.briefings[id].date;
        let Some(month) = d.month() else {
            undated += 1;
            continue;
        };
        let entry = counts.entry((d.year(), month)).or_default();
        entry.0 += 1;
        // Per-incident figures are bounded, so a month's sum cannot overflow
        // unless the site totals already did (an error reported by the index).
        let _ = entry.1.add(index.figures[id].range(CasualtyKind::Killed));
    }
    let (Some(&first), Some(&last)) = (counts.keys().next(), counts.keys().next_back()) else {
        return (Vec::new(), undated);
    };
    let mut out = Vec::new();
    let (mut y, mut m) = first;
    loop {
        let (incidents, killed) = counts.get(&(y, m)).copied().unwrap_or_default();
        out.push(MonthStat {
            iso: format!("{y:04}-{m:02}"),
            label: words.month(y, m),
            incidents,
            killed: FigureText::new(words, killed.amount()),
            sum: killed,
        });
        if (y, m) >= last {
            break;
        }
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    (out, undated)
}

const WIDTH: f64 = 800.0;
const PANEL: f64 = 110.0;
const LEFT: f64 = 48.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 22.0;
const GAP: f64 = 46.0;

/// Two bar charts in one SVG: incidents per month, then killed per month.
/// `id` makes the element ids unique on the page. Empty for no months.
pub fn monthly_svg(id: &str, subject: &str, months: &[MonthStat], words: &Words) -> String {
    if months.is_empty() {
        return String::new();
    }
    let height = TOP + PANEL + GAP + PANEL + 30.0;
    let total_incidents: usize = months.iter().map(|m| m.incidents).sum();
    let mut killed = Sum::default();
    for m in months {
        let _ = killed.merge(&m.sum);
    }
    let text = |n: usize| Value::Number(n as u64);
    let desc = words.phrase(
        "chart-description",
        &[
            ("months", text(months.len())),
            ("first", Value::Text(&months[0].label)),
            ("last", Value::Text(&months[months.len() - 1].label)),
            ("incidents", text(total_incidents)),
            ("killed", Value::Text(&words.amount(killed.amount()))),
        ],
    );
    let title = words.phrase("chart-title", &[("subject", Value::Text(subject))]);
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">\
<title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        escape(&title),
        escape(&desc)
    );
    let incidents: Vec<(u64, u64)> = months.iter().map(|m| (m.incidents as u64, m.incidents as u64)).collect();
    let killed: Vec<(u64, u64)> = months.iter().map(MonthStat::bars).collect();
    panel(&mut svg, TOP, &words.phrase("chart-incidents-heading", &[]), &incidents, "chart-bar", words);
    panel(
        &mut svg,
        TOP + PANEL + GAP,
        &words.phrase("chart-killed-heading", &[]),
        &killed,
        "chart-bar chart-bar-killed",
        words,
    );
    year_labels(&mut svg, months, TOP + PANEL + GAP + PANEL);
    svg.push_str("</svg>");
    svg
}

/// One panel: heading, y axis with 0 and the maximum, a bar per month: solid
/// up to the first value, pale from there up to the second.
fn panel(svg: &mut String, top: f64, heading: &str, values: &[(u64, u64)], class: &str, words: &Words) {
    let max = values.iter().map(|v| v.1.max(v.0)).max().unwrap_or(0).max(1);
    let plot = WIDTH - LEFT - RIGHT;
    let step = plot / values.len() as f64;
    let bar = (step * 0.8).max(0.8);
    let bottom = top + PANEL;
    let _ = write!(svg, "<text class=\"chart-heading\" x=\"{LEFT}\" y=\"{:.1}\">{}</text>", top - 8.0, escape(heading));
    let _ = write!(
        svg,
        "<line class=\"chart-axis\" x1=\"{LEFT}\" y1=\"{bottom:.1}\" x2=\"{:.1}\" y2=\"{bottom:.1}\"/>\
<text class=\"chart-tick\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>\
<text class=\"chart-tick\" x=\"{:.1}\" y=\"{bottom:.1}\" text-anchor=\"end\">{}</text>\
<line class=\"chart-grid\" x1=\"{LEFT}\" y1=\"{top:.1}\" x2=\"{:.1}\" y2=\"{top:.1}\"/>",
        WIDTH - RIGHT,
        LEFT - 6.0,
        top + 4.0,
        words.number(max),
        LEFT - 6.0,
        words.number(0),
        WIDTH - RIGHT
    );
    let scale = |v: u64| v as f64 / max as f64 * PANEL;
    for (i, &(low, high)) in values.iter().enumerate() {
        let x = LEFT + i as f64 * step + (step - bar) / 2.0;
        if low > 0 {
            let h = scale(low).max(1.0);
            let _ = write!(
                svg,
                "<rect class=\"{class}\" x=\"{x:.1}\" y=\"{:.1}\" width=\"{bar:.1}\" height=\"{h:.1}\"/>",
                bottom - h
            );
        }
        if high > low {
            let (y0, y1) = (bottom - scale(low), bottom - scale(high).max(scale(low) + 1.0));
            let _ = write!(
                svg,
                "<rect class=\"chart-bar-range\" x=\"{x:.1}\" y=\"{y1:.1}\" width=\"{bar:.1}\" height=\"{:.1}\"/>",
                y0 - y1
            );
        }
    }
}

/// Year labels under the bars, thinned so they do not collide.
fn year_labels(svg: &mut String, months: &[MonthStat], bottom: f64) {
    let plot = WIDTH - LEFT - RIGHT;
    let step = plot / months.len() as f64;
    let years: Vec<(usize, &str)> = months
        .iter()
        .enumerate()
        .filter(|(i, m)| *i == 0 || m.iso.ends_with("-01"))
        .map(|(i, m)| (i, &m.iso[..4]))
        .collect();
    let every = (years.len() as f64 / 12.0).ceil().max(1.0) as usize;
    for (n, (i, year)) in years.iter().enumerate() {
        if n % every != 0 {
            continue;
        }
        let x = LEFT + *i as f64 * step;
        let _ = write!(svg, "<text class=\"chart-tick\" x=\"{x:.1}\" y=\"{:.1}\">{year}</text>", bottom + 18.0);
    }
    if months.len() <= 12 {
        // A short span: name the first and last month instead.
        let last = &months[months.len() - 1];
        let _ = write!(
            svg,
            "<text class=\"chart-tick\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            WIDTH - RIGHT,
            bottom + 18.0,
            escape(&last.label)
        );
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Amount;

    fn words() -> Words {
        Words::load(&crate::theme::builtin(), "en", &mut crate::diagnostics::Diagnostics::new()).unwrap()
    }

    fn m(w: &Words, iso: &str, incidents: usize, low: Option<u64>, high: Option<u64>) -> MonthStat {
        let mut sum = Sum::default();
        sum.add(crate::model::Range { low, high }).unwrap();
        MonthStat { iso: iso.into(), label: iso.into(), incidents, killed: FigureText::new(w, sum.amount()), sum }
    }

    #[test]
    fn draws_solid_bars_for_confirmed_figures_and_pale_ones_for_the_rest_of_the_range() {
        let w = words();
        let months = [
            m(&w, "2024-08", 1, None, Some(200)),
            m(&w, "2024-09", 3, Some(70), Some(77)),
            m(&w, "2024-10", 0, None, None),
        ];
        let svg = monthly_svg("c", "Mali", &months, &w);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("<title id=\"c-title\">Incidents and people killed per month, Mali</title>"), "{svg}");
        assert!(svg.contains("3 months from 2024-08 to 2024-10: 4 incidents; killed: 70–277."), "{svg}");
        // Two incident bars; one solid killed bar (September); two pale range bars (August's maximum, September's 70–77).
        assert_eq!(svg.matches("class=\"chart-bar\"").count(), 2);
        assert_eq!(svg.matches("chart-bar-killed").count(), 1);
        assert_eq!(svg.matches("chart-bar-range").count(), 2);
        assert_eq!(FigureText::new(&w, Amount::UpTo(200)).text, "up to 200");
        assert!(monthly_svg("c", "x", &[], &w).is_empty());
    }

    #[test]
    fn escapes_the_subject() {
        let w = words();
        assert!(monthly_svg("c", "<b>&", &[m(&w, "2024-01", 1, Some(1), Some(1))], &w).contains("&lt;b&gt;&amp;"));
    }
}
