//! Checking a definition the way AWS Step Functions does at `CreateStateMachine`,
//! reporting every problem at once.
//!
//! Reading ([`crate::read`]) rejects documents of the wrong shape; the
//! validator adds every other rule: the state graph, value ranges, paths,
//! payload templates, intrinsic functions, JSONata expressions, variables,
//! Map and Parallel specifics and service limits. Each problem has a path, a
//! stable [`Code`](crate::Code), a message that says what to do and, when the
//! definition came from text, a line and column.
//!
//! ```
//! use stepfn::validate::Validator;
//!
//! let text = r#"{
//!   "StartAt": "Fetch",
//!   "States": {
//!     "Fetch": {
//!       "Type": "Task",
//!       "Resource": "arn:aws:states:::lambda:invoke",
//!       "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Recover"}],
//!       "End": true
//!     }
//!   }
//! }"#;
//! let report = Validator::new().check_str(text);
//! let lines: Vec<String> = report.errors().iter().map(|e| e.to_string()).collect();
//! assert_eq!(lines, [
//!     "7:57: States.Fetch.Catch[0].Next: DANGLING_NEXT: there is no state named `Recover`",
//! ]);
//! ```

mod at;
mod conditions;
mod cx;
pub(crate) mod edges;
mod error;
pub(crate) mod jsonata;
mod payloads;
mod rules;
mod strings;
pub(crate) mod walk;

pub use error::{Report, Severity, ValidationError, ValidationErrors};

use crate::model::StateMachine;
use crate::read::location::LineIndex;
use crate::read::{parse, read_str};
use cx::Cx;
use walk::Index;

/// A configured validator. The default follows AWS exactly.
///
/// ```
/// use stepfn::validate::Validator;
/// let machine = stepfn::read::read_str(
///     r#"{"StartAt": "Go", "States": {"Go": {"Type": "Task", "Resource": "${FnArn}", "End": true}}}"#,
/// )?;
/// assert!(!Validator::new().is_valid(&machine));
/// assert!(Validator::new().allow_resource_placeholders(true).is_valid(&machine));
/// # Ok::<(), stepfn::read::ReadErrors>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[must_use]
pub struct Validator {
    resource_placeholders: bool,
    express: bool,
}

impl Validator {
    /// A validator with AWS's rules: a Task `Resource` must be a real ARN.
    pub fn new() -> Validator {
        Validator::default()
    }

    /// Accepts any non-empty string, or a one-key `{"Ref": ...}` / `{"Fn::...": ...}`
    /// object, as a `Resource`: the placeholders CloudFormation, SAM, CDK and
    /// Terraform templates carry before deployment (`${LambdaArn}`,
    /// `{"Fn::GetAtt": [...]}`).
    pub fn allow_resource_placeholders(mut self, allow: bool) -> Validator {
        self.resource_placeholders = allow;
        self
    }

    /// Checks the rules of Express state machines too: no `.sync`,
    /// `.waitForTaskToken` or activity resources.
    pub fn express(mut self, express: bool) -> Validator {
        self.express = express;
        self
    }

    /// Every error and warning in `machine`, without line numbers.
    pub fn check(&self, machine: &StateMachine) -> Report {
        let mut cx = Cx::new(self, None);
        rules::run(&mut cx, &Index::new(machine));
        let mut report = Report::default();
        for found in cx.found {
            let e = ValidationError {
                code: found.code,
                severity: found.severity,
                path: found.at.render(),
                message: found.message,
                position: None,
            };
            push(&mut report, e);
        }
        report
    }

    /// Reads `text` and checks it: shape errors from reading if there are any,
    /// otherwise every rule; each problem with its line and column.
    ///
    /// Text that is not JSON is an invalid definition, not a failure.
    pub fn check_str(&self, text: &str) -> Report {
        let machine = match read_str(text) {
            Ok(machine) => machine,
            Err(errors) => {
                return Report {
                    errors: errors.into_iter().map(ValidationError::from).collect(),
                    warnings: Vec::new(),
                }
            }
        };
        let mut cx = Cx::new(self, Some(text.chars().count()));
        rules::run(&mut cx, &Index::new(&machine));
        let mut report = Report::default();
        if cx.found.is_empty() {
            return report;
        }
        let Ok(root) = parse::parse(text) else {
            return self.check(&machine);
        };
        let lines = LineIndex::new(text);
        let mut located: Vec<(u32, ValidationError)> = cx
            .found
            .into_iter()
            .map(|found| {
                let offset = found.at.offset_in(&root);
                let e = ValidationError {
                    code: found.code,
                    severity: found.severity,
                    path: found.at.render(),
                    message: found.message,
                    position: Some(lines.line_column(offset as usize)),
                };
                (offset, e)
            })
            .collect();
        located.sort_by_key(|(offset, _)| *offset);
        for (_, e) in located {
            push(&mut report, e);
        }
        report
    }

    /// As [`check_str`](Validator::check_str), for bytes that should be UTF-8
    /// JSON; other bytes are an `INVALID_JSON` error.
    pub fn check_slice(&self, bytes: &[u8]) -> Report {
        match std::str::from_utf8(bytes) {
            Ok(text) => self.check_str(text),
            Err(_) => Report {
                errors: crate::read::read_slice(bytes)
                    .err()
                    .into_iter()
                    .flatten()
                    .map(ValidationError::from)
                    .collect(),
                warnings: Vec::new(),
            },
        }
    }

    /// `true` when AWS would accept `machine`.
    #[must_use]
    pub fn is_valid(&self, machine: &StateMachine) -> bool {
        self.check(machine).is_valid()
    }

    /// The first error, if any.
    ///
    /// # Errors
    /// The first [`ValidationError`] found.
    pub fn validate(&self, machine: &StateMachine) -> Result<(), ValidationError> {
        match self.iter_errors(machine).next() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// Every error (not warnings).
    pub fn iter_errors(&self, machine: &StateMachine) -> impl Iterator<Item = ValidationError> {
        self.check(machine).errors.into_iter()
    }

    /// Every error at once.
    ///
    /// # Errors
    /// [`ValidationErrors`] when there is at least one error.
    pub fn validate_all(&self, machine: &StateMachine) -> Result<(), ValidationErrors> {
        self.check(machine).into_result().map(drop)
    }
}

fn push(report: &mut Report, e: ValidationError) {
    match e.severity {
        Severity::Error => report.errors.push(e),
        Severity::Warning => report.warnings.push(e),
    }
}

/// `true` when AWS would accept `machine` (default rules).
#[must_use]
pub fn is_valid(machine: &StateMachine) -> bool {
    Validator::new().is_valid(machine)
}

/// Every error in `machine` at once (default rules).
///
/// # Errors
/// [`ValidationErrors`] when AWS would reject the definition.
pub fn validate_all(machine: &StateMachine) -> Result<(), ValidationErrors> {
    Validator::new().validate_all(machine)
}
