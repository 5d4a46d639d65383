//! The validation context: options in, problems out.

use super::at::At;
use super::error::Severity;
use super::Validator;
use crate::Code;

/// A problem before its line and column are known.
#[derive(Debug)]
pub(crate) struct Found {
    pub(crate) severity: Severity,
    pub(crate) code: Code,
    pub(crate) at: At,
    pub(crate) message: String,
}

/// What the rules see besides the machine: the options, the source size, and
/// where to put problems.
#[derive(Debug)]
pub(crate) struct Cx<'o> {
    pub(crate) options: &'o Validator,
    /// The length in characters of the source text, when there is one.
    pub(crate) source_chars: Option<usize>,
    pub(crate) found: Vec<Found>,
    /// Set when the machine nests too deeply to be written as JSON, so rules
    /// that would serialize it skip.
    pub(crate) too_deep: bool,
}

impl<'o> Cx<'o> {
    pub(crate) fn new(options: &'o Validator, source_chars: Option<usize>) -> Cx<'o> {
        Cx {
            options,
            source_chars,
            found: Vec::new(),
            too_deep: false,
        }
    }

    /// Reports something AWS would reject.
    pub(crate) fn error(&mut self, at: At, code: Code, message: impl Into<String>) {
        self.found.push(Found {
            severity: Severity::Error,
            code,
            at,
            message: message.into(),
        });
    }

    /// Reports something AWS accepts but that is probably a mistake.
    pub(crate) fn warn(&mut self, at: At, code: Code, message: impl Into<String>) {
        self.found.push(Found {
            severity: Severity::Warning,
            code,
            at,
            message: message.into(),
        });
    }
}
