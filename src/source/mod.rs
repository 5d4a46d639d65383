//! Where definitions are written: ASL files in JSON or YAML, and the state
//! machines of CloudFormation and SAM templates (JSON or YAML, the CDK's
//! `cdk.out/*.template.json` included).
//!
//! [`read_file`] (or [`read_str`]) gives a [`Source`]: what the file is and
//! each [`Definition`] in it, as ASL JSON text that the reader and validator
//! take, with the state machine's logical id and a map from every place in
//! that text back to the line and column in the file it was written in.
//!
//! ```
//! use stepfn::source::{read_str, Kind, Syntax};
//! use stepfn::validate::Validator;
//!
//! let template = r#"
//! Resources:
//!   Orders:
//!     Type: AWS::Serverless::StateMachine
//!     Properties:
//!       Definition:
//!         StartAt: Charge
//!         States:
//!           Charge:
//!             Type: Task
//!             Resource: !GetAtt ChargeFunction.Arn
//!             TimeoutSeconds: 30
//!             Next: Refund
//! "#;
//! let source = read_str(template, Syntax::Yaml);
//! assert_eq!(source.kind(), Kind::Template);
//! let orders = &source.definitions()[0];
//! assert_eq!(orders.machine(), Some("Orders"));
//! let report = orders.check(&Validator::new());
//! let lines: Vec<String> = report.errors().iter().map(ToString::to_string).collect();
//! assert_eq!(lines, [
//!     "9:11: States: NO_TERMINAL_STATE: no state here ends the workflow: give one state `\"End\": true` or add a Succeed or Fail state",
//!     "13:19: States.Charge.Next: DANGLING_NEXT: there is no state named `Refund`",
//! ]);
//! ```

mod definition;
mod emit;
mod intrinsic;
mod json;
mod mapped;
mod substitute;
mod template;
mod tree;
#[cfg(feature = "yaml")]
mod yaml;
#[cfg(feature = "yaml")]
mod yaml_scalar;

use std::path::Path;
use std::sync::Arc;

pub use definition::Definition;

#[cfg(not(feature = "yaml"))]
use crate::problem::Position;
use crate::problem::{LineIndex, Path as ProblemPath, Problem};
use crate::Code;
use tree::Node;

/// How a file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Syntax {
    /// JSON.
    Json,
    /// YAML (needs the default `yaml` feature).
    Yaml,
}

impl Syntax {
    /// YAML for a name ending in `.yaml` or `.yml`, JSON otherwise.
    ///
    /// ```
    /// use stepfn::source::Syntax;
    /// assert_eq!(Syntax::of_path("statemachine/order.asl.yaml".as_ref()), Syntax::Yaml);
    /// assert_eq!(Syntax::of_path("cdk.out/App.template.json".as_ref()), Syntax::Json);
    /// ```
    #[must_use]
    pub fn of_path(path: &Path) -> Syntax {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml") => {
                Syntax::Yaml
            }
            _ => Syntax::Json,
        }
    }

    /// JSON for a text whose first character (after blanks) is `{` or `[`,
    /// YAML otherwise: for text without a name, such as standard input.
    ///
    /// ```
    /// use stepfn::source::Syntax;
    /// assert_eq!(Syntax::of_text("  {\"StartAt\": \"A\"}"), Syntax::Json);
    /// assert_eq!(Syntax::of_text("StartAt: A\n"), Syntax::Yaml);
    /// ```
    #[must_use]
    pub fn of_text(text: &str) -> Syntax {
        match text
            .trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n'])
            .as_bytes()
            .first()
        {
            Some(b'{' | b'[') | None => Syntax::Json,
            Some(_) => Syntax::Yaml,
        }
    }
}

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// One ASL definition: named `*.asl.json`, `*.asl.yaml` or `*.asl.yml`,
    /// or an object with `StartAt` or `States`.
    Definition,
    /// A CloudFormation or SAM template: a mapping with `Resources`,
    /// `AWSTemplateFormatVersion` or `Transform`. Its definitions are its
    /// state machines (there may be none).
    Template,
    /// Neither: text that does not parse, or a document with none of those
    /// keys (`package.json`, `cdk.json`). Its one definition is the whole
    /// file, so reading it as ASL says what is missing.
    Unrecognised,
}

