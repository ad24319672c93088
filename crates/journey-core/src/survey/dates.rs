//! The month or quarter an answer belongs to, read from the date formats survey tools and
//! spreadsheets write. `03/04/2026` is March or April depending on the column: `WrittenDate`
//! keeps both readings until the column's order is known (see `DateOrder`).

pub use crate::model::survey_mapping::{DateOrder, Periodicity};

/// A date as written, before the column's order is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WrittenDate {
    /// Year first (`2026-03-02`), day-first by its dots (`02.03.2026`), compact (`20260302`),
    /// ordinal (`2026-061`) or a spreadsheet serial day (`46083.5`): only one month it can be.
    Known { year: i32, month: u32 },
    /// `03/04/2026`: the month is `first` if the column is month-first, `second` if day-first.
    Either { year: i32, first: u32, second: u32 },
}

impl WrittenDate {
    /// The month under `order` (`None`: this date cannot be read that way, as 13/01 month-first).
    pub fn month(self, order: DateOrder) -> Option<u32> {
        let month = match (self, order) {
            (WrittenDate::Known { month, .. }, _) => month,
            (WrittenDate::Either { second, .. }, DateOrder::DayFirst) => second,
            (WrittenDate::Either { first, .. }, _) => first,
        };
        (1..=12).contains(&month).then_some(month)
    }

    pub fn year(self) -> i32 {
        match self {
            WrittenDate::Known { year, .. } | WrittenDate::Either { year, .. } => year,
        }
    }

    /// The order this date alone rules in: `13/01/2026` can only be day-first.
    pub fn decides(self) -> Option<DateOrder> {
        match self {
            WrittenDate::Either { first, second, .. } if first > 12 && second <= 12 => {
                Some(DateOrder::DayFirst)
            }
            WrittenDate::Either { first, second, .. } if second > 12 && first <= 12 => {
                Some(DateOrder::MonthFirst)
            }
            _ => None,
        }
    }
}

fn number(digits: &[u8]) -> Option<u32> {
    if digits.is_empty() || digits.len() > 4 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
}

/// Year and month of a day counted from 1970-01-01 (the civil calendar, proleptic Gregorian).
fn civil_from_days(days: i64) -> (i32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year as i32, month as u32)
}

/// Spreadsheet serial days (day 1 is 1900-01-01, counting Excel's phantom 1900-02-29) from 1954
/// to 2173: plain numbers in that range in a date column are dates, not answers.
fn serial_day(text: &str) -> Option<WrittenDate> {
    let value: f64 = text.parse().ok()?;
    if !(20_000.0..100_000.0).contains(&value) {
        return None;
    }
    // Serial 25569 is 1970-01-01.
    let (year, month) = civil_from_days(value.floor() as i64 - 25_569);
    Some(WrittenDate::Known { year, month })
}

/// The month of day `day` (1-based) of `year`.
fn month_of_ordinal(year: u32, day: u32) -> Option<u32> {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    let lengths = [
        31,
        28 + u32::from(leap),
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let mut left = day;
    for (i, length) in lengths.iter().enumerate() {
        if (1..=*length).contains(&left) {
            return Some(i as u32 + 1);
        }
        left = left.checked_sub(*length)?;
    }
    None
}

/// Reads the date at the start of `text`; what follows it (a time, `AM`/`PM`, a zone such as
/// `Z`, `+02:00` or `GMT+5:30`) does not move the day, so it is not read.
pub fn read_date(text: &str) -> Option<WrittenDate> {
    // `2026-03-04…`, what most tools write, read without splitting.
    if let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1, ..] = *text.as_bytes() {
        let digits = [y0, y1, y2, y3, m0, m1, d0, d1];
        let ends = text
            .as_bytes()
            .get(10)
            .is_none_or(|b| matches!(b, b' ' | b'T'));
        if ends && digits.iter().all(u8::is_ascii_digit) {
            let n = |a: u8, b: u8| u32::from(a - b'0') * 10 + u32::from(b - b'0');
            let (year, month, day) = (n(y0, y1) * 100 + n(y2, y3), n(m0, m1), n(d0, d1));
            return ((1..=12).contains(&month) && (1..=31).contains(&day) && year >= 1000)
                .then_some(WrittenDate::Known {
                    year: year as i32,
                    month,
                });
        }
    }
    let text = text.trim();
    if text.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        if let Some(serial) = serial_day(text) {
            return Some(serial);
        }
    }
    let end = text
        .bytes()
        .position(|b| b == b' ' || b == b'T' || b == b',')
        .unwrap_or(text.len());
    let date = &text.as_bytes()[..end];
    let known = |year: u32, month: u32| {
        ((1000..=9999).contains(&year) && (1..=12).contains(&month)).then_some(WrittenDate::Known {
            year: year as i32,
            month,
        })
    };
    let mut parts = date.split(|b| matches!(b, b'-' | b'/' | b'.'));
    let (a, b, c) = (parts.next()?, parts.next(), parts.next());
    if parts.next().is_some() {
        return None;
    }
    match (b, c) {
        (None, None) if date.len() == 8 && a.iter().all(u8::is_ascii_digit) => {
            let (year, month, day) = (number(&a[..4])?, number(&a[4..6])?, number(&a[6..])?);
            (1..=31).contains(&day).then_some(())?;
            known(year, month)
        }
        (Some(b), None) if a.len() == 4 && b.len() == 3 => {
            let year = number(a)?;
            known(year, month_of_ordinal(year, number(b)?)?)
        }
        (Some(b), Some(c)) => {
            let (x, y, z) = (number(a)?, number(b)?, number(c)?);
            if a.len() == 4 {
                (1..=31).contains(&z).then_some(())?;
                return known(x, y);
            }
            if c.len() != 4 || !(1..=31).contains(&x) || !(1..=31).contains(&y) {
                return None;
            }
            if date.contains(&b'.') {
                // Dotted dates are written day-first wherever they are used.
                return known(z, y);
            }
            (1000..=9999).contains(&z).then_some(WrittenDate::Either {
                year: z as i32,
                first: x,
                second: y,
            })
        }
        _ => None,
    }
}

