//! Variables and their scopes, as the validator and the simulator agree on
//! them: inner scopes read outer variables and vanish; reads of variables
//! a scope cannot see are refused before anything runs.

use stepfn_sim::SimError;

use crate::support::{outcome, run};

#[test]
fn branches_read_outer_variables_and_their_own_vanish() {
    let definition = r#"{"StartAt": "Set", "States": {
        "Set": {"Type": "Pass", "Assign": {"rate": 2}, "Next": "P"},
        "P": {"Type": "Parallel", "Next": "After", "Branches": [
            {"StartAt": "A", "States": {
                "A": {"Type": "Pass", "Assign": {"mine": 5}, "Next": "B"},
                "B": {"Type": "Pass", "Parameters": {"v.$": "States.MathAdd($mine, $rate)"}, "End": true}}},
            {"StartAt": "J", "States": {"J": {"Type": "Pass", "QueryLanguage": "JSONata",
                "Output": "{% $rate * 10 %}", "End": true}}}]},
        "After": {"Type": "Pass", "Parameters": {"results.$": "$", "rate.$": "$rate"}, "End": true}}}"#;
    assert_eq!(
        outcome(&run(definition, "{}")),
        r#"{"results":[{"v":7},20],"rate":2}"#
    );
}

#[test]
fn reads_the_validator_refuses_never_run() {
    let sibling = r#"{"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"mine": 1}, "End": true}}},
        {"StartAt": "B", "States": {"B": {"Type": "Pass", "Parameters": {"x.$": "$mine"}, "End": true}}}]}}}"#;
    let distributed = r#"{"StartAt": "A", "States": {
        "A": {"Type": "Pass", "Assign": {"limit": 3}, "Next": "M"},
        "M": {"Type": "Map", "End": true, "ItemProcessor": {
            "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
            "StartAt": "I", "States": {"I": {"Type": "Pass", "QueryLanguage": "JSONata",
                "Output": "{% $limit %}", "End": true}}}}}}"#;
    for definition in [sibling, distributed] {
        match stepfn_sim::Simulator::from_json(definition) {
            Err(SimError::Invalid(problems)) => {
                assert!(
                    problems.to_string().contains("VARIABLE_OUT_OF_SCOPE"),
                    "{problems}"
                );
            }
            other => panic!("expected VARIABLE_OUT_OF_SCOPE, got {other:?}"),
        }
    }
}
