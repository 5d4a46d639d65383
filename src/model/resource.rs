//! A Task's `Resource`.

use serde::Serialize;

use super::JsonObject;

/// The `Resource` of a Task, an ItemReader or a ResultWriter.
///
/// Usually an ARN. Infrastructure templates (CloudFormation, SAM, CDK) may hold a
/// placeholder object such as `{"Fn::GetAtt": [...]}` or `{"Ref": "..."}` that is
/// replaced before deployment; stepfn keeps it as written.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Resource {
    /// An ARN or other URI, e.g. `arn:aws:states:::lambda:invoke`.
    Uri(String),
    /// A one-key template object whose key is `Ref` or starts with `Fn::`.
    Template(JsonObject),
}

impl From<&str> for Resource {
    fn from(value: &str) -> Resource {
        Resource::Uri(value.to_owned())
    }
}

impl From<String> for Resource {
    fn from(value: String) -> Resource {
        Resource::Uri(value)
    }
}
