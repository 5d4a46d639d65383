//! RFC3339 timestamps in the profile Step Functions accepts for literal
//! timestamps (Wait `Timestamp`, `Timestamp*` Choice operators):
//!
//! ```text
//! YYYY-MM-DD 'T' hh:mm:ss ('.' digit+)? ('Z' | ('+' | '-') hh:mm)
//! ```
//!
//! `T` and `Z` must be uppercase, the fraction may have any number of digits,
//! and every field must be in its calendar range (month 01–12, day within the
//! month with leap years, hour 00–23, minute 00–59, second 00–59, offset
//! hours 00–23). Leap seconds (`:60`) are rejected.

/// Whether `s` is an RFC3339 timestamp in the Step Functions profile, e.g.
/// `2016-03-14T01:59:00Z`, `2016-03-14T01:59:00.123456789+05:30`.
pub(crate) fn is_rfc3339(s: &str) -> bool {
    let b = s.as_bytes();
    let (Some(date), Some(rest)) = (b.get(..10), b.get(10..)) else {
        return false;
    };
    valid_date(date) && valid_time_and_zone(rest)
}

/// `YYYY-MM-DD` with a real day of month.
fn valid_date(d: &[u8]) -> bool {
    let [y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = *d else {
        return false;
    };
    let (Some(year), Some(month), Some(day)) = (
        number(&[y0, y1, y2, y3]),
        number(&[m0, m1]),
        number(&[d0, d1]),
    ) else {
        return false;
    };
    (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)
}

/// `Thh:mm:ss[.fraction](Z|±hh:mm)`.
fn valid_time_and_zone(t: &[u8]) -> bool {
    let Some(&[b'T', h0, h1, b':', mi0, mi1, b':', s0, s1]) = t.get(..9) else {
        return false;
    };
    let (Some(hour), Some(minute), Some(second)) =
        (number(&[h0, h1]), number(&[mi0, mi1]), number(&[s0, s1]))
    else {
        return false;
    };
    if hour > 23 || minute > 59 || second > 59 {
        return false;
    }
    let mut zone = t.get(9..).unwrap_or(&[]);
    if let Some((b'.', after_dot)) = zone.split_first() {
        let digits = after_dot.iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return false;
        }
        zone = after_dot.get(digits..).unwrap_or(&[]);
    }
    match *zone {
        [b'Z'] => true,
        [b'+' | b'-', h0, h1, b':', m0, m1] => matches!(
            (number(&[h0, h1]), number(&[m0, m1])),
            (Some(h), Some(m)) if h <= 23 && m <= 59
        ),
        _ => false,
    }
}

/// The value of a run of ASCII digits, or `None` if any byte is not a digit.
fn number(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0u32, |acc, &c| {
        if c.is_ascii_digit() {
            Some(acc * 10 + u32::from(c - b'0'))
        } else {
            None
        }
    })
}

/// Days in `month` (1–12) of `year` in the proleptic Gregorian calendar.
fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Unit tests.
#[cfg(test)]
mod tests {
    use super::*;

    /// Timestamps in the profile are accepted.
    #[test]
    fn accepts_profile_examples() {
        for s in [
            "2016-03-14T01:59:00Z",
            "2001-01-01T12:00:00Z",
            "2015-09-04T01:59:00Z",
            "2016-12-05T21:29:29.00Z",
            "2016-12-05T21:29:29.000000Z",
            "2016-12-05T21:29:29.123456789Z",
            "2016-12-05T21:29:29.1Z",
            "2016-12-05T21:29:29+05:30",
            "2016-12-05T21:29:29.5-08:00",
            "2016-12-05T00:00:00+00:00",
            "2024-02-29T23:59:59Z",
            "2000-02-29T00:00:00Z",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59Z",
        ] {
            assert!(is_rfc3339(s), "{s} should be accepted");
        }
    }

    /// Timestamps outside the profile (zone, case, ranges, leap days) are rejected.
    #[test]
    fn rejects_outside_profile() {
        for s in [
            "",
            "x",
            "1",
            "2016-03-14T01:59:00",
            "2016-12-05T21:29:29",
            "2016-03-14t01:59:00Z",
            "2016-03-14T01:59:00z",
            "2016-03-14 01:59:00Z",
            "2016-13-14T01:59:00Z",
            "2016-00-14T01:59:00Z",
            "2016-03-00T01:59:00Z",
            "2016-04-31T01:59:00Z",
            "2023-02-29T01:59:00Z",
            "1900-02-29T01:59:00Z",
            "2016-03-14T25:59:00Z",
            "2016-03-14T24:00:00Z",
            "2016-03-14T01:60:00Z",
            "2016-03-14T01:59:60Z",
            "14-03-2016T01:59:00Z",
            "2016-3-14T01:59:00Z",
            "2016-03-14T01:59:00.Z",
            "2016-03-14T01:59:00+0530",
            "2016-03-14T01:59:00+24:00",
            "2016-03-14T01:59:00+05:60",
            "2016-03-14T01:59:00Z ",
            " 2016-03-14T01:59:00Z",
            "2016-03-14T01:59:00ZZ",
            "2016-03-14T01:59:00.12a3Z",
            "２016-03-14T01:59:00Z",
            "2016-03-14T01:59:00+05:30:00",
        ] {
            assert!(!is_rfc3339(s), "{s:?} should be rejected");
        }
    }

    /// No prefix or suffix of a valid input makes the checker panic.
    #[test]
    fn never_panics_on_prefixes() {
        let s = "2016-12-05T21:29:29.123+05:30";
        for i in 0..=s.len() {
            let _ = is_rfc3339(s.get(..i).unwrap_or(""));
        }
        let _ = is_rfc3339("é2016-12-05T21:29:29Z");
        let _ = is_rfc3339("2016-12-05Té1:29:29Z");
    }
}
