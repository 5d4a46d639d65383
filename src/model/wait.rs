//! The Wait state.

use serde::Serialize;

use super::{Json, JsonObject, OrJsonata, QueryLanguage, Transition};

/// `"Type": "Wait"`: pauses for a time or until a timestamp.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Wait {
    /// `Comment`
    #[serde(rename = "Comment", skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// `QueryLanguage`: overrides the machine's.
    #[serde(rename = "QueryLanguage", skip_serializing_if = "Option::is_none")]
    pub query_language: Option<QueryLanguage>,
    /// `InputPath` (JSONPath); `Some(None)` is an explicit `null`.
    #[serde(rename = "InputPath", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::schema::NullableString>")
    )]
    pub input_path: Option<Option<String>>,
    /// How long to wait: exactly one of the four duration fields.
    #[serde(flatten)]
    pub wait_for: WaitFor,
    /// `OutputPath` (JSONPath); `Some(None)` is an explicit `null`.
    #[serde(rename = "OutputPath", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::schema::NullableString>")
    )]
    pub output_path: Option<Option<String>>,
    /// `Output` (JSONata): the state output.
    #[serde(rename = "Output", skip_serializing_if = "Option::is_none")]
    pub output: Option<Json>,
    /// `Assign`: variables to set.
    #[serde(rename = "Assign", skip_serializing_if = "Option::is_none")]
    pub assign: Option<JsonObject>,
    /// `Next` or `"End": true`.
    #[serde(flatten)]
    pub transition: Transition,
}

/// The one duration field of a Wait state.
///
/// A Wait holds exactly one, so `Seconds` and `Timestamp` cannot be combined:
///
/// ```compile_fail
/// use stepfn::model::{OrJsonata, WaitFor};
/// let both = WaitFor::Seconds(OrJsonata::Value(5), "2024-01-01T00:00:00Z".to_owned());
/// ```
///
/// ```compile_fail
/// # use stepfn::model::Wait;
/// fn seconds_and_timestamp(wait: Wait) -> (u64, String) {
///     (wait.seconds, wait.timestamp) // there are no such separate fields
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum WaitFor {
    /// `Seconds`: a number of seconds (or a JSONata expression).
    #[serde(rename = "Seconds")]
    Seconds(OrJsonata<u64>),
    /// `SecondsPath` (JSONPath): a reference path to the number of seconds.
    #[serde(rename = "SecondsPath")]
    SecondsPath(String),
    /// `Timestamp`: an RFC 3339 timestamp (or a JSONata expression).
    #[serde(rename = "Timestamp")]
    Timestamp(String),
    /// `TimestampPath` (JSONPath): a reference path to the timestamp.
    #[serde(rename = "TimestampPath")]
    TimestampPath(String),
}
