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

mod arn;
mod checked;
mod conditions;
mod definition;
mod error_names;
mod findings;
mod follow_on;
pub(crate) mod jsonata;
mod payloads;
mod report;
pub(crate) mod rules;
mod strings;

pub use checked::Checked;
pub use report::Report;

use crate::model::StateMachine;
use crate::problem::{LineIndex, Problem, Problems};
use crate::read::{self, Unreadable};
use definition::Definition;
use findings::Findings;

/// A configured validator. The default follows AWS exactly.
///
/// ```
/// use stepfn::validate::Validator;
/// let machine = stepfn::read::read_str(
///     r#"{"StartAt": "Go", "States": {"Go": {"Type": "Task", "Resource": "${FnArn}", "End": true}}}"#,
/// )?;
/// assert!(!Validator::new().is_valid(&machine));
/// assert!(Validator::new().allow_resource_placeholders(true).is_valid(&machine));
/// # Ok::<(), stepfn::problem::Problems>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[must_use]
pub struct Validator {
    resource_placeholders: bool,
    express: bool,
}

impl Validator {
    /// A validator with AWS's rules: a Task `Resource` must be a real ARN.
    ///
    /// ```
    /// assert_eq!(stepfn::validate::Validator::new(), stepfn::validate::Validator::default());
    /// ```
    pub fn new() -> Validator {
        Validator::default()
    }

    /// Accepts any non-empty string, or a one-key `{"Ref": ...}` / `{"Fn::...": ...}`
    /// object, as a `Resource`: the placeholders CloudFormation, SAM, CDK and
    /// Terraform templates carry before deployment (`${LambdaArn}`,
    /// `{"Fn::GetAtt": [...]}`).
    ///
    /// ```
    /// use stepfn::validate::Validator;
    /// let text = r#"{"StartAt": "Go", "States": {"Go": {"Type": "Task", "Resource": "${FnArn}", "End": true}}}"#;
    /// assert!(Validator::new().allow_resource_placeholders(true).check_str(text).is_valid());
    /// ```
    pub fn allow_resource_placeholders(mut self, allow: bool) -> Validator {
        self.resource_placeholders = allow;
        self
    }

    /// Checks the rules of Express state machines too: no `.sync`,
    /// `.waitForTaskToken` or activity resources.
    ///
    /// ```
    /// use stepfn::validate::Validator;
    /// let text = r#"{"StartAt": "Go", "States": {"Go": {"Type": "Task",
    ///     "Resource": "arn:aws:states:::ecs:runTask.sync", "End": true}}}"#;
    /// assert!(Validator::new().check_str(text).is_valid());
    /// assert!(!Validator::new().express(true).check_str(text).is_valid());
    /// ```
    pub fn express(mut self, express: bool) -> Validator {
        self.express = express;
        self
    }

    /// Every error and warning in `machine`, without line numbers.
    ///
    /// ```
    /// let machine = stepfn::read::read_str(r#"{"StartAt": "A", "States": {"A": {"Type": "Task",
    ///     "Resource": "arn:aws:states:::lambda:invoke", "End": true,
    ///     "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "B"}]}}}"#)?;
    /// let report = stepfn::validate::Validator::new().check(&machine);
    /// assert_eq!(report.errors()[0].to_string(), "States.A.Catch[0].Next: DANGLING_NEXT: there is no state named `B`");
    /// # Ok::<(), stepfn::problem::Problems>(())
    /// ```
    pub fn check(&self, machine: &StateMachine) -> Report {
        let unreadable = Unreadable::default();
        let mut findings = Findings::new(self, None);
        rules::run(&mut findings, &Definition::new(machine, &unreadable));
        let mut report = Report::default();
        for problem in findings.problems {
            report.push(problem);
        }
        report
    }

    /// Reads `text` and checks it: every problem reading finds, and every
    /// rule on every part that reads well; each problem with its line and
    /// column, in document order.
    ///
    /// Text that is not JSON is an invalid definition, not a failure.
    ///
    /// ```
    /// let report = stepfn::validate::Validator::new().check_str(r#"{"StartAt": "A", "States": {
    ///     "A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSeconds": "30",
    ///           "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "B"}], "End": true}}}"#);
    /// let codes: Vec<_> = report.errors().iter().map(|e| e.code().as_str()).collect();
    /// assert_eq!(codes, ["WRONG_TYPE", "DANGLING_NEXT"]);
    /// ```
    pub fn check_str(&self, text: &str) -> Report {
        self.read_and_check(text).report
    }

