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

use crate::escape::html as escape;
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

/// What a chart takes from a month: its label and figure text follow from
/// these and the words.
impl std::hash::Hash for MonthStat {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        (&self.iso, self.incidents, self.sum).hash(h);
    }
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
/// first to the last month with an incident, empty ones included; a series
/// over several years starts in January of the first, so that every whole
/// year is drawn as wide as the next. With the number of incidents left out
/// because only their year is known.
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
    let (mut y, mut m) = if first.0 < last.0 { (first.0, 1) } else { first };
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

// The chart is laid out in CSS pixels across the width it is given: bars
// and years are placed in percent of the width, heights and text in pixels,
// so text is never scaled down on a phone.
/// Height of one panel's plot, in CSS pixels.
const PANEL: f64 = 110.0;
/// Room above the first panel (its heading, then its top value).
const TOP: f64 = 38.0;
/// Room between the panels (the second heading).
const GAP: f64 = 60.0;
/// Room under the second panel (the years).
const BOTTOM: f64 = 30.0;
/// How many gridlines above zero, at most.
const TICKS: u64 = 4;
/// How many year labels fit the narrowest chart (a phone).
const YEAR_LABELS: usize = 8;

/// Two bar charts in one SVG: incidents per month, then killed per month.
/// `id` makes the element ids unique on the page. Empty for no months.
pub fn monthly_svg(id: &str, subject: &str, months: &[MonthStat], words: &Words) -> String {
    if months.is_empty() {
        return String::new();
    }
    let height = TOP + PANEL + GAP + PANEL + BOTTOM;
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
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"100%\" height=\"{height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">\
<title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        escape(&title),
        escape(&desc)
    );
    let incidents: Vec<(u64, u64)> = months.iter().map(|m| (m.incidents as u64, m.incidents as u64)).collect();
    let killed: Vec<(u64, u64)> = months.iter().map(MonthStat::bars).collect();
    let second = TOP + PANEL + GAP;
    panel(&mut svg, TOP, &words.phrase("chart-incidents-heading", &[]), &incidents, "chart-bar", words);
    panel(&mut svg, second, &words.phrase("chart-killed-heading", &[]), &killed, "chart-bar chart-bar-killed", words);
    year_marks(&mut svg, months, TOP, second + PANEL);
    svg.push_str("</svg>");
    svg
}

/// The step between gridlines for values up to `max`: 1, 2 or 5 times a
/// power of ten, so that at most [`TICKS`] steps reach `max`.
fn tick_step(max: u64) -> u64 {
    let mut magnitude: u64 = 1;
    loop {
        for factor in [1, 2, 5] {
            let step = magnitude.saturating_mul(factor);
            if step.saturating_mul(TICKS) >= max {
                return step;
            }
        }
        magnitude = magnitude.saturating_mul(10);
    }
}

/// Percent of the width, as SVG writes it.
fn pct(x: f64) -> String {
    format!("{:.3}%", x * 100.0)
}

/// One panel: heading, gridlines at round numbers labelled above them, a
/// bar per month: solid up to the first value, pale from there up to the second.
fn panel(svg: &mut String, top: f64, heading: &str, values: &[(u64, u64)], class: &str, words: &Words) {
    let max = values.iter().map(|v| v.1.max(v.0)).max().unwrap_or(0);
    let step = tick_step(max);
    let axis_top = max.div_ceil(step).max(1) * step;
    let bottom = top + PANEL;
    let y = |v: u64| bottom - v as f64 / axis_top as f64 * PANEL;
    let _ = write!(svg, "<text class=\"chart-heading\" x=\"1\" y=\"{:.1}\">{}</text>", top - 20.0, escape(heading));
    let ticks: Vec<u64> = (1..=axis_top / step).map(|n| n * step).collect();
    for &tick in &ticks {
        let at = y(tick);
        let _ = write!(svg, "<line class=\"chart-grid\" x1=\"0\" y1=\"{at:.1}\" x2=\"100%\" y2=\"{at:.1}\"/>");
    }
    let _ = write!(svg, "<line class=\"chart-axis\" x1=\"0\" y1=\"{bottom:.1}\" x2=\"100%\" y2=\"{bottom:.1}\"/>");
    let width = 1.0 / values.len() as f64;
    let bar = pct(width * 0.8);
    for (i, &(low, high)) in values.iter().enumerate() {
        let x = pct(i as f64 * width + width * 0.1);
        if low > 0 {
            let top = y(low).min(bottom - 1.0);
            let _ = write!(
                svg,
                "<rect class=\"{class}\" x=\"{x}\" y=\"{top:.1}\" width=\"{bar}\" height=\"{:.1}\"/>",
                bottom - top
            );
        }
        if high > low {
            let (y0, y1) = (y(low), y(high).min(y(low) - 1.0));
            let _ = write!(
                svg,
                "<rect class=\"chart-bar-range\" x=\"{x}\" y=\"{y1:.1}\" width=\"{bar}\" height=\"{:.1}\"/>",
                y0 - y1
            );
        }
    }
    // The values last, over the bars.
    for &tick in &ticks {
        let _ = write!(
            svg,
            "<text class=\"chart-tick chart-value\" x=\"1\" y=\"{:.1}\">{}</text>",
            y(tick) - 3.0,
            words.number(tick)
        );
    }
}

