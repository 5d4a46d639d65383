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

impl StateMachine {
    /// The canonical JSON, indented by two spaces.
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
    /// }"#);
    /// ```
    ///
    /// # Errors
    /// Only if a number held as text is not valid JSON, which the reader and the
    /// [`Number`](crate::model::Number) constructors rule out.
    pub fn to_json_pretty(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string_pretty(self)
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
    pub fn to_json_compact(&self) -> Result<String, serde_json::Error> {
        serde_json::to_string(self)
    }
}
