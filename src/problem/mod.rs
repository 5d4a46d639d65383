//! Problems: what reading, validating and building report.
//!
//! Every problem has a stable [`Code`], a [`Severity`], a [`Path`] to the
//! value it is about (`States.Fetch.Retry[1].BackoffRate`), a message that
//! says what is wrong and what to write instead, and, when the definition came
//! from text, a [`Position`] (line and column).
//!
//! ```
//! let problems = stepfn::read::read_str(r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": "yes"}}}"#)
//!     .unwrap_err();
//! let first = &problems.as_slice()[0];
//! assert_eq!(first.code(), stepfn::Code::WrongType);
//! assert_eq!(first.path().to_string(), "States.A.End");
//! assert_eq!(first.path().to_json_pointer(), "/States/A/End");
//! assert_eq!(first.to_string(), "1:58: States.A.End: WRONG_TYPE: expected true or false, found a string");
//! ```

mod list;
mod path;
mod position;
pub(crate) mod suggest;

use std::fmt;

pub use crate::code::Code;
pub use list::Problems;
pub use path::{Path, Segment};
pub(crate) use position::LineIndex;
pub use position::Position;

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
    ///
    /// ```
    /// assert_eq!(stepfn::problem::Severity::Warning.as_str(), "warning");
    /// ```
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem in a definition.
///
/// Displayed as `line:col: path: CODE: message` when it came from text,
/// `path: CODE: message` otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    code: Code,
    severity: Severity,
    path: Path,
    message: String,
    position: Option<Position>,
}

impl Problem {
    /// An error at `path`.
    ///
    /// ```
    /// use stepfn::problem::{Path, Problem};
    /// let p = Problem::error(stepfn::Code::DanglingNext, Path::root().key("StartAt"), "there is no state named `A`");
    /// assert_eq!(p.to_string(), "StartAt: DANGLING_NEXT: there is no state named `A`");
    /// ```
    #[must_use]
    pub fn error(code: Code, path: Path, message: impl Into<String>) -> Problem {
        Problem::new(code, Severity::Error, path, message)
    }

    /// A problem of the given severity at `path`, without a position.
    ///
    /// ```
    /// use stepfn::problem::{Path, Problem, Severity};
    /// let p = Problem::new(stepfn::Code::NoDollar, Severity::Warning, Path::root(), "a literal");
    /// assert_eq!(p.severity(), Severity::Warning);
    /// ```
    #[must_use]
    pub fn new(code: Code, severity: Severity, path: Path, message: impl Into<String>) -> Problem {
        Problem {
            code,
            severity,
            path,
            message: message.into(),
            position: None,
        }
    }

    /// The same problem at `position` in the source text.
    ///
    /// ```
    /// use stepfn::problem::{Path, Position, Problem};
    /// let p = Problem::error(stepfn::Code::InvalidJson, Path::root(), "not JSON")
    ///     .at(Position { line: 3, column: 7, offset: 40 });
    /// assert_eq!(p.to_string(), "3:7: (root): INVALID_JSON: not JSON");
    /// ```
    #[must_use]
    pub fn at(mut self, position: Position) -> Problem {
        self.position = Some(position);
        self
    }

    /// The kind of problem.
    ///
    /// ```
    /// # use stepfn::problem::{Path, Problem};
    /// let p = Problem::error(stepfn::Code::WrongType, Path::root(), "expected a string");
    /// assert_eq!(p.code().as_str(), "WRONG_TYPE");
    /// ```
    #[must_use]
    pub fn code(&self) -> Code {
        self.code
    }

    /// Whether AWS would reject the definition for it.
    ///
    /// ```
    /// # use stepfn::problem::{Path, Problem, Severity};
    /// let p = Problem::error(stepfn::Code::WrongType, Path::root(), "expected a string");
    /// assert_eq!(p.severity(), Severity::Error);
    /// ```
    #[must_use]
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// Where in the document, e.g. `States.Fetch.Catch[0].Next`.
    ///
    /// ```
    /// # use stepfn::problem::{Path, Problem};
    /// let p = Problem::error(stepfn::Code::WrongType, Path::root().key("Comment"), "expected a string");
    /// assert_eq!(p.path(), "Comment");
    /// ```
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// What is wrong and what to do about it.
    ///
    /// ```
    /// # use stepfn::problem::{Path, Problem};
    /// let p = Problem::error(stepfn::Code::WrongType, Path::root(), "expected a string");
    /// assert_eq!(p.message(), "expected a string");
    /// ```
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Where in the source text, when the definition came from text.
    ///
    /// ```
    /// # use stepfn::problem::{Path, Problem};
    /// let p = Problem::error(stepfn::Code::WrongType, Path::root(), "expected a string");
    /// assert_eq!(p.position(), None);
    /// ```
    #[must_use]
    pub fn position(&self) -> Option<Position> {
        self.position
    }

    /// The 1-based line in the source text, when the definition came from text.
    ///
    /// ```
    /// let report = stepfn::validate::Validator::new()
    ///     .check_str("{\n\"StartAt\": 1,\n\"States\": {\"A\": {\"Type\": \"Succeed\"}}}");
    /// assert_eq!(report.errors()[0].line(), Some(2));
    /// ```
    #[must_use]
    pub fn line(&self) -> Option<usize> {
        self.position.map(|p| p.line)
    }

    /// The 1-based column (in characters), when the definition came from text.
    ///
    /// ```
    /// let report = stepfn::validate::Validator::new()
    ///     .check_str("{\n\"StartAt\": 1,\n\"States\": {\"A\": {\"Type\": \"Succeed\"}}}");
    /// assert_eq!(report.errors()[0].column(), Some(12));
    /// ```
    #[must_use]
    pub fn column(&self) -> Option<usize> {
        self.position.map(|p| p.column)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(Position { line, column, .. }) = self.position {
            write!(f, "{line}:{column}: ")?;
        }
        write!(f, "{}: {}: {}", self.path, self.code, self.message)
    }
}

impl std::error::Error for Problem {}
