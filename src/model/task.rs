//! The Task state.

use serde::Serialize;

use super::{
    Catcher, HeartbeatSeconds, Json, JsonObject, QueryLanguage, Resource, Retrier, TimeoutSeconds,
    Transition,
};

/// `"Type": "Task"`: calls a resource (an AWS service, a Lambda function, an
/// activity, an HTTP endpoint).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Task {
    /// `Comment`
    #[serde(rename = "Comment", skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// `QueryLanguage`: overrides the machine's.
    #[serde(rename = "QueryLanguage", skip_serializing_if = "Option::is_none")]
    pub query_language: Option<QueryLanguage>,
    /// `Resource`: what to call.
    #[serde(rename = "Resource")]
    pub resource: Resource,
    /// `Credentials`: a role to assume for the call (`RoleArn`).
    #[serde(rename = "Credentials", skip_serializing_if = "Option::is_none")]
    pub credentials: Option<JsonObject>,
    /// `InputPath` (JSONPath); `Some(None)` is an explicit `null`.
    #[serde(rename = "InputPath", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<crate::schema::NullableString>")
    )]
    pub input_path: Option<Option<String>>,
    /// `Parameters` (JSONPath): the payload template sent to the resource.
    #[serde(rename = "Parameters", skip_serializing_if = "Option::is_none")]
    pub parameters: Option<Json>,
    /// `Arguments` (JSONata): the payload sent to the resource.
    #[serde(rename = "Arguments", skip_serializing_if = "Option::is_none")]
    pub arguments: Option<Json>,
    /// `TimeoutSeconds` or `TimeoutSecondsPath`.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<TimeoutSeconds>,
    /// `HeartbeatSeconds` or `HeartbeatSecondsPath`.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub heartbeat: Option<HeartbeatSeconds>,
    /// `ResultSelector` (JSONPath): a template applied to the raw result.
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
