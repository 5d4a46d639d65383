//! Reading ASL JSON into the model, reporting every problem at once.
//!
//! ```
//! let text = r#"{
//!   "StartAt": "Fetch",
//!   "States": {
//!     "Fetch": {
//!       "Type": "Task",
//!       "Resource": "arn:aws:states:::lambda:invoke",
//!       "Retry": [{"ErrorEquals": ["States.ALL"], "BackoffRate": "fast"}],
//!       "Nxt": "Done"
//!     },
//!     "Done": {"Type": "Succeed", "End": true}
//!   }
//! }"#;
//! let errors = stepfn::read::read_str(text).unwrap_err();
//! let lines: Vec<String> = errors.errors().iter().map(|e| e.to_string()).collect();
//! assert_eq!(lines, [
//!     "4:14: States.Fetch: MISSING_NEXT_OR_END: the state has neither `Next` nor `\"End\": true`: add one",
//!     "7:64: States.Fetch.Retry[0].BackoffRate: WRONG_TYPE: expected a number, found a string",
//!     "8:7: States.Fetch.Nxt: UNKNOWN_FIELD: `Nxt` is not an ASL state field; did you mean `Next`?",
//!     "10:33: States.Done.End: FIELD_NOT_ALLOWED: `End` is not allowed on a Succeed state; it belongs on Task, Pass, Wait, Parallel and Map states",
//! ]);
//! ```

mod cx;
mod decode;
mod error;
mod fields;
pub(crate) mod location;
pub(crate) mod parse;
pub(crate) mod suggest;

pub use error::{Code, ReadError, ReadErrors};
pub use parse::MAX_NESTING_DEPTH;

use std::str::FromStr;

use serde::{Deserialize, Deserializer};

use crate::model::{Json, StateMachine};
use cx::{Cx, Problem};
use location::LineIndex;
use parse::{Member, Node, Value};

/// Reads an ASL document from JSON text.
///
/// On failure the error lists every problem found, in source order, each with
/// its path, a stable [`Code`], and line and column in `text`.
///
/// # Errors
/// [`ReadErrors`] when the text is not JSON or not a well-formed ASL document.
pub fn read_str(text: &str) -> Result<StateMachine, ReadErrors> {
    let node = match parse::parse(text) {
        Ok(node) => node,
        Err(e) => {
            let code = if e.too_deep {
                Code::TooDeeplyNested
            } else {
                Code::InvalidJson
            };
            let problem = Problem {
                at: e.at,
                path: "(root)".to_owned(),
                code,
                message: e.message,
            };
            return Err(locate(text, vec![problem]));
        }
    };
    read_node(node).map_err(|problems| locate(text, problems))
}

/// Reads an ASL document from bytes, which must be UTF-8 JSON.
///
/// # Errors
/// As [`read_str`]; bytes that are not UTF-8 are reported as `INVALID_JSON`.
pub fn read_slice(bytes: &[u8]) -> Result<StateMachine, ReadErrors> {
    match std::str::from_utf8(bytes) {
        Ok(text) => read_str(text),
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let problem = Problem {
                at: u32::try_from(e.valid_up_to()).unwrap_or(u32::MAX),
                path: "(root)".to_owned(),
                code: Code::InvalidJson,
                message: "the text is not valid UTF-8".to_owned(),
            };
            Err(locate(valid, vec![problem]))
        }
    }
}

fn read_node(node: Node<'_>) -> Result<StateMachine, Vec<Problem>> {
    let mut cx = Cx::default();
    let machine = decode::machine(&mut cx, node);
    match machine {
        Some(machine) if cx.problems.is_empty() => Ok(machine),
        _ => Err(cx.problems),
    }
}

/// Sorts problems into source order and adds line and column.
fn locate(text: &str, mut problems: Vec<Problem>) -> ReadErrors {
    problems.sort_by_key(|p| p.at);
    let index = LineIndex::new(text);
    ReadErrors(
        problems
            .into_iter()
            .map(|p| {
                let offset = p.at as usize;
                let (line, column) = index.line_column(offset);
                ReadError {
                    code: p.code,
                    path: p.path,
                    message: p.message,
                    offset,
                    line,
                    column,
                }
            })
            .collect(),
    )
}

impl FromStr for StateMachine {
    type Err = ReadErrors;

    /// Same as [`read_str`].
    fn from_str(text: &str) -> Result<StateMachine, ReadErrors> {
        read_str(text)
    }
}

/// Deserializes through the same reader as [`read_str`]; the error lists every
/// problem (without line numbers, which only text has).
impl<'de> Deserialize<'de> for StateMachine {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<StateMachine, D::Error> {
        let json = Json::deserialize(deserializer)?;
        read_node(node_from_json(json)).map_err(|problems| {
            let lines: Vec<String> = problems
                .iter()
                .map(|p| format!("{}: {}: {}", p.path, p.code, p.message))
                .collect();
            serde::de::Error::custom(lines.join("; "))
        })
    }
}

fn node_from_json(json: Json) -> Node<'static> {
    let value = match json {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(b),
        Json::Number(n) => Value::Number(n.to_string().into()),
        Json::String(s) => Value::String(s.into()),
        Json::Array(items) => Value::Array(items.into_iter().map(node_from_json).collect()),
        Json::Object(map) => Value::Object(
            map.into_iter()
                .map(|(key, value)| Member {
                    key_at: 0,
                    key: key.into(),
                    value: node_from_json(value),
                })
                .collect(),
        ),
    };
    Node { at: 0, value }
}
