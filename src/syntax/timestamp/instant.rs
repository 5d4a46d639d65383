//! The UTC instant of a timestamp: whole seconds since 1970-01-01T00:00:00Z
//! and the exact fraction, ordered in time.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::Timestamp;

/// A moment in UTC, ordered in time: seconds since the Unix epoch
/// (1970-01-01T00:00:00Z, negative before it) and the fraction of a second
/// with every digit kept, so timestamps that differ below a nanosecond
/// still compare as different.
///
/// ```
/// use stepfn::syntax::timestamp::parse_timestamp;
/// let a = parse_timestamp("1969-12-31T23:59:59.9999999999Z")?.instant();
/// let b = parse_timestamp("1970-01-01T00:00:00Z")?.instant();
/// assert!(a < b);
/// assert_eq!(a.unix_seconds(), -1);
/// assert_eq!(a.nanosecond(), 999_999_999);
/// assert_eq!(a.fraction(), "9999999999");
/// # Ok::<(), stepfn::syntax::SyntaxError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UtcInstant {
    /// Whole seconds since the epoch.
    seconds: i64,
    /// Fraction digits without trailing zeros; as a string, compares like
    /// the fraction's value.
    fraction: String,
}

impl UtcInstant {
    /// The instant of `t`.
    pub(super) fn of(t: &Timestamp) -> UtcInstant {
        let days = days_from_civil(i64::from(t.year), u32::from(t.month), u32::from(t.day));
        let seconds = days * 86_400
            + i64::from(t.hour) * 3_600
            + i64::from(t.minute) * 60
            + i64::from(t.second)
            - i64::from(t.offset_minutes) * 60;
        UtcInstant {
            seconds,
            fraction: t.fraction.trim_end_matches('0').to_owned(),
        }
    }

    /// Whole seconds since 1970-01-01T00:00:00Z (example on [`UtcInstant`]).
    #[must_use]
    pub fn unix_seconds(&self) -> i64 {
        self.seconds
    }

    /// Nanoseconds past [`unix_seconds`](UtcInstant::unix_seconds), digits
    /// past the ninth dropped (example on [`UtcInstant`]).
    #[must_use]
    pub fn nanosecond(&self) -> u32 {
        nanoseconds(&self.fraction)
    }

    /// The instant as a [`SystemTime`], to wait until it (digits past the
    /// nanosecond dropped); `None` if the platform's clock cannot hold it.
    ///
    /// ```
    /// use std::time::{Duration, UNIX_EPOCH};
    /// use stepfn::syntax::timestamp::parse_timestamp;
    /// let t = parse_timestamp("1970-01-01T00:01:00.5+00:00")?.instant();
    /// assert_eq!(t.to_system_time(), Some(UNIX_EPOCH + Duration::from_millis(60_500)));
    /// # Ok::<(), stepfn::syntax::SyntaxError>(())
    /// ```
    #[must_use]
    pub fn to_system_time(&self) -> Option<SystemTime> {
        let nanos = Duration::from_nanos(u64::from(self.nanosecond()));
        let whole = Duration::from_secs(self.seconds.unsigned_abs());
        if self.seconds >= 0 {
            UNIX_EPOCH.checked_add(whole)?.checked_add(nanos)
        } else {
            UNIX_EPOCH.checked_sub(whole)?.checked_add(nanos)
        }
    }

    /// The fraction's digits, without trailing zeros (example on
    /// [`UtcInstant`]).
    #[must_use]
    pub fn fraction(&self) -> &str {
        &self.fraction
    }
}

/// The first nine fraction digits as nanoseconds.
pub(super) fn nanoseconds(fraction: &str) -> u32 {
    let mut digits = fraction.bytes().take(9).filter(u8::is_ascii_digit);
    (0..9).fold(0, |acc, _| {
        acc * 10 + digits.next().map_or(0, |d| u32::from(d - b'0'))
    })
}

/// Days from 1970-01-01 to the given date of the proleptic Gregorian
/// calendar (negative before it).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    // Count from 0000-03-01 so the leap day ends each 4-year cycle.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y.rem_euclid(400);
    let shifted_month = i64::from((month + 9) % 12);
    let day_of_year = (153 * shifted_month + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// Days in `month` (1–12) of `year`.
pub(super) fn days_in_month(year: u32, month: u32) -> u32 {
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

    /// Day counts agree with known dates, leap years included.
    #[test]
    fn days_from_civil_known_dates() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(1969, 12, 31), -1);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(2016, 3, 14), 16_874);
        assert_eq!(days_from_civil(0, 1, 1), -719_528);
        assert_eq!(days_from_civil(9999, 12, 31), 2_932_896);
        // Consecutive days over 400 years are one apart.
        let mut previous = days_from_civil(1899, 12, 31);
        for year in 1900..2300 {
            for month in 1..=12 {
                for day in 1..=days_in_month(year, month) {
                    let d = days_from_civil(i64::from(year), month, day);
                    assert_eq!(d, previous + 1, "{year}-{month}-{day}");
                    previous = d;
                }
            }
        }
    }

    /// Fractions become nanoseconds, extra digits dropped.
    #[test]
    fn nanoseconds_of_fractions() {
        assert_eq!(nanoseconds(""), 0);
        assert_eq!(nanoseconds("5"), 500_000_000);
        assert_eq!(nanoseconds("000000001"), 1);
        assert_eq!(nanoseconds("1234567899"), 123_456_789);
    }
}
