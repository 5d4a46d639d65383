//! Time in a run: a virtual clock in milliseconds since the Unix epoch.
//! Waits, retry back-offs and timeouts move it forward instantly; nothing
//! reads the machine's clock, so a run is the same every time.

use stepfn::syntax::timestamp::parse_timestamp;

/// The default start of an execution: 2024-01-01T00:00:00.000Z.
pub(crate) const DEFAULT_START_MILLIS: i64 = 1_704_067_200_000;

/// Reads an RFC 3339 timestamp (`2024-05-01T12:00:00Z`) to epoch
/// milliseconds.
pub(crate) fn parse_millis(text: &str) -> Option<i64> {
    let instant = parse_timestamp(text).ok()?.instant();
    instant
        .unix_seconds()
        .checked_mul(1000)?
        .checked_add(i64::from(instant.nanosecond() / 1_000_000))
}

/// Writes epoch milliseconds as AWS writes times in the context object:
/// `2023-11-21T06:27:31.545Z` (always three fraction digits, UTC).
pub(crate) fn iso_millis(millis: i64) -> String {
    let seconds = millis.div_euclid(1000);
    let ms = millis.rem_euclid(1000);
    let days = seconds.div_euclid(86_400);
    let of_day = seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{ms:03}Z",
        of_day / 3600,
        (of_day / 60) % 60,
        of_day % 60
    )
}

/// The date of a day count since 1970-01-01 (proleptic Gregorian).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_reads_millisecond_timestamps() {
        assert_eq!(iso_millis(DEFAULT_START_MILLIS), "2024-01-01T00:00:00.000Z");
        assert_eq!(iso_millis(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso_millis(-1), "1969-12-31T23:59:59.999Z");
        assert_eq!(iso_millis(1_700_547_651_545), "2023-11-21T06:20:51.545Z");
        assert_eq!(iso_millis(951_782_400_000), "2000-02-29T00:00:00.000Z");
        for ms in [0, 1_700_547_651_545, 951_782_400_000, 4_102_444_799_999] {
            assert_eq!(parse_millis(&iso_millis(ms)), Some(ms));
        }
        assert_eq!(
            parse_millis("2024-01-01T01:00:00+01:00"),
            Some(DEFAULT_START_MILLIS)
        );
        assert_eq!(parse_millis("2024-01-01"), None);
    }
}
