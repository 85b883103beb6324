//! Casualty reports and the figures derived from them.
//!
//! Figures are contested: every report is kept with who made it, and the
//! figures are derived as the content contract says:
//! - per incident, kind and `who`: low = the smallest lower bound among the
//!   reports that give one (a count, or `min`; a report with only `max` has
//!   none), high = the largest upper bound (a count, or `max`), unknown as soon
//!   as one report has no upper bound;
//! - an incident's figure for a kind is the sum over `who` of the lows and of
//!   the highs;
//! - a total over many incidents sums their lows and, when every one has a
//!   known high, their highs.
//!
//! No figure is ever invented: a figure with no lower bound is not a zero, it
//! reads "up to" its maximum ([`Amount`]), and a kind nobody reported reads
//! "not reported". Sums are checked: a total that would not fit is an error,
//! never a wrapped number.

/// The largest figure a report may give (and the bound documented to writers).
pub const MAX_FIGURE: u64 = 10_000_000;

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

    /// Its position in `ALL`.
    pub fn index(self) -> usize {
        self as usize
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

    /// Its position in `ALL`.
    pub fn index(self) -> usize {
        self as usize
    }

    /// True for the people an attack's perpetrators count among their victims
    /// (everyone but militants).
    pub fn is_victim(self) -> bool {
        self != Who::Militants
    }
}

/// How a figure reads: the only five honest forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Amount {
    /// No report gives a figure.
    NotReported,
    /// One number (every bound agrees).
    Exact(u64),
    /// From a lower to a higher figure.
    Between(u64, u64),
    /// A lower bound only.
    AtLeast(u64),
    /// A maximum only: nothing confirms any lower figure.
    UpTo(u64),
}

impl Amount {
    /// The form's name, for templates and styles: `exact`, `between`, `at-least`, `up-to`, `not-reported`.
    pub fn form(self) -> &'static str {
        match self {
            Amount::NotReported => "not-reported",
            Amount::Exact(_) => "exact",
            Amount::Between(..) => "between",
            Amount::AtLeast(_) => "at-least",
            Amount::UpTo(_) => "up-to",
        }
    }

    /// True when only a maximum is known.
    pub fn is_maximum_only(self) -> bool {
        matches!(self, Amount::UpTo(_))
    }
}

/// A reported number: exact (`min == max`), at least `min`, at most `max`, or between.
///
/// Built with [`Figure::new`], which keeps it honest: a `max` of 0 is a count of
/// 0, and a `min` of 0 beside a `max` is no lower bound (it reads "up to").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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

    /// A range as written, normalised (see the type's documentation).
    pub fn new(min: Option<u64>, max: Option<u64>) -> Figure {
        match (min, max) {
            (_, Some(0)) => Figure::exact(0),
            (Some(0), Some(m)) => Figure { min: None, max: Some(m) },
            _ => Figure { min, max },
        }
    }

    /// How it reads.
    pub fn amount(&self) -> Amount {
        Range { low: self.min, high: self.max }.amount()
    }
}

/// One reported figure from one source.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
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

/// A derived figure: a lower and an upper bound, either of which may be unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Range {
    /// Lower bound; `None` when no report gives one (only maximums).
    pub low: Option<u64>,
    /// Upper bound; `None` when some report gives no upper bound.
    pub high: Option<u64>,
}

impl Range {
    /// How it reads: a lower bound of 0 under a maximum reads "up to" the maximum.
    pub fn amount(&self) -> Amount {
        match (self.low, self.high) {
            (None, None) => Amount::NotReported,
            (Some(l), Some(h)) if l >= h => Amount::Exact(h),
            (Some(0) | None, Some(h)) => Amount::UpTo(h),
            (Some(l), Some(h)) => Amount::Between(l, h),
            (Some(l), None) => Amount::AtLeast(l),
        }
    }

    /// The lower bound used in sums (0 when none is known).
    pub fn low_or_zero(&self) -> u64 {
        self.low.unwrap_or(0)
    }

