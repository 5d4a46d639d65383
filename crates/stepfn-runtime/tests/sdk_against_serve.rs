//! The AWS SDK for Rust, unchanged but for its endpoint, against `stepfn
//! serve`: state machines, executions, history, StopExecution, callbacks
//! (`.waitForTaskToken` answered by SendTaskSuccess, or timing out), and
//! AWS's error for each misuse.

#![cfg(feature = "activity")]

mod serve;

use aws_sdk_sfn::types::{ExecutionStatus, HistoryEventType};
use serde_json::json;

const CHOOSE_AND_MAP: &str = r#"{
  "StartAt": "Kind",
  "States": {
    "Kind": {"Type": "Choice", "Default": "Other",
      "Choices": [{"Variable": "$.kind", "StringEquals": "list", "Next": "Each"}]},
    "Each": {"Type": "Map", "ItemsPath": "$.items", "End": true,
      "ItemProcessor": {"StartAt": "Double", "States": {
        "Double": {"Type": "Pass", "Parameters": {"twice.$": "States.MathAdd($, $)"}, "End": true}}}},
    "Other": {"Type": "Pass", "Result": "not a list", "End": true}
  }
}"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn machines_executions_and_history_through_the_sdk() {
    let client = serve::start().await;
    let machine = serve::machine_of(&client, "ChooseAndMap", CHOOSE_AND_MAP).await;
    assert!(
        machine.starts_with("arn:aws:states:us-east-1:"),
        "{machine}"
    );

    let described = client
        .describe_state_machine()
        .state_machine_arn(&machine)
        .send()
        .await
        .expect("DescribeStateMachine");
    assert_eq!(described.name(), "ChooseAndMap");
    let listed = client
        .list_state_machines()
        .send()
        .await
        .expect("ListStateMachines");
    assert_eq!(listed.state_machines().len(), 1);

    let input = json!({"kind": "list", "items": [1, 2, 3]}).to_string();
    let execution = serve::start_execution(&client, &machine, &input).await;
    let ended = serve::ended(&client, &execution).await;
    assert_eq!(*ended.status(), ExecutionStatus::Succeeded);
    let output: serde_json::Value =
        serde_json::from_str(ended.output().unwrap_or("null")).expect("JSON output");
    assert_eq!(output, json!([{"twice": 2}, {"twice": 4}, {"twice": 6}]));

    // History pages, oldest first, then newest first.
    let first = client
        .get_execution_history()
        .execution_arn(&execution)
        .max_results(3)
        .send()
        .await
        .expect("GetExecutionHistory");
    assert_eq!(first.events().len(), 3);
    assert_eq!(
        *first.events()[0].r#type(),
        HistoryEventType::ExecutionStarted
    );
    let token = first.next_token().expect("more pages").to_owned();
    let second = client
        .get_execution_history()
        .execution_arn(&execution)
        .max_results(3)
        .next_token(token)
        .send()
        .await
        .expect("the next page");
    assert_eq!(second.events()[0].id(), 4);
    let newest = client
        .get_execution_history()
        .execution_arn(&execution)
        .reverse_order(true)
        .max_results(1)
        .send()
        .await
        .expect("reversed");
    assert_eq!(
        *newest.events()[0].r#type(),
        HistoryEventType::ExecutionSucceeded
    );

    let executions = client
        .list_executions()
        .state_machine_arn(&machine)
        .send()
        .await
        .expect("ListExecutions");
    assert_eq!(executions.executions().len(), 1);
}

/// A callback state; `heartbeat` adds its `HeartbeatSeconds`.
fn callback(heartbeat: Option<u32>) -> String {
    let heartbeat = heartbeat.map_or(String::new(), |s| format!(r#""HeartbeatSeconds": {s},"#));
    format!(
        r#"{{"StartAt": "Ask", "States": {{"Ask": {{"Type": "Task",
        "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", {heartbeat}
        "Parameters": {{"QueueUrl": "q", "MessageBody": {{"token.$": "$$.Task.Token"}}}}, "End": true}}}}}}"#
    )
}

