//! The timestamp grammar: fixed-width fields, checked left to right, each
//! error at the first byte of the field or character that is wrong.

use super::instant::days_in_month;
use super::Timestamp;
use crate::syntax::SyntaxError;

/// Parses an RFC 3339 timestamp in the Step Functions profile.
///
/// ```
/// use stepfn::syntax::timestamp::parse_timestamp;
/// let t = parse_timestamp("2024-02-29T23:59:59-08:00")?;
/// assert_eq!(t.offset_minutes, -480);
///
/// let err = parse_timestamp("2023-02-29T00:00:00Z").unwrap_err();
/// assert_eq!(err.offset, 8);
/// assert!(err.message.contains("February 2023 has 28 days"));
/// assert!(parse_timestamp("2016-03-14T01:59:00").unwrap_err().message.contains("`Z`"));
/// # Ok::<(), stepfn::syntax::SyntaxError>(())
/// ```
pub fn parse_timestamp(s: &str) -> Result<Timestamp, SyntaxError> {
    let mut r = Reader {
        b: s.as_bytes(),
        pos: 0,
    };
    let year = r.field(4, "a four-digit year `YYYY`")?;
    r.expect(b'-', "`-` after the year")?;
    let month_at = r.pos;
    let month = r.field(2, "a two-digit month `MM`")?;
    if !(1..=12).contains(&month) {
        return Err(SyntaxError::new(month_at, "the month must be 01 to 12"));
    }
    r.expect(b'-', "`-` after the month")?;
    let day_at = r.pos;
    let day = r.field(2, "a two-digit day `DD`")?;
    let last = days_in_month(year, month);
    if day < 1 || day > last {
        return Err(SyntaxError::new(
            day_at,
            format!(
                "the day must be 01 to {last}: {} {year:04} has {last} days",
                MONTHS.get(month.saturating_sub(1) as usize).unwrap_or(&"")
            ),
        ));
    }
    r.expect(b'T', "an uppercase `T` between the date and the time")?;
    let hour = r.ranged(23, "hour")?;
    r.expect(b':', "`:` after the hour")?;
    let minute = r.ranged(59, "minute")?;
    r.expect(b':', "`:` after the minutes")?;
    let second_at = r.pos;
    let second = r.field(2, "two-digit seconds `ss`")?;
    if second > 59 {
        return Err(SyntaxError::new(
            second_at,
            "the seconds must be 00 to 59 (leap seconds are not accepted)",
        ));
    }
    let mut fraction = String::new();
    if r.eat(b'.') {
        let start = r.pos;
        while r.b.get(r.pos).is_some_and(u8::is_ascii_digit) {
            r.pos += 1;
        }
        if r.pos == start {
            return Err(SyntaxError::new(
                start,
                "expected digits after the decimal point",
            ));
        }
        fraction = s.get(start..r.pos).unwrap_or("").to_owned();
    }
    let offset_minutes = r.offset()?;
    if r.pos < r.b.len() {
        return Err(SyntaxError::new(
            r.pos,
            "unexpected text after the timestamp: it must end with `Z` or the offset",
        ));
    }
    Ok(Timestamp {
        year: u16::try_from(year).unwrap_or(0),
        month: u8::try_from(month).unwrap_or(0),
        day: u8::try_from(day).unwrap_or(0),
        hour: u8::try_from(hour).unwrap_or(0),
        minute: u8::try_from(minute).unwrap_or(0),
        second: u8::try_from(second).unwrap_or(0),
        fraction,
        offset_minutes,
    })
}

/// Month names, for messages.
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The bytes of the timestamp and the current offset. Only ASCII bytes are
/// ever consumed, so every offset is a char boundary.
struct Reader<'a> {
    /// The timestamp's bytes.
    b: &'a [u8],
    /// Current byte offset.
    pos: usize,
}

impl Reader<'_> {
    /// Reads `width` ASCII digits as a number, if they are next.
    fn digits(&mut self, width: usize) -> Option<u32> {
        let digits = self.b.get(self.pos..self.pos + width)?;
        let value = digits.iter().try_fold(0u32, |acc, &c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })?;
        self.pos += width;
        Some(value)
    }

    /// Reads `width` ASCII digits as a number; `what` names them in the error.
    fn field(&mut self, width: usize, what: &str) -> Result<u32, SyntaxError> {
        self.digits(width)
            .ok_or_else(|| SyntaxError::new(self.pos, format!("expected {what}")))
    }

    /// Reads two digits that must be at most `max`.
    fn ranged(&mut self, max: u32, name: &str) -> Result<u32, SyntaxError> {
        let at = self.pos;
        let Some(value) = self.digits(2) else {
            return Err(SyntaxError::new(at, format!("expected a two-digit {name}")));
        };
        if value > max {
            return Err(SyntaxError::new(
                at,
                format!("the {name} must be 00 to {max}"),
            ));
        }
        Ok(value)
    }

    /// Consumes `byte` if it is next.
    fn eat(&mut self, byte: u8) -> bool {
        if self.b.get(self.pos) == Some(&byte) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// Requires `byte` next.
    fn expect(&mut self, byte: u8, what: &str) -> Result<(), SyntaxError> {
        if self.eat(byte) {
            Ok(())
        } else {
            Err(SyntaxError::new(self.pos, format!("expected {what}")))
        }
    }

    /// Reads `Z` or `±hh:mm`, as minutes east of UTC.
    fn offset(&mut self) -> Result<i16, SyntaxError> {
        if self.eat(b'Z') {
            return Ok(0);
        }
        let sign = match self.b.get(self.pos) {
            Some(b'+') => 1,
            Some(b'-') => -1,
            _ => {
                return Err(SyntaxError::new(
                    self.pos,
                    "expected an uppercase `Z` (UTC) or an offset such as `+05:30`",
                ))
            }
        };
        self.pos += 1;
        let hours = self.ranged(23, "offset hour")?;
        self.expect(b':', "`:` between the offset's hours and minutes")?;
        let minutes = self.ranged(59, "offset minute")?;
        let total = i16::try_from(hours * 60 + minutes).unwrap_or(0);
        Ok(sign * total)
    }
}
