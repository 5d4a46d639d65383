//! The proleptic Gregorian calendar in UTC, as JavaScript's `Date` has it,
//! and the date/time components a picture can show.

/// Milliseconds in a day.
pub(crate) const DAY: f64 = 86_400_000.0;

/// Days from 1970-01-01 to the given civil date (`month` 1–12).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date (year, month 1–12, day) of a day number.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// A point in time broken into UTC components.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Moment {
    /// Milliseconds since the epoch.
    pub(crate) millis: f64,
    /// The year.
    pub(crate) year: i64,
    /// The month, 0–11.
    pub(crate) month: i64,
    /// The day of the month, 1–31.
    pub(crate) day: i64,
    /// Hours, 0–23.
    pub(crate) hour: i64,
    /// Minutes.
    pub(crate) minute: i64,
    /// Seconds.
    pub(crate) second: i64,
    /// Milliseconds.
    pub(crate) milli: i64,
    /// Day of the week, 0 (Sunday) – 6.
    pub(crate) weekday: i64,
    /// Within JavaScript's date range (otherwise every component is NaN,
    /// as for an invalid `Date`).
    pub(crate) valid: bool,
}

impl Moment {
    /// The components of `millis` (clamped to JavaScript's date range).
    pub(crate) fn new(millis: f64) -> Moment {
        let valid = millis.is_finite() && millis.abs() <= 8.64e15;
        let millis = if millis.is_finite() {
            millis.clamp(-8.64e15, 8.64e15).floor()
        } else {
            0.0
        };
        #[allow(clippy::cast_possible_truncation)]
        let total = millis as i64;
        let days = total.div_euclid(86_400_000);
        let in_day = total.rem_euclid(86_400_000);
        let (year, month, day) = civil_from_days(days);
        Moment {
            millis,
            year,
            month: month - 1,
            day,
            hour: in_day / 3_600_000,
            minute: in_day / 60_000 % 60,
            second: in_day / 1000 % 60,
            milli: in_day % 1000,
            weekday: (days + 4).rem_euclid(7),
            valid,
        }
    }
}

/// JavaScript's `Date.UTC(year, month, day, hour, minute, second, ms)`:
/// months and days out of range roll over, years 0–99 mean 1900–1999.
pub(crate) fn utc(
    year: f64,
    month: f64,
    day: f64,
    hour: f64,
    minute: f64,
    second: f64,
    ms: f64,
) -> f64 {
    let year = year.trunc();
    let year = if (0.0..=99.0).contains(&year) {
        1900.0 + year
    } else {
        year
    };
    make_time(year, month, day, hour, minute, second, ms)
}

/// The time of the given components, months and days rolling over (no
/// mapping of years 0–99).
pub(crate) fn make_time(
    year: f64,
    month: f64,
    day: f64,
    hour: f64,
    minute: f64,
    second: f64,
    ms: f64,
) -> f64 {
    let values = [year, month, day, hour, minute, second, ms];
    if values.iter().any(|v| !v.is_finite()) {
        return f64::NAN;
    }
    let year = year.trunc();
    let month = month.trunc();
    let year = year + (month / 12.0).floor();
    let month = month.rem_euclid(12.0);
    #[allow(clippy::cast_possible_truncation)]
    let days = days_from_civil(
        year.clamp(-400_000.0, 400_000.0) as i64,
        month as i64 + 1,
        1,
    );
    #[allow(clippy::cast_precision_loss)]
    let days = days as f64 + day.trunc() - 1.0;
    let time = hour.trunc() * 3_600_000.0
        + minute.trunc() * 60_000.0
        + second.trunc() * 1000.0
        + ms.trunc();
    days * DAY + time
}

/// The start of the first week of a year or month (the week holding its
/// first Thursday; weeks start on Monday).
fn start_of_first_week(year: i64, month: i64) -> f64 {
    #[allow(clippy::cast_precision_loss)]
    let jan1 = utc(year as f64, month as f64, 1.0, 0.0, 0.0, 0.0, 0.0);
    let mut day = Moment::new(jan1).weekday;
    if day == 0 {
        day = 7;
    }
    #[allow(clippy::cast_precision_loss)]
    if day > 4 {
        jan1 + (8 - day) as f64 * DAY
    } else {
        jan1 - (day - 1) as f64 * DAY
    }
}

