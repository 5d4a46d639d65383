//! The AWS SDK for Rust, unchanged but for its endpoint, against `stepfn
//! serve`: state machines, executions, history, StopExecution, and AWS's
//! error for each misuse.

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

    let error = client
        .get_activity_task()
        .activity_arn("arn:aws:states:us-east-1:123456789012:activity:none")
        .send()
        .await
        .expect_err("no such activity")
        .into_service_error();
    assert!(error.is_activity_does_not_exist(), "{error:?}");
}
