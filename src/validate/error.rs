//! What the validator reports: problems with a path, a stable code, a message
//! and, when the document came from text, its line and column.

use std::fmt;

use crate::read::ReadError;
use crate::Code;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// AWS would reject the definition.
    Error,
    /// AWS accepts the definition, but it probably does not do what was meant.
    Warning,
}

impl Severity {
    /// `"error"` or `"warning"`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem in a definition.
///
/// Displayed as `line:col: path: CODE: message` when it came from text,
/// `path: CODE: message` otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    pub(crate) code: Code,
    pub(crate) severity: Severity,
    pub(crate) path: String,
    pub(crate) message: String,
    pub(crate) position: Option<(usize, usize)>,
}

impl ValidationError {
    /// A problem the builder found, at `path`.
    pub(crate) fn built(code: Code, path: String, message: String) -> ValidationError {
        ValidationError {
            code,
            severity: Severity::Error,
            path,
            message,
            position: None,
        }
    }

    /// The kind of problem.
    #[must_use]
    pub fn code(&self) -> Code {
        self.code
    }

    /// Whether AWS would reject the definition for it.
    #[must_use]
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// Where in the document, e.g. `States.Fetch.Catch[0].Next`.
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What is wrong and what to do about it.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The 1-based line in the source text, when the definition came from text.
    #[must_use]
    pub fn line(&self) -> Option<usize> {
        self.position.map(|(line, _)| line)
    }

    /// The 1-based column (in characters), when the definition came from text.
    #[must_use]
    pub fn column(&self) -> Option<usize> {
        self.position.map(|(_, column)| column)
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some((line, column)) = self.position {
            write!(f, "{line}:{column}: ")?;
        }
        write!(f, "{}: {}: {}", self.path, self.code, self.message)
    }
}

impl std::error::Error for ValidationError {}

impl From<ReadError> for ValidationError {
    fn from(e: ReadError) -> ValidationError {
        ValidationError {
            code: e.code(),
            severity: Severity::Error,
            position: Some((e.line(), e.column())),
            path: e.path,
            message: e.message,
        }
    }
}

/// Every error found in a definition (never empty), in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationErrors(pub(crate) Vec<ValidationError>);

impl ValidationErrors {
    /// The errors.
    #[must_use]
    pub fn errors(&self) -> &[ValidationError] {
        &self.0
    }

    /// How many errors there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Always `false`: a `ValidationErrors` holds at least one error.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

crate::code::problem_list!(ValidationErrors, ValidationError);

/// The full outcome of checking one definition: errors and warnings, kept apart.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub(crate) errors: Vec<ValidationError>,
    pub(crate) warnings: Vec<ValidationError>,
}

impl Report {
    /// `true` when there are no errors (warnings do not count).
    #[must_use]
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }

    /// The errors, in document order.
    #[must_use]
    pub fn errors(&self) -> &[ValidationError] {
        &self.errors
    }

    /// The warnings, in document order.
    #[must_use]
    pub fn warnings(&self) -> &[ValidationError] {
        &self.warnings
    }

    /// `Ok` with the warnings when there are no errors.
    ///
    /// # Errors
    /// [`ValidationErrors`] with every error when there is at least one.
    pub fn into_result(self) -> Result<Vec<ValidationError>, ValidationErrors> {
        if self.errors.is_empty() {
            Ok(self.warnings)
        } else {
            Err(ValidationErrors(self.errors))
        }
    }
}