    /// The figure a map or chart draws: the lower bound, or the maximum when
    /// only a maximum is known (then drawn as unconfirmed).
    pub fn drawn(&self) -> u64 {
        match self.low {
            Some(l) if l > 0 => l,
            _ => self.high.unwrap_or(0),
        }
    }

    /// Sum of two figures of different people (`None` when a sum would not fit).
    fn plus(self, other: Range) -> Option<Range> {
        let low = match (self.low, other.low) {
            (None, None) => None,
            (a, b) => Some(a.unwrap_or(0).checked_add(b.unwrap_or(0))?),
        };
        let high = match (self.high, other.high) {
            (Some(a), Some(b)) => Some(a.checked_add(b)?),
            _ => None,
        };
        Some(Range { low, high })
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
    /// Two reports about the same people give different figures.
    pub contested: bool,
}

impl KindFigure {
    /// The sum over the `who` that `include` keeps (`None` when it keeps none of them).
    pub fn sum_of(&self, include: impl Fn(Who) -> bool) -> Option<Range> {
        let mut parts = self.by_who.iter().filter(|(w, _)| include(*w)).map(|(_, r)| *r);
        let first = parts.next()?;
        parts.try_fold(first, Range::plus)
    }
}

/// Derived figures for one incident: one entry per kind that has reports.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IncidentFigures(pub Vec<KindFigure>);

impl IncidentFigures {
    /// The figure for `kind`, if any report gives one.
    pub fn get(&self, kind: CasualtyKind) -> Option<&KindFigure> {
        self.0.iter().find(|k| k.kind == kind)
    }

    /// The range for `kind` (unknown both ways when nothing was reported).
    pub fn range(&self, kind: CasualtyKind) -> Range {
        self.get(kind).map(|k| k.total).unwrap_or_default()
    }
}

/// Derives per-incident figures from its reports, as the content contract
/// defines; `None` when a sum does not fit in 64 bits (reports are bounded by
/// `MAX_FIGURE`, so only a hostile number of them could do that).
pub fn derive(reports: &[CasualtyReport]) -> Option<IncidentFigures> {
    let mut out = Vec::new();
    for kind in CasualtyKind::ALL {
        if !reports.iter().any(|r| r.kind == kind) {
            continue;
        }
        let mut by_who = Vec::with_capacity(Who::ALL.len());
        let mut count = 0;
        let mut contested = false;
        for who in Who::ALL {
            let mut group = reports.iter().filter(|r| r.kind == kind && r.who == who);
            let Some(first) = group.next() else { continue };
            let (mut low, mut high) = (first.figure.min, first.figure.max);
            count += 1;
            for r in group {
                count += 1;
                contested |= r.figure != first.figure;
                low = match (low, r.figure.min) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
                high = high.zip(r.figure.max).map(|(a, b)| a.max(b));
            }
            by_who.push((who, Range { low, high }));
        }
        let Some(&(_, first)) = by_who.first() else { continue };
        let total = by_who[1..].iter().try_fold(first, |acc, (_, r)| acc.plus(*r))?;
        out.push(KindFigure { kind, total, by_who, reports: count, contested });
    }
    Some(IncidentFigures(out))
}

/// A sum of figures over several incidents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Sum {
    /// The sum of the known lower bounds.
    pub low: u64,
    /// The sum of the upper bounds; `None` as soon as one is unknown.
    pub high: Option<u64>,
    /// Incidents that report this figure.
    pub reported: usize,
    /// Of those, incidents whose figure is only a maximum.
    pub maximum_only: usize,
}

impl Sum {
    /// Adds one incident's figure; `None` (and unchanged) when it would not fit.
    pub fn add(&mut self, r: Range) -> Option<()> {
        if r.low.is_none() && r.high.is_none() {
            return Some(());
        }
        let low = self.low.checked_add(r.low.unwrap_or(0))?;
        let high = if self.reported == 0 {
            r.high
        } else {
            match (self.high, r.high) {
                (Some(a), Some(b)) => Some(a.checked_add(b)?),
                _ => None,
            }
        };
        self.low = low;
        self.high = high;
        self.reported += 1;
        if r.amount().is_maximum_only() {
            self.maximum_only += 1;
        }
        Some(())
    }

