//! The Succeed state.

use serde::Serialize;

use super::{Json, QueryLanguage};

/// `"Type": "Succeed"`: ends the execution (or branch, or iteration) successfully.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Succeed {
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
}