    /// As [`check_str`](Validator::check_str), keeping the machine read
    /// from the text (every part that decoded) for the caller.
    ///
    /// ```
    /// let checked = stepfn::validate::Validator::new().read_and_check(
    ///     r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#,
    /// );
    /// assert!(checked.report.is_valid());
    /// assert_eq!(checked.machine.map(|m| m.start_at), Some("A".to_owned()));
    /// ```
    #[must_use]
    pub fn read_and_check(&self, text: &str) -> Checked {
        let read = read::read_partial(text);
        let mut located: Vec<(u32, Problem)> = read.problems;
        if let Some(machine) = &read.machine {
            // Characters are never more than bytes: count them only when
            // the size could be over the limit.
            let chars = if text.len() <= rules::definition_size::MAX_CHARS {
                text.len()
            } else {
                text.chars().count()
            };
            let mut findings = Findings::new(self, Some(chars));
            rules::run(&mut findings, &Definition::new(machine, &read.unreadable));
            if !located.is_empty() {
                let read_problems = located.iter().map(|(_, problem)| problem);
                follow_on::drop_follow_ons(&mut findings.problems, read_problems);
            }
            if !findings.problems.is_empty() {
                located.extend(locate(text, findings.problems));
            }
        }
        located.sort_by_key(|(offset, _)| *offset);
        let mut report = Report::default();
        for (_, problem) in located {
            report.push(problem);
        }
        Checked {
            machine: read.machine,
            report,
        }
    }

    /// As [`check_str`](Validator::check_str), for bytes that should be UTF-8
    /// JSON; other bytes are an `INVALID_JSON` error.
    ///
    /// ```
    /// let report = stepfn::validate::Validator::new().check_slice(b"{\"StartAt\": \"\xff\"}");
    /// assert_eq!(report.errors()[0].code(), stepfn::Code::InvalidJson);
    /// ```
    pub fn check_slice(&self, bytes: &[u8]) -> Report {
        match std::str::from_utf8(bytes) {
            Ok(text) => self.check_str(text),
            Err(e) => Report {
                errors: read::not_utf8(bytes, &e).into_vec(),
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
    /// ```
    /// let machine = stepfn::read::read_str(r#"{"StartAt": "A", "States": {"A": {"Type": "Task",
    ///     "Resource": "arn:aws:states:::lambda:invoke", "End": true,
    ///     "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "B"}]}}}"#)?;
    /// let first = stepfn::validate::Validator::new().validate(&machine).unwrap_err();
    /// assert_eq!(first.code(), stepfn::Code::DanglingNext);
    /// # Ok::<(), stepfn::problem::Problems>(())
    /// ```
    ///
    /// # Errors
    /// The first [`Problem`] found.
    pub fn validate(&self, machine: &StateMachine) -> Result<(), Problem> {
        match self.iter_errors(machine).next() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    /// Every error (not warnings).
    ///
    /// ```
    /// let machine = stepfn::read::read_str(r#"{"StartAt": "A", "States": {"A": {"Type": "Task",
    ///     "Resource": "arn:aws:states:::lambda:invoke", "End": true,
    ///     "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "B"}]}}}"#)?;
    /// assert_eq!(stepfn::validate::Validator::new().iter_errors(&machine).count(), 1);
    /// # Ok::<(), stepfn::problem::Problems>(())
    /// ```
    pub fn iter_errors(&self, machine: &StateMachine) -> impl Iterator<Item = Problem> {
        self.check(machine).errors.into_iter()
    }

    /// Every error at once.
    ///
    /// ```
    /// let machine = stepfn::read::read_str(r#"{"StartAt": "A", "States": {"A": {"Type": "Task",
    ///     "Resource": "arn:aws:states:::lambda:invoke", "End": true,
    ///     "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "B"}]}}}"#)?;
    /// let errors = stepfn::validate::Validator::new().validate_all(&machine).unwrap_err();
    /// assert_eq!(errors.len(), 1);
    /// # Ok::<(), stepfn::problem::Problems>(())
    /// ```
    ///
    /// # Errors
    /// [`Problems`] when there is at least one error.
    pub fn validate_all(&self, machine: &StateMachine) -> Result<(), Problems> {
        self.check(machine).into_result().map(drop)
    }
}

/// The validator's problems with their offsets and positions in `text`.
fn locate(text: &str, problems: Vec<Problem>) -> Vec<(u32, Problem)> {
    let paths: Vec<&crate::problem::Path> = problems.iter().map(Problem::path).collect();
    let offsets = read::parse::offsets(text, &paths);
    let lines = LineIndex::new(text);
    problems
        .into_iter()
        .zip(offsets)
        .map(|(problem, offset)| {
            let position = lines.position(offset as usize);
            (offset, problem.at(position))
        })
        .collect()
}

/// `true` when AWS would accept `machine` (default rules).
#[must_use]
pub fn is_valid(machine: &StateMachine) -> bool {
    Validator::new().is_valid(machine)
}

/// Every error in `machine` at once (default rules).
///
/// # Errors
/// [`Problems`] when AWS would reject the definition.
pub fn validate_all(machine: &StateMachine) -> Result<(), Problems> {
    Validator::new().validate_all(machine)
}
