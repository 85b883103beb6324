//! Casualty reports and the figures derived from them.
//!
//! Figures are contested: every report is kept with who made it, and the
//! figures are derived as the content contract says:
//! - per incident, kind and `who`: low = the smallest lower bound among the
//!   reports (a count, or `min`; a report with only `max` has 0), high = the
//!   largest upper bound (a count, or `max`), unknown as soon as one report has
//!   no upper bound;
//! - an incident's figure for a kind is the sum over `who` of the lows and of
//!   the highs;
//! - totals over many incidents sum the lows ("at least N").

use std::fmt;

/// What happened to the people counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CasualtyKind {
    /// Dead.
    Killed,
    /// Wounded.
    Injured,
    /// Taken prisoner or abducted.
    Captured,
    /// Unaccounted for.
    Missing,
}

impl CasualtyKind {
    /// Every kind, in display order.
    pub const ALL: [CasualtyKind; 4] =
        [CasualtyKind::Killed, CasualtyKind::Injured, CasualtyKind::Captured, CasualtyKind::Missing];

    /// The word writers use in front matter.
    pub fn as_str(self) -> &'static str {
        match self {
            CasualtyKind::Killed => "killed",
            CasualtyKind::Injured => "injured",
            CasualtyKind::Captured => "captured",
            CasualtyKind::Missing => "missing",
        }
    }

    /// Parses the front-matter word.
    pub fn parse(s: &str) -> Option<CasualtyKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == s.trim())
    }
}

/// Who the people counted were.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Who {
    /// Soldiers, gendarmes, police, auxiliaries.
    SecurityForces,
    /// Non-combatants.
    Civilians,
    /// Members of armed groups.
    Militants,
    /// Not said.
    Unknown,
}

impl Who {
    /// Every value, in display order.
    pub const ALL: [Who; 4] = [Who::SecurityForces, Who::Civilians, Who::Militants, Who::Unknown];

    /// The words writers use in front matter.
    pub fn as_str(self) -> &'static str {
        match self {
            Who::SecurityForces => "security forces",
            Who::Civilians => "civilians",
            Who::Militants => "militants",
            Who::Unknown => "unknown",
        }
    }

    /// Parses the front-matter words.
    pub fn parse(s: &str) -> Option<Who> {
        Self::ALL.into_iter().find(|w| w.as_str() == s.trim())
    }
}

/// A reported number: exact (`min == max`), at least `min`, at most `max`, or between.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Figure {
    /// Lower bound, if the report gives one.
    pub min: Option<u64>,
    /// Upper bound, if the report gives one.
    pub max: Option<u64>,
}

impl Figure {
    /// An exact count.
    pub fn exact(n: u64) -> Figure {
        Figure { min: Some(n), max: Some(n) }
    }

    /// The lower bound used for conservative totals (0 when only `max` is given).
    pub fn low(&self) -> u64 {
        self.min.unwrap_or(0)
    }
}

impl fmt::Display for Figure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.min, self.max) {
            (Some(a), Some(b)) if a == b => write!(f, "{a}"),
            (Some(a), Some(b)) => write!(f, "{a}–{b}"),
            (Some(a), None) => write!(f, "at least {a}"),
            (None, Some(b)) => write!(f, "up to {b}"),
            (None, None) => write!(f, "unknown"),
        }
    }
}

/// One reported figure from one source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CasualtyReport {
    /// Killed, injured, captured or missing.
    pub kind: CasualtyKind,
    /// Who was counted.
    pub who: Who,
    /// The number reported.
    pub figure: Figure,
    /// Who reported it.
    pub according_to: String,
}

/// A derived figure: low is always known, high may not be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Range {
    /// Conservative figure.
    pub low: u64,
    /// Highest reported figure; `None` when some report gives no upper bound.
    pub high: Option<u64>,
}

impl Range {
    /// True when the reports agree on one number.
    pub fn is_exact(&self) -> bool {
        self.high == Some(self.low)
    }
}

impl fmt::Display for Range {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.high {
            Some(h) if h == self.low => write!(f, "{h}"),
            Some(h) if self.low == 0 => write!(f, "up to {h}"),
            Some(h) => write!(f, "{}–{h}", self.low),
            None => write!(f, "at least {}", self.low),
        }
    }
}

/// The derived figure for one kind of casualty in one incident.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindFigure {
    /// Which kind.
    pub kind: CasualtyKind,
    /// Sum over `who`.
    pub total: Range,
    /// One range per `who` that has reports, in `Who::ALL` order.
    pub by_who: Vec<(Who, Range)>,
    /// Number of reports behind this figure.
    pub reports: usize,
}

/// Derived figures for one incident: one entry per kind that has reports.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IncidentFigures(pub Vec<KindFigure>);

impl IncidentFigures {
    /// The figure for `kind`, if any report gives one.
    pub fn get(&self, kind: CasualtyKind) -> Option<&KindFigure> {
        self.0.iter().find(|k| k.kind == kind)
    }

