//! Fields that take a literal or, in JSONata states, a `{% ... %}` expression.

use serde::Serialize;

/// A literal value, or a JSONata expression string (`"{% ... %}"`) that computes it
/// at run time (JSONata states only).
///
/// Used by `TimeoutSeconds`, `HeartbeatSeconds`, Wait `Seconds`, `MaxConcurrency`,
/// the `ToleratedFailure...` fields, the ItemBatcher and ReaderConfig limits, and
/// Choice `Condition`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum OrJsonata<T> {
    /// The literal value.
    Value(T),
    /// A JSONata expression string, `{% ... %}`.
    Jsonata(String),
}

impl<T> From<T> for OrJsonata<T> {
    fn from(value: T) -> Self {
        OrJsonata::Value(value)
    }
}