/// A file read: what it is and the definitions in it.
#[derive(Debug, Clone)]
pub struct Source {
    kind: Kind,
    definitions: Vec<Definition>,
}

impl Source {
    /// What the file is.
    ///
    /// ```
    /// use stepfn::source::{read_str, Kind, Syntax};
    /// assert_eq!(read_str(r#"{"name": "app"}"#, Syntax::Json).kind(), Kind::Unrecognised);
    /// ```
    #[must_use]
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The definitions, in the order the file has them.
    ///
    /// ```
    /// use stepfn::source::{read_str, Syntax};
    /// let source = read_str(r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#, Syntax::Json);
    /// assert_eq!(source.definitions().len(), 1);
    /// assert_eq!(source.definitions()[0].machine(), None);
    /// ```
    #[must_use]
    pub fn definitions(&self) -> &[Definition] {
        &self.definitions
    }

    /// The definitions, given up by the source.
    ///
    /// ```
    /// use stepfn::source::{read_str, Syntax};
    /// let definitions = read_str("StartAt: A\nStates: {A: {Type: Succeed}}\n", Syntax::Yaml).into_definitions();
    /// assert_eq!(definitions[0].text(), Some(r#"{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}"#));
    /// ```
    #[must_use]
    pub fn into_definitions(self) -> Vec<Definition> {
        self.definitions
    }
}

/// Reads the file at `path`: its syntax from its name (`.yaml` and `.yml`
/// are YAML), a template's `DefinitionUri` relative to its folder. A name
/// ending in `.asl.json`, `.asl.yaml` or `.asl.yml` is a definition whatever
/// it holds.
///
/// # Errors
/// When the file cannot be read. Text that is not UTF-8 is read as a
/// definition with an `INVALID_JSON` problem.
///
/// ```
/// let source = stepfn::source::read_file("examples/definitions/order-pipeline.asl.json".as_ref())?;
/// assert_eq!(source.kind(), stepfn::source::Kind::Definition);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn read_file(path: &Path) -> std::io::Result<Source> {
    let bytes = std::fs::read(path)?;
    let folder = path.parent().map(|p| {
        if p.as_os_str().is_empty() {
            Path::new(".")
        } else {
            p
        }
    });
    Ok(read_bytes(
        bytes,
        Syntax::of_path(path),
        folder,
        is_named_asl(path),
    ))
}

/// Reads `bytes` written in `syntax`, as [`read_str`] does; bytes that are
/// not UTF-8 are a definition with an `INVALID_JSON` problem.
///
/// ```
/// use stepfn::source::{read_slice, Syntax};
/// let source = read_slice(b"{\"StartAt\": \"\xff\"}", Syntax::Json);
/// let report = source.definitions()[0].check(&stepfn::validate::Validator::new());
/// assert_eq!(report.errors()[0].code(), stepfn::Code::InvalidJson);
/// ```
#[must_use]
pub fn read_slice(bytes: &[u8], syntax: Syntax) -> Source {
    read_bytes(bytes.to_vec(), syntax, None, false)
}

fn read_bytes(bytes: Vec<u8>, syntax: Syntax, folder: Option<&Path>, named: bool) -> Source {
    match String::from_utf8(bytes) {
        Ok(text) => read(Arc::new(text), syntax, folder, named),
        Err(e) => {
            let problems = crate::read::not_utf8(e.as_bytes(), &e.utf8_error());
            let mut definition = Definition::unassembled(Arc::new(String::new()), 0);
            definition.problems = problems.into_vec();
            Source {
                kind: if named {
                    Kind::Definition
                } else {
                    Kind::Unrecognised
                },
                definitions: vec![definition],
            }
        }
    }
}

