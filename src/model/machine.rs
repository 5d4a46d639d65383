//! `StateMachine`: the top level of an ASL document.

use indexmap::IndexMap;
use serde::Serialize;

use super::{NameHasher, QueryLanguage, State};

/// A `States` object: state names to states, in the order written, the
/// names hashed with [`NameHasher`] (make one with `States::default()`).
pub type States = IndexMap<String, State, NameHasher>;

/// An Amazon States Language document.
///
/// Fields are written in the canonical order `Comment`, `StartAt`, `States`,
/// `QueryLanguage`, `TimeoutSeconds`, `Version`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(
    feature = "schema",
    schemars(title = "Amazon States Language state machine")
)]
pub struct StateMachine {
    /// `Comment`
    #[serde(rename = "Comment", skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// `StartAt`: the first state.
    #[serde(rename = "StartAt")]
    pub start_at: String,
    /// `States`: the states, by name.
    #[serde(rename = "States")]
    pub states: States,
    /// `QueryLanguage`: the default for every state (JSONPath when absent).
    #[serde(rename = "QueryLanguage", skip_serializing_if = "Option::is_none")]
    pub query_language: Option<QueryLanguage>,
    /// `TimeoutSeconds`: the most an execution may run.
    #[serde(rename = "TimeoutSeconds", skip_serializing_if = "Option::is_none")]
    pub timeout_seconds: Option<u64>,
    /// `Version`: the ASL version, `"1.0"`.
    #[serde(rename = "Version", skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

impl StateMachine {
    /// A machine that starts at `start_at` with the given states.
    ///
    /// ```
    /// use stepfn::model::{StateMachine, State, Succeed};
    /// let mut states = stepfn::model::States::default();
    /// states.insert("Done".to_owned(), State::from(Succeed::default()));
    /// let machine = StateMachine::new("Done", states);
    /// assert_eq!(
    ///     machine.to_json_compact().unwrap(),
    ///     r#"{"StartAt":"Done","States":{"Done":{"Type":"Succeed"}}}"#
    /// );
    /// ```
    #[must_use]
    pub fn new(start_at: impl Into<String>, states: States) -> StateMachine {
        StateMachine {
            comment: None,
            start_at: start_at.into(),
            states,
            query_language: None,
            timeout_seconds: None,
            version: None,
        }
    }

    /// The machine-wide query language: its `QueryLanguage`, or JSONPath.
    #[must_use]
    pub fn effective_query_language(&self) -> QueryLanguage {
        self.query_language.unwrap_or_default()
    }
}
