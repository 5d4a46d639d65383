//! Callbacks (`.waitForTaskToken`) and activities.

use stepfn_sim::{Action, Status, Timeline};

use crate::support::{outcome, sim};

const CALLBACK: &str = r#"{"StartAt": "Ask", "States": {
    "Ask": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
            "Parameters": {"QueueUrl": "q", "MessageBody": {"token.$": "$$.Task.Token"}},
            "HeartbeatSeconds": 10, "TimeoutSeconds": 100,
            "Catch": [{"ErrorEquals": ["States.HeartbeatTimeout"], "Next": "Late"}], "End": true},
    "Late": {"Type": "Pass", "Result": "late", "End": true}}}"#;

#[test]
fn a_callback_waits_for_its_token() {
    let mut r = sim(CALLBACK).run("{}").unwrap();
    assert_eq!(r.status(), Status::Running);
    let pending = r.pending_tasks();
    assert_eq!(pending.len(), 1);
    let token = pending[0].token.clone();
    assert!(stepfn_sim::json_text(&pending[0].input).contains(&token));
    r.send_task_success(&token, serde_json::json!({"answer": 42}))
        .unwrap();
    assert_eq!(outcome(&r), r#"{"answer":42}"#);
    assert!(r.send_task_success(&token, serde_json::json!(1)).is_err());
}

#[test]
fn heartbeats_keep_a_callback_alive_until_they_stop() {
    let mut r = sim(CALLBACK).run("{}").unwrap();
    let token = r.task_token("Ask").unwrap();
    r.advance(8.0);
    r.send_task_heartbeat(&token).unwrap();
    r.advance(8.0);
    assert_eq!(r.status(), Status::Running);
    r.advance(5.0);
    assert_eq!(outcome(&r), r#""late""#);
    assert_eq!(r.elapsed_millis(), 18_000);
    let types: Vec<&str> = r.history().iter().map(|e| e.event_type.as_str()).collect();
    assert!(types.contains(&"TaskTimedOut"), "{types:?}");
}

#[test]
fn a_failure_without_error_or_cause_is_caught_by_states_all() {
    let definition = r#"{"StartAt": "Ask", "States": {
        "Ask": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Caught"}], "End": true},
        "Caught": {"Type": "Pass", "End": true}}}"#;
    let mut r = sim(definition).run("{}").unwrap();
    let token = r.task_token("Ask").unwrap();
    r.send_task_failure(&token, None, None).unwrap();
    assert_eq!(outcome(&r), r#"{"Error":null,"Cause":null}"#);
}

#[test]
fn a_timeline_answers_callbacks_on_the_clock() {
    let r = sim(CALLBACK)
        .timeline(
            Timeline::new()
                .at(9.0, Action::heartbeat("Ask"))
                .at(15.0, Action::success("Ask", serde_json::json!("done"))),
        )
        .run("{}")
        .unwrap();
    assert_eq!(outcome(&r), r#""done""#);
    assert_eq!(r.elapsed_millis(), 15_000);
    let late = sim(CALLBACK)
        .timeline(
            Timeline::new()
                .at(5.0, Action::heartbeat("Nope"))
                .at(30.0, Action::success("Ask", serde_json::json!("done"))),
        )
        .run("{}")
        .unwrap();
    assert_eq!(outcome(&late), r#""late""#);
    assert_eq!(late.missed_actions().len(), 1);
}

#[test]
fn activities_are_queued_for_a_worker_or_served_by_a_handler() {
    let definition = r#"{"StartAt": "Work", "States": {"Work": {"Type": "Task",
        "Resource": "arn:aws:states:us-east-1:123456789012:activity:work", "TimeoutSeconds": 30, "End": true}}}"#;
    let arn = "arn:aws:states:us-east-1:123456789012:activity:work";
    let mut r = sim(definition).run(r#"{"job": 1}"#).unwrap();
    assert!(r.pending_tasks()[0].activity);
    let task = r.take_activity_task(arn, "w1").unwrap();
    assert!(r.take_activity_task(arn, "w2").is_none());
    r.send_task_success(&task.token, serde_json::json!("ok"))
        .unwrap();
    assert_eq!(outcome(&r), r#""ok""#);
    let types: Vec<&str> = r.history().iter().map(|e| e.event_type.as_str()).collect();
    assert_eq!(
        types,
        [
            "ExecutionStarted",
            "TaskStateEntered",
            "ActivityScheduled",
            "ActivityStarted",
            "ActivitySucceeded",
            "TaskStateExited",
            "ExecutionSucceeded"
        ]
    );
    let served = sim(definition)
        .resource_handler(arn, |_| Ok(serde_json::json!("served")))
        .run("{}")
        .unwrap();
    assert_eq!(outcome(&served), r#""served""#);
    let mut timed = sim(definition).run("{}").unwrap();
    timed.take_activity_task(arn, "w1").unwrap();
    timed.advance(31.0);
    assert_eq!(timed.error(), Some("States.Timeout"));
}
