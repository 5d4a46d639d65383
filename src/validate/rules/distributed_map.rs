//! Distributed Map specifics: `ExecutionType` is required in `DISTRIBUTED`
//! mode; `CSVHeaders` goes with `"CSVHeaderLocation": "GIVEN"`;
//! `ReaderConfig.MaxItems` is at most 100,000,000; and Distributed-only fields
//! on an inline Map draw a warning.

use crate::model::graph::{StateId, StateNode};
use crate::model::{CsvHeaderLocation, Map, MaxItems, OrJsonata, ProcessorMode, State};
use crate::problem::Path;
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::Code;

const MAX_ITEMS: u64 = 100_000_000;

pub(crate) fn check(
    found: &mut Findings<'_>,
    machine: &Definition<'_>,
    id: StateId,
    node: &StateNode<'_>,
) {
    let State::Map(map) = node.state else { return };
    let at = || machine.state_path(id);
    let processor = map.processor.processor();
    let config = processor.processor_config.as_ref();
    let distributed = config.and_then(|c| c.mode) == Some(ProcessorMode::Distributed);
    if distributed && config.and_then(|c| c.execution_type).is_none() {
        let field = processor_field(map);
        found.error(
            at().key(field).key("ProcessorConfig"),
            Code::MissingExecutionType,
            "a DISTRIBUTED Map needs `ExecutionType`: \"STANDARD\" or \"EXPRESS\"",
        );
    }
    if !distributed {
        warn_distributed_fields(found, map, at());
    }
    let Some(reader) = map
        .item_reader
        .as_ref()
        .and_then(|r| r.reader_config.as_ref())
    else {
        return;
    };
    let reader_at = || at().key("ItemReader").key("ReaderConfig");
    let given = reader.csv_header_location == Some(CsvHeaderLocation::Given);
    match (given, reader.csv_headers.is_some()) {
        (true, false) => found.error(
            reader_at(),
            Code::CsvHeadersMismatch,
            "`\"CSVHeaderLocation\": \"GIVEN\"` needs the column names in `CSVHeaders`",
        ),
        (false, true) => found.error(
            reader_at().key("CSVHeaders"),
            Code::CsvHeadersMismatch,
            "`CSVHeaders` is only used with `\"CSVHeaderLocation\": \"GIVEN\"`",
        ),
        _ => {}
    }
    if let Some(MaxItems::Value(OrJsonata::Value(v))) = reader.max_items {
        if v > MAX_ITEMS {
            found.error(
                reader_at().key("MaxItems"),
                Code::ValueOutOfRange,
                format!("`MaxItems` is {v}; it must be 0 (no limit) to {MAX_ITEMS}"),
            );
        }
    }
}

fn processor_field(map: &Map) -> &'static str {
    match map.processor {
        crate::model::MapProcessor::ItemProcessor(_) => "ItemProcessor",
        crate::model::MapProcessor::Iterator(_) => "Iterator",
    }
}

fn warn_distributed_fields(found: &mut Findings<'_>, map: &Map, at: Path) {
    let fields = [
        ("ItemReader", map.item_reader.is_some()),
        ("ItemBatcher", map.item_batcher.is_some()),
        ("ResultWriter", map.result_writer.is_some()),
        ("Label", map.label.is_some()),
        (
            "ToleratedFailurePercentage",
            map.tolerated_failure_percentage.is_some(),
        ),
        (
            "ToleratedFailureCount",
            map.tolerated_failure_count.is_some(),
        ),
    ];
    for (field, present) in fields {
        if present {
            found.warn(
                at.clone().key(field),
                Code::DistributedFieldOnInlineMap,
                format!(
                    "`{field}` only takes effect in a Distributed Map: set \
                     `ProcessorConfig.Mode` to \"DISTRIBUTED\" or remove it"
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::{one_state, paths};
    use crate::validate::Validator;
    use crate::Code;

    #[test]
    fn distributed_needs_an_execution_type() {
        let text = one_state(
            r#"{"Type": "Map", "End": true, "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED"},
                "StartAt": "I", "States": {"I": {"Type": "Succeed"}}}}"#,
        );
        assert_eq!(
            paths(&text, Code::MissingExecutionType),
            ["States.S.ItemProcessor.ProcessorConfig"]
        );
    }

    #[test]
    fn csv_headers_go_with_given() {
        let text = one_state(
            r#"{"Type": "Map", "End": true,
                "ItemReader": {"Resource": "arn:aws:states:::s3:getObject",
                    "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "GIVEN"}},
                "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
                    "StartAt": "I", "States": {"I": {"Type": "Succeed"}}}}"#,
        );
        assert_eq!(
            paths(&text, Code::CsvHeadersMismatch),
            ["States.S.ItemReader.ReaderConfig"]
        );
    }

    #[test]
    fn distributed_fields_on_an_inline_map_warn_but_stay_valid() {
        let text = one_state(
            r#"{"Type": "Map", "End": true, "Label": "x", "ItemProcessor": {
                "StartAt": "I", "States": {"I": {"Type": "Succeed"}}}}"#,
        );
        assert_eq!(
            paths(&text, Code::DistributedFieldOnInlineMap),
            ["States.S.Label"]
        );
        let report = Validator::new().check_str(&text);
        assert!(report
            .errors()
            .iter()
            .all(|e| e.code() != Code::DistributedFieldOnInlineMap));
    }
}
