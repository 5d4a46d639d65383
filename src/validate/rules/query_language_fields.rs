//! A state's fields belong to its query language: a JSONata state takes no
//! JSONPath field (`InputPath`, `Parameters`, `ResultSelector`,
//! `ResultPath`, `OutputPath`, `Result`, `ItemsPath`, the `...Path` forms) and
//! a JSONPath state no JSONata one (`Arguments`, `Output`, `Items`). Reading
//! text reports these already; a model built in code is checked here.

use crate::model::fields::state_field;
use crate::model::graph::{StateId, StateNode};
use crate::model::{
    FailCause, FailError, HeartbeatSeconds, MapItemSelector, MapItems, MaxConcurrency,
    QueryLanguage, State, TimeoutSeconds, ToleratedFailureCount, ToleratedFailurePercentage,
    WaitFor,
};
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::Code;

pub(crate) fn check(
    found: &mut Findings<'_>,
    machine: &Definition<'_>,
    id: StateId,
    node: &StateNode<'_>,
) {
    for_each_present_field(node.state, |field| {
        let Some(language) = state_field(field).and_then(|f| f.language) else {
            return;
        };
        if language == node.language {
            return;
        }
        let (code, other) = match node.language {
            QueryLanguage::Jsonata => (Code::JsonpathFieldInJsonataState, "JSONPath"),
            QueryLanguage::JsonPath => (Code::JsonataFieldInJsonpathState, "JSONata"),
        };
        found.error(
            machine.state_path(id).key(field),
            code,
            format!(
                "`{field}` is only supported in {other} states, and this state's query language \
                 is {}",
                node.language.as_str()
            ),
        );
    });
}

/// Calls `found` with each field of `state` that belongs to one query
/// language, when present.
fn for_each_present_field(state: &State, mut found: impl FnMut(&'static str)) {
    let mut add = |present: bool, name: &'static str| {
        if present {
            found(name);
        }
    };
    match state {
        State::Task(s) => {
            add(s.input_path.is_some(), "InputPath");
            add(s.parameters.is_some(), "Parameters");
            add(s.arguments.is_some(), "Arguments");
            add(
                matches!(s.timeout, Some(TimeoutSeconds::Path(_))),
                "TimeoutSecondsPath",
            );
            add(
                matches!(s.heartbeat, Some(HeartbeatSeconds::Path(_))),
                "HeartbeatSecondsPath",
            );
            add(s.result_selector.is_some(), "ResultSelector");
            add(s.result_path.is_some(), "ResultPath");
            add(s.output_path.is_some(), "OutputPath");
            add(s.output.is_some(), "Output");
        }
        State::Pass(s) => {
            add(s.input_path.is_some(), "InputPath");
            add(s.parameters.is_some(), "Parameters");
            add(s.result.is_some(), "Result");
            add(s.result_path.is_some(), "ResultPath");
            add(s.output_path.is_some(), "OutputPath");
            add(s.output.is_some(), "Output");
        }
        State::Wait(s) => {
            add(s.input_path.is_some(), "InputPath");
            add(matches!(s.wait_for, WaitFor::SecondsPath(_)), "SecondsPath");
            add(
                matches!(s.wait_for, WaitFor::TimestampPath(_)),
                "TimestampPath",
            );
            add(s.output_path.is_some(), "OutputPath");
            add(s.output.is_some(), "Output");
        }
        State::Choice(s) => {
            add(s.input_path.is_some(), "InputPath");
            add(s.output_path.is_some(), "OutputPath");
            add(s.output.is_some(), "Output");
        }
        State::Parallel(s) => {
            add(s.input_path.is_some(), "InputPath");
            add(s.parameters.is_some(), "Parameters");
            add(s.arguments.is_some(), "Arguments");
            add(s.result_selector.is_some(), "ResultSelector");
            add(s.result_path.is_some(), "ResultPath");
            add(s.output_path.is_some(), "OutputPath");
            add(s.output.is_some(), "Output");
        }
        State::Map(s) => {
            add(s.input_path.is_some(), "InputPath");
            add(matches!(s.items, Some(MapItems::ItemsPath(_))), "ItemsPath");
            add(matches!(s.items, Some(MapItems::Items(_))), "Items");
            add(
                matches!(s.item_selector, Some(MapItemSelector::Parameters(_))),
                "Parameters",
            );
            add(
                matches!(s.max_concurrency, Some(MaxConcurrency::Path(_))),
                "MaxConcurrencyPath",
            );
            add(
                matches!(
                    s.tolerated_failure_percentage,
                    Some(ToleratedFailurePercentage::Path(_))
                ),
                "ToleratedFailurePercentagePath",
            );
            add(
                matches!(
                    s.tolerated_failure_count,
                    Some(ToleratedFailureCount::Path(_))
                ),
                "ToleratedFailureCountPath",
            );
            add(s.result_selector.is_some(), "ResultSelector");
            add(s.result_path.is_some(), "ResultPath");
            add(s.output_path.is_some(), "OutputPath");
            add(s.output.is_some(), "Output");
        }
        State::Succeed(s) => {
            add(s.input_path.is_some(), "InputPath");
            add(s.output_path.is_some(), "OutputPath");
            add(s.output.is_some(), "Output");
        }
        State::Fail(s) => {
            add(matches!(s.error, Some(FailError::Path(_))), "ErrorPath");
            add(matches!(s.cause, Some(FailCause::Path(_))), "CausePath");
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::builder::{Jsonata, Pass, Payload, QueryLanguage, StateMachine, Task};
    use crate::Code;

    #[test]
    fn a_machine_built_in_code_keeps_each_field_to_its_language() {
        let task = Task::new("T", "arn:aws:states:::sns:publish")
            .query_language(QueryLanguage::Jsonata)
            .parameters(Payload::new().field("Message", "hi"))
            .timeout_seconds(5);
        let errors = StateMachine::new(task).build().unwrap_err();
        let found: Vec<(String, Code)> = errors
            .iter()
            .map(|e| (e.path().to_string(), e.code()))
            .collect();
        assert_eq!(
            found,
            [(
                "States.T.Parameters".to_owned(),
                Code::JsonpathFieldInJsonataState
            )]
        );
        let pass = Pass::new("P").output(Jsonata::new("$states.input"));
        let errors = StateMachine::new(pass).build().unwrap_err();
        assert_eq!(
            errors.as_slice()[0].code(),
            Code::JsonataFieldInJsonpathState
        );
    }
}
