//! A `ResultWriter` needs a `Resource` or a non-empty `WriterConfig`.

use crate::model::graph::{StateId, StateNode};
use crate::model::State;
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::Code;

pub(crate) fn check(
    found: &mut Findings<'_>,
    machine: &Definition<'_>,
    id: StateId,
    node: &StateNode<'_>,
) {
    let State::Map(map) = node.state else { return };
    let Some(writer) = &map.result_writer else {
        return;
    };
    let config = writer
        .writer_config
        .as_ref()
        .is_some_and(|c| c.output_type.is_some() || c.transformation.is_some());
    if writer.resource.is_none() && !config {
        found.error(
            machine.state_path(id).key("ResultWriter"),
            Code::ResultWriterEmpty,
            "a `ResultWriter` needs a `Resource` (arn:aws:states:::s3:putObject with \
             `Bucket` and `Prefix`) or a `WriterConfig` with `OutputType` or `Transformation`",
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::{one_state, paths};
    use crate::Code;

    fn map(writer: &str) -> String {
        one_state(&format!(
            r#"{{"Type": "Map", "End": true, "ResultWriter": {writer},
                "ItemProcessor": {{"ProcessorConfig": {{"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}},
                    "StartAt": "I", "States": {{"I": {{"Type": "Succeed"}}}}}}}}"#
        ))
    }

    #[test]
    fn needs_a_resource_or_a_config() {
        for empty in ["{}", r#"{"WriterConfig": {}}"#] {
            assert_eq!(
                paths(&map(empty), Code::ResultWriterEmpty),
                ["States.S.ResultWriter"]
            );
        }
        let config = map(r#"{"WriterConfig": {"OutputType": "JSONL"}}"#);
        assert!(paths(&config, Code::ResultWriterEmpty).is_empty());
    }
}
