//! Choice states.

use crate::support::{outcome, run};

const CHOICE: &str = r#"{"StartAt": "C", "States": {
    "C": {"Type": "Choice", "Choices": [
            {"Variable": "$.v", "NumericGreaterThan": 10, "Next": "Big", "Assign": {"size": "big"}},
            {"And": [{"Variable": "$.v", "IsPresent": true}, {"Variable": "$.v", "NumericLessThan": 0}],
             "Next": "Negative"}],
          "Default": "Other", "Assign": {"size": "other"}},
    "Big": {"Type": "Pass", "Parameters": {"size.$": "$size"}, "End": true},
    "Negative": {"Type": "Pass", "Result": "negative", "End": true},
    "Other": {"Type": "Pass", "Parameters": {"size.$": "$size"}, "End": true}}}"#;

#[test]
fn first_matching_rule_wins_with_its_assign() {
    assert_eq!(outcome(&run(CHOICE, r#"{"v": 11}"#)), r#"{"size":"big"}"#);
    assert_eq!(outcome(&run(CHOICE, r#"{"v": -1}"#)), r#""negative""#);
    assert_eq!(outcome(&run(CHOICE, r#"{"v": 5}"#)), r#"{"size":"other"}"#);
    assert_eq!(
        outcome(&run(CHOICE, r#"{"v": "11"}"#)),
        r#"{"size":"other"}"#
    );
}

#[test]
fn a_missing_variable_fails_the_execution() {
    let r = run(CHOICE, "{}");
    assert_eq!(r.error(), Some("States.Runtime"));
}

#[test]
fn no_match_and_no_default_is_no_choice_matched() {
    let r = run(
        r#"{"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [
            {"Variable": "$.v", "BooleanEquals": true, "Next": "D"}]}, "D": {"Type": "Succeed"}}}"#,
        r#"{"v": false}"#,
    );
    assert_eq!(r.error(), Some("States.NoChoiceMatched"));
}

#[test]
fn choice_output_is_its_effective_input() {
    let r = run(
        r#"{"StartAt": "C", "States": {"C": {"Type": "Choice", "InputPath": "$.a", "OutputPath": "$.b",
            "Choices": [{"Variable": "$.b", "IsString": true, "Next": "D"}]}, "D": {"Type": "Succeed"}}}"#,
        r#"{"a": {"b": "x"}}"#,
    );
    assert_eq!(outcome(&r), r#""x""#);
}
