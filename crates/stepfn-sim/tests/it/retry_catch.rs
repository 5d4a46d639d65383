//! Retry and Catch.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use stepfn_sim::{Failure, Status};

use crate::support::{outcome, sim};

fn failing_task(retry: &str, catch: &str) -> String {
    if catch == "[]" {
        return format!(
            r#"{{"StartAt": "T", "States": {{
                "T": {{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Retry": {retry},
                      "End": true}}}}}}"#
        );
    }
    format!(
        r#"{{"StartAt": "T", "States": {{
            "T": {{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Retry": {retry},
                  "Catch": {catch}, "End": true}},
            "Caught": {{"Type": "Pass", "End": true}}}}}}"#
    )
}

#[test]
fn back_offs_follow_interval_rate_and_cap() {
    let definition = failing_task(
        r#"[{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 3, "BackoffRate": 2, "MaxAttempts": 2, "MaxDelaySeconds": 5}]"#,
        "[]",
    );
    let r = sim(&definition)
        .handler("T", |_| {
            Err::<serde_json::Value, _>(Failure::new("Boom", "x"))
        })
        .run("{}")
        .unwrap();
    let waits: Vec<f64> = r.delays().iter().map(|d| d.seconds).collect();
    assert_eq!(waits, [3.0, 5.0]);
    assert_eq!(r.invocations_of("T").len(), 3);
    assert_eq!(r.error(), Some("Boom"));
    assert_eq!(r.elapsed_millis(), 8000);
}

#[test]
fn max_attempts_zero_goes_straight_to_catch() {
    let definition = failing_task(
        r#"[{"ErrorEquals": ["Boom"], "MaxAttempts": 0}]"#,
        r#"[{"ErrorEquals": ["States.ALL"], "ResultPath": "$.err", "Next": "Caught"}]"#,
    );
    let r = sim(&definition)
        .handler("T", |_| {
            Err::<serde_json::Value, _>(Failure::new("Boom", "why"))
        })
        .run(r#"{"in": 1}"#)
        .unwrap();
    assert_eq!(
        outcome(&r),
        r#"{"in":1,"err":{"Error":"Boom","Cause":"why"}}"#
    );
    assert_eq!(r.invocations_of("T").len(), 1);
}

#[test]
fn retrier_counters_are_shared_across_the_errors_they_match() {
    let definition = failing_task(
        r#"[{"ErrorEquals": ["A", "B"], "IntervalSeconds": 1, "BackoffRate": 2, "MaxAttempts": 2},
            {"ErrorEquals": ["C"], "IntervalSeconds": 5}]"#,
        r#"[{"ErrorEquals": ["States.ALL"], "Next": "Caught"}]"#,
    );
    let errors = ["A", "B", "C", "B"];
    let r = sim(&definition)
        .handler("T", move |call| {
            let e = errors[usize::try_from(call.invocation()).unwrap().min(3)];
            Err::<serde_json::Value, _>(Failure::new(e, "x"))
        })
        .run("{}")
        .unwrap();
    let waits: Vec<f64> = r.delays().iter().map(|d| d.seconds).collect();
    assert_eq!(waits, [1.0, 2.0, 5.0]);
    assert_eq!(outcome(&r), r#"{"Error":"B","Cause":"x"}"#);
}

#[test]
fn task_failed_matches_everything_but_timeouts() {
    let definition = failing_task(
        "[]",
        r#"[{"ErrorEquals": ["States.TaskFailed"], "Next": "Caught"}]"#,
    );
    let caught = sim(&definition)
        .handler("T", |_| {
            Err::<serde_json::Value, _>(Failure::new("CustomException", "x"))
        })
        .run("{}")
        .unwrap();
    assert_eq!(caught.status(), Status::Succeeded);
    let timed_out = sim(&definition)
        .handler("T", |_| {
            Err::<serde_json::Value, _>(Failure::error_only("States.Timeout"))
        })
        .run("{}")
        .unwrap();
    assert_eq!(timed_out.error(), Some("States.Timeout"));
}

#[test]
fn caught_errors_skip_result_selector_and_output_path() {
    let definition = r#"{"StartAt": "T", "States": {
        "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
              "ResultSelector": {"x.$": "$.nope"}, "OutputPath": "$.Payload",
              "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.err", "Next": "Done"}], "End": true},
        "Done": {"Type": "Succeed"}}}"#;
    let r = sim(definition)
        .handler("T", |_| Err::<serde_json::Value, _>(Failure::new("E", "c")))
        .run(r#"{"a": 1}"#)
        .unwrap();
    assert_eq!(outcome(&r), r#"{"a":1,"err":{"Error":"E","Cause":"c"}}"#);
}

#[test]
fn catcher_assign_replaces_the_state_assign() {
    let definition = r#"{"StartAt": "T", "States": {
        "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Assign": {"who": "state"},
              "Catch": [{"ErrorEquals": ["States.ALL"], "Assign": {"who": "catcher", "err.$": "$.Error"}, "Next": "Done"}],
              "End": true},
        "Done": {"Type": "Pass", "Parameters": {"who.$": "$who", "err.$": "$err"}, "End": true}}}"#;
    let r = sim(definition)
        .handler("T", |_| Err::<serde_json::Value, _>(Failure::new("E", "c")))
        .run("{}")
        .unwrap();
    assert_eq!(outcome(&r), r#"{"who":"catcher","err":"E"}"#);
}

