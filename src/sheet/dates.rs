//! Dates as spreadsheets write them, read as `YYYY-MM-DD`: what a Chinese
//! locale's Excel or WPS shows (`2024/6/30`, `2024-6-30`, `2024.6.30`,
//! `2024年6月30日`), Excel's serial numbers, and full-width digits. A day
//! and month that could be either way round (`6/7/2024`) is refused with
//! both readings, never guessed.

use crate::model::date::Date;

/// Why a cell is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateFault {
    /// Not readable as a date at all.
    Unreadable {
        /// The cell as written.
        cell: String,
    },
    /// Day and month could be either way round.
    Ambiguous {
        /// The cell as written.
        cell: String,
        /// Read month first.
        month_first: Date,
        /// Read day first.
        day_first: Date,
    },
}

/// A date cell as a date; `Ok((date, true))` when it was written another
/// way than `YYYY-MM-DD`.
pub fn normalise_date(cell: &str) -> Result<(Date, bool), DateFault> {
    let s = ascii_digits(cell.trim());
    if let Some(d) = Date::parse(&s) {
        return Ok((d, false));
    }
    let num = |p: &str| p.trim().parse::<u32>().ok();
    let bad = || DateFault::Unreadable { cell: cell.to_string() };

    // Excel's serial 25569 is 1970-01-01 (serials count from 1899-12-30).
    if let Some(serial) = num(&s).filter(|n| (61..=150_000).contains(n)) {
        let d = i32::try_from(serial).ok().and_then(|n| Date::from_days(n - 25_569));
        return d.map(|d| (d, true)).ok_or_else(bad);
    }
    let parts: Vec<&str> = s.split(['/', '-', '.', '年', '月', '日']).filter(|p| !p.is_empty()).collect();
    let date = |y: u32, m: u32, d: u32| -> Option<Date> {
        Date::new(u16::try_from(y).ok()?, u8::try_from(m).ok()?, u8::try_from(d).ok()?)
    };
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => {
            let (y, m, d) = (num(y).ok_or_else(bad)?, num(m).ok_or_else(bad)?, num(d).ok_or_else(bad)?);
            date(y, m, d).map(|d| (d, true)).ok_or_else(bad)
        }
        [a, b, y] if y.len() == 4 => {
            let (a, b, y) = (num(a).ok_or_else(bad)?, num(b).ok_or_else(bad)?, num(y).ok_or_else(bad)?);
            match (date(y, a, b), date(y, b, a)) {
                (Some(month_first), Some(day_first)) if month_first != day_first => {
                    Err(DateFault::Ambiguous { cell: cell.to_string(), month_first, day_first })
                }
                (Some(one), _) | (None, Some(one)) => Ok((one, true)),
                (None, None) => Err(bad()),
            }
        }
        _ => Err(bad()),
    }
}

/// `s` with full-width digits, `％`, `／`, `－` and `．` as their ASCII forms.
pub fn ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' | '％' | '／' | '－' | '．' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            c => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_offices_write_them() {
        for (cell, iso, changed) in [
            ("2024-06-30", "2024-06-30", false),
            ("2024/6/30", "2024-06-30", true),
            ("2024.6.30", "2024-06-30", true),
            ("2024年6月30日", "2024-06-30", true),
            ("２０２４－０６－３０", "2024-06-30", false),
            ("45473", "2024-06-30", true),
            ("30/6/2024", "2024-06-30", true),
        ] {
            let (d, c) = normalise_date(cell).unwrap();
            assert_eq!((d.to_string().as_str(), c), (iso, changed), "{cell}");
        }
        assert!(matches!(normalise_date("6/7/2024"), Err(DateFault::Ambiguous { .. })));
        assert!(matches!(normalise_date("soon"), Err(DateFault::Unreadable { .. })));
        assert!(matches!(normalise_date("2024/2/30"), Err(DateFault::Unreadable { .. })));
    }
}
