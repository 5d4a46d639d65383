//! A literal payload close to the 256 KiB limit on a state's input and
//! output: anything the state adds at run time can push it over, and the
//! execution fails with `States.DataLimitExceeded`. Keep large data in S3 and
//! pass its location instead. A warning.

use std::io;

use crate::model::graph::{StateId, StateNode};
use crate::model::Json;
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::validate::payloads::{for_each_payload, walk, Node, Payload, Step};
use crate::Code;

/// AWS's limit on the data a state passes on: 256 KiB.
const LIMIT: usize = 256 * 1024;

/// Warn from four fifths of the limit.
const WARN_AT: usize = LIMIT / 5 * 4;

pub(crate) fn check(
    found: &mut Findings<'_>,
    machine: &Definition<'_>,
    id: StateId,
    node: &StateNode<'_>,
) {
    if found.too_deep {
        return;
    }
    for_each_payload(node.state, node.language, |field, payload, _| {
        if size_at_most(payload) < WARN_AT {
            return;
        }
        let size = match payload {
            Payload::Value(json) => written_size(json),
            Payload::Object(object) => written_size(object),
        };
        if size >= WARN_AT {
            found.warn(
                field.at(machine.state_path(id)),
                Code::LargeStaticPayload,
                format!(
                    "`{}` holds {} KiB of literal data, close to the 256 KiB a state may pass \
                     on: keep large data in S3 and pass its bucket and key instead",
                    field.name(),
                    size / 1024
                ),
            );
        }
    });
}

/// No less than the size of `payload` as compact JSON, counted over its
/// values without writing them: a key or a string as if each of its bytes
/// took six (`\u0001`), a number exactly. Most payloads are far below the
/// limit by this count, and are not written out at all.
fn size_at_most(payload: Payload<'_>) -> usize {
    let mut size = 0;
    walk(payload, |steps, node| {
        // A comma before the value, and for a member its key and colon.
        size += match steps.last() {
            Some(Step::Key(key)) => 6 * key.len() + 4,
            _ => 1,
        };
        size += match node {
            Node::Object(_) | Node::Value(Json::Object(_) | Json::Array(_)) => 2,
            Node::Value(Json::String(text)) => 6 * text.len() + 2,
            Node::Value(Json::Number(number)) => written_size(number),
            Node::Value(Json::Bool(_) | Json::Null) => 5,
        };
    });
    size
}

/// The size of `value` as compact JSON, counted without storing it.
fn written_size<T: serde::Serialize>(value: &T) -> usize {
    let mut counter = Counter(0);
    match serde_json::to_writer(&mut counter, value) {
        Ok(()) => counter.0,
        Err(_) => 0,
    }
}

struct Counter(usize);

impl io::Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{size_at_most, written_size};
    use crate::model::{Json, Number};
    use crate::validate::payloads::Payload;
    use crate::validate::rules::test_util::{one_state, paths};
    use crate::Code;
    use proptest::prelude::*;

    #[test]
    fn warns_about_a_literal_payload_near_the_limit() {
        let big = "x".repeat(220 * 1024);
        let text = one_state(&format!(
            r#"{{"Type": "Pass", "Result": {{"blob": "{big}"}}, "Next": "Done"}}"#
        ));
        assert_eq!(paths(&text, Code::LargeStaticPayload), ["States.S.Result"]);
        let small = one_state(r#"{"Type": "Pass", "Result": {"blob": "x"}, "Next": "Done"}"#);
        assert!(paths(&small, Code::LargeStaticPayload).is_empty());
    }

    /// JSON with strings of any characters (quotes, backslashes, control
    /// characters, non-ASCII) and numbers of every kind.
    fn any_json() -> impl Strategy<Value = Json> {
        let leaf = prop_oneof![
            Just(Json::Null),
            any::<bool>().prop_map(Json::Bool),
            any::<u64>().prop_map(|n| Json::Number(Number::from(n))),
            any::<i64>().prop_map(|n| Json::Number(Number::from(n))),
            any::<f64>().prop_map(|f| Number::from_f64(f).map_or(Json::Null, Json::Number)),
            any::<String>().prop_map(Json::String),
        ];
        leaf.prop_recursive(4, 32, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Json::Array),
                prop::collection::vec((any::<String>(), inner), 0..4)
                    .prop_map(|pairs| Json::Object(pairs.into_iter().collect())),
            ]
        })
    }

    proptest! {
        /// The count that lets a payload skip being written is never below
        /// its written size, so no payload near the limit is skipped.
        #[test]
        fn the_quick_count_is_never_below_the_written_size(json in any_json()) {
            let payload = Payload::Value(&json);
            prop_assert!(size_at_most(payload) >= written_size(&json));
            if let Json::Object(object) = &json {
                prop_assert!(size_at_most(Payload::Object(object)) >= written_size(object));
            }
        }
    }
}
