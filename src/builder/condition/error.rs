//! [`ConditionParseError`]: what went wrong in a condition, and where.

/// A condition that could not be built: an expression that does not parse, or
/// a constructor given a value ASL cannot hold.
///
/// Displayed as `column N: message`; the column is 1-based and counted in
/// characters of [`input`](ConditionParseError::input).
///
/// ```
/// use stepfn::builder::Condition;
/// let err = Condition::parse("$.status = 'FAILED'").unwrap_err();
/// assert_eq!(err.column(), 10);
/// assert_eq!(err.to_string(), "column 10: `=` is not an operator; use `==` to compare");
/// assert_eq!(err.input(), "$.status = 'FAILED'");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("column {column}: {message}")]
pub struct ConditionParseError {
    column: usize,
    message: String,
    input: String,
}

impl ConditionParseError {
    /// An error at the 1-based character `column` of `input`.
    pub(crate) fn new(input: &str, column: usize, message: impl Into<String>) -> Self {
        ConditionParseError {
            column,
            message: message.into(),
            input: input.to_owned(),
        }
    }

    /// The same error with `; hint` added to its message.
    pub(crate) fn with_hint(mut self, hint: &str) -> Self {
        self.message.push_str("; ");
        self.message.push_str(hint);
        self
    }

    /// The 1-based column, in characters, where the problem is; one past the
    /// last character when the input ended too early.
    ///
    /// ```
    /// let err = stepfn::builder::Condition::parse("$.n >").unwrap_err();
    /// assert_eq!(err.column(), 6);
    /// ```
    #[must_use]
    pub fn column(&self) -> usize {
        self.column
    }

    /// What is wrong, with a hint on how to fix it where there is one.
    ///
    /// ```
    /// let err = stepfn::builder::Condition::parse("$.ok & $.n > 1").unwrap_err();
    /// assert_eq!(err.message(), "`&` is not an operator; use `&&`");
    /// ```
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The expression the column refers to. For a constructor given a bad
    /// value it is the condition written in expression syntax, e.g.
    /// `$.n > NaN`.
    ///
    /// ```
    /// use stepfn::builder::Condition;
    /// let err = Condition::numeric_greater_than("$.n", f64::NAN).to_json().unwrap_err();
    /// assert_eq!((err.input(), err.column()), ("$.n > NaN", 7));
    /// ```
    #[must_use]
    pub fn input(&self) -> &str {
        &self.input
    }
}

#[cfg(test)]
mod tests {
    use super::ConditionParseError;

    #[test]
    fn displays_column_then_message() {
        let e = ConditionParseError::new("$.a >", 6, "expected a value after `>`");
        assert_eq!(e.to_string(), "column 6: expected a value after `>`");
        assert_eq!(e.column(), 6);
        assert_eq!(e.message(), "expected a value after `>`");
        assert_eq!(e.input(), "$.a >");
    }
}
