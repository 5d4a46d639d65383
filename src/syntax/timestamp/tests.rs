//! Tests of the timestamp parser: the profile's acceptance and rejection,
//! the values and instants it gives, and its messages.

use super::*;

/// Parses `s`, panicking with the error if it is rejected.
fn ok(s: &str) -> Timestamp {
    match parse_timestamp(s) {
        Ok(t) => t,
        Err(e) => panic!("{s:?} should be accepted: {e}"),
    }
}

/// Fields, fraction and offset are read as written.
#[test]
fn values_are_read_as_written() {
    let t = ok("0000-01-01T00:00:00Z");
    assert_eq!((t.year, t.month, t.day, t.offset_minutes), (0, 1, 1, 0));
    let t = ok("9999-12-31T23:59:59.000100-23:59");
    assert_eq!((t.year, t.hour, t.minute, t.second), (9999, 23, 59, 59));
    assert_eq!(t.fraction, "000100");
    assert_eq!(t.nanosecond(), 100_000);
    assert_eq!(t.offset_minutes, -(23 * 60 + 59));
    assert_eq!(ok("2016-12-05T00:00:00+00:00").offset_minutes, 0);
    assert_eq!(ok("2016-12-05T00:00:00-00:00").offset_minutes, 0);
}

/// Canonical text parses back to the same timestamp.
#[test]
fn display_round_trips() {
    for s in [
        "2016-03-14T01:59:00Z",
        "2016-12-05T21:29:29.000000Z",
        "2016-12-05T21:29:29.5-08:00",
        "0001-02-03T04:05:06.7+23:59",
    ] {
        let t = ok(s);
        assert_eq!(t.to_string(), s);
        assert_eq!(ok(&t.to_string()), t);
    }
    assert_eq!(
        ok("2016-12-05T00:00:00+00:00").to_string(),
        "2016-12-05T00:00:00Z"
    );
}

/// Instants order timestamps in time, across offsets and fraction lengths.
#[test]
fn instants_order_in_time() {
    let ordered = [
        "0000-01-01T00:00:00Z",
        "1969-12-31T23:59:59.999Z",
        "1970-01-01T00:00:00Z",
        "1970-01-01T00:00:00.0000000001Z",
        "1970-01-01T00:00:00.49Z",
        "1970-01-01T00:00:00.5Z",
        "2016-03-14T07:28:59+05:30",
        "2016-03-14T01:59:00.000Z",
        "2016-03-13T17:59:00.1-08:00",
        "9999-12-31T23:59:59Z",
    ];
    for pair in ordered.windows(2) {
        let (a, b) = (ok(pair[0]).instant(), ok(pair[1]).instant());
        assert!(a < b, "{} < {}", pair[0], pair[1]);
    }
    assert_eq!(
        ok("2016-03-14T01:59:00.50Z").instant(),
        ok("2016-03-13T17:59:00.5-08:00").instant()
    );
    assert_eq!(ok("1970-01-01T00:00:00Z").instant().unix_seconds(), 0);
    assert_eq!(
        ok("1970-01-02T00:00:00+01:00").instant().unix_seconds(),
        82_800
    );
}

/// Rejections name the field at fault, at its first byte.
#[test]
fn messages_name_the_field() {
    let cases: &[(&str, usize, &str)] = &[
        ("", 0, "four-digit year"),
        ("2016-3-14T01:59:00Z", 5, "two-digit month"),
        ("2016-13-14T01:59:00Z", 5, "month must be 01 to 12"),
        ("2016-04-31T01:59:00Z", 8, "April 2016 has 30 days"),
        ("2016-03-14t01:59:00Z", 10, "uppercase `T`"),
        ("2016-03-14T24:00:00Z", 11, "hour must be 00 to 23"),
        ("2016-03-14T01:60:00Z", 14, "minute must be 00 to 59"),
        ("2016-03-14T01:59:60Z", 17, "leap seconds"),
        (
            "2016-03-14T01:59:00.Z",
            20,
            "digits after the decimal point",
        ),
        ("2016-03-14T01:59:00z", 19, "uppercase `Z`"),
        ("2016-03-14T01:59:00+0530", 22, "`:` between"),
        ("2016-03-14T01:59:00+24:00", 20, "offset hour must be"),
        ("2016-03-14T01:59:00ZZ", 20, "unexpected text"),
        ("2016-03-14Té1:59:00Z", 11, "two-digit hour"),
    ];
    for (s, offset, needle) in cases {
        let e = parse_timestamp(s).expect_err(s);
        assert!(e.message.contains(needle), "{s:?}: {}", e.message);
        assert_eq!(e.offset, *offset, "{s:?}: {}", e.message);
        assert!(s.is_char_boundary(e.offset));
    }
}

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

/// A timestamp in the profile, as text.
fn timestamp_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    (
        0u32..10_000,
        1u32..=12,
        1u32..=31,
        (0u32..24, 0u32..60, 0u32..60),
        prop::option::of("[0-9]{1,12}"),
        prop_oneof![
            Just(None),
            (any::<bool>(), 0u32..24, 0u32..60).prop_map(Some)
        ],
    )
        .prop_map(|(year, month, day, (h, m, s), fraction, offset)| {
            let day = day.min(super::instant::days_in_month(year, month));
            let fraction = fraction.map(|f| format!(".{f}")).unwrap_or_default();
            let zone = match offset {
                None => "Z".to_owned(),
                Some((east, oh, om)) => format!("{}{oh:02}:{om:02}", if east { '+' } else { '-' }),
            };
            format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}{fraction}{zone}")
        })
}

proptest::proptest! {
    /// Timestamps in the profile parse, and print back to an equal timestamp.
    #[test]
    fn generated_timestamps_round_trip(s in timestamp_text()) {
        let t = parse_timestamp(&s);
        proptest::prop_assert!(t.is_ok(), "{}: {:?}", s, t);
        let t = t.unwrap_or_else(|_| ok("1970-01-01T00:00:00Z"));
        proptest::prop_assert_eq!(parse_timestamp(&t.to_string()), Ok(t.clone()));
        proptest::prop_assert!(is_rfc3339(&s));
    }

    /// UTC timestamps are ordered in time by their fields and fraction.
    #[test]
    fn instants_order_like_utc_fields(a in timestamp_text(), b in timestamp_text()) {
        let utc = |s: &str| {
            let mut t = ok(s);
            t.offset_minutes = 0;
            t
        };
        let (a, b) = (utc(&a), utc(&b));
        let key = |t: &Timestamp| {
            let fraction = t.fraction.trim_end_matches('0').to_owned();
            ((t.year, t.month, t.day, t.hour, t.minute, t.second), fraction)
        };
        proptest::prop_assert_eq!(a.instant().cmp(&b.instant()), key(&a).cmp(&key(&b)));
    }

    /// Any text, and mangled timestamps, are answered without a panic, with
    /// errors on char boundaries.
    #[test]
    fn any_text_never_panics(s in "\\PC{0,32}", t in timestamp_text(), cut in 0usize..40, c in proptest::char::any()) {
        let mut mangled = t;
        let at = (0..=mangled.len()).rev().find(|&i| i <= cut && mangled.is_char_boundary(i)).unwrap_or(0);
        mangled.insert(at, c);
        for text in [s.as_str(), mangled.as_str()] {
            if let Err(e) = parse_timestamp(text) {
                proptest::prop_assert!(e.offset <= text.len() && text.is_char_boundary(e.offset), "{:?}: {}", text, e);
            }
        }
    }
}