#[test]
fn jitter_is_seeded_and_below_the_interval() {
    let definition = failing_task(
        r#"[{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 10, "MaxAttempts": 3, "JitterStrategy": "FULL"}]"#,
        "[]",
    );
    let base =
        sim(&definition).handler("T", |_| Err::<serde_json::Value, _>(Failure::new("E", "c")));
    let a: Vec<f64> = base
        .clone()
        .seed(1)
        .run("{}")
        .unwrap()
        .delays()
        .iter()
        .map(|d| d.seconds)
        .collect();
    let b: Vec<f64> = base
        .clone()
        .seed(1)
        .run("{}")
        .unwrap()
        .delays()
        .iter()
        .map(|d| d.seconds)
        .collect();
    assert_eq!(a, b);
    assert!(a[0] < 10.0 && a[1] < 20.0 && a[2] < 40.0, "{a:?}");
}

#[test]
fn retry_count_is_in_the_context() {
    let seen = Arc::new(AtomicU32::new(0));
    let seen2 = Arc::clone(&seen);
    let definition = r#"{"StartAt": "T", "States": {
        "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
              "Parameters": {"n.$": "$$.State.RetryCount"},
              "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 5}], "End": true}}}"#;
    let r = sim(definition)
        .handler("T", move |call| {
            seen2.fetch_add(1, Ordering::SeqCst);
            if call.retry_count() < 2 {
                return Err(Failure::new("E", "c"));
            }
            Ok(call.input().clone())
        })
        .run("{}")
        .unwrap();
    assert_eq!(outcome(&r), r#"{"n":2}"#);
    assert_eq!(seen.load(Ordering::SeqCst), 3);
}

#[test]
fn a_task_without_a_handler_is_an_error_naming_the_state() {
    let r = sim(&failing_task("[]", "[]")).run("{}").unwrap();
    assert_eq!(r.error(), Some("States.Runtime"));
    assert!(
        r.cause().unwrap().contains("Task state 'T'"),
        "{:?}",
        r.cause()
    );
}

#[test]
fn an_oversized_task_result_is_catchable() {
    let definition = failing_task(
        "[]",
        r#"[{"ErrorEquals": ["States.DataLimitExceeded"], "Next": "Caught"}]"#,
    );
    let r = sim(&definition)
        .handler("T", |_| Ok(serde_json::json!("x".repeat(300_000))))
        .run("{}")
        .unwrap();
    assert_eq!(r.status(), Status::Succeeded);
    assert!(outcome(&r).contains("States.DataLimitExceeded"));
}
