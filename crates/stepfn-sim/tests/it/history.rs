//! History events in AWS's shape.

use stepfn_sim::{HistoryEvent, Status};

use crate::support::{run, sim};

fn types(events: &[HistoryEvent]) -> Vec<&'static str> {
    events.iter().map(|e| e.event_type.as_str()).collect()
}

#[test]
fn a_lambda_task_and_a_service_task_have_their_own_events() {
    let r = sim(
        r#"{"StartAt": "L", "States": {
            "L": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:f", "Next": "S"},
            "S": {"Type": "Task", "Resource": "arn:aws:states:::aws-sdk:s3:getObject", "End": true}}}"#,
    )
    .handler("L", |_| Ok(serde_json::json!(1)))
    .handler("S", |_| Ok(serde_json::json!(2)))
    .run("{}")
    .unwrap();
    assert_eq!(
        types(r.history()),
        [
            "ExecutionStarted",
            "TaskStateEntered",
            "LambdaFunctionScheduled",
            "LambdaFunctionStarted",
            "LambdaFunctionSucceeded",
            "TaskStateExited",
            "TaskStateEntered",
            "TaskScheduled",
            "TaskStarted",
            "TaskSucceeded",
            "TaskStateExited",
            "ExecutionSucceeded"
        ]
    );
    let scheduled = r.history()[7].to_json();
    assert_eq!(
        stepfn_sim::json_text(&scheduled),
        r#"{"timestamp":"2024-01-01T00:00:00.000Z","type":"TaskScheduled","id":8,"previousEventId":7,"taskScheduledEventDetails":{"resourceType":"aws-sdk:s3","resource":"getObject","region":"us-east-1","parameters":"1"}}"#
    );
}

#[test]
fn a_fail_state_ends_with_execution_failed_and_no_exit() {
    let r = run(
        r#"{"StartAt": "F", "States": {"F": {"Type": "Fail"}}}"#,
        "{}",
    );
    assert_eq!(r.status(), Status::Failed);
    assert_eq!(
        types(r.history()),
        ["ExecutionStarted", "FailStateEntered", "ExecutionFailed"]
    );
    assert_eq!(r.history()[2].details, None);
}

#[test]
fn ids_count_up_and_previous_ids_chain_each_branch() {
    let r = run(
        r#"{"StartAt": "M", "States": {"M": {"Type": "Map", "MaxConcurrency": 1, "End": true,
            "ItemProcessor": {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}}}}"#,
        "[1, 2]",
    );
    let h = r.history();
    for (i, event) in h.iter().enumerate() {
        assert_eq!(event.id, i as u64 + 1);
        assert!(event.previous_event_id < event.id);
    }
    assert_eq!(
        types(h),
        [
            "ExecutionStarted",
            "MapStateEntered",
            "MapStateStarted",
            "MapIterationStarted",
            "PassStateEntered",
            "PassStateExited",
            "MapIterationSucceeded",
            "MapIterationStarted",
            "PassStateEntered",
            "PassStateExited",
            "MapIterationSucceeded",
            "MapStateSucceeded",
            "MapStateExited",
            "ExecutionSucceeded"
        ]
    );
    assert_eq!(
        h[1].previous_event_id, 0,
        "the first state entered points to 0"
    );
    assert_eq!(
        h[4].previous_event_id, h[3].id,
        "an iteration's first state points to its start"
    );
    assert_eq!(
        h[7].previous_event_id, h[5].id,
        "the next iteration follows the last one's state"
    );
    assert_eq!(
        stepfn_sim::json_text(&h[3].to_json()),
        r#"{"timestamp":"2024-01-01T00:00:00.000Z","type":"MapIterationStarted","id":4,"previousEventId":3,"mapIterationStartedEventDetails":{"name":"M","index":0}}"#
    );
}

#[test]
fn assigned_variables_appear_on_the_exit_event() {
    let r = run(
        r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Assign": {"x": [1]}, "End": true}}}"#,
        "{}",
    );
    assert_eq!(
        stepfn_sim::json_text(&r.history()[2].to_json()),
        r#"{"timestamp":"2024-01-01T00:00:00.000Z","type":"PassStateExited","id":3,"previousEventId":2,"stateExitedEventDetails":{"name":"A","output":"{}","outputDetails":{"truncated":false},"assignedVariablesDetails":{"truncated":false},"assignedVariables":{"x":"[1]"}}}"#
    );
}
