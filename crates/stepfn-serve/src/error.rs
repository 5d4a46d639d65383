//! AWS's error shape: HTTP 400 with `{"__type": name, "message": text}`.

use std::fmt;

/// An error the API returns, named as AWS names it.
///
/// ```
/// let error = stepfn_serve::ApiError::new("ExecutionDoesNotExist", "Execution Does Not Exist: 'x'");
/// assert_eq!(error.name(), "ExecutionDoesNotExist");
/// assert_eq!(error.to_string(), "ExecutionDoesNotExist: Execution Does Not Exist: 'x'");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    name: &'static str,
    message: String,
}

impl ApiError {
    /// An error named `name` (`StateMachineDoesNotExist`, ...) with a message.
    ///
    /// ```
    /// let error = stepfn_serve::ApiError::new("InvalidToken", "Invalid Token: 'abc'");
    /// assert_eq!(error.message(), "Invalid Token: 'abc'");
    /// ```
    #[must_use]
    pub fn new(name: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            name,
            message: message.into(),
        }
    }

    /// AWS's name for the error, the `__type` of the response.
    ///
    /// ```
    /// assert_eq!(stepfn_serve::ApiError::new("TaskTimedOut", "").name(), "TaskTimedOut");
    /// ```
    #[must_use]
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The message.
    ///
    /// ```
    /// assert_eq!(stepfn_serve::ApiError::new("E", "m").message(), "m");
    /// ```
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The response body: `{"__type": ..., "message": ...}`.
    ///
    /// ```
    /// let body = stepfn_serve::ApiError::new("InvalidArn", "Invalid Arn: 'x'").body();
    /// assert_eq!(body, r#"{"__type":"InvalidArn","message":"Invalid Arn: 'x'"}"#);
    /// ```
    #[must_use]
    pub fn body(&self) -> String {
        serde_json::json!({"__type": self.name, "message": self.message}).to_string()
    }

    /// `ValidationException`: a request field is missing or malformed.
    pub(crate) fn validation(message: impl Into<String>) -> ApiError {
        ApiError::new("ValidationException", message)
    }

    /// `InvalidArn` for an ARN that is not of the kind the field takes.
    pub(crate) fn invalid_arn(arn: &str) -> ApiError {
        ApiError::new(
            "InvalidArn",
            format!("Invalid Arn: 'Resource type not valid in this context: {arn}'"),
        )
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.name, self.message)
    }
}

impl std::error::Error for ApiError {}
