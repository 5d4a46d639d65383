//! Parallel and Map states.

use stepfn_sim::{Failure, Status};

use crate::support::{outcome, run, sim};

#[test]
fn parallel_results_are_in_branch_order_whatever_finishes_first() {
    let r = run(
        r#"{"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
            {"StartAt": "Slow", "States": {"Slow": {"Type": "Wait", "Seconds": 10, "Next": "A"},
                                           "A": {"Type": "Pass", "Result": "a", "End": true}}},
            {"StartAt": "B", "States": {"B": {"Type": "Pass", "Result": "b", "End": true}}}]}}}"#,
        "{}",
    );
    assert_eq!(outcome(&r), r#"["a","b"]"#);
    assert_eq!(r.elapsed_millis(), 10_000);
}

#[test]
fn branches_wait_side_by_side_on_the_clock() {
    let r = run(
        r#"{"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
            {"StartAt": "W1", "States": {"W1": {"Type": "Wait", "Seconds": 10, "End": true}}},
            {"StartAt": "W2", "States": {"W2": {"Type": "Wait", "Seconds": 20, "End": true}}}]}}}"#,
        "{}",
    );
    assert_eq!(r.elapsed_millis(), 20_000);
}

#[test]
fn a_branch_failure_is_the_parallel_error_and_can_be_caught() {
    let r = run(
        r#"{"StartAt": "P", "States": {
            "P": {"Type": "Parallel", "Next": "Done", "Branches": [
                {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 100, "End": true}}},
                {"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "FailureType", "Cause": "Cause description"}}}],
              "Catch": [{"ErrorEquals": ["FailureType"], "Next": "Handled"}]},
            "Handled": {"Type": "Pass", "End": true},
            "Done": {"Type": "Succeed"}}}"#,
        "{}",
    );
    assert_eq!(
        outcome(&r),
        r#"{"Error":"FailureType","Cause":"Cause description"}"#
    );
    assert_eq!(r.elapsed_millis(), 0);
    let types: Vec<&str> = r.history().iter().map(|e| e.event_type.as_str()).collect();
    assert!(types.contains(&"WaitStateAborted"), "{types:?}");
    assert!(types.contains(&"ParallelStateFailed"), "{types:?}");
}

#[test]
fn parallel_retry_runs_every_branch_again() {
    let r = sim(
        r#"{"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true,
            "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 1}],
            "Branches": [
                {"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true}}},
                {"StartAt": "B", "States": {"B": {"Type": "Pass", "End": true}}}]}}}"#,
    )
    .handler("A", |call| {
        if call.invocation() == 0 {
            Err(Failure::new("E", "c"))
        } else {
            Ok(serde_json::json!("ok"))
        }
    })
    .run("{}")
    .unwrap();
    assert_eq!(outcome(&r), r#"["ok",{}]"#);
    let started = r
        .history()
        .iter()
        .filter(|e| e.event_type.as_str() == "ParallelStateStarted")
        .count();
    assert_eq!(started, 2);
}

const MAP: &str = r#"{"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.items",
    "ItemSelector": {"orig.$": "$.tag", "v.$": "$$.Map.Item.Value", "i.$": "$$.Map.Item.Index"},
    "ItemProcessor": {"StartAt": "Double", "States": {
        "Double": {"Type": "Pass", "Parameters": {"v.$": "States.MathAdd($.v, $.v)", "i.$": "$.i", "t.$": "$.orig"}, "End": true}}},
    "End": true}}}"#;