/// A line down both panels where each year begins, and the year under it,
/// thinned so the labels fit a phone's width; a short span names its first
/// and last months at either end.
fn year_marks(svg: &mut String, months: &[MonthStat], top: f64, bottom: f64) {
    let width = 1.0 / months.len() as f64;
    let years: Vec<(usize, &str)> =
        months.iter().enumerate().filter(|(_, m)| m.iso.ends_with("-01")).map(|(i, m)| (i, &m.iso[..4])).collect();
    let every = years.len().div_ceil(YEAR_LABELS).max(1);
    for (n, &(i, year)) in years.iter().enumerate() {
        let x = pct(i as f64 * width);
        if i > 0 {
            let _ = write!(
                svg,
                "<line class=\"chart-year\" x1=\"{x}\" y1=\"{top:.1}\" x2=\"{x}\" y2=\"{:.1}\"/>",
                bottom + 6.0
            );
        }
        // A year that begins too near the right end for its name keeps its line only.
        if n % every == 0 && (i as f64 * width) < 0.9 {
            let _ =
                write!(svg, "<text class=\"chart-tick\" x=\"{x}\" y=\"{:.1}\" dx=\"3\">{year}</text>", bottom + 20.0);
        }
    }
    if months.len() <= 12 {
        // A short span names its first month (unless a year already stands
        // there) and its last.
        if !months[0].iso.ends_with("-01") && months.len() > 1 {
            let _ = write!(
                svg,
                "<text class=\"chart-tick\" x=\"0\" y=\"{:.1}\" dx=\"3\">{}</text>",
                bottom + 20.0,
                escape(&months[0].label)
            );
        }
        let last = &months[months.len() - 1];
        let _ = write!(
            svg,
            "<text class=\"chart-tick\" x=\"100%\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            bottom + 20.0,
            escape(&last.label)
        );
    }
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
    fn gridlines_fall_on_round_numbers() {
        assert_eq!(tick_step(0), 1);
        assert_eq!(tick_step(3), 1);
        assert_eq!(tick_step(5), 2);
        assert_eq!(tick_step(9), 5);
        assert_eq!(tick_step(40), 10);
        assert_eq!(tick_step(77), 20);
        assert_eq!(tick_step(1234), 500);
        assert_eq!(tick_step(u64::MAX), 5_000_000_000_000_000_000);
        let w = words();
        let months = [m(&w, "2024-01", 7, Some(70), Some(77)), m(&w, "2024-02", 2, Some(3), Some(3))];
        let svg = monthly_svg("c", "Mali", &months, &w);
        let labels: Vec<&str> =
            svg.split("chart-value\" x=\"1\" y=\"").skip(1).map(|t| t.split(['>', '<']).nth(1).unwrap()).collect();
        // Incidents: up to 7 by twos; killed: up to 77 by twenties.
        assert_eq!(labels, ["2", "4", "6", "8", "20", "40", "60", "80"]);
        assert!(!svg.contains("viewBox"), "laid out in CSS pixels, never scaled down");
        assert!(svg.contains(">2024</text>"));
    }

    #[test]
    fn escapes_the_subject() {
        let w = words();
        assert!(monthly_svg("c", "<b>&", &[m(&w, "2024-01", 1, Some(1), Some(1))], &w).contains("&lt;b&gt;&amp;"));
    }
}
