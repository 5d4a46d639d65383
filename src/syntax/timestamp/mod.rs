//! RFC 3339 timestamps in the profile Step Functions accepts for literal
//! timestamps (Wait `Timestamp`, the `Timestamp…` Choice operators), parsed
//! to a [`Timestamp`]:
//!
//! ```text
//! YYYY-MM-DD 'T' hh:mm:ss ('.' digit+)? ('Z' | ('+' | '-') hh:mm)
//! ```
//!
//! `T` and `Z` must be uppercase, the fraction may have any number of
//! digits, and every field must be in its calendar range (month 01–12, day
//! within the month with leap years, hour 00–23, minute 00–59, second
//! 00–59, offset hours 00–23, offset minutes 00–59). Leap seconds (`:60`)
//! are rejected.
//!
//! Files: `parse` (the grammar), `instant` (the UTC instant timestamps are
//! compared by).

mod instant;
mod parse;
#[cfg(test)]
mod tests;

use std::fmt;

pub use instant::UtcInstant;
pub use parse::parse_timestamp;

/// A timestamp as written: date, time of day, fraction of a second and
/// offset from UTC.
///
/// Two timestamps are equal when written with the same fields; compare
/// [`instant`](Timestamp::instant)s to order them in time.
///
/// ```
/// use stepfn::syntax::timestamp::parse_timestamp;
/// let t = parse_timestamp("2016-03-14T01:59:00.5+05:30")?;
/// assert_eq!((t.year, t.month, t.day), (2016, 3, 14));
/// assert_eq!((t.hour, t.minute, t.second), (1, 59, 0));
/// assert_eq!(t.fraction, "5");
/// assert_eq!(t.offset_minutes, 330);
/// assert_eq!(t.to_string(), "2016-03-14T01:59:00.5+05:30");
/// # Ok::<(), stepfn::syntax::SyntaxError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Timestamp {
    /// Year, 0000–9999.
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month, from 1.
    pub day: u8,
    /// Hour, 0–23.
    pub hour: u8,
    /// Minute, 0–59.
    pub minute: u8,
    /// Second, 0–59.
    pub second: u8,
    /// The digits after the decimal point, as written (empty when there is
    /// no fraction).
    pub fraction: String,
    /// Offset from UTC in minutes, east positive (`Z` is 0, `-08:00` is
    /// -480).
    pub offset_minutes: i16,
}

impl Timestamp {
    /// The nanoseconds of the fraction (digits past the ninth are dropped).
    ///
    /// ```
    /// use stepfn::syntax::timestamp::parse_timestamp;
    /// assert_eq!(parse_timestamp("2016-03-14T01:59:00.25Z")?.nanosecond(), 250_000_000);
    /// assert_eq!(parse_timestamp("2016-03-14T01:59:00.1234567891Z")?.nanosecond(), 123_456_789);
    /// # Ok::<(), stepfn::syntax::SyntaxError>(())
    /// ```
    #[must_use]
    pub fn nanosecond(&self) -> u32 {
        instant::nanoseconds(&self.fraction)
    }

    /// The moment in UTC, for comparing timestamps and waiting until one.
    ///
    /// ```
    /// use stepfn::syntax::timestamp::parse_timestamp;
    /// let utc = parse_timestamp("2016-03-14T01:59:00Z")?.instant();
    /// let east = parse_timestamp("2016-03-14T07:29:00+05:30")?.instant();
    /// assert_eq!(utc, east);
    /// assert_eq!(utc.unix_seconds(), 1_457_920_740);
    /// assert!(parse_timestamp("2016-03-14T01:59:00.01Z")?.instant() > utc);
    /// # Ok::<(), stepfn::syntax::SyntaxError>(())
    /// ```
    #[must_use]
    pub fn instant(&self) -> UtcInstant {
        UtcInstant::of(self)
    }
}

impl fmt::Display for Timestamp {
    /// Writes the timestamp in the profile's form, `Z` for a zero offset
    /// (example on [`Timestamp`]).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )?;
        if !self.fraction.is_empty() {
            write!(f, ".{}", self.fraction)?;
        }
        if self.offset_minutes == 0 {
            return f.write_str("Z");
        }
        let sign = if self.offset_minutes < 0 { '-' } else { '+' };
        let minutes = self.offset_minutes.unsigned_abs();
        write!(f, "{sign}{:02}:{:02}", minutes / 60, minutes % 60)
    }
}

/// Whether `s` is an RFC 3339 timestamp in the Step Functions profile, e.g.
/// `2016-03-14T01:59:00Z`, `2016-03-14T01:59:00.123456789+05:30`.
///
/// ```
/// use stepfn::syntax::timestamp::is_rfc3339;
/// assert!(is_rfc3339("2016-03-14T01:59:00Z"));
/// assert!(!is_rfc3339("2016-03-14T01:59:00"));
/// ```
#[must_use]
pub fn is_rfc3339(s: &str) -> bool {
    parse_timestamp(s).is_ok()
}
