//! `Retry`: retriers for Task, Parallel and Map states.

use super::seconds::{negative as negative_seconds, Seconds};
use super::NumericLiteral;
use crate::model::{JitterStrategy, Retrier};

use super::errors;

/// One retrier: which errors to retry and how.
///
/// Only the fields you set are written; AWS's defaults apply to the others
/// (`IntervalSeconds` 1, `MaxAttempts` 3, `BackoffRate` 2.0). Retriers are
/// written in the order they were added: a `States.ALL` retrier that is not
/// the last one is a build error, never silently moved.
///
/// ```
/// use stepfn::builder::{JitterStrategy, Retry};
/// let retry = Retry::on(["Ship.Transient"])
///     .interval_seconds(3)
///     .max_attempts(4)
///     .backoff_rate(1.5)
///     .max_delay_seconds(30)
///     .jitter_strategy(JitterStrategy::Full);
/// assert_eq!(
///     retry.to_json(),
///     r#"{"ErrorEquals":["Ship.Transient"],"IntervalSeconds":3,"MaxAttempts":4,"BackoffRate":1.5,"MaxDelaySeconds":30,"JitterStrategy":"FULL"}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub struct Retry {
    pub(crate) inner: Retrier,
    /// A value ASL cannot hold, reported when the retrier is added to a state.
    pub(crate) problem: Option<(&'static str, String)>,
}

