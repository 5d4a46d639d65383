//! What the reader reports: every problem, with where it is and a stable code.

pub use crate::code::Code;

/// One problem in a document, displayed as `line:col: path: code: message`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{column}: {path}: {code}: {message}")]
pub struct ReadError {
    pub(crate) code: Code,
    pub(crate) path: String,
    pub(crate) message: String,
    pub(crate) offset: usize,
    pub(crate) line: usize,
    pub(crate) column: usize,
}

impl ReadError {
    /// The kind of problem.
    #[must_use]
    pub fn code(&self) -> Code {
        self.code
    }

    /// Where in the document, e.g. `States.Fetch.Retry[1].BackoffRate`
    /// (`(root)` for the document itself).
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// What is wrong and what to do about it.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The 1-based line in the source text.
    #[must_use]
    pub fn line(&self) -> usize {
        self.line
    }

    /// The 1-based column (in characters) in the source text.
    #[must_use]
    pub fn column(&self) -> usize {
        self.column
    }

    /// The byte offset in the source text.
    #[must_use]
    pub fn offset(&self) -> usize {
        self.offset
    }
}

/// Every problem found in a document, in source order (never empty).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadErrors(pub(crate) Vec<ReadError>);

impl ReadErrors {
    /// The problems, in source order.
    #[must_use]
    pub fn errors(&self) -> &[ReadError] {
        &self.0
    }

    /// How many problems there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Always `false`: a `ReadErrors` holds at least one problem.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

crate::code::problem_list!(ReadErrors, ReadError);
