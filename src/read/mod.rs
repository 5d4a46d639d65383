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
//! let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
//! assert_eq!(lines, [
//!     "4:14: States.Fetch: MISSING_NEXT_OR_END: the state has neither `Next` nor `\"End\": true`: add one",
//!     "7:64: States.Fetch.Retry[0].BackoffRate: WRONG_TYPE: expected a number, found a string",
//!     "8:7: States.Fetch.Nxt: UNKNOWN_FIELD: `Nxt` is not an ASL state field; did you mean `Next`?",
//!     "10:33: States.Done.End: FIELD_NOT_ALLOWED: `End` is not allowed on a Succeed state; it belongs on Task, Pass, Wait, Parallel and Map states",
//! ]);
//! ```

mod decode;
mod decoder;
mod fields;
mod location;
pub(crate) mod parse;
mod unreadable;

pub use parse::MAX_NESTING_DEPTH;
pub(crate) use unreadable::{Unreadable, UnreadableState};

use std::str::FromStr;

use serde::{Deserialize, Deserializer};

use crate::model::{Json, StateMachine};
use crate::problem::{Code, LineIndex, Path, Problem, Problems};
use decoder::{Decoder, Found};
use parse::{Member, Node, Value};

/// Reads an ASL document from JSON text.
///
/// On failure the error lists every problem found, in source order, each with
/// its path, a stable [`Code`], and line and column in `text`.
///
/// # Errors
/// [`Problems`] when the text is not JSON or not a well-formed ASL document.
pub fn read_str(text: &str) -> Result<StateMachine, Problems> {
    let mut decoder = Decoder::default();
    match decode::document(&mut decoder, text) {
        Ok(Some(machine)) if decoder.problems.is_empty() => Ok(machine),
        Ok(_) => Err(locate(text, decoder.problems)),
        Err(e) => Err(locate(text, vec![syntax_problem(e)])),
    }
}

/// The problem of text that is not JSON.
fn syntax_problem(e: parse::SyntaxError) -> Found {
    let code = if e.too_deep {
        Code::TooDeeplyNested
    } else {
        Code::InvalidJson
    };
    Found {
        at: e.at,
        problem: Problem::error(code, Path::root(), e.message),
    }
}

/// Reads an ASL document from bytes, which must be UTF-8 JSON.
///
/// # Errors
/// As [`read_str`]; bytes that are not UTF-8 are reported as `INVALID_JSON`.
pub fn read_slice(bytes: &[u8]) -> Result<StateMachine, Problems> {
    match std::str::from_utf8(bytes) {
        Ok(text) => read_str(text),
        Err(e) => Err(not_utf8(bytes, &e)),
    }
}

/// The problem of bytes that are not UTF-8, located at the first bad byte.
pub(crate) fn not_utf8(bytes: &[u8], e: &std::str::Utf8Error) -> Problems {
    let valid = bytes
        .get(..e.valid_up_to())
        .and_then(|b| std::str::from_utf8(b).ok())
        .unwrap_or("");
    let found = Found {
        at: u32::try_from(e.valid_up_to()).unwrap_or(u32::MAX),
        problem: Problem::error(
            Code::InvalidJson,
            Path::root(),
            "the text is not valid UTF-8: save the file as UTF-8",
        ),
    };
    locate(valid, vec![found])
}

fn read_node(node: Node<'_>) -> Result<StateMachine, Vec<Found>> {
    let mut decoder = Decoder::default();
    let machine = decode::machine(&mut decoder, node, None);
    match machine {
        Some(machine) if decoder.problems.is_empty() => Ok(machine),
        _ => Err(decoder.problems),
    }
}

/// Decodes one state given as JSON (the builder's raw states), in a machine
/// whose query language is `language`. Problems have paths relative to the
/// state.
pub(crate) fn read_state(
    state: Json,
    language: crate::model::QueryLanguage,
) -> Result<crate::model::State, Vec<Problem>> {
    let mut decoder = Decoder {
        machine_language: language,
        ..Decoder::default()
    };
    let decoded = decode::state(&mut decoder, node_from_json(state), &location::Loc::ROOT);
    match decoded {
        Some(state) if decoder.problems.is_empty() => Ok(state),
        _ => Err(decoder.problems.into_iter().map(|f| f.problem).collect()),
    }
}

/// What reading a document gave when every problem is wanted, not just a
/// verdict: the parts that decoded, the problems with their offsets, and what
/// could not be decoded.
pub(crate) struct Partial {
    /// The machine with every state that decoded; `None` when the text is not
    /// JSON or not an object.
    pub(crate) machine: Option<StateMachine>,
    /// Every reading problem, with its byte offset and position.
    pub(crate) problems: Vec<(u32, Problem)>,
    /// What could not be decoded.
    pub(crate) unreadable: Unreadable,
}

/// Reads as much of `text` as decodes.
pub(crate) fn read_partial(text: &str) -> Partial {
    let mut decoder = Decoder::default();
    let machine = match decode::document(&mut decoder, text) {
        Ok(machine) => machine,
        Err(e) => {
            let problems = locate(text, vec![syntax_problem(e)]).into_vec();
            let offset = u32::try_from(
                problems
                    .first()
                    .and_then(|p| p.position())
                    .map_or(0, |p| p.offset),
            )
            .unwrap_or(u32::MAX);
            return Partial {
                machine: None,
                problems: problems.into_iter().map(|p| (offset, p)).collect(),
                unreadable: Unreadable::default(),
            };
        }
    };
    let problems = if decoder.problems.is_empty() {
        Vec::new()
    } else {
        let index = LineIndex::new(text);
        decoder
            .problems
            .into_iter()
            .map(|f| (f.at, f.problem.at(index.position(f.at as usize))))
            .collect()
    };
    Partial {
        machine,
        problems,
        unreadable: decoder.unreadable,
    }
}

/// Sorts problems into source order and adds line and column.
fn locate(text: &str, mut found: Vec<Found>) -> Problems {
    found.sort_by_key(|f| f.at);
    let index = LineIndex::new(text);
    let problems = found
        .into_iter()
        .map(|f| f.problem.at(index.position(f.at as usize)))
        .collect();
    Problems::new(problems).unwrap_or_else(|| {
        // Reading failed without saying why: reported rather than hidden.
        Problems::from(Problem::error(
            Code::InvalidJson,
            Path::root(),
            "the definition could not be read, and no reason was recorded: please report this",
        ))
    })
}

impl FromStr for StateMachine {
    type Err = Problems;

    /// Same as [`read_str`].
    fn from_str(text: &str) -> Result<StateMachine, Problems> {
        read_str(text)
    }
}

/// Deserializes through the same reader as [`read_str`]; the error lists every
/// problem (without line numbers, which only text has).
impl<'de> Deserialize<'de> for StateMachine {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<StateMachine, D::Error> {
        let json = Json::deserialize(deserializer)?;
        read_node(node_from_json(json)).map_err(|problems| {
            let lines: Vec<String> = problems.iter().map(|f| f.problem.to_string()).collect();
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
