//! `Retry`: retriers of Task, Parallel and Map states.

use serde::Serialize;

use super::Number;

/// One entry of `Retry`: which errors to retry and how.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct Retrier {
    /// `Comment`
    #[serde(rename = "Comment", skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// `ErrorEquals`: the error names this retrier handles (`States.ALL` for any).
    #[serde(rename = "ErrorEquals")]
    pub error_equals: Vec<String>,
    /// `IntervalSeconds`: seconds before the first retry (default 1).
    #[serde(rename = "IntervalSeconds", skip_serializing_if = "Option::is_none")]
    pub interval_seconds: Option<u64>,
    /// `MaxAttempts`: retries at most (default 3; 0 never retries).
    #[serde(rename = "MaxAttempts", skip_serializing_if = "Option::is_none")]
    pub max_attempts: Option<u64>,
    /// `BackoffRate`: the factor the interval grows by per attempt (default 2.0).
    #[serde(rename = "BackoffRate", skip_serializing_if = "Option::is_none")]
    pub backoff_rate: Option<Number>,
    /// `MaxDelaySeconds`: the cap on any one interval.
    #[serde(rename = "MaxDelaySeconds", skip_serializing_if = "Option::is_none")]
    pub max_delay_seconds: Option<u64>,
    /// `JitterStrategy`: `FULL` randomises each interval (default `NONE`).
    #[serde(rename = "JitterStrategy", skip_serializing_if = "Option::is_none")]
    pub jitter_strategy: Option<JitterStrategy>,
}

/// `JitterStrategy` of a retrier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "UPPERCASE")]
pub enum JitterStrategy {
    /// `"FULL"`: wait a random time between 0 and the computed interval.
    Full,
    /// `"NONE"`: wait the computed interval.
    None,
}

impl JitterStrategy {
    /// Reads the ASL name (`FULL` or `NONE`, case-sensitive).
    #[must_use]
    pub fn parse(name: &str) -> Option<JitterStrategy> {
        match name {
            "FULL" => Some(JitterStrategy::Full),
            "NONE" => Some(JitterStrategy::None),
            _ => None,
        }
    }
}
