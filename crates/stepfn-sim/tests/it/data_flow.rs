//! The JSONPath input and output pipeline.

use crate::support::{one, outcome, run};

#[test]
fn input_path_null_gives_an_empty_object() {
    let r = run(
        &one(
            r#"{"Type": "Pass", "InputPath": null, "Parameters": {"FromInput.$": "$"}, "End": true}"#,
        ),
        r#"{"a": 1}"#,
    );
    assert_eq!(outcome(&r), r#"{"FromInput":{}}"#);
}

#[test]
fn output_path_null_gives_an_empty_object() {
    let r = run(
        &one(r#"{"Type": "Pass", "OutputPath": null, "End": true}"#),
        r#"{"a": 1}"#,
    );
    assert_eq!(outcome(&r), "{}");
}

#[test]
fn result_path_null_keeps_the_raw_input() {
    let r = run(
        &one(
            r#"{"Type": "Pass", "InputPath": "$.a", "Result": 5, "ResultPath": null, "End": true}"#,
        ),
        r#"{"a": 1}"#,
    );
    assert_eq!(outcome(&r), r#"{"a":1}"#);
}

#[test]
fn result_path_writes_into_the_raw_input_not_the_filtered_one() {
    let r = run(
        &one(
            r#"{"Type": "Pass", "InputPath": "$.detail", "ResultPath": "$.detail.out", "End": true}"#,
        ),
        r#"{"detail": {"x": 1}, "other": 2}"#,
    );
    assert_eq!(outcome(&r), r#"{"detail":{"x":1,"out":{"x":1}},"other":2}"#);
}

#[test]
fn result_path_creates_objects_and_fails_on_scalars() {
    let r = run(
        &one(r#"{"Type": "Pass", "Result": 1, "ResultPath": "$.a.b", "End": true}"#),
        r#"{"x": 1}"#,
    );
    assert_eq!(outcome(&r), r#"{"x":1,"a":{"b":1}}"#);
    let r = run(
        &one(r#"{"Type": "Pass", "Result": 1, "ResultPath": "$.x", "End": true}"#),
        r#""foo""#,
    );
    assert_eq!(r.error(), Some("States.ResultPathMatchFailure"));
}

#[test]
fn a_missing_definite_path_in_parameters_is_runtime_and_uncatchable() {
    let definition = r#"{"StartAt": "T", "States": {
        "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
              "Parameters": {"v.$": "$.missing"},
              "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Caught"}], "End": true},
        "Caught": {"Type": "Succeed"}}}"#;
    let r = crate::support::sim(definition)
        .handler("T", |_| Ok(serde_json::json!({})))
        .run("{}")
        .unwrap();
    assert_eq!(r.error(), Some("States.Runtime"));
    assert!(r.cause().unwrap().starts_with(
        "An error occurred while executing the state 'T' (entered at the event id #2). \
         The JSONPath '$.missing' specified for the field 'v.$' could not be found in the input '{}'"
    ));
}

#[test]
fn indefinite_paths_give_arrays() {
    let r = run(
        &one(r#"{"Type": "Pass", "Parameters": {"v.$": "$.items[*]"}, "End": true}"#),
        "{}",
    );
    assert_eq!(outcome(&r), r#"{"v":[]}"#);
    let r = run(
        &one(r#"{"Type": "Pass", "Parameters": {"p.$": "$.a[0,1]"}, "End": true}"#),
        r#"{"a": [1, 2, 3]}"#,
    );
    assert_eq!(outcome(&r), r#"{"p":[1,2]}"#);
}

#[test]
fn a_missing_input_path_is_runtime() {
    let r = run(
        &one(r#"{"Type": "Pass", "InputPath": "$.missing", "End": true}"#),
        "{}",
    );
    assert_eq!(r.error(), Some("States.Runtime"));
    assert!(r
        .cause()
        .unwrap()
        .ends_with("Invalid path '$.missing' : No results for path: $['missing']"));
}

#[test]
fn pass_result_is_static() {
    let r = run(
        &one(r#"{"Type": "Pass", "Result": {"a.$": "$.x"}, "End": true}"#),
        r#"{"x": 1}"#,
    );
    assert_eq!(outcome(&r), r#"{"a.$":"$.x"}"#);
}

#[test]
fn the_context_object_has_every_field() {
    let r = crate::support::sim(&one(
        r#"{"Type": "Pass", "Parameters": {"c.$": "$$"}, "End": true}"#,
    ))
    .name("Orders")
    .execution_name("e1")
    .run(r#"{"in": 1}"#)
    .unwrap();
    assert_eq!(
        outcome(&r),
        r#"{"c":{"Execution":{"Id":"arn:aws:states:us-east-1:123456789012:execution:Orders:e1","Input":{"in":1},"StartTime":"2024-01-01T00:00:00.000Z","Name":"e1","RoleArn":"arn:aws:iam::123456789012:role/StepFunctions-Orders-role","RedriveCount":0},"State":{"EnteredTime":"2024-01-01T00:00:00.000Z","Name":"S"},"StateMachine":{"Id":"arn:aws:states:us-east-1:123456789012:stateMachine:Orders","Name":"Orders"}}}"#
    );
}

#[test]
fn no_input_is_an_empty_object() {
    let r = run(&one(r#"{"Type": "Pass", "End": true}"#), "");
    assert_eq!(outcome(&r), "{}");
}

#[test]
fn variables_are_assigned_from_the_result_and_read_later() {
    let r = run(
        r#"{"StartAt": "A", "States": {
            "A": {"Type": "Pass", "Result": {"y": 1}, "Assign": {"x.$": "$.y", "lit": "v"}, "Next": "B"},
            "B": {"Type": "Pass", "Parameters": {"x.$": "$x", "lit.$": "$lit"}, "End": true}}}"#,
        "{}",
    );
    assert_eq!(outcome(&r), r#"{"x":1,"lit":"v"}"#);
}

#[test]
fn output_path_reads_variables_as_they_were_on_entry() {
    let r = run(
        r#"{"StartAt": "A", "States": {
            "A": {"Type": "Pass", "Assign": {"v": 1}, "Next": "B"},
            "B": {"Type": "Pass", "Assign": {"v": 2}, "OutputPath": "$v", "End": true}}}"#,
        "{}",
    );
    assert_eq!(outcome(&r), "1");
}

#[test]
fn the_state_output_limit_is_256_kib() {
    let big = format!(r#"{{"s": "{}"}}"#, "x".repeat(262_140));
    let r = run(&one(r#"{"Type": "Pass", "End": true}"#), &big);
    assert_eq!(r.error(), Some("States.DataLimitExceeded"));
    let fits = format!(r#"{{"s": "{}"}}"#, "x".repeat(262_100));
    assert_eq!(
        run(&one(r#"{"Type": "Pass", "End": true}"#), &fits).status(),
        stepfn_sim::Status::Succeeded
    );
}
