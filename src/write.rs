//! Writing the model as canonical ASL JSON.
//!
//! The canonical order is the order of the model's fields: at the top level
//! `Comment`, `StartAt`, `States`, then `QueryLanguage`, `TimeoutSeconds`,
//! `Version`; in a state `Type` first, then `Comment`, `QueryLanguage`, the
//! state's own fields in data-flow order (input, payload, result, output,
//! `Assign`, `Retry`, `Catch`), and `Next` or `End` last. Payloads (`Parameters`,
//! `Result`, `Arguments`, ...) keep the order and the `null`s they were written
//! with. Pretty output indents by two spaces.

use crate::model::StateMachine;
use crate::problem::{Code, Problem, Problems};
use crate::validate::rules::nesting;

impl StateMachine {
    /// The canonical JSON, indented by two spaces, with a final newline (as
    /// `stepfn fmt` writes files).
    ///
    /// ```
    /// let machine: stepfn::model::StateMachine = r#"{"States": {"Hi": {"End": true,
    ///     "Result": {"b": 1, "a": null}, "Type": "Pass"}}, "StartAt": "Hi"}"#.parse().unwrap();
    /// assert_eq!(machine.to_json_pretty().unwrap(), r#"{
    ///   "StartAt": "Hi",
    ///   "States": {
    ///     "Hi": {
    ///       "Type": "Pass",
    ///       "Result": {
    ///         "b": 1,
    ///         "a": null
    ///       },
    ///       "End": true
    ///     }
    ///   }
    /// }
    /// "#);
    /// ```
    ///
    /// # Errors
    /// `TOO_DEEPLY_NESTED` when a machine built in code nests deeper than
    /// JSON text may (checked before anything is written).
    pub fn to_json_pretty(&self) -> Result<String, Problems> {
        writable(self)?;
        let mut text = serde_json::to_string_pretty(self).map_err(unwritable)?;
        text.push('\n');
        Ok(text)
    }

    /// The canonical JSON on one line, without spaces.
    ///
    /// ```
    /// let machine: stepfn::model::StateMachine =
    ///     r#"{"StartAt": "Hi", "States": {"Hi": {"Type": "Succeed"}}}"#.parse().unwrap();
    /// assert_eq!(
    ///     machine.to_json_compact().unwrap(),
    ///     r#"{"StartAt":"Hi","States":{"Hi":{"Type":"Succeed"}}}"#
    /// );
    /// ```
    ///
    /// # Errors
    /// As [`StateMachine::to_json_pretty`].
    pub fn to_json_compact(&self) -> Result<String, Problems> {
        writable(self)?;
        serde_json::to_string(self).map_err(unwritable)
    }
}

/// Refuses a machine nested too deeply to be written without overflowing.
fn writable(machine: &StateMachine) -> Result<(), Problems> {
    match nesting::first_too_deep(machine) {
        Some(path) => Err(Problem::error(Code::TooDeeplyNested, path, nesting::message()).into()),
        None => Ok(()),
    }
}

/// serde_json refused to write: only a number held as text that is not JSON,
/// which the reader and the `Number` constructors rule out.
fn unwritable(e: serde_json::Error) -> Problems {
    Problem::error(
        Code::InvalidJson,
        crate::problem::Path::root(),
        format!("the definition cannot be written as JSON: {e}"),
    )
    .into()
}

/// The one-line JSON of a builder value (a state, a retrier) for showing it.
/// Writing one cannot fail: their numbers are checked when made and their
/// nesting is bounded as they are built; should it fail anyway, the text says
/// why rather than being empty.
pub(crate) fn json_line<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|e| format!("<cannot be written as JSON: {e}>"))
}
