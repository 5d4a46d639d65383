//! Every `...Path` field that points at one value (`TimeoutSecondsPath`,
//! `SecondsPath`, `ItemsPath`, `MaxConcurrencyPath`, ...) is a reference path
//!. `$$` and variables are allowed there.

use crate::model::graph::{StateId, StateNode};
use crate::model::{
    HeartbeatSeconds, MapItems, MaxConcurrency, MaxInputBytesPerBatch, MaxItems, MaxItemsPerBatch,
    State, TimeoutSeconds, ToleratedFailureCount, ToleratedFailurePercentage, WaitFor,
};
use crate::problem::Path;
use crate::syntax::check_reference_path;
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::Code;

pub(crate) fn check(
    found: &mut Findings<'_>,
    machine: &Definition<'_>,
    id: StateId,
    node: &StateNode<'_>,
) {
    for (field, path) in fields(node.state) {
        if let Err(err) = check_reference_path(path) {
            let at = field
                .iter()
                .fold(machine.state_path(id), |at: Path, f| at.key(f));
            found.error(
                at,
                Code::InvalidReferencePath,
                format!(
                    "`{path}` is not a reference path (a path to one value: `$.field`, \
                     `$['field']`, `$.list[0]`): {} (at character {})",
                    err.message,
                    err.offset + 1
                ),
            );
        }
    }
}

/// Every `...Path` field of `state` that points at one value, with its
/// field names below the state and its text.
pub(crate) fn fields(state: &State) -> Vec<(&'static [&'static str], &str)> {
    let mut fields: Vec<(&'static [&'static str], &str)> = Vec::new();
    match state {
        State::Task(t) => {
            if let Some(TimeoutSeconds::Path(p)) = &t.timeout {
                fields.push((&["TimeoutSecondsPath"], p));
            }
            if let Some(HeartbeatSeconds::Path(p)) = &t.heartbeat {
                fields.push((&["HeartbeatSecondsPath"], p));
            }
        }
        State::Wait(w) => match &w.wait_for {
            WaitFor::SecondsPath(p) => fields.push((&["SecondsPath"], p)),
            WaitFor::TimestampPath(p) => fields.push((&["TimestampPath"], p)),
            _ => {}
        },
        State::Map(m) => {
            if let Some(MapItems::ItemsPath(p)) = &m.items {
                fields.push((&["ItemsPath"], p));
            }
            if let Some(MaxConcurrency::Path(p)) = &m.max_concurrency {
                fields.push((&["MaxConcurrencyPath"], p));
            }
            if let Some(ToleratedFailurePercentage::Path(p)) = &m.tolerated_failure_percentage {
                fields.push((&["ToleratedFailurePercentagePath"], p));
            }
            if let Some(ToleratedFailureCount::Path(p)) = &m.tolerated_failure_count {
                fields.push((&["ToleratedFailureCountPath"], p));
            }
            let reader = m
                .item_reader
                .as_ref()
                .and_then(|r| r.reader_config.as_ref());
            if let Some(MaxItems::Path(p)) = reader.and_then(|c| c.max_items.as_ref()) {
                fields.push((&["ItemReader", "ReaderConfig", "MaxItemsPath"], p));
            }
            if let Some(b) = &m.item_batcher {
                if let Some(MaxItemsPerBatch::Path(p)) = &b.max_items_per_batch {
                    fields.push((&["ItemBatcher", "MaxItemsPerBatchPath"], p));
                }
                if let Some(MaxInputBytesPerBatch::Path(p)) = &b.max_input_bytes_per_batch {
                    fields.push((&["ItemBatcher", "MaxInputBytesPerBatchPath"], p));
                }
            }
        }
        _ => {}
    }
    fields
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::{one_state, paths};
    use crate::Code;

    #[test]
    fn flags_wildcards_and_non_paths() {
        let text = one_state(
            r#"{"Type": "Map", "ItemsPath": "$.orders[*]", "MaxConcurrencyPath": "limit",
                "ItemProcessor": {"StartAt": "I", "States": {"I": {"Type": "Succeed"}}}, "Next": "Done"}"#,
        );
        assert_eq!(
            paths(&text, Code::InvalidReferencePath),
            ["States.S.ItemsPath", "States.S.MaxConcurrencyPath"]
        );
        let ok = one_state(
            r#"{"Type": "Wait", "SecondsPath": "$$.Execution.Input.delay", "Next": "Done"}"#,
        );
        assert!(paths(&ok, Code::InvalidReferencePath).is_empty());
    }
}
