//! The month or quarter an answer belongs to, read from the date formats survey tools write.

pub use crate::model::survey_mapping::Periodicity;

/// Year and month from `2026-03-02 …`, `2026/03/02 …`, `03/02/2026 …` (month first, as US tools
/// write) or `15.03.2026`/`15/03/2026` when the first number cannot be a month.
pub fn year_month(text: &str) -> Option<(i32, u32)> {
    let date = text.trim().split([' ', 'T']).next()?;
    let parts: Vec<&str> = date.split(['-', '/', '.']).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n = |i: usize| parts[i].parse::<u32>().ok();
    let (year, month) = if parts[0].len() == 4 {
        (n(0)?, n(1)?)
    } else if parts[2].len() == 4 {
        let (first, second) = (n(0)?, n(1)?);
        // Month first unless that cannot be, or the text uses the day-first dot style.
        if first > 12 || date.contains('.') {
            (n(2)?, second)
        } else {
            (n(2)?, first)
        }
    } else {
        return None;
    };
    ((1..=12).contains(&month) && (1000..=9999).contains(&year)).then_some((year as i32, month))
}

/// The year and the month or quarter number, without building a string per answer.
pub fn period_key(text: &str, periodicity: Periodicity) -> Option<(i32, u32)> {
    let (year, month) = year_month(text)?;
    Some(match periodicity {
        Periodicity::Month => (year, month),
        Periodicity::Quarter => (year, (month - 1) / 3 + 1),
    })
}

pub fn period_name((year, n): (i32, u32), periodicity: Periodicity) -> String {
    match periodicity {
        Periodicity::Month => format!("{year}-{n:02}"),
        Periodicity::Quarter => format!("{year}-Q{n}"),
    }
}

/// `2026-03` or `2026-Q1`.
pub fn period_of(text: &str, periodicity: Periodicity) -> Option<String> {
    period_key(text, periodicity).map(|key| period_name(key, periodicity))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_formats_of_common_tools() {
        assert_eq!(year_month("2026-02-04 20:43:26"), Some((2026, 2)));
        assert_eq!(year_month("2026/03/02 09:34:38 PM GMT"), Some((2026, 3)));
        assert_eq!(year_month("01/15/2026 03:20:04 AM"), Some((2026, 1)));
        assert_eq!(year_month("2026-03-02"), Some((2026, 3)));
        assert_eq!(year_month("2026-03-02T10:00:00Z"), Some((2026, 3)));
        assert_eq!(year_month("25/04/2026"), Some((2026, 4)));
        assert_eq!(year_month("05.04.2026"), Some((2026, 4)));
    }

    #[test]
    fn not_dates() {
        assert_eq!(year_month(""), None);
        assert_eq!(year_month("yesterday"), None);
        assert_eq!(year_month("2026-13-01"), None);
        assert_eq!(year_month("12/12/26"), None);
    }

    #[test]
    fn months_and_quarters() {
        assert_eq!(
            period_of("2026-03-31", Periodicity::Month).as_deref(),
            Some("2026-03")
        );
        assert_eq!(
            period_of("2026-03-31", Periodicity::Quarter).as_deref(),
            Some("2026-Q1")
        );
        assert_eq!(
            period_of("2026-04-01", Periodicity::Quarter).as_deref(),
            Some("2026-Q2")
        );
        assert_eq!(
            period_of("2026-12-01", Periodicity::Quarter).as_deref(),
            Some("2026-Q4")
        );
    }
}
