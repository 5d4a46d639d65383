//! The Pass state.

use serde::Serialize;

use super::{Json, JsonObject, QueryLanguage, Transition};

/// `"Type": "Pass"`: passes its input on, optionally reshaped or replaced.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Pass {
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
    /// `Parameters` (JSONPath): a payload template.
    #[serde(rename = "Parameters", skip_serializing_if = "Option::is_none")]
    pub parameters: Option<Json>,
    /// `Result` (JSONPath): a static result (`.$` keys are not evaluated).
    #[serde(rename = "Result", skip_serializing_if = "Option::is_none")]
    pub result: Option<Json>,
    /// `ResultPath` (JSONPath); `Some(None)` is an explicit `null`.
    #[serde(rename = "ResultPath", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::schema::NullableString>")
    )]
    pub result_path: Option<Option<String>>,
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
