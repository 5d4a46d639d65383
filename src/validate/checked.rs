//! A definition read from text and checked in one pass: the machine as read
//! and everything wrong with it.

use super::Report;
use crate::model::StateMachine;

/// What [`Validator::read_and_check`](super::Validator::read_and_check)
/// gives: the machine read from the text, for a tool that goes on to use it
/// without reading the text again, and the report.
///
/// ```
/// use stepfn::validate::Validator;
/// let checked = Validator::new().read_and_check(
///     r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}}}"#,
/// );
/// let machine = checked.machine.expect("the text is an object");
/// assert_eq!(machine.states.len(), 1);
/// let codes: Vec<_> = checked.report.errors().iter().map(|e| e.code().as_str()).collect();
/// assert_eq!(codes, ["NO_TERMINAL_STATE", "DANGLING_NEXT"]);
/// ```
#[derive(Debug)]
pub struct Checked {
    /// The machine with every part that decoded; `None` when the text is not
    /// a JSON object (or not JSON).
    pub machine: Option<StateMachine>,
    /// Every problem, reading's and the rules', in the order of the text.
    pub report: Report,
}
