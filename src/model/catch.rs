//! `Catch`: catchers of Task, Parallel and Map states.

use serde::Serialize;

use super::{Json, JsonObject};

/// One entry of `Catch`: which errors to catch and where to go.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Catcher {
    /// `Comment`
    #[serde(rename = "Comment", skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// `ErrorEquals`: the error names this catcher handles (`States.ALL` for any).
    #[serde(rename = "ErrorEquals")]
    pub error_equals: Vec<String>,
    /// `ResultPath` (JSONPath): where the error output goes in the state input;
    /// `Some(None)` is an explicit `null` (discard it).
    #[serde(rename = "ResultPath", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::schema::NullableString>")
    )]
    pub result_path: Option<Option<String>>,
    /// `Output` (JSONata): the state output when this catcher fires.
    #[serde(rename = "Output", skip_serializing_if = "Option::is_none")]
    pub output: Option<Json>,
    /// `Assign`: variables to set when this catcher fires.
    #[serde(rename = "Assign", skip_serializing_if = "Option::is_none")]
    pub assign: Option<JsonObject>,
    /// `Next`: the state to go to.
    #[serde(rename = "Next")]
    pub next: String,
}
