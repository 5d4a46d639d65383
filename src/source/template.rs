//! The state machines of a CloudFormation or SAM template (JSON or YAML, the
//! CDK's `cdk.out/*.template.json` included): each
//! `AWS::StepFunctions::StateMachine` (`Definition`, `DefinitionString`,
//! `DefinitionS3Location`) and `AWS::Serverless::StateMachine` (`Definition`,
//! `DefinitionUri`), with its `DefinitionSubstitutions` applied.

use std::path::Path;
use std::sync::Arc;

use super::emit::{emit, quoted};
use super::intrinsic::{call, text, Known};
use super::mapped::Mapped;
use super::substitute::substitute;
use super::tree::{Node, Value};
use super::{definition_file, Definition, Syntax};
use crate::problem::{Path as ProblemPath, Problem, Severity};
use crate::Code;

const STEP_FUNCTIONS: &str = "AWS::StepFunctions::StateMachine";
const SERVERLESS: &str = "AWS::Serverless::StateMachine";

/// Whether `root` is a template: a mapping with `Resources`,
/// `AWSTemplateFormatVersion` or `Transform`.
pub(crate) fn is_template(root: &Node) -> bool {
    matches!(root.value, Value::Map(_))
        && (root.get("AWSTemplateFormatVersion").is_some()
            || root.get("Transform").is_some()
            || matches!(root.get("Resources").map(|r| &r.value), Some(Value::Map(_))))
}

/// Every state machine of the template `root`, read from `source`; a
/// `DefinitionUri` is read relative to `folder` (not followed without one).
pub(crate) fn machines(
    root: &Node,
    source: &Arc<String>,
    folder: Option<&Path>,
) -> Vec<Definition> {
    let mut known = Known::default();
    for entry in root
        .get("Parameters")
        .map(Node::entries)
        .unwrap_or_default()
    {
        if let Some(default) = entry.value.get("Default") {
            known.parameters.insert(entry.key.clone(), default);
        }
    }
    let mut out = Vec::new();
    for entry in root.get("Resources").map(Node::entries).unwrap_or_default() {
        let kind = entry.value.get("Type").and_then(Node::as_str);
        if !matches!(kind, Some(STEP_FUNCTIONS | SERVERLESS)) {
            continue;
        }
        let machine = Machine {
            id: &entry.key,
            key_at: entry.key_at,
            serverless: kind == Some(SERVERLESS),
            source,
            known: &known,
        };
        out.push(machine.definition(&entry.value, folder));
    }
    out
}

/// One state machine resource being read.
struct Machine<'a> {
    id: &'a str,
    key_at: u32,
    serverless: bool,
    source: &'a Arc<String>,
    known: &'a Known<'a>,
}