/// Weeks from `start` to `end`, counting the first as 1.
fn delta_weeks(start: f64, end: f64) -> f64 {
    (end - start) / (DAY * 7.0) + 1.0
}

/// The (year, month) after or before.
fn shift_month(year: i64, month: i64, by: i64) -> (i64, i64) {
    let total = year * 12 + month + by;
    (total.div_euclid(12), total.rem_euclid(12))
}

/// A numeric component of `m`: `Y M D d F W w X x H h m s f`.
#[allow(clippy::cast_precision_loss)]
pub(crate) fn component(m: &Moment, c: char) -> f64 {
    if !m.valid {
        return f64::NAN;
    }
    let today = || {
        utc(
            m.year as f64,
            m.month as f64,
            m.day as f64,
            0.0,
            0.0,
            0.0,
            0.0,
        )
    };
    match c {
        'Y' => m.year as f64,
        'M' => (m.month + 1) as f64,
        'D' => m.day as f64,
        'd' => (today() - utc(m.year as f64, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0)) / DAY + 1.0,
        'F' => {
            if m.weekday == 0 {
                7.0
            } else {
                m.weekday as f64
            }
        }
        'W' => {
            let start = start_of_first_week(m.year, 0);
            let today = today();
            let mut week = delta_weeks(start, today);
            if week > 52.0 {
                if today >= start_of_first_week(m.year + 1, 0) {
                    week = 1.0;
                }
            } else if week < 1.0 {
                week = delta_weeks(start_of_first_week(m.year - 1, 0), today);
            }
            week.floor()
        }
        'w' => {
            let start = start_of_first_week(m.year, m.month);
            let today = today();
            let mut week = delta_weeks(start, today);
            if week > 4.0 {
                let (ny, nm) = shift_month(m.year, m.month, 1);
                if today >= start_of_first_week(ny, nm) {
                    week = 1.0;
                }
            } else if week < 1.0 {
                let (py, pm) = shift_month(m.year, m.month, -1);
                week = delta_weeks(start_of_first_week(py, pm), today);
            }
            week.floor()
        }
        'X' => {
            let start = start_of_first_week(m.year, 0);
            let end = start_of_first_week(m.year + 1, 0);
            if m.millis < start {
                (m.year - 1) as f64
            } else if m.millis >= end {
                (m.year + 1) as f64
            } else {
                m.year as f64
            }
        }
        'x' => {
            let start = start_of_first_week(m.year, m.month);
            let (ny, nm) = shift_month(m.year, m.month, 1);
            let end = start_of_first_week(ny, nm);
            if m.millis < start {
                (shift_month(m.year, m.month, -1).1 + 1) as f64
            } else if m.millis >= end {
                (nm + 1) as f64
            } else {
                (m.month + 1) as f64
            }
        }
        'H' => m.hour as f64,
        'h' => {
            let h = m.hour % 12;
            if h == 0 {
                12.0
            } else {
                h as f64
            }
        }
        'm' => m.minute as f64,
        's' => m.second as f64,
        'f' => m.milli as f64,
        _ => f64::NAN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        for days in [-800_000i64, -1, 0, 1, 11_016, 19_000, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        let m = Moment::new(1_521_801_216_617.0);
        assert_eq!(
            (m.year, m.month, m.day, m.hour, m.minute, m.second, m.milli),
            (2018, 2, 23, 10, 33, 36, 617)
        );
        assert_eq!(m.weekday, 5);
        assert_eq!(
            utc(2018.0, 2.0, 23.0, 10.0, 33.0, 36.0, 617.0),
            1_521_801_216_617.0
        );
        assert_eq!(
            utc(99.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0),
            utc(1999.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0)
        );
        assert_eq!(
            utc(2018.0, 12.0, 1.0, 0.0, 0.0, 0.0, 0.0),
            utc(2019.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0)
        );
    }

    #[test]
    fn weeks() {
        // Sat 1 Jan 2005 is in week 53 of ISO year 2004
        let m = Moment::new(utc(2005.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0));
        assert_eq!(component(&m, 'W'), 53.0);
        assert_eq!(component(&m, 'X'), 2004.0);
        assert_eq!(component(&m, 'F'), 6.0);
        assert_eq!(component(&m, 'd'), 1.0);
    }
}
