//! Wait states and the execution timeout, on the virtual clock.

use stepfn_sim::{DelayKind, Status};

use crate::support::{one, outcome, run, sim};

#[test]
fn waits_take_no_real_time_and_are_recorded() {
    let started = std::time::Instant::now();
    let r = run(
        r#"{"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 86400, "Next": "T"},
            "T": {"Type": "Pass", "Parameters": {"t.$": "$$.State.EnteredTime"}, "End": true}}}"#,
        "{}",
    );
    assert!(started.elapsed().as_secs() < 5);
    assert_eq!(outcome(&r), r#"{"t":"2024-01-02T00:00:00.000Z"}"#);
    assert_eq!(r.delays()[0].kind, DelayKind::Wait);
    assert_eq!(r.delays()[0].seconds, 86400.0);
}

#[test]
fn seconds_path_must_be_a_non_negative_integer() {
    let wait = one(r#"{"Type": "Wait", "SecondsPath": "$.s", "End": true}"#);
    assert_eq!(run(&wait, r#"{"s": 0}"#).status(), Status::Succeeded);
    let r = run(&wait, r#"{"s": 1.5}"#);
    assert_eq!(r.error(), Some("States.Runtime"));
    assert!(r
        .cause()
        .unwrap()
        .contains("cannot be parsed as a long value"));
    let r = run(&wait, r#"{"s": -1}"#);
    assert!(r.cause().unwrap().contains("negative value"));
}

#[test]
fn timestamps_in_the_past_pass_at_once_and_bad_ones_fail() {
    let wait = one(r#"{"Type": "Wait", "TimestampPath": "$.t", "End": true}"#);
    let r = run(&wait, r#"{"t": "2016-12-05T21:29:29Z"}"#);
    assert_eq!(r.status(), Status::Succeeded);
    assert_eq!(r.elapsed_millis(), 0);
    let r = run(&wait, r#"{"t": "2024-01-01T00:00:10.000000Z"}"#);
    assert_eq!(r.elapsed_millis(), 10_000);
    let r = run(&wait, r#"{"t": "2016-12-05T21:29:29"}"#);
    assert_eq!(r.error(), Some("States.Runtime"));
}

#[test]
fn the_execution_timeout_fires_during_a_wait() {
    let r = run(
        r#"{"StartAt": "W", "TimeoutSeconds": 5, "States": {"W": {"Type": "Wait", "Seconds": 60, "End": true}}}"#,
        "{}",
    );
    assert_eq!(r.status(), Status::TimedOut);
    assert_eq!(r.error(), Some("States.Timeout"));
    assert_eq!(r.elapsed_millis(), 5000);
    let types: Vec<&str> = r.history().iter().map(|e| e.event_type.as_str()).collect();
    assert_eq!(
        types,
        ["ExecutionStarted", "WaitStateEntered", "ExecutionTimedOut"]
    );
}

#[test]
fn the_start_time_is_settable() {
    let r = sim(&one(
        r#"{"Type": "Pass", "Parameters": {"t.$": "$$.Execution.StartTime"}, "End": true}"#,
    ))
    .start_millis(1_700_547_651_545)
    .run("{}")
    .unwrap();
    assert_eq!(outcome(&r), r#"{"t":"2023-11-21T06:20:51.545Z"}"#);
}
