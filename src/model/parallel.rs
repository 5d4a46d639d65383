//! The Parallel state.

use serde::Serialize;

use super::{Catcher, Json, JsonObject, QueryLanguage, Retrier, States, Transition};

/// `"Type": "Parallel"`: runs every branch on the same input and collects their
/// outputs, in branch order, into an array.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Parallel {
    /// `Comment`
    #[serde(rename = "Comment", skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// `QueryLanguage`: overrides the machine's for this state's own fields.
    #[serde(rename = "QueryLanguage", skip_serializing_if = "Option::is_none")]
    pub query_language: Option<QueryLanguage>,
    /// `InputPath` (JSONPath); `Some(None)` is an explicit `null`.
    #[serde(rename = "InputPath", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::schema::NullableString>")
    )]
    pub input_path: Option<Option<String>>,
    /// `Parameters` (JSONPath): a payload template for the branch input.
    #[serde(rename = "Parameters", skip_serializing_if = "Option::is_none")]
    pub parameters: Option<Json>,
    /// `Arguments` (JSONata): the branch input.
    #[serde(rename = "Arguments", skip_serializing_if = "Option::is_none")]
    pub arguments: Option<Json>,
    /// `Branches`: the sub-workflows to run.
    #[serde(rename = "Branches")]
    pub branches: Vec<Branch>,
    /// `ResultSelector` (JSONPath): a template applied to the array of outputs.
    #[serde(rename = "ResultSelector", skip_serializing_if = "Option::is_none")]
    pub result_selector: Option<JsonObject>,
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
    /// `Retry`
    #[serde(rename = "Retry", skip_serializing_if = "Option::is_none")]
    pub retry: Option<Vec<Retrier>>,
    /// `Catch`
    #[serde(rename = "Catch", skip_serializing_if = "Option::is_none")]
    pub catch: Option<Vec<Catcher>>,
    /// `Next` or `"End": true`.
    #[serde(flatten)]
    pub transition: Transition,
}

/// One entry of `Branches`: a sub-workflow with its own states.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Branch {
    /// `Comment`
    #[serde(rename = "Comment", skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// `StartAt`: the first state.
    #[serde(rename = "StartAt")]
    pub start_at: String,
    /// `States`: the branch's states, by name.
    #[serde(rename = "States")]
    pub states: States,
}