    /// Adds another sum (of other incidents); `None` (and unchanged) when it would not fit.
    pub fn merge(&mut self, other: &Sum) -> Option<()> {
        if other.reported == 0 {
            return Some(());
        }
        let high = if self.reported == 0 {
            other.high
        } else {
            match (self.high, other.high) {
                (Some(a), Some(b)) => Some(a.checked_add(b)?),
                _ => None,
            }
        };
        self.low = self.low.checked_add(other.low)?;
        self.high = high;
        self.reported += other.reported;
        self.maximum_only += other.maximum_only;
        Some(())
    }

    /// How the total reads.
    pub fn amount(&self) -> Amount {
        if self.reported == 0 {
            return Amount::NotReported;
        }
        let low = (self.reported > self.maximum_only).then_some(self.low);
        Range { low, high: self.high }.amount()
    }
}

/// Totals of one kind over several incidents: all people counted, and by `who`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct KindTotal {
    /// Over the people the totals count (everyone, or a perpetrator's victims).
    pub all: Sum,
    /// Per `who`, in `Who::ALL` order.
    pub by_who: [Sum; 4],
}

/// Totals over a set of incidents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Totals {
    /// Incidents of violence counted (developments are not).
    pub incidents: usize,
    /// Per kind, in `CasualtyKind::ALL` order.
    pub kinds: [KindTotal; 4],
}

/// A total too large to hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Overflow;

impl Totals {
    /// The totals of `kind`.
    pub fn kind(&self, kind: CasualtyKind) -> &KindTotal {
        &self.kinds[kind.index()]
    }

    /// Adds one incident, counting every person in its figures.
    pub fn add(&mut self, figures: &IncidentFigures) -> Result<(), Overflow> {
        self.add_counting(figures, |_| true)
    }

