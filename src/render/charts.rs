//! Charts drawn at build time as inline SVG, no JavaScript: incidents and
//! people killed (the conservative figure) per month.
//!
//! The SVG carries a `<title>` and `<desc>`; the template puts the same
//! numbers in a table for screen readers and for anyone who wants them.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::index::{BriefingId, SiteIndex};
use crate::model::casualty::CasualtyKind;
use crate::model::date::month_name;

/// One month of a series.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonthStat {
    /// `2024-09`.
    pub iso: String,
    /// `September 2024`.
    pub label: String,
    /// Incidents that began that month.
    pub incidents: usize,
    /// At least this many killed in them.
    pub killed: u64,
}

/// Per-month counts of `ids`, every month from the first to the last (empty ones included).
pub fn monthly(index: &SiteIndex, ids: &[BriefingId]) -> Vec<MonthStat> {
    let mut counts: BTreeMap<(i16, i8), (usize, u64)> = BTreeMap::new();
    for &id in ids {
        let d = index.briefings[id].date;
        let entry = counts.entry((d.year(), d.month())).or_default();
        entry.0 += 1;
        entry.1 = entry.1.saturating_add(index.figures[id].low(CasualtyKind::Killed));
    }
    let (Some(&first), Some(&last)) = (counts.keys().next(), counts.keys().next_back()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let (mut y, mut m) = first;
    loop {
        let (incidents, killed) = counts.get(&(y, m)).copied().unwrap_or_default();
        out.push(MonthStat {
            iso: format!("{y:04}-{m:02}"),
            label: format!("{} {y}", month_name(m)),
            incidents,
            killed,
        });
        if (y, m) >= last {
            break;
        }
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    out
}

const WIDTH: f64 = 800.0;
const PANEL: f64 = 110.0;
const LEFT: f64 = 48.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 22.0;
const GAP: f64 = 46.0;

/// Two bar charts in one SVG: incidents per month, then killed per month.
/// `id` makes the element ids unique on the page. Empty for no months.
pub fn monthly_svg(id: &str, subject: &str, months: &[MonthStat]) -> String {
    if months.is_empty() {
        return String::new();
    }
    let height = TOP + PANEL + GAP + PANEL + 30.0;
    let total_incidents: usize = months.iter().map(|m| m.incidents).sum();
    let total_killed: u64 = months.iter().map(|m| m.killed).sum();
    let busiest = months.iter().max_by_key(|m| (m.incidents, std::cmp::Reverse(m.iso.clone())));
    let deadliest = months.iter().max_by_key(|m| (m.killed, std::cmp::Reverse(m.iso.clone())));
    let mut desc = format!(
        "{} months from {} to {}: {total_incidents} incidents, at least {total_killed} killed.",
        months.len(),
        months[0].label,
        months[months.len() - 1].label
    );
    if let (Some(b), Some(d)) = (busiest, deadliest) {
        let _ =
            write!(desc, " Most incidents: {} ({}). Most killed: {} ({}).", b.label, b.incidents, d.label, d.killed);
    }
    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">\
<title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        escape(&format!("Incidents and people killed per month, {subject}")),
        escape(&desc)
    );
    let incidents: Vec<u64> = months.iter().map(|m| m.incidents as u64).collect();
    let killed: Vec<u64> = months.iter().map(|m| m.killed).collect();
    panel(&mut svg, TOP, "Incidents per month", &incidents, "chart-bar");
    panel(&mut svg, TOP + PANEL + GAP, "Killed per month (at least)", &killed, "chart-bar chart-bar-killed");
    year_labels(&mut svg, months, TOP + PANEL + GAP + PANEL);
    svg.push_str("</svg>");
    svg
}

/// One panel: heading, y axis with 0 and the maximum, a bar per month.
fn panel(svg: &mut String, top: f64, heading: &str, values: &[u64], class: &str) {
    let max = values.iter().copied().max().unwrap_or(0).max(1);
    let plot = WIDTH - LEFT - RIGHT;
    let step = plot / values.len() as f64;
    let bar = (step * 0.8).max(0.8);
    let bottom = top + PANEL;
    let _ = write!(svg, "<text class=\"chart-heading\" x=\"{LEFT}\" y=\"{:.1}\">{}</text>", top - 8.0, escape(heading));
    let _ = write!(
        svg,
        "<line class=\"chart-axis\" x1=\"{LEFT}\" y1=\"{bottom:.1}\" x2=\"{:.1}\" y2=\"{bottom:.1}\"/>\
<text class=\"chart-tick\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{max}</text>\
<text class=\"chart-tick\" x=\"{:.1}\" y=\"{bottom:.1}\" text-anchor=\"end\">0</text>\
<line class=\"chart-grid\" x1=\"{LEFT}\" y1=\"{top:.1}\" x2=\"{:.1}\" y2=\"{top:.1}\"/>",
        WIDTH - RIGHT,
        LEFT - 6.0,
        top + 4.0,
        LEFT - 6.0,
        WIDTH - RIGHT
    );
    for (i, &v) in values.iter().enumerate() {
        if v == 0 {
            continue;
        }
        let h = (v as f64 / max as f64 * PANEL).max(1.0);
        let x = LEFT + i as f64 * step + (step - bar) / 2.0;
        let _ = write!(
            svg,
            "<rect class=\"{class}\" x=\"{x:.1}\" y=\"{:.1}\" width=\"{bar:.1}\" height=\"{h:.1}\"/>",
            bottom - h
        );
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

    fn m(iso: &str, incidents: usize, killed: u64) -> MonthStat {
        MonthStat { iso: iso.into(), label: iso.into(), incidents, killed }
    }

    #[test]
    fn draws_a_bar_per_non_empty_month_with_title_and_description() {
        let svg = monthly_svg("c", "Mali", &[m("2024-08", 1, 0), m("2024-09", 3, 70), m("2024-10", 0, 0)]);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("<title id=\"c-title\">Incidents and people killed per month, Mali</title>"));
        assert!(svg.contains("3 months from 2024-08 to 2024-10: 4 incidents, at least 70 killed."));
        // Two incident bars and one killed bar.
        assert_eq!(svg.matches("class=\"chart-bar\"").count(), 2);
        assert_eq!(svg.matches("chart-bar-killed").count(), 1);
        assert!(monthly_svg("c", "x", &[]).is_empty());
    }

    #[test]
    fn escapes_the_subject() {
        assert!(monthly_svg("c", "<b>&", &[m("2024-01", 1, 1)]).contains("&lt;b&gt;&amp;"));
    }
}