/// The task token of the execution's callback, read from its TaskScheduled event.
async fn callback_token(client: &aws_sdk_sfn::Client, execution: &str) -> String {
    let history = client
        .get_execution_history()
        .execution_arn(execution)
        .send()
        .await
        .expect("GetExecutionHistory");
    let parameters = history
        .events()
        .iter()
        .find_map(|e| e.task_scheduled_event_details())
        .map(|d| d.parameters().to_owned())
        .expect("a TaskScheduled event");
    let parameters: serde_json::Value = serde_json::from_str(&parameters).expect("JSON");
    parameters["MessageBody"]["token"]
        .as_str()
        .expect("a token")
        .to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_callback_is_answered_by_send_task_success_and_refuses_a_second_answer() {
    let client = serve::start().await;
    let machine = serve::machine_of(&client, "Approval", &callback(None)).await;
    let execution = serve::start_execution(&client, &machine, r#"{"order": 7}"#).await;
    let token = callback_token(&client, &execution).await;
    client
        .send_task_heartbeat()
        .task_token(&token)
        .send()
        .await
        .expect("SendTaskHeartbeat");
    client
        .send_task_success()
        .task_token(&token)
        .output(r#"{"approved": true}"#)
        .send()
        .await
        .expect("SendTaskSuccess");
    let ended = serve::ended(&client, &execution).await;
    assert_eq!(*ended.status(), ExecutionStatus::Succeeded);
    assert_eq!(ended.output(), Some(r#"{"approved":true}"#));

    // the task is closed: a second answer is TaskTimedOut, as on AWS
    let error = client
        .send_task_success()
        .task_token(&token)
        .output("{}")
        .send()
        .await
        .expect_err("the task was answered")
        .into_service_error();
    assert!(error.is_task_timed_out(), "{error:?}");

    // a failure answer fails the execution with its error and cause
    let second = serve::start_execution(&client, &machine, "{}").await;
    let token = callback_token(&client, &second).await;
    client
        .send_task_failure()
        .task_token(&token)
        .error("Rejected")
        .cause("no budget")
        .send()
        .await
        .expect("SendTaskFailure");
    let ended = serve::ended(&client, &second).await;
    assert_eq!(
        (ended.status(), ended.error(), ended.cause()),
        (
            &ExecutionStatus::Failed,
            Some("Rejected"),
            Some("no budget")
        )
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_silent_callback_times_out_and_late_answers_get_task_timed_out() {
    let client = serve::start().await;
    let machine = serve::machine_of(&client, "Silent", &callback(Some(1))).await;
    let execution = serve::start_execution(&client, &machine, "{}").await;
    let token = callback_token(&client, &execution).await;
    let ended = serve::ended(&client, &execution).await;
    assert_eq!(
        (ended.status(), ended.error()),
        (&ExecutionStatus::Failed, Some("States.Timeout"))
    );
    let types: Vec<String> = serve::history(&client, &execution)
        .await
        .into_iter()
        .map(|(t, _)| t)
        .collect();
    assert!(types.iter().any(|t| t == "TaskTimedOut"), "{types:?}");

    let error = client
        .send_task_success()
        .task_token(&token)
        .output("{}")
        .send()
        .await
        .expect_err("the task timed out")
        .into_service_error();
    assert!(error.is_task_timed_out(), "{error:?}");
    let error = client
        .send_task_heartbeat()
        .task_token(&token)
        .send()
        .await
        .expect_err("the task timed out")
        .into_service_error();
    assert!(error.is_task_timed_out(), "{error:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stop_execution_aborts_a_waiting_execution() {
    let client = serve::start().await;
    let activity = serve::activity(&client, "never-answered").await;
    let machine = serve::machine(&client, "Waits", &activity, "").await;
    let execution = serve::start_execution(&client, &machine, "{}").await;
    client
        .stop_execution()
        .execution_arn(&execution)
        .error("Operator.Stop")
        .cause("stopped by the test")
        .send()
        .await
        .expect("StopExecution");
    let ended = serve::ended(&client, &execution).await;
    assert_eq!(*ended.status(), ExecutionStatus::Aborted);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_misuse_gets_the_error_aws_gives() {
    let client = serve::start().await;

    let invalid = client
        .create_state_machine()
        .name("Broken")
        .definition(r#"{"StartAt": "Nowhere", "States": {"A": {"Type": "Succeed"}}}"#)
        .role_arn(serve::ROLE)
        .send()
        .await
        .expect_err("a definition that does not validate");
    let invalid = invalid.into_service_error();
    assert!(invalid.is_invalid_definition(), "{invalid:?}");
    assert!(
        invalid.to_string().contains("DANGLING_START_AT")
            || format!("{invalid:?}").contains("DANGLING_START_AT"),
        "{invalid:?}"
    );

    let missing_machine = format!(
        "arn:aws:states:us-east-1:123456789012:stateMachine:{}",
        "NoSuchMachine"
    );
    let error = client
        .start_execution()
        .state_machine_arn(&missing_machine)
        .send()
        .await
        .expect_err("no such machine")
        .into_service_error();
    assert!(error.is_state_machine_does_not_exist(), "{error:?}");

    let machine = serve::machine_of(&client, "ChooseAndMap", CHOOSE_AND_MAP).await;
    client
        .start_execution()
        .state_machine_arn(&machine)
        .name("once")
        .input(r#"{"kind": "x"}"#)
        .send()
        .await
        .expect("the first start");
    let error = client
        .start_execution()
        .state_machine_arn(&machine)
        .name("once")
        .input(r#"{"kind": "y"}"#)
        .send()
        .await
        .expect_err("same name, other input")
        .into_service_error();
    assert!(error.is_execution_already_exists(), "{error:?}");

    let error = client
        .describe_execution()
        .execution_arn(format!(
            "{}:nothing",
            machine.replace("stateMachine", "execution")
        ))
        .send()
        .await
        .expect_err("no such execution")
        .into_service_error();
    assert!(error.is_execution_does_not_exist(), "{error:?}");

    let error = client
        .send_task_success()
        .task_token("not-a-token")
        .output("{}")
        .send()
        .await
        .expect_err("a token never handed out")
        .into_service_error();
    assert!(error.is_invalid_token(), "{error:?}");

    // a token of the form the endpoint hands out, but no task of it
    let error = client
        .send_task_failure()
        .task_token("0".repeat(56))
        .error("Late")
        .send()
        .await
        .expect_err("a token of no task")
        .into_service_error();
    assert!(error.is_task_does_not_exist(), "{error:?}");

    let error = client
        .get_activity_task()
        .activity_arn("arn:aws:states:us-east-1:123456789012:activity:none")
        .send()
        .await
        .expect_err("no such activity")
        .into_service_error();
    assert!(error.is_activity_does_not_exist(), "{error:?}");
}
