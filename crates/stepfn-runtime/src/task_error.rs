//! The error a task answers with: `SendTaskFailure`'s `error` and `cause`.

/// Step Functions accepts an `error` of at most 256 characters.
pub const MAX_ERROR_CHARS: usize = 256;
/// Step Functions accepts a `cause` of at most 32,768 characters.
pub const MAX_CAUSE_CHARS: usize = 32_768;

/// A task's failure, sent as `SendTaskFailure`. The `error` is the name a
/// `Retry` or `Catch` matches in `ErrorEquals`; the `cause` says what
/// happened. Both are cut to what Step Functions accepts
/// ([`MAX_ERROR_CHARS`], [`MAX_CAUSE_CHARS`]), so sending never fails for
/// their length.
///
/// ```
/// use stepfn_runtime::TaskError;
/// let failure = TaskError::new("Order.OutOfStock", "no item 42 left");
/// assert_eq!((failure.error(), failure.cause()), ("Order.OutOfStock", "no item 42 left"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskError {
    error: String,
    cause: String,
}

impl TaskError {
    /// An error name and its cause, each cut to the length Step Functions
    /// accepts.
    ///
    /// ```
    /// let failure = stepfn_runtime::TaskError::new("E".repeat(300), "c".repeat(40_000));
    /// assert_eq!(failure.error().chars().count(), 256);
    /// assert_eq!(failure.cause().chars().count(), 32_768);
    /// ```
    #[must_use]
    pub fn new(error: impl Into<String>, cause: impl Into<String>) -> TaskError {
        TaskError {
            error: cut(error.into(), MAX_ERROR_CHARS),
            cause: cut(cause.into(), MAX_CAUSE_CHARS),
        }
    }

    /// The error `Task.Failure` (as the Python activity workers send for a
    /// raised exception) with `cause`.
    ///
    /// ```
    /// let failure = stepfn_runtime::TaskError::failure("disk full");
    /// assert_eq!(failure.error(), "Task.Failure");
    /// ```
    #[must_use]
    pub fn failure(cause: impl Into<String>) -> TaskError {
        TaskError::new("Task.Failure", cause)
    }

    /// The error name.
    ///
    /// ```
    /// assert_eq!(stepfn_runtime::TaskError::new("A", "b").error(), "A");
    /// ```
    #[must_use]
    pub fn error(&self) -> &str {
        &self.error
    }

    /// The cause.
    ///
    /// ```
    /// assert_eq!(stepfn_runtime::TaskError::new("A", "b").cause(), "b");
    /// ```
    #[must_use]
    pub fn cause(&self) -> &str {
        &self.cause
    }
}

impl std::fmt::Display for TaskError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.error, self.cause)
    }
}

impl std::error::Error for TaskError {}

/// `text` cut to at most `max` characters, on a character boundary.
fn cut(mut text: String, max: usize) -> String {
    if let Some((end, _)) = text.char_indices().nth(max) {
        text.truncate(end);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_on_character_boundaries() {
        let failure = TaskError::new("é".repeat(257), "ü".repeat(32_769));
        assert_eq!(failure.error(), "é".repeat(256));
        assert_eq!(failure.cause(), "ü".repeat(32_768));
        assert_eq!(TaskError::new("short", "").error(), "short");
    }
}
