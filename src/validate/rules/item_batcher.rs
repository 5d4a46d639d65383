//! A Distributed Map's `ItemBatcher` needs a batch limit; literal limits
//! are positive and `MaxInputBytesPerBatch` is at most 256 KiB.

use crate::model::graph::{StateId, StateNode};
use crate::model::{MaxInputBytesPerBatch, MaxItemsPerBatch, OrJsonata, State};
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::Code;

const MAX_BYTES: u64 = 262_144;

pub(crate) fn check(
    found: &mut Findings<'_>,
    machine: &Definition<'_>,
    id: StateId,
    node: &StateNode<'_>,
) {
    let State::Map(map) = node.state else { return };
    let Some(batcher) = &map.item_batcher else {
        return;
    };
    let at = || machine.state_path(id).key("ItemBatcher");
    if batcher.max_items_per_batch.is_none() && batcher.max_input_bytes_per_batch.is_none() {
        found.error(
            at(),
            Code::ItemBatcherNeedsALimit,
            "an `ItemBatcher` needs `MaxItemsPerBatch` or `MaxInputBytesPerBatch` \
             (or their `...Path` forms)",
        );
    }
    if let Some(MaxItemsPerBatch::Value(OrJsonata::Value(0))) = batcher.max_items_per_batch {
        found.error(
            at().key("MaxItemsPerBatch"),
            Code::ValueOutOfRange,
            "`MaxItemsPerBatch` must be at least 1",
        );
    }
    if let Some(MaxInputBytesPerBatch::Value(OrJsonata::Value(v))) =
        batcher.max_input_bytes_per_batch
    {
        if v == 0 || v > MAX_BYTES {
            found.error(
                at().key("MaxInputBytesPerBatch"),
                Code::ValueOutOfRange,
                format!("`MaxInputBytesPerBatch` is {v}; it must be 1 to {MAX_BYTES}"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::{one_state, paths};
    use crate::Code;

    fn map(batcher: &str) -> String {
        one_state(&format!(
            r#"{{"Type": "Map", "End": true, "ItemBatcher": {batcher},
                "ItemProcessor": {{"ProcessorConfig": {{"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}},
                    "StartAt": "I", "States": {{"I": {{"Type": "Succeed"}}}}}}}}"#
        ))
    }

    #[test]
    fn needs_a_positive_limit() {
        assert_eq!(
            paths(&map("{}"), Code::ItemBatcherNeedsALimit),
            ["States.S.ItemBatcher"]
        );
        assert_eq!(
            paths(&map(r#"{"MaxItemsPerBatch": 0}"#), Code::ValueOutOfRange),
            ["States.S.ItemBatcher.MaxItemsPerBatch"]
        );
        assert_eq!(
            paths(
                &map(r#"{"MaxInputBytesPerBatch": 262145}"#),
                Code::ValueOutOfRange
            ),
            ["States.S.ItemBatcher.MaxInputBytesPerBatch"]
        );
        let fine = map(r#"{"MaxItemsPerBatchPath": "$.n", "BatchInput": {}}"#);
        assert!(paths(&fine, Code::ItemBatcherNeedsALimit).is_empty());
    }
}
