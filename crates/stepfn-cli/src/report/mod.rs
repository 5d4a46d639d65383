//! What `stepfn validate` found, and the formats it is written in: `text`
//! (one line per problem), `json` (one line per file), `sarif` (SARIF 2.1.0,
//! for code-scanning tools) and `github` (workflow-command annotations).

pub(crate) mod github;
pub(crate) mod json;
pub(crate) mod sarif;
pub(crate) mod summary;
pub(crate) mod text;

use stepfn::problem::{Problem, Severity};

/// One file checked.
pub(crate) struct Checked {
    /// The file as named or found.
    pub(crate) name: String,
    /// The definitions in it (a template may hold several, or none).
    pub(crate) definitions: usize,
    /// How many of them are invalid.
    pub(crate) invalid: usize,
    pub(crate) findings: Vec<Finding>,
}

/// One problem, with where it is.
pub(crate) struct Finding {
    /// The file its position is in: the file checked, or the file a SAM
    /// `DefinitionUri` names.
    pub(crate) file: String,
    /// The template's state machine it is in.
    pub(crate) machine: Option<String>,
    pub(crate) problem: Problem,
}

impl Finding {
    pub(crate) fn is_error(&self) -> bool {
        self.problem.severity() == Severity::Error
    }
}

impl Checked {
    pub(crate) fn errors(&self) -> usize {
        self.findings.iter().filter(|f| f.is_error()).count()
    }

    pub(crate) fn warnings(&self) -> usize {
        self.findings.len() - self.errors()
    }
}
