//! The Fail state.

use serde::Serialize;

use super::{FailCause, FailError, QueryLanguage};

/// `"Type": "Fail"`: ends the execution (or branch, or iteration) with an error.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Fail {
    /// `Comment`
    #[serde(rename = "Comment", skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// `QueryLanguage`: overrides the machine's.
    #[serde(rename = "QueryLanguage", skip_serializing_if = "Option::is_none")]
    pub query_language: Option<QueryLanguage>,
    /// `Error` or `ErrorPath`.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub error: Option<FailError>,
    /// `Cause` or `CausePath`.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub cause: Option<FailCause>,
}
