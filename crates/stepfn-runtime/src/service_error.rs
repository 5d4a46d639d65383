//! An error answered by Step Functions (or the connection to it), reduced
//! to what a worker decides on: the AWS error code and the message.

use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;

/// A Step Functions call that failed.
///
/// ```
/// let error = stepfn_runtime::ServiceError::new("SendTaskHeartbeat", Some("TaskTimedOut"), "Task Timed Out");
/// assert!(error.task_is_gone());
/// assert_eq!(error.to_string(), "SendTaskHeartbeat failed: TaskTimedOut: Task Timed Out");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceError {
    /// The operation, such as `GetActivityTask`.
    pub operation: &'static str,
    /// AWS's error code, such as `TaskTimedOut`; `None` when no answer came
    /// (a timeout or a dropped connection).
    pub code: Option<String>,
    /// What went wrong.
    pub message: String,
}

impl ServiceError {
    /// An error of `operation`.
    ///
    /// ```
    /// let error = stepfn_runtime::ServiceError::new("GetActivityTask", None, "connection refused");
    /// assert_eq!(error.code, None);
    /// ```
    #[must_use]
    pub fn new(
        operation: &'static str,
        code: Option<&str>,
        message: impl Into<String>,
    ) -> ServiceError {
        ServiceError {
            operation,
            code: code.map(str::to_owned),
            message: message.into(),
        }
    }

    /// Whether the error says the task token no longer answers
    /// (`TaskTimedOut`, `InvalidToken`, `TaskDoesNotExist`): the execution
    /// has moved on, and the task's work should stop.
    ///
    /// ```
    /// let error = stepfn_runtime::ServiceError::new("SendTaskSuccess", Some("ThrottlingException"), "slow down");
    /// assert!(!error.task_is_gone());
    /// ```
    #[must_use]
    pub fn task_is_gone(&self) -> bool {
        matches!(
            self.code.as_deref(),
            Some("TaskTimedOut" | "InvalidToken" | "TaskDoesNotExist")
        )
    }

    // every feature calls it; with none, nothing does
    #[cfg_attr(
        not(any(feature = "activity", feature = "state-data")),
        allow(dead_code)
    )]
    pub(crate) fn from_sdk<E, R>(operation: &'static str, error: &SdkError<E, R>) -> ServiceError
    where
        E: ProvideErrorMetadata + std::error::Error + 'static,
        R: std::fmt::Debug + 'static,
    {
        let message = match error.message() {
            Some(message) => message.to_owned(),
            None => error_chain(error),
        };
        ServiceError {
            operation,
            code: error.code().map(str::to_owned),
            message,
        }
    }
}

/// The error and its sources on one line, for errors without a message
/// from the service (timeouts, connections).
#[cfg_attr(
    not(any(feature = "activity", feature = "state-data")),
    allow(dead_code)
)]
fn error_chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(inner) = source {
        text.push_str(": ");
        text.push_str(&inner.to_string());
        source = inner.source();
    }
    text
}

impl std::fmt::Display for ServiceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.code {
            Some(code) => write!(f, "{} failed: {code}: {}", self.operation, self.message),
            None => write!(f, "{} failed: {}", self.operation, self.message),
        }
    }
}

impl std::error::Error for ServiceError {}