/// Whether the file's name says it is a definition.
fn is_named_asl(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    [".asl.json", ".asl.yaml", ".asl.yml"]
        .iter()
        .any(|s| name.ends_with(s))
}

/// Reads `text` written in `syntax`. A template's `DefinitionUri` is not
/// followed (there is no folder to follow it from): use [`read_file`].
///
/// ```
/// use stepfn::source::{read_str, Kind, Syntax};
/// assert_eq!(read_str("AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n", Syntax::Yaml).kind(), Kind::Template);
/// ```
#[must_use]
pub fn read_str(text: &str, syntax: Syntax) -> Source {
    read(Arc::new(text.to_owned()), syntax, None, false)
}

fn read(text: Arc<String>, syntax: Syntax, folder: Option<&Path>, named: bool) -> Source {
    if named && syntax == Syntax::Json {
        // A definition by name: the reader parses it, once.
        return Source {
            kind: Kind::Definition,
            definitions: vec![Definition::whole(text)],
        };
    }
    let root = match parse(&text, syntax) {
        Ok(root) => root,
        Err(problem) => {
            let kind = if named {
                Kind::Definition
            } else {
                Kind::Unrecognised
            };
            let definition = match (syntax, problem) {
                // The reader reports JSON's syntax errors as it always does.
                (Syntax::Json, _) => Definition::whole(text),
                (Syntax::Yaml, problem) => {
                    let mut d = Definition::unassembled(Arc::clone(&text), 0);
                    d.problems.push(d.locate(problem));
                    d
                }
            };
            return Source {
                kind,
                definitions: vec![definition],
            };
        }
    };
    if template::is_template(&root) && !named {
        let definitions = template::machines(&root, &text, folder);
        return Source {
            kind: Kind::Template,
            definitions,
        };
    }
    let asl = root.get("StartAt").is_some() || root.get("States").is_some();
    let kind = if named || asl {
        Kind::Definition
    } else {
        Kind::Unrecognised
    };
    let definition = match syntax {
        Syntax::Json => Definition::whole(text),
        Syntax::Yaml => {
            let written = emit::emit(&root, &intrinsic::Known::default(), &text);
            Definition::from_mapped(written, text)
        }
    };
    Source {
        kind,
        definitions: vec![definition],
    }
}

/// The one definition of an ASL file (a SAM `DefinitionUri`).
fn definition_file(text: &Arc<String>, syntax: Syntax) -> Definition {
    let source = read(Arc::clone(text), syntax, None, true);
    source
        .definitions
        .into_iter()
        .next()
        .unwrap_or_else(|| Definition::whole(Arc::clone(text)))
}

/// The tree of `text`, or the problem of text that does not parse.
fn parse(text: &str, syntax: Syntax) -> Result<Node, Problem> {
    match syntax {
        Syntax::Json => json::parse(text).map_err(|(at, message)| {
            Problem::error(Code::InvalidJson, ProblemPath::root(), message)
                .at(LineIndex::new(text).position(at as usize))
        }),
        Syntax::Yaml => parse_yaml(text),
    }
}

#[cfg(feature = "yaml")]
fn parse_yaml(text: &str) -> Result<Node, Problem> {
    yaml::parse(text).map_err(|e| {
        let code = if e.too_deep {
            Code::TooDeeplyNested
        } else {
            Code::InvalidYaml
        };
        Problem::error(code, ProblemPath::root(), e.message)
            .at(LineIndex::new(text).position(e.at as usize))
    })
}

#[cfg(not(feature = "yaml"))]
fn parse_yaml(_text: &str) -> Result<Node, Problem> {
    Err(Problem::error(
        Code::InvalidYaml,
        ProblemPath::root(),
        "this build of stepfn reads no YAML: build it with the `yaml` feature",
    )
    .at(Position {
        line: 1,
        column: 1,
        offset: 0,
    }))
}