impl Machine<'_> {
    fn path(&self, property: &str) -> ProblemPath {
        let path = ProblemPath::root().key("Resources").key(self.id);
        if property.is_empty() {
            path
        } else {
            path.key("Properties").key(property)
        }
    }

    /// A definition that could not be put together, with the reason.
    fn failed(&self, code: Code, property: &str, at: u32, message: String) -> Definition {
        let severity = if code == Code::DefinitionNotChecked {
            Severity::Warning
        } else {
            Severity::Error
        };
        let problem = Problem::new(code, severity, self.path(property), message);
        let mut definition = Definition::unassembled(Arc::clone(self.source), at);
        definition.machine = Some(self.id.to_owned());
        definition.problems.push(definition.locate(problem));
        definition
    }

    fn definition(&self, resource: &Node, folder: Option<&Path>) -> Definition {
        let Some(properties) = resource
            .get("Properties")
            .filter(|p| matches!(p.value, Value::Map(_)))
        else {
            return self.failed(
                Code::InvalidTemplate,
                "",
                self.key_at,
                "the state machine has no `Properties`: give it a `Definition`".into(),
            );
        };
        let written: Vec<&str> = [
            "Definition",
            "DefinitionString",
            "DefinitionUri",
            "DefinitionS3Location",
        ]
        .into_iter()
        .filter(|p| properties.get(p).is_some())
        .collect();
        let substitutions = properties.get("DefinitionSubstitutions");
        let at = |property: &str| {
            properties
                .entries()
                .iter()
                .find(|e| e.key == property)
                .map_or(self.key_at, |e| e.key_at)
        };
        let expected = if self.serverless {
            "`Definition` or `DefinitionUri`"
        } else {
            "`Definition`, `DefinitionString` or `DefinitionS3Location`"
        };
        let allowed = |p: &str| match p {
            "Definition" => true,
            "DefinitionUri" => self.serverless,
            _ => !self.serverless,
        };
        if let Some(wrong) = written.iter().find(|p| !allowed(p)) {
            let kind = if self.serverless {
                SERVERLESS
            } else {
                STEP_FUNCTIONS
            };
            return self.failed(
                Code::InvalidTemplate,
                wrong,
                at(wrong),
                format!("an {kind} takes {expected}, not `{wrong}`"),
            );
        }
        let property = match written.as_slice() {
            [] => {
                return self.failed(
                    Code::InvalidTemplate,
                    "",
                    self.key_at,
                    format!("the state machine has no definition: give it {expected}"),
                )
            }
            [one] => *one,
            [first, second, ..] => {
                return self.failed(
                    Code::InvalidTemplate,
                    second,
                    at(second),
                    format!("`{first}` and `{second}` both give the definition: keep one"),
                )
            }
        };
        let Some(value) = properties.get(property) else {
            return self.failed(
                Code::InvalidTemplate,
                property,
                at(property),
                "missing".into(),
            );
        };
        let mut definition = match property {
            "Definition" => self.object(value, substitutions),
            "DefinitionString" => self.string(value, substitutions),
            "DefinitionUri" => self.uri(value, substitutions, folder),
            _ => self.failed(
                Code::DefinitionNotChecked,
                property,
                at(property),
                "not checked: the definition is in S3; check the file it was uploaded from".into(),
            ),
        };
        if definition.file.is_none() {
            // Problems without a place go where the definition is given.
            definition.declared_at = at(property);
        }
        definition
    }

    /// `Definition`: the object written as JSON, substitutions made inside
    /// its strings.
    fn object(&self, value: &Node, substitutions: Option<&Node>) -> Definition {
        if !matches!(value.value, Value::Map(_)) {
            return self.failed(
                Code::InvalidTemplate,
                "Definition",
                value.at,
                format!(
                    "`Definition` must be a mapping (the ASL object), not {}",
                    value.kind()
                ),
            );
        }
        let written = emit(value, self.known, self.source);
        let text = self.substituted(&written, substitutions, true);
        self.assembled(text)
    }

    /// `DefinitionString`: a string, or `Fn::Join`/`Fn::Sub` building one.
    fn string(&self, value: &Node, substitutions: Option<&Node>) -> Definition {
        let builds_text = match call(value) {
            Some(c) => matches!(c.name.as_str(), "Fn::Join" | "Fn::Sub" | "Ref"),
            None => matches!(value.value, Value::String(_)),
        };
        if !builds_text {
            if let Some(c) = call(value) {
                return self.failed(
                    Code::DefinitionNotChecked,
                    "DefinitionString",
                    value.at,
                    format!(
                        "not checked: the definition is built with `{}`, known only at deployment",
                        c.name
                    ),
                );
            }
            return self.failed(
                Code::InvalidTemplate,
                "DefinitionString",
                value.at,
                format!(
                    "`DefinitionString` must be the definition's JSON text (or an `Fn::Join` or `Fn::Sub` building it), not {}",
                    value.kind()
                ),
            );
        }
        let mut written = Mapped::default();
        if let Err(e) = text(value, self.known, self.source, &mut written) {
            return self.failed(
                Code::DefinitionNotChecked,
                "DefinitionString",
                e.at,
                format!(
                    "not checked: the definition is built with `{}`, known only at deployment",
                    e.name
                ),
            );
        }
        let text = self.substituted(&written, substitutions, false);
        self.assembled(text)
    }

    /// `DefinitionUri`: a local file (relative to the template's folder);
    /// one in S3 is not checked.
    fn uri(&self, value: &Node, substitutions: Option<&Node>, folder: Option<&Path>) -> Definition {
        let Some(uri) = value.as_str() else {
            return self.failed(
                Code::DefinitionNotChecked,
                "DefinitionUri",
                value.at,
                "not checked: the definition is in S3 (`Bucket` and `Key`); check the file it was uploaded from".into(),
            );
        };
        if uri.starts_with("s3://") {
            return self.failed(
                Code::DefinitionNotChecked,
                "DefinitionUri",
                value.at,
                format!("not checked: the definition is in S3 (`{uri}`); check the file it was uploaded from"),
            );
        }
        let Some(folder) = folder else {
            return self.failed(
                Code::DefinitionNotChecked,
                "DefinitionUri",
                value.at,
                format!("not checked: `{uri}` is read only when the template is read from a file"),
            );
        };
        let path = folder.join(uri);
        let file_text = match std::fs::read(&path).map(String::from_utf8) {
            Ok(Ok(text)) => text,
            Ok(Err(_)) => {
                return self.failed(
                    Code::InvalidTemplate,
                    "DefinitionUri",
                    value.at,
                    format!("`{uri}` is not UTF-8 text: save it as UTF-8"),
                )
            }
            Err(e) => {
                return self.failed(
                    Code::InvalidTemplate,
                    "DefinitionUri",
                    value.at,
                    format!("cannot read `{uri}` (relative to the template's folder): {e}"),
                )
            }
        };
        let file_text: Arc<String> = Arc::new(file_text);
        let syntax = Syntax::of_path(&path);
        let mut inner = definition_file(&file_text, syntax);
        inner.machine = Some(self.id.to_owned());
        inner.file = Some(path);
        if substitutions.is_none() || inner.text.is_none() {
            return inner;
        }
        // A YAML file was written out as JSON: values go inside its strings.
        let written = self.substituted(&inner.mapped(), substitutions, syntax == Syntax::Yaml);
        let mut out = Definition::from_mapped(written, file_text);
        out.machine = inner.machine.take();
        out.file = inner.file.take();
        out.problems = std::mem::take(&mut inner.problems);
        out
    }

    /// `text` with the `DefinitionSubstitutions` whose values are known made;
    /// inside JSON strings (`escaped`), each value is written escaped.
    fn substituted(&self, text: &Mapped, substitutions: Option<&Node>, escaped: bool) -> Mapped {
        let Some(substitutions) = substitutions else {
            return text.clone();
        };
        substitute(text, |name| {
            let value = substitutions.get(name)?;
            let mut written = Mapped::default();
            super::intrinsic::text(value, self.known, self.source, &mut written).ok()?;
            let written = written.into_text();
            Some(if escaped {
                let q = quoted(&written);
                q.get(1..q.len().saturating_sub(1))
                    .unwrap_or_default()
                    .to_owned()
            } else {
                written
            })
        })
    }

    fn assembled(&self, text: Mapped) -> Definition {
        let mut definition = Definition::from_mapped(text, Arc::clone(self.source));
        definition.machine = Some(self.id.to_owned());
        definition
    }
}
