//! Errors as an execution carries them: an error name and a cause, and
//! what decides whether a `Retry` or `Catch` may handle them.

use std::fmt;

use stepfn::builder::errors;

use crate::eval::EvalError;

/// An error and its cause, as AWS reports them (`ExecutionFailed`,
/// `TaskFailed`, the Error Output `{"Error": …, "Cause": …}`). Either may
/// be absent: a Fail state without `Error`, a callback failed without one.
///
/// ```
/// use stepfn_sim::Failure;
/// let failure = Failure::new("Timeout", "the service did not answer");
/// assert_eq!(failure.error(), Some("Timeout"));
/// assert_eq!(failure.to_string(), "Timeout: the service did not answer");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Failure {
    error: Option<String>,
    cause: Option<String>,
}

impl Failure {
    /// An error with a cause.
    ///
    /// ```
    /// let failure = stepfn_sim::Failure::new("Boom", "it broke");
    /// assert_eq!(failure.cause(), Some("it broke"));
    /// ```
    #[must_use]
    pub fn new(error: impl Into<String>, cause: impl Into<String>) -> Failure {
        Failure {
            error: Some(error.into()),
            cause: Some(cause.into()),
        }
    }

    /// An error with no cause.
    ///
    /// ```
    /// let failure = stepfn_sim::Failure::error_only("Boom");
    /// assert_eq!((failure.error(), failure.cause()), (Some("Boom"), None));
    /// ```
    #[must_use]
    pub fn error_only(error: impl Into<String>) -> Failure {
        Failure {
            error: Some(error.into()),
            cause: None,
        }
    }

    /// A failure from optional parts (a Fail state or `SendTaskFailure`
    /// may leave either out).
    ///
    /// ```
    /// let failure = stepfn_sim::Failure::from_parts(None, Some("why".to_owned()));
    /// assert_eq!(failure.error(), None);
    /// ```
    #[must_use]
    pub fn from_parts(error: Option<String>, cause: Option<String>) -> Failure {
        Failure { error, cause }
    }

    /// The error name.
    #[must_use]
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// The cause.
    #[must_use]
    pub fn cause(&self) -> Option<&str> {
        self.cause.as_deref()
    }

    /// The Error Output a catcher receives: `{"Error": …, "Cause": …}`,
    /// `null` for a missing part.
    ///
    /// ```
    /// let output = stepfn_sim::Failure::new("E", "c").error_output();
    /// assert_eq!(serde_json::to_string(&output).unwrap(), r#"{"Error":"E","Cause":"c"}"#);
    /// ```
    #[must_use]
    pub fn error_output(&self) -> stepfn::model::Json {
        use stepfn::model::Json;
        let part = |p: &Option<String>| p.clone().map_or(Json::Null, Json::String);
        Json::Object(
            [
                ("Error".to_owned(), part(&self.error)),
                ("Cause".to_owned(), part(&self.cause)),
            ]
            .into_iter()
            .collect(),
        )
    }
}

impl fmt::Display for Failure {
    /// `error: cause`, or whichever part there is.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.error, &self.cause) {
            (Some(e), Some(c)) => write!(f, "{e}: {c}"),
            (Some(e), None) => f.write_str(e),
            (None, Some(c)) => f.write_str(c),
            (None, None) => f.write_str("(no error name or cause)"),
        }
    }
}

impl std::error::Error for Failure {}

/// A failure raised inside a run, with what decides how it may be handled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Raised {
    /// The error and cause.
    pub(crate) failure: Failure,
    /// Neither retried nor caught (`States.Runtime`, an oversized state
    /// output, an exceeded limit of the execution).
    pub(crate) terminal: bool,
    /// A missed heartbeat (also matched by `States.HeartbeatTimeout`).
    pub(crate) heartbeat: bool,
}

impl Raised {
    /// A failure that retriers and catchers may handle.
    pub(crate) fn new(failure: Failure) -> Raised {
        let terminal = failure.error() == Some(errors::RUNTIME);
        Raised {
            failure,
            terminal,
            heartbeat: false,
        }
    }

    /// A failure nothing may handle.
    pub(crate) fn terminal(failure: Failure) -> Raised {
        Raised {
            failure,
            terminal: true,
            heartbeat: false,
        }
    }

    /// The error name ("" when there is none).
    pub(crate) fn name(&self) -> &str {
        self.failure.error().unwrap_or("")
    }

    /// Whether an `ErrorEquals` list matches this failure: by name,
    /// `States.ALL` (never `States.Runtime`), `States.TaskFailed` (anything
    /// but `States.Timeout`) or `States.HeartbeatTimeout` for a missed
    /// heartbeat.
    pub(crate) fn matches(&self, error_equals: &[String]) -> bool {
        if self.terminal {
            return false;
        }
        let name = self.name();
        error_equals.iter().any(|e| {
            e == name
                || e == errors::ALL
                || (e == errors::TASK_FAILED && name != errors::TIMEOUT)
                || (e == errors::HEARTBEAT_TIMEOUT && self.heartbeat)
        })
    }
}

impl From<EvalError> for Raised {
    fn from(e: EvalError) -> Raised {
        Raised::new(Failure::new(e.error, e.cause))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn matching_follows_aws() {
        let custom = Raised::new(Failure::new("CustomException", "x"));
        assert!(custom.matches(&names(&["States.TaskFailed"])));
        assert!(custom.matches(&names(&["States.ALL"])));
        assert!(custom.matches(&names(&["CustomException"])));
        assert!(!custom.matches(&names(&["Other"])));
        let timeout = Raised::new(Failure::error_only("States.Timeout"));
        assert!(!timeout.matches(&names(&["States.TaskFailed"])));
        assert!(timeout.matches(&names(&["States.ALL"])));
        assert!(!timeout.matches(&names(&["States.HeartbeatTimeout"])));
        let heartbeat = Raised {
            heartbeat: true,
            ..timeout
        };
        assert!(heartbeat.matches(&names(&["States.HeartbeatTimeout"])));
        let runtime = Raised::new(Failure::new("States.Runtime", "x"));
        assert!(!runtime.matches(&names(&["States.ALL", "States.Runtime"])));
    }
}