impl Retry {
    /// Retries the named errors.
    ///
    /// ```
    /// use stepfn::builder::Retry;
    /// assert_eq!(Retry::on(["Lambda.TooManyRequestsException"]).to_json(),
    ///            r#"{"ErrorEquals":["Lambda.TooManyRequestsException"]}"#);
    /// ```
    pub fn on<I>(errors: I) -> Retry
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        Retry {
            inner: Retrier {
                comment: None,
                error_equals: errors.into_iter().map(Into::into).collect(),
                interval_seconds: None,
                max_attempts: None,
                backoff_rate: None,
                max_delay_seconds: None,
                jitter_strategy: None,
            },
            problem: None,
        }
    }

    /// Retries every error (`States.ALL`); add it after the others.
    ///
    /// ```
    /// use stepfn::builder::Retry;
    /// assert_eq!(Retry::all().max_attempts(2).to_json(),
    ///            r#"{"ErrorEquals":["States.ALL"],"MaxAttempts":2}"#);
    /// ```
    pub fn all() -> Retry {
        Retry::on([errors::ALL])
    }

    /// The retrier the AWS console and the CDK add to Lambda invocations: the
    /// Lambda service's transient errors, 6 attempts, 2 s apart, doubling.
    ///
    /// ```
    /// use stepfn::builder::Retry;
    /// assert_eq!(
    ///     Retry::lambda_service_errors().to_json(),
    ///     r#"{"ErrorEquals":["Lambda.ClientExecutionTimeoutException","Lambda.ServiceException","Lambda.AWSLambdaException","Lambda.SdkClientException"],"IntervalSeconds":2,"MaxAttempts":6,"BackoffRate":2}"#
    /// );
    /// ```
    pub fn lambda_service_errors() -> Retry {
        Retry::on([
            "Lambda.ClientExecutionTimeoutException",
            "Lambda.ServiceException",
            "Lambda.AWSLambdaException",
            "Lambda.SdkClientException",
        ])
        .interval_seconds(2)
        .max_attempts(6)
        .backoff_rate(2)
    }

    /// Retries a timed-out task (`States.Timeout`) `attempts` times, backing off
    /// exponentially with full jitter.
    ///
    /// ```
    /// use stepfn::builder::Retry;
    /// assert_eq!(Retry::timeouts(3).to_json(),
    ///            r#"{"ErrorEquals":["States.Timeout"],"MaxAttempts":3,"JitterStrategy":"FULL"}"#);
    /// ```
    pub fn timeouts(attempts: u64) -> Retry {
        Retry::on([errors::TIMEOUT])
            .max_attempts(attempts)
            .jitter_strategy(JitterStrategy::Full)
    }

    /// Never retries the named errors (`MaxAttempts: 0`): put it before a
    /// broader retrier to exempt them.
    ///
    /// ```
    /// use stepfn::builder::Retry;
    /// assert_eq!(Retry::never(["Order.Invalid"]).to_json(),
    ///            r#"{"ErrorEquals":["Order.Invalid"],"MaxAttempts":0}"#);
    /// ```
    pub fn never<I>(errors: I) -> Retry
    where
        I: IntoIterator,
        I::Item: Into<String>,
    {
        Retry::on(errors).max_attempts(0)
    }

    /// Sets `IntervalSeconds`: the wait before the first retry (an integer
    /// or a [`Duration`](std::time::Duration), rounded up).
    ///
    /// ```
    /// use std::time::Duration;
    /// use stepfn::builder::Retry;
    /// assert_eq!(Retry::all().interval_seconds(5).to_json(),
    ///            r#"{"ErrorEquals":["States.ALL"],"IntervalSeconds":5}"#);
    /// assert_eq!(Retry::all().interval_seconds(Duration::from_secs(2)).to_json(),
    ///            r#"{"ErrorEquals":["States.ALL"],"IntervalSeconds":2}"#);
    /// ```
    pub fn interval_seconds(mut self, seconds: impl Into<Seconds>) -> Retry {
        match seconds.into().get() {
            Ok(seconds) => self.inner.interval_seconds = Some(seconds),
            Err(negative) => {
                self.problem = Some((
                    "IntervalSeconds",
                    negative_seconds("IntervalSeconds", negative),
                ));
            }
        }
        self
    }

    /// Sets `MaxAttempts`: how many retries at most (0 = never retry).
    ///
    /// ```
    /// use stepfn::builder::Retry;
    /// assert_eq!(Retry::all().max_attempts(10).to_json(),
    ///            r#"{"ErrorEquals":["States.ALL"],"MaxAttempts":10}"#);
    /// ```
    pub fn max_attempts(mut self, attempts: u64) -> Retry {
        self.inner.max_attempts = Some(attempts);
        self
    }

    /// Sets `BackoffRate`: the factor the interval grows by after each retry
    /// (at least 1.0), written as given: an integer stays an integer (`2`), a
    /// float a float (`2.0`). A number that is not finite is a build error.
    ///
    /// ```
    /// use stepfn::builder::Retry;
    /// assert_eq!(Retry::all().backoff_rate(1.5).to_json(),
    ///            r#"{"ErrorEquals":["States.ALL"],"BackoffRate":1.5}"#);
    /// assert!(Retry::all().backoff_rate(2).to_json().ends_with(r#""BackoffRate":2}"#));
    /// assert!(Retry::all().backoff_rate(2.0).to_json().ends_with(r#""BackoffRate":2.0}"#));
    /// ```
    pub fn backoff_rate(mut self, rate: impl Into<NumericLiteral>) -> Retry {
        let rate = rate.into();
        match rate.clone().into_number() {
            Ok(n) => self.inner.backoff_rate = Some(n),
            Err(_) => {
                self.problem = Some((
                    "BackoffRate",
                    format!("`BackoffRate` must be a finite number, not {rate}"),
                ));
            }
        }
        self
    }

    /// Sets `MaxDelaySeconds`: the longest wait between retries.
    ///
    /// ```
    /// use stepfn::builder::Retry;
    /// assert_eq!(Retry::all().max_delay_seconds(60).to_json(),
    ///            r#"{"ErrorEquals":["States.ALL"],"MaxDelaySeconds":60}"#);
    /// ```
    pub fn max_delay_seconds(mut self, seconds: impl Into<Seconds>) -> Retry {
        match seconds.into().get() {
            Ok(seconds) => self.inner.max_delay_seconds = Some(seconds),
            Err(negative) => {
                self.problem = Some((
                    "MaxDelaySeconds",
                    negative_seconds("MaxDelaySeconds", negative),
                ));
            }
        }
        self
    }

    /// Sets `JitterStrategy`: `FULL` randomizes each wait, `NONE` does not.
    ///
    /// ```
    /// use stepfn::builder::{JitterStrategy, Retry};
    /// assert_eq!(Retry::all().jitter_strategy(JitterStrategy::None).to_json(),
    ///            r#"{"ErrorEquals":["States.ALL"],"JitterStrategy":"NONE"}"#);
    /// ```
    pub fn jitter_strategy(mut self, strategy: JitterStrategy) -> Retry {
        self.inner.jitter_strategy = Some(strategy);
        self
    }

    /// Sets `Comment`.
    ///
    /// ```
    /// use stepfn::builder::Retry;
    /// assert_eq!(Retry::all().comment("last resort").to_json(),
    ///            r#"{"Comment":"last resort","ErrorEquals":["States.ALL"]}"#);
    /// ```
    pub fn comment(mut self, comment: impl Into<String>) -> Retry {
        self.inner.comment = Some(comment.into());
        self
    }

    /// The retrier as JSON, on one line.
    #[must_use]
    pub fn to_json(&self) -> String {
        crate::write::json_line(&self.inner)
    }
}
