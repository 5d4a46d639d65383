//! [`Report`]: the outcome of checking one definition.

use crate::problem::{Problem, Problems, Severity};

/// The full outcome of checking one definition: errors and warnings, kept
/// apart, each in document order.
///
/// ```
/// let report = stepfn::validate::Validator::new().check_str(
///     r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Parameters": {"x": "$.y"}, "End": true}}}"#,
/// );
/// assert!(report.is_valid());
/// assert_eq!(report.warnings()[0].code(), stepfn::Code::NoDollar);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub(crate) errors: Vec<Problem>,
    pub(crate) warnings: Vec<Problem>,
}

impl Report {
    /// `true` when there are no errors (warnings do not count).
    ///
    /// ```
    /// let report = stepfn::validate::Validator::new().check_str("{}");
    /// assert!(!report.is_valid());
    /// ```
    #[must_use]
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }

    /// The errors, in document order.
    ///
    /// ```
    /// let report = stepfn::validate::Validator::new().check_str("{}");
    /// assert_eq!(report.errors()[0].code(), stepfn::Code::MissingField);
    /// ```
    #[must_use]
    pub fn errors(&self) -> &[Problem] {
        &self.errors
    }

    /// The warnings, in document order.
    ///
    /// ```
    /// let report = stepfn::validate::Validator::new().check_str("{}");
    /// assert!(report.warnings().is_empty());
    /// ```
    #[must_use]
    pub fn warnings(&self) -> &[Problem] {
        &self.warnings
    }

    /// Every problem, errors first.
    ///
    /// ```
    /// let report = stepfn::validate::Validator::new().check_str("{}");
    /// assert_eq!(report.problems().count(), 2);
    /// ```
    pub fn problems(&self) -> impl Iterator<Item = &Problem> {
        self.errors.iter().chain(&self.warnings)
    }

    /// `Ok` with the warnings when there are no errors.
    ///
    /// ```
    /// let report = stepfn::validate::Validator::new().check_str("{}");
    /// let errors = report.into_result().unwrap_err();
    /// assert_eq!(errors.len(), 2);
    /// ```
    ///
    /// # Errors
    /// [`Problems`] with every error when there is at least one.
    pub fn into_result(self) -> Result<Vec<Problem>, Problems> {
        match Problems::new(self.errors) {
            Some(errors) => Err(errors),
            None => Ok(self.warnings),
        }
    }

    /// Adds a problem under its severity.
    pub(crate) fn push(&mut self, problem: Problem) {
        match problem.severity() {
            Severity::Error => self.errors.push(problem),
            Severity::Warning => self.warnings.push(problem),
        }
    }
}