    /// The conservative figure for `kind` (0 when nothing was reported).
    pub fn low(&self, kind: CasualtyKind) -> u64 {
        self.get(kind).map_or(0, |k| k.total.low)
    }
}

/// Derives per-incident figures from its reports, as the content contract defines.
pub fn derive(reports: &[CasualtyReport]) -> IncidentFigures {
    let mut out = Vec::new();
    for kind in CasualtyKind::ALL {
        let mut by_who = Vec::new();
        let mut count = 0;
        for who in Who::ALL {
            let mut group = reports.iter().filter(|r| r.kind == kind && r.who == who).peekable();
            if group.peek().is_none() {
                continue;
            }
            let mut low = u64::MAX;
            let mut high = Some(0u64);
            for r in group {
                count += 1;
                low = low.min(r.figure.low());
                high = match (high, r.figure.max) {
                    (Some(h), Some(m)) => Some(h.max(m)),
                    _ => None,
                };
            }
            by_who.push((who, Range { low, high }));
        }
        if by_who.is_empty() {
            continue;
        }
        let total = by_who.iter().fold(Range { low: 0, high: Some(0) }, |acc, (_, r)| Range {
            low: acc.low.saturating_add(r.low),
            high: acc.high.zip(r.high).map(|(a, b)| a.saturating_add(b)),
        });
        out.push(KindFigure { kind, total, by_who, reports: count });
    }
    IncidentFigures(out)
}

/// Conservative totals over several incidents: the sum of their lows, per kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Totals {
    /// Number of incidents counted.
    pub incidents: usize,
    /// At least this many killed.
    pub killed: u64,
    /// At least this many injured.
    pub injured: u64,
    /// At least this many captured.
    pub captured: u64,
    /// At least this many missing.
    pub missing: u64,
}

impl Totals {
    /// Adds one incident's figures.
    pub fn add(&mut self, figures: &IncidentFigures) {
        self.incidents += 1;
        self.killed = self.killed.saturating_add(figures.low(CasualtyKind::Killed));
        self.injured = self.injured.saturating_add(figures.low(CasualtyKind::Injured));
        self.captured = self.captured.saturating_add(figures.low(CasualtyKind::Captured));
        self.missing = self.missing.saturating_add(figures.low(CasualtyKind::Missing));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(kind: CasualtyKind, who: Who, min: Option<u64>, max: Option<u64>) -> CasualtyReport {
        CasualtyReport { kind, who, figure: Figure { min, max }, according_to: "x".into() }
    }

    #[test]
    fn contested_reports_give_a_range() {
        // The army says 1 soldier killed; the group claims 100.
        let r = [
            report(CasualtyKind::Killed, Who::SecurityForces, Some(1), Some(1)),
            report(CasualtyKind::Killed, Who::SecurityForces, Some(100), Some(100)),
        ];
        let f = derive(&r);
        assert_eq!(f.get(CasualtyKind::Killed).unwrap().total, Range { low: 1, high: Some(100) });
        assert_eq!(f.get(CasualtyKind::Killed).unwrap().total.to_string(), "1–100");
    }

    #[test]
    fn a_minimum_only_report_leaves_the_high_unknown() {
        let r = [
            report(CasualtyKind::Injured, Who::Unknown, Some(200), None),
            report(CasualtyKind::Injured, Who::Unknown, Some(50), Some(50)),
        ];
        let k = derive(&r).get(CasualtyKind::Injured).cloned().unwrap();
        assert_eq!(k.total, Range { low: 50, high: None });
        assert_eq!(k.total.to_string(), "at least 50");
    }

    #[test]
    fn incident_figure_sums_over_who() {
        let r = [
            report(CasualtyKind::Killed, Who::SecurityForces, Some(10), Some(12)),
            report(CasualtyKind::Killed, Who::Civilians, Some(3), Some(3)),
            report(CasualtyKind::Killed, Who::Militants, None, Some(20)),
        ];
        let k = derive(&r).get(CasualtyKind::Killed).cloned().unwrap();
        assert_eq!(k.total, Range { low: 13, high: Some(35) });
        assert_eq!(k.by_who.len(), 3);
    }

    #[test]
    fn totals_sum_the_lows() {
        let a = derive(&[report(CasualtyKind::Killed, Who::Unknown, Some(70), None)]);
        let b = derive(&[
            report(CasualtyKind::Killed, Who::Unknown, Some(5), Some(9)),
            report(CasualtyKind::Injured, Who::Unknown, Some(2), Some(2)),
        ]);
        let mut t = Totals::default();
        t.add(&a);
        t.add(&b);
        assert_eq!((t.incidents, t.killed, t.injured), (2, 75, 2));
    }

    #[test]
    fn figures_read_as_writers_would_say_them() {
        assert_eq!(Figure::exact(70).to_string(), "70");
        assert_eq!(Figure { min: Some(200), max: None }.to_string(), "at least 200");
        assert_eq!(Figure { min: None, max: Some(30) }.to_string(), "up to 30");
        assert_eq!(Figure { min: Some(5), max: Some(9) }.to_string(), "5–9");
    }
}
