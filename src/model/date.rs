//! Dates as writers give them: a day (`2024-09-17`) or only a month (`2024-09`).

use std::cmp::Ordering;
use std::fmt;

use jiff::civil::Date;

/// The day an incident began, or only its month when the day is not known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IncidentDate {
    /// A known day.
    Day(Date),
    /// Only the month is known; never shown as the 1st.
    Month {
        /// Year, e.g. 2024.
        year: i16,
        /// Month, 1 to 12.
        month: i8,
    },
    /// Only the year is known.
    Year(i16),
}

/// Why a date string was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not `YYYY-MM-DD` or `YYYY-MM`.
    Form,
    /// The right form, but no such day (`2023-02-30`) or month (`2024-13`).
    Impossible,
}

/// Parses a day in the strict form `YYYY-MM-DD`.
pub fn parse_day(text: &str) -> Result<Date, DateError> {
    let parts: Vec<&str> = text.trim().split('-').collect();
    match parts.as_slice() {
        [y, m, d] if digits(y, 4) && digits(m, 2) && digits(d, 2) => {
            Date::new(num(y) as i16, num(m) as i8, num(d) as i8).map_err(|_| DateError::Impossible)
        }
        _ => Err(DateError::Form),
    }
}

fn digits(s: &str, len: usize) -> bool {
    s.len() == len && s.bytes().all(|b| b.is_ascii_digit())
}

fn num(s: &str) -> i32 {
    s.parse().unwrap_or(0)
}

impl IncidentDate {
    /// Parses `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.
    pub fn parse(text: &str) -> Result<IncidentDate, DateError> {
        let parts: Vec<&str> = text.trim().split('-').collect();
        match parts.as_slice() {
            [y] if digits(y, 4) => match num(y) {
                0 => Err(DateError::Impossible),
                year => Ok(IncidentDate::Year(year as i16)),
            },
            [_, _, _] => parse_day(text).map(IncidentDate::Day),
            [y, m] if digits(y, 4) && digits(m, 2) => {
                let (year, month) = (num(y), num(m));
                if !(1..=12).contains(&month) || year == 0 {
                    return Err(DateError::Impossible);
                }
                Ok(IncidentDate::Month { year: year as i16, month: month as i8 })
            }
            _ => Err(DateError::Form),
        }
    }

    /// The year.
    pub fn year(&self) -> i16 {
        match self {
            IncidentDate::Day(d) => d.year(),
            IncidentDate::Month { year, .. } | IncidentDate::Year(year) => *year,
        }
    }

    /// The month, 1 to 12, when known.
    pub fn month(&self) -> Option<i8> {
        match self {
            IncidentDate::Day(d) => Some(d.month()),
            IncidentDate::Month { month, .. } => Some(*month),
            IncidentDate::Year(_) => None,
        }
    }

    /// The day of the month, when known.
    pub fn day(&self) -> Option<i8> {
        match self {
            IncidentDate::Day(d) => Some(d.day()),
            IncidentDate::Month { .. } | IncidentDate::Year(_) => None,
        }
    }

    /// How precisely it is known: `day`, `month` or `year`.
    pub fn precision(&self) -> &'static str {
        match self {
            IncidentDate::Day(_) => "day",
            IncidentDate::Month { .. } => "month",
            IncidentDate::Year(_) => "year",
        }
    }

    /// The first day this date can mean (for comparisons with days).
    pub fn first_day(&self) -> Date {
        Date::new(self.year(), self.month().unwrap_or(1), self.day().unwrap_or(1)).unwrap_or_default()
    }

    /// The last day this date can mean.
    pub fn last_day(&self) -> Date {
        match self {
            IncidentDate::Day(d) => *d,
            IncidentDate::Month { .. } => self.first_day().last_of_month(),
            IncidentDate::Year(y) => Date::new(*y, 12, 31).unwrap_or_default(),
        }
    }

    /// Machine form for `<time datetime>`: `2024-09-17`, `2024-09` or `2024`.
    pub fn iso(&self) -> String {
        match self {
            IncidentDate::Day(d) => d.to_string(),
            IncidentDate::Month { year, month } => format!("{year:04}-{month:02}"),
            IncidentDate::Year(year) => format!("{year:04}"),
        }
    }
}

/// Chronological order; a month-only date comes before the days of its month,
/// a year-only date before the months of its year.
impl Ord for IncidentDate {
    fn cmp(&self, other: &Self) -> Ordering {
        let key = |d: &IncidentDate| (d.year(), d.month().unwrap_or(0), d.day().unwrap_or(0));
        key(self).cmp(&key(other))
    }
}

impl PartialOrd for IncidentDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for IncidentDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_days_and_months() {
        assert_eq!(IncidentDate::parse("2024-09-17").unwrap().iso(), "2024-09-17");
        let month = IncidentDate::parse("2024-09").unwrap();
        assert_eq!(month.precision(), "month");
        let year = IncidentDate::parse("2022").unwrap();
        assert_eq!((year.iso(), year.precision()), ("2022".into(), "year"));
        assert_eq!(year.last_day().to_string(), "2022-12-31");
        assert_eq!(month.iso(), "2024-09");
    }

    #[test]
    fn refuses_impossible_and_malformed_dates() {
        assert_eq!(IncidentDate::parse("2023-02-29"), Err(DateError::Impossible));
        assert_eq!(IncidentDate::parse("2024-13"), Err(DateError::Impossible));
        assert_eq!(IncidentDate::parse("17/09/2024"), Err(DateError::Form));
        assert_eq!(IncidentDate::parse("2024-9-17"), Err(DateError::Form));
        assert_eq!(parse_day("2024-09"), Err(DateError::Form));
    }

    #[test]
    fn a_month_sorts_before_its_days() {
        let m = IncidentDate::parse("2024-09").unwrap();
        let d1 = IncidentDate::parse("2024-09-01").unwrap();
        let aug = IncidentDate::parse("2024-08-31").unwrap();
        assert!(aug < m && m < d1);
        let y = IncidentDate::parse("2024").unwrap();
        assert!(IncidentDate::parse("2023-12-31").unwrap() < y && y < IncidentDate::parse("2024-01").unwrap());
    }
}
