//! A Map's literal `ToleratedFailurePercentage` is 0 to 100.

use crate::model::graph::{StateId, StateNode};
use crate::model::{OrJsonata, State, ToleratedFailurePercentage};
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
    if let Some(ToleratedFailurePercentage::Value(OrJsonata::Value(n))) =
        &map.tolerated_failure_percentage
    {
        let v = n.as_f64();
        if !(0.0..=100.0).contains(&v) {
            found.error(
                machine.state_path(id).key("ToleratedFailurePercentage"),
                Code::ValueOutOfRange,
                format!("`ToleratedFailurePercentage` is {n}; it must be 0 to 100"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::{one_state, paths};
    use crate::Code;

    fn map(percentage: &str) -> String {
        one_state(&format!(
            r#"{{"Type": "Map", "End": true, "ToleratedFailurePercentage": {percentage},
                "ItemProcessor": {{"ProcessorConfig": {{"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}},
                    "StartAt": "I", "States": {{"I": {{"Type": "Succeed"}}}}}}}}"#
        ))
    }

    #[test]
    fn accepts_0_to_100_including_fractions() {
        for ok in ["0", "1.1", "100"] {
            assert!(paths(&map(ok), Code::ValueOutOfRange).is_empty(), "{ok}");
        }
        for bad in ["-1", "100.1"] {
            assert_eq!(
                paths(&map(bad), Code::ValueOutOfRange),
                ["States.S.ToleratedFailurePercentage"],
                "{bad}"
            );
        }
    }
}
