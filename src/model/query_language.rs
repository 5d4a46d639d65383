//! `QueryLanguage`: JSONPath or JSONata.

use serde::Serialize;

/// The query language of a machine or a state (`QueryLanguage`).
///
/// A state without one uses the machine's; a machine without one uses JSONPath.
/// States inside Parallel branches and Map processors inherit the *machine's*
/// language, not the enclosing state's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum QueryLanguage {
    /// `"JSONPath"`: paths, payload templates and intrinsic functions.
    #[default]
    #[serde(rename = "JSONPath")]
    JsonPath,
    /// `"JSONata"`: `Arguments`, `Output` and `{% ... %}` expressions.
    #[serde(rename = "JSONata")]
    Jsonata,
}

impl QueryLanguage {
    /// The name as written in ASL: `"JSONPath"` or `"JSONata"`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            QueryLanguage::JsonPath => "JSONPath",
            QueryLanguage::Jsonata => "JSONata",
        }
    }

    /// Reads the ASL name; `None` for anything else (the match is case-sensitive).
    #[must_use]
    pub fn parse(name: &str) -> Option<QueryLanguage> {
        match name {
            "JSONPath" => Some(QueryLanguage::JsonPath),
            "JSONata" => Some(QueryLanguage::Jsonata),
            _ => None,
        }
    }
}