#[test]
fn map_item_selector_sees_the_map_input_and_the_item() {
    let r = run(MAP, r#"{"tag": "x", "items": [1, 2, 3]}"#);
    assert_eq!(
        outcome(&r),
        r#"[{"v":2,"i":0,"t":"x"},{"v":4,"i":1,"t":"x"},{"v":6,"i":2,"t":"x"}]"#
    );
}

#[test]
fn map_items_path_must_be_an_array() {
    let r = run(MAP, r#"{"tag": "x", "items": {"a": 1}}"#);
    assert_eq!(r.error(), Some("States.Runtime"));
    assert!(r
        .cause()
        .unwrap()
        .ends_with("Reference path \"$.items\" must point to array."));
    assert_eq!(outcome(&run(MAP, r#"{"tag": "x", "items": []}"#)), "[]");
}

#[test]
fn max_concurrency_one_runs_items_in_order_one_after_another() {
    let r = run(
        r#"{"StartAt": "M", "States": {"M": {"Type": "Map", "MaxConcurrency": 1,
            "ItemProcessor": {"StartAt": "W", "States": {"W": {"Type": "Wait", "SecondsPath": "$", "End": true}}},
            "End": true}}}"#,
        "[3, 1, 2]",
    );
    assert_eq!(outcome(&r), "[3,1,2]");
    assert_eq!(r.elapsed_millis(), 6000);
    let unlimited = run(
        r#"{"StartAt": "M", "States": {"M": {"Type": "Map",
            "ItemProcessor": {"StartAt": "W", "States": {"W": {"Type": "Wait", "SecondsPath": "$", "End": true}}},
            "End": true}}}"#,
        "[3, 1, 2]",
    );
    assert_eq!(unlimited.elapsed_millis(), 3000);
}

#[test]
fn a_failed_iteration_fails_the_map_and_aborts_the_others() {
    let r = sim(r#"{"StartAt": "M", "States": {"M": {"Type": "Map",
            "ItemProcessor": {"StartAt": "T", "States": {"T": {"Type": "Task",
                "Resource": "arn:aws:states:::lambda:invoke", "End": true}}},
            "End": true}}}"#)
    .handler("T", |call| match call.input().as_str() {
        Some("bad") => Err(Failure::new("Bad", "item")),
        _ => Ok(serde_json::json!(1)),
    })
    .run(r#"["ok", "bad", "ok"]"#)
    .unwrap();
    assert_eq!(r.error(), Some("Bad"));
    let types: Vec<&str> = r.history().iter().map(|e| e.event_type.as_str()).collect();
    assert!(types.contains(&"MapIterationFailed"), "{types:?}");
    assert!(types.contains(&"MapStateFailed"), "{types:?}");
}

#[test]
fn legacy_iterator_and_parameters_work() {
    let r = run(
        r#"{"StartAt": "M", "States": {"M": {"Type": "Map", "Parameters": {"x.$": "$$.Map.Item.Value"},
            "Iterator": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}}}"#,
        "[1]",
    );
    assert_eq!(outcome(&r), r#"[{"x":1}]"#);
}

#[test]
fn iterations_read_outer_variables_and_keep_their_own() {
    let r = run(
        r#"{"StartAt": "Set", "States": {
            "Set": {"Type": "Pass", "Assign": {"factor": 10}, "Next": "M"},
            "M": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "A", "States": {
                "A": {"Type": "Pass", "Assign": {"mine.$": "$"}, "Next": "B"},
                "B": {"Type": "Pass", "Parameters": {"f.$": "$factor", "m.$": "$mine"}, "End": true}}}}}}"#,
        "[1, 2]",
    );
    assert_eq!(outcome(&r), r#"[{"f":10,"m":1},{"f":10,"m":2}]"#);
}

#[test]
fn distributed_maps_tolerate_failures_up_to_their_threshold() {
    let definition = |tolerated: &str| {
        format!(
            r#"{{"StartAt": "M", "States": {{"M": {{"Type": "Map", {tolerated}
                "ItemProcessor": {{"ProcessorConfig": {{"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}},
                    "StartAt": "C", "States": {{"C": {{"Type": "Choice",
                        "Choices": [{{"Variable": "$", "NumericGreaterThan": 2, "Next": "F"}}], "Default": "OK"}},
                    "F": {{"Type": "Fail", "Error": "Big"}}, "OK": {{"Type": "Succeed"}}}}}},
                "End": true}}}}}}"#
        )
    };
    let items = "[1, 2, 3, 4]";
    let r = run(&definition(r#""ToleratedFailureCount": 2,"#), items);
    assert_eq!(r.status(), Status::Succeeded, "{:?}", r.failure());
    let r = run(&definition(r#""ToleratedFailureCount": 1,"#), items);
    assert_eq!(r.error(), Some("States.ExceedToleratedFailureThreshold"));
    let r = run(&definition(r#""ToleratedFailurePercentage": 50,"#), items);
    assert_eq!(r.status(), Status::Succeeded);
}
