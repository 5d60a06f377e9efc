//! Dates that keep their precision, and date expressions attached to events.

use serde::{Deserialize, Serialize};

use super::kinds::{DateQualifier, Precision};

/// A calendar date known to the year, the month or the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    pub fn year(year: i32) -> Self {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }
    pub fn month(year: i32, month: u8) -> Self {
        PartialDate {
            year,
            month: Some(month),
            day: None,
        }
    }
    /// A full date; `None` when the day does not exist in that month.
    pub fn day(year: i32, month: u8, day: u8) -> Option<Self> {
        (1..=12)
            .contains(&month)
            .then_some(())
            .filter(|_| day >= 1 && day <= days_in_month(year, month))
            .map(|_| PartialDate {
                year,
                month: Some(month),
                day: Some(day),
            })
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Self> {
        let parts: Vec<&str> = s.trim().split('-').collect();
        let num = |p: &str, len: usize| -> Option<u32> {
            (p.len() == len && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse().ok())?
        };
        match parts.as_slice() {
            [y] => Some(Self::year(num(y, 4)? as i32)),
            [y, m] => {
                let m = num(m, 2)? as u8;
                (1..=12)
                    .contains(&m)
                    .then(|| Self::month(num(y, 4).unwrap_or(0) as i32, m))
                    .filter(|d| d.year > 0)
            }
            [y, m, d] => Self::day(num(y, 4)? as i32, num(m, 2)? as u8, num(d, 2)? as u8),
            _ => None,
        }
    }

    /// First and last day covered, as (year, month, day) triples.
    pub fn bounds(&self) -> ((i32, u8, u8), (i32, u8, u8)) {
        match (self.month, self.day) {
            (Some(m), Some(d)) => ((self.year, m, d), (self.year, m, d)),
            (Some(m), None) => (
                (self.year, m, 1),
                (self.year, m, days_in_month(self.year, m)),
            ),
            _ => ((self.year, 1, 1), (self.year, 12, 31)),
        }
    }

    /// Whether two dates can denote the same time (one contains the other).
    pub fn compatible(&self, other: &PartialDate) -> bool {
        let (a0, a1) = self.bounds();
        let (b0, b1) = other.bounds();
        a0 <= b1 && b0 <= a1
    }

    /// Days since 1970-01-01 of the first day covered (for arithmetic).
    pub fn to_days(&self) -> i64 {
        let (y, m, d) = self.bounds().0;
        days_from_civil(y as i64, m as i64, d as i64)
    }

    pub fn from_days(days: i64) -> Self {
        let (y, m, d) = civil_from_days(days);
        PartialDate {
            year: y as i32,
            month: Some(m as u8),
            day: Some(d as u8),
        }
    }

    /// Day of week of a full date, 0 = Monday … 6 = Sunday.
    pub fn weekday(&self) -> Option<u8> {
        self.day?;
        Some(((self.to_days() + 3).rem_euclid(7)) as u8)
    }
}

impl std::fmt::Display for PartialDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

// Howard Hinnant's civil-date algorithms.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// The date of an event as the text gives it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EventDate {
    /// The date, or its start for an interval; `None` when unresolved.
    pub start: Option<PartialDate>,
    /// The end of an interval.
    pub end: Option<PartialDate>,
    pub qualifier: Option<DateQualifier>,
    /// The date expression as written in the original text.
    pub text: String,
}

impl EventDate {
    pub fn precision(&self) -> Precision {
        self.start.map_or(Precision::Unresolved, |d| d.precision())
    }
    pub fn is_resolved(&self) -> bool {
        self.start.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_display() {
        for s in ["2025", "2025-09", "2025-09-07"] {
            assert_eq!(PartialDate::parse(s).unwrap().to_string(), s);
        }
        for bad in ["2025-13", "2025-02-30", "25-09", "2025/09", ""] {
            assert!(PartialDate::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn day_arithmetic() {
        let d = PartialDate::day(2024, 1, 26).unwrap();
        assert_eq!(
            PartialDate::from_days(d.to_days() - 1).to_string(),
            "2024-01-25"
        );
        assert_eq!(d.weekday(), Some(4)); // a Friday
        assert_eq!(PartialDate::from_days(0).to_string(), "1970-01-01");
    }

    #[test]
    fn compatibility() {
        let m = PartialDate::month(2025, 9);
        assert!(m.compatible(&PartialDate::day(2025, 9, 7).unwrap()));
        assert!(m.compatible(&PartialDate::year(2025)));
        assert!(!m.compatible(&PartialDate::month(2025, 10)));
    }
}
