//! Calendar dates (`YYYY-MM-DD`), the only time type the data format has.
//!
//! Dates are civil dates without a time zone: a deadline is a day, not an
//! instant. This module does not know about clocks; "today" is always the
//! programme's as-of date, so a rendered page never changes by itself.

use core::fmt;

/// A real calendar date between the years 1900 and 2200.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// Builds a date, or `None` when it does not exist (2021-02-29, month 13…).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let ok =
            (1900..=2200).contains(&year) && (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        ok.then_some(Date { year, month, day })
    }

    /// Parses exactly `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: core::ops::Range<usize>| -> Option<u16> {
            b[r].iter().try_fold(0u16, |acc, &c| c.is_ascii_digit().then(|| acc * 10 + u16::from(c - b'0')))
        };
        Date::new(num(0..4)?, num(5..7)? as u8, num(8..10)? as u8)
    }

    /// The year.
    pub fn year(self) -> u16 {
        self.year
    }
    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }
    /// The day of the month, 1–31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// The date as a whole number that sorts as the date does.
    pub fn key(self) -> u64 {
        u64::from(self.year) << 16 | u64::from(self.month) << 8 | u64::from(self.day)
    }

    /// Days since 1970-01-01 (negative before), for differences between dates.
    pub fn days(self) -> i32 {
        // Howard Hinnant's days_from_civil.
        let (m, d) = (i32::from(self.month), i32::from(self.day));
        let y = i32::from(self.year) - i32::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (the inverse of [`Date::days`]),
    /// when it is one this type holds (1900–2200).
    pub fn from_days(days: i32) -> Option<Date> {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i32::from(m <= 2);
        Date::new(u16::try_from(y).ok()?, m as u8, d as u8)
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Date {
    /// ISO form, `2020-04-17`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_back() {
        for s in ["1970-01-01", "2000-02-29", "2020-04-17", "1900-03-01", "2199-12-31"] {
            let d = Date::parse(s).unwrap();
            assert_eq!(Date::from_days(d.days()), Some(d), "{s}");
        }
        assert_eq!(Date::parse("2020-03-01").unwrap().days() - Date::parse("2020-02-28").unwrap().days(), 2);
    }

    #[test]
    fn parses_real_dates_only() {
        assert_eq!(Date::parse("2020-04-17"), Date::new(2020, 4, 17));
        assert!(Date::parse("2020-02-29").is_some());
        for bad in ["2021-02-29", "2020-13-01", "2020-00-10", "2020-4-17", "20200417", "", "2020-04-1x", "1800-01-01"] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn day_arithmetic() {
        assert_eq!(Date::parse("1970-01-01").unwrap().days(), 0);
        assert_eq!(Date::parse("2020-03-01").unwrap().days() - Date::parse("2020-02-28").unwrap().days(), 2);
        assert_eq!(Date::parse("2020-04-17").unwrap().to_string(), "2020-04-17");
    }
}