/// The period number of a month: the month itself, or its quarter.
pub fn period_number(month: u32, periodicity: Periodicity) -> u32 {
    match periodicity {
        Periodicity::Month => month,
        Periodicity::Quarter => (month - 1) / 3 + 1,
    }
}

pub fn period_name((year, n): (i32, u32), periodicity: Periodicity) -> String {
    match periodicity {
        Periodicity::Month => format!("{year}-{n:02}"),
        Periodicity::Quarter => format!("{year}-Q{n}"),
    }
}

/// `2026-03` or `2026-Q1`, reading an ambiguous date by `order`.
pub fn period_of(text: &str, periodicity: Periodicity, order: DateOrder) -> Option<String> {
    let date = read_date(text)?;
    let month = date.month(order)?;
    Some(period_name(
        (date.year(), period_number(month, periodicity)),
        periodicity,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn month_first(text: &str) -> Option<String> {
        period_of(text, Periodicity::Month, DateOrder::MonthFirst)
    }

    #[test]
    fn the_formats_of_common_tools() {
        assert_eq!(
            month_first("2026-02-04 20:43:26").as_deref(),
            Some("2026-02")
        );
        assert_eq!(
            month_first("2026/03/02 09:34:38 PM GMT").as_deref(),
            Some("2026-03")
        );
        assert_eq!(
            month_first("01/15/2026 03:20:04 AM").as_deref(),
            Some("2026-01")
        );
        assert_eq!(
            month_first("2026-03-02T10:00:00Z").as_deref(),
            Some("2026-03")
        );
        assert_eq!(
            month_first("2026-03-31T23:30:00+02:00").as_deref(),
            Some("2026-03")
        );
        assert_eq!(
            month_first("3/31/2026 11:59 PM GMT+5:30").as_deref(),
            Some("2026-03")
        );
        assert_eq!(month_first("05.04.2026").as_deref(), Some("2026-04"));
        assert_eq!(month_first("20260302").as_deref(), Some("2026-03"));
        assert_eq!(month_first("2026-061").as_deref(), Some("2026-03"));
        assert_eq!(month_first("2024-060").as_deref(), Some("2024-02"));
    }

    #[test]
    fn spreadsheet_serial_days() {
        // 25569 is 1970-01-01; 2026-03-01 is 20513 days later and 2026-02-28 the day before.
        assert_eq!(month_first("46082").as_deref(), Some("2026-03"));
        assert_eq!(month_first("46081.75").as_deref(), Some("2026-02"));
        assert_eq!(month_first("45123.5").as_deref(), Some("2023-07"));
        assert_eq!(month_first("5"), None);
    }

    #[test]
    fn either_order_until_one_value_decides() {
        let date = read_date("03/04/2026").unwrap();
        assert_eq!(date.decides(), None);
        assert_eq!(date.month(DateOrder::MonthFirst), Some(3));
        assert_eq!(date.month(DateOrder::DayFirst), Some(4));
        assert_eq!(
            read_date("25/04/2026").unwrap().decides(),
            Some(DateOrder::DayFirst)
        );
        assert_eq!(
            read_date("04/25/2026").unwrap().decides(),
            Some(DateOrder::MonthFirst)
        );
        assert_eq!(
            read_date("25/04/2026")
                .unwrap()
                .month(DateOrder::MonthFirst),
            None
        );
        assert_eq!(read_date("2026-04-25").unwrap().decides(), None);
    }

    #[test]
    fn not_dates() {
        for text in [
            "",
            "yesterday",
            "2026-13-01",
            "12/12/26",
            "2026-02-40",
            "1/2/3/2026",
            "99/99/2026",
            "2026-400",
        ] {
            assert_eq!(month_first(text), None, "{text}");
        }
    }

    #[test]
    fn months_and_quarters() {
        let quarter = |text| period_of(text, Periodicity::Quarter, DateOrder::MonthFirst);
        assert_eq!(quarter("2026-03-31").as_deref(), Some("2026-Q1"));
        assert_eq!(quarter("2026-04-01").as_deref(), Some("2026-Q2"));
        assert_eq!(quarter("2026-12-01").as_deref(), Some("2026-Q4"));
    }
}