    /// Adds one incident; the `all` sums count only the people `counted` keeps
    /// (the `by_who` sums still count everyone).
    pub fn add_counting(&mut self, figures: &IncidentFigures, counted: impl Fn(Who) -> bool) -> Result<(), Overflow> {
        let mut next = *self;
        next.incidents += 1;
        for f in &figures.0 {
            let total = &mut next.kinds[f.kind.index()];
            if let Some(range) = f.sum_of(&counted) {
                total.all.add(range).ok_or(Overflow)?;
            }
            for (who, range) in &f.by_who {
                total.by_who[who.index()].add(*range).ok_or(Overflow)?;
            }
        }
        *self = next;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(kind: CasualtyKind, who: Who, min: Option<u64>, max: Option<u64>) -> CasualtyReport {
        CasualtyReport { kind, who, figure: Figure::new(min, max), according_to: "x".into() }
    }

    fn killed(reports: &[CasualtyReport]) -> KindFigure {
        derive(reports).unwrap().get(CasualtyKind::Killed).cloned().unwrap()
    }

    use CasualtyKind::{Injured, Killed};

    #[test]
    fn contested_reports_give_a_range() {
        // The army says 1 soldier killed; the group claims 100.
        let k = killed(&[
            report(Killed, Who::SecurityForces, Some(1), Some(1)),
            report(Killed, Who::SecurityForces, Some(100), Some(100)),
        ]);
        assert_eq!(k.total, Range { low: Some(1), high: Some(100) });
        assert_eq!(k.total.amount(), Amount::Between(1, 100));
        assert!(k.contested);
    }

    #[test]
    fn a_minimum_only_report_leaves_the_high_unknown() {
        let k = derive(&[
            report(Injured, Who::Unknown, Some(200), None),
            report(Injured, Who::Unknown, Some(50), Some(50)),
        ])
        .unwrap()
        .get(Injured)
        .cloned()
        .unwrap();
        assert_eq!(k.total, Range { low: Some(50), high: None });
        assert_eq!(k.total.amount(), Amount::AtLeast(50));
    }

    #[test]
    fn a_maximum_only_report_is_no_zero() {
        // "Nearly 200 dead": no lower bound at all.
        let k = killed(&[report(Killed, Who::Civilians, None, Some(200))]);
        assert_eq!(k.total, Range { low: None, high: Some(200) });
        assert_eq!(k.total.amount(), Amount::UpTo(200));
        // "Between 0 and 12" is the same thing; "at most 0" is a count of 0.
        assert_eq!(Figure::new(Some(0), Some(12)).amount(), Amount::UpTo(12));
        assert_eq!(Figure::new(None, Some(0)).amount(), Amount::Exact(0));
        // A reported zero reads as one.
        assert_eq!(killed(&[report(Killed, Who::Civilians, Some(0), Some(0))]).total.amount(), Amount::Exact(0));
    }

    #[test]
    fn incident_figure_sums_over_who() {
        let k = killed(&[
            report(Killed, Who::SecurityForces, Some(10), Some(12)),
            report(Killed, Who::Civilians, Some(3), Some(3)),
            report(Killed, Who::Militants, None, Some(20)),
        ]);
        assert_eq!(k.total, Range { low: Some(13), high: Some(35) });
        assert_eq!(k.by_who.len(), 3);
        assert_eq!(k.sum_of(Who::is_victim), Some(Range { low: Some(13), high: Some(15) }));
    }

    #[test]
    fn totals_carry_their_range() {
        let a = derive(&[report(Killed, Who::Unknown, Some(70), Some(77))]).unwrap();
        let b =
            derive(&[report(Killed, Who::Unknown, Some(5), Some(9)), report(Injured, Who::Unknown, Some(2), Some(2))])
                .unwrap();
        let c = derive(&[report(Killed, Who::Civilians, None, Some(200))]).unwrap();
        let mut t = Totals::default();
        t.add(&a).unwrap();
        t.add(&b).unwrap();
        assert_eq!(t.kind(Killed).all.amount(), Amount::Between(75, 86));
        assert_eq!(t.kind(Injured).all.amount(), Amount::Exact(2));
        t.add(&c).unwrap();
        let all = t.kind(Killed).all;
        assert_eq!((all.amount(), all.maximum_only), (Amount::Between(75, 286), 1));
        assert_eq!(t.kind(CasualtyKind::Captured).all.amount(), Amount::NotReported);
        // Only maximums: "up to".
        let mut only = Totals::default();
        only.add(&c).unwrap();
        assert_eq!(only.kind(Killed).all.amount(), Amount::UpTo(200));
        // A figure with no upper bound makes the total "at least".
        let d = derive(&[report(Killed, Who::Unknown, Some(3), None)]).unwrap();
        t.add(&d).unwrap();
        assert_eq!(t.kind(Killed).all.amount(), Amount::AtLeast(78));
    }

    #[test]
    fn victims_and_militants_apart() {
        let f = derive(&[
            report(Killed, Who::Militants, Some(13), Some(13)),
            report(Killed, Who::SecurityForces, Some(1), None),
        ])
        .unwrap();
        let mut t = Totals::default();
        t.add_counting(&f, Who::is_victim).unwrap();
        let k = t.kind(Killed);
        assert_eq!(k.all.amount(), Amount::AtLeast(1));
        assert_eq!(k.by_who[Who::Militants.index()].amount(), Amount::Exact(13));
    }

    #[test]
    fn totals_never_wrap() {
        let huge = derive(&[report(Killed, Who::Unknown, Some(u64::MAX - 1), Some(u64::MAX - 1))]).unwrap();
        let mut t = Totals::default();
        t.add(&huge).unwrap();
        assert_eq!(t.add(&huge), Err(Overflow));
        assert_eq!(t.kind(Killed).all.low, u64::MAX - 1, "a failed add leaves the totals as they were");
        let two_who = [
            report(Killed, Who::Civilians, Some(u64::MAX), Some(u64::MAX)),
            report(Killed, Who::Militants, Some(2), Some(2)),
        ];
        assert_eq!(derive(&two_who), None);
    }
}
