//! Where the rules put what they find, with the options they run under.

use super::Validator;
use crate::problem::suggest::Budget;
use crate::problem::{Code, Path, Problem, Severity};

/// The options the rules run under and the problems they found.
#[derive(Debug)]
pub(crate) struct Findings<'o> {
    pub(crate) options: &'o Validator,
    /// The length in characters of the source text, when there is one.
    pub(crate) source_chars: Option<usize>,
    pub(crate) problems: Vec<Problem>,
    /// Set when the machine nests too deeply to be written as JSON, so rules
    /// that would serialize it skip.
    pub(crate) too_deep: bool,
    /// What "did you mean" suggestions may still cost.
    pub(crate) suggestions: Budget,
}

impl<'o> Findings<'o> {
    pub(crate) fn new(options: &'o Validator, source_chars: Option<usize>) -> Findings<'o> {
        Findings {
            options,
            source_chars,
            problems: Vec::new(),
            too_deep: false,
            suggestions: Budget::default(),
        }
    }

    /// Reports something AWS would reject.
    pub(crate) fn error(&mut self, path: Path, code: Code, message: impl Into<String>) {
        self.problems
            .push(Problem::new(code, Severity::Error, path, message));
    }

    /// Reports something AWS accepts but that is probably a mistake.
    pub(crate) fn warn(&mut self, path: Path, code: Code, message: impl Into<String>) {
        self.problems
            .push(Problem::new(code, Severity::Warning, path, message));
    }
}
