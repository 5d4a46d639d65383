//! A literal payload close to the 256 KiB limit on a state's input and
//! output: anything the state adds at run time can push it over, and the
//! execution fails with `States.DataLimitExceeded`. Keep large data in S3 and
//! pass its location instead. A warning.

use std::io;

use crate::model::graph::{StateId, StateNode};
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::validate::payloads::{for_each_payload, Payload};
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
    use crate::validate::rules::test_util::{one_state, paths};
    use crate::Code;

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
}
