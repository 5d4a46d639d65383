//! [`Schedule`]: when an EventBridge Scheduler schedule fires.

use std::time::Duration;

/// A schedule expression (`ScheduleExpression`), as the CDK's `Schedule`
/// writes it.
///
/// ```
/// use std::time::Duration;
/// use stepfn::tasks::{Cron, Schedule};
/// assert_eq!(Schedule::rate(Duration::from_secs(300)).expression(), "rate(5 minutes)");
/// assert_eq!(Schedule::rate(Duration::from_secs(7200)).expression(), "rate(2 hours)");
/// assert_eq!(Schedule::rate(Duration::from_secs(86400)).expression(), "rate(1 days)");
/// assert_eq!(Schedule::cron(Cron::new().minute("0").hour("12")).expression(), "cron(0 12 * * ? *)");
/// assert_eq!(Schedule::cron(Cron::new().week_day("MON")).expression(), "cron(* * ? * MON *)");
/// assert_eq!(Schedule::one_time("2025-06-01T12:00:00").expression(), "2025-06-01T12:00:00");
/// assert_eq!(Schedule::expression_text("at(2025-06-01T12:00:00)").expression(), "at(2025-06-01T12:00:00)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[must_use]
pub struct Schedule(String);

impl Schedule {
    /// `rate(n days|hours|minutes)`: the largest whole unit, as the CDK
    /// picks it; whole minutes otherwise (at least one minute). (Example on
    /// [`Schedule`].)
    pub fn rate(every: Duration) -> Schedule {
        let seconds = every.as_secs().max(60);
        let text = if seconds % 86_400 == 0 {
            format!("{} days", seconds / 86_400)
        } else if seconds % 3_600 == 0 {
            format!("{} hours", seconds / 3_600)
        } else {
            format!("{} minutes", seconds / 60)
        };
        Schedule(format!("rate({text})"))
    }

    /// `cron(minute hour day month weekDay year)`. (Example on [`Schedule`].)
    pub fn cron(fields: Cron) -> Schedule {
        let day = fields
            .day
            .unwrap_or_else(|| if fields.week_day.is_some() { "?" } else { "*" }.to_owned());
        let or_any = |v: Option<String>| v.unwrap_or_else(|| "*".to_owned());
        Schedule(format!(
            "cron({} {} {day} {} {} {})",
            or_any(fields.minute),
            or_any(fields.hour),
            or_any(fields.month),
            fields.week_day.unwrap_or_else(|| "?".to_owned()),
            or_any(fields.year),
        ))
    }

    /// The CDK's one-time schedule: the local date and time
    /// `yyyy-mm-ddThh:mm:ss` as is (AWS's own one-time form is
    /// `at(yyyy-mm-ddThh:mm:ss)`: write it with [`Schedule::expression_text`]).
    /// (Example on [`Schedule`].)
    pub fn one_time(date_time: impl Into<String>) -> Schedule {
        Schedule(date_time.into())
    }

    /// Any schedule expression, as given. (Example on [`Schedule`].)
    pub fn expression_text(expression: impl Into<String>) -> Schedule {
        Schedule(expression.into())
    }

    /// The expression. (Example on [`Schedule`].)
    #[must_use]
    pub fn expression(&self) -> &str {
        &self.0
    }
}

/// The fields of a cron expression; a field not given is `*` (`day` is `?`
/// when `week_day` is given, `week_day` is `?` otherwise).
///
/// ```
/// use stepfn::tasks::{Cron, Schedule};
/// let cron = Cron::new().minute("30").hour("8").day("1").month("*/2").year("2026");
/// assert_eq!(Schedule::cron(cron).expression(), "cron(30 8 1 */2 ? 2026)");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[must_use]
pub struct Cron {
    minute: Option<String>,
    hour: Option<String>,
    day: Option<String>,
    month: Option<String>,
    week_day: Option<String>,
    year: Option<String>,
}

impl Cron {
    /// Every field `*`. (Example on [`Cron`].)
    pub fn new() -> Cron {
        Cron::default()
    }

    /// The minute field. (Example on [`Cron`].)
    pub fn minute(mut self, value: impl Into<String>) -> Cron {
        self.minute = Some(value.into());
        self
    }

    /// The hour field. (Example on [`Cron`].)
    pub fn hour(mut self, value: impl Into<String>) -> Cron {
        self.hour = Some(value.into());
        self
    }

    /// The day-of-month field; give it or `week_day`, not both. (Example on [`Cron`].)
    pub fn day(mut self, value: impl Into<String>) -> Cron {
        self.day = Some(value.into());
        self
    }

    /// The month field. (Example on [`Cron`].)
    pub fn month(mut self, value: impl Into<String>) -> Cron {
        self.month = Some(value.into());
        self
    }

    /// The day-of-week field. (Example on [`Schedule`].)
    pub fn week_day(mut self, value: impl Into<String>) -> Cron {
        self.week_day = Some(value.into());
        self
    }

    /// The year field. (Example on [`Cron`].)
    pub fn year(mut self, value: impl Into<String>) -> Cron {
        self.year = Some(value.into());
        self
    }
}
