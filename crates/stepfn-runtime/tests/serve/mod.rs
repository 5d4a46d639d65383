//! `stepfn serve` in-process on a free port, and helpers that drive it
//! through the AWS SDK.

#![allow(dead_code, unreachable_pub)]

use std::time::Duration;

use aws_sdk_sfn::types::ExecutionStatus;
use aws_sdk_sfn::Client;
use stepfn_serve::{Server, Settings};

pub const ROLE: &str = "arn:aws:iam::123456789012:role/StepFunctions";

/// Starts `stepfn serve` on a free port: a client for it.
pub async fn start() -> Client {
    start_with_url().await.0
}

/// Starts `stepfn serve` on a free port: a client for it and its URL.
pub async fn start_with_url() -> (Client, String) {
    let server = Server::bind(Settings::new().port(0)).await.expect("bind");
    let url = format!("http://{}", server.local_addr());
    tokio::spawn(server.run());
    (stepfn_runtime::local_client(url.clone()), url)
}

/// Creates an activity: its ARN.
pub async fn activity(client: &Client, name: &str) -> String {
    let created = client
        .create_activity()
        .name(name)
        .send()
        .await
        .expect("CreateActivity");
    created.activity_arn().to_owned()
}

/// Creates a machine with one Task state on `activity` and the extra
/// fields `task_fields` (JSON object members, may be empty): its ARN.
pub async fn machine(client: &Client, name: &str, activity: &str, task_fields: &str) -> String {
    let definition = format!(
        r#"{{"StartAt": "Work", "States": {{"Work": {{"Type": "Task", "Resource": "{activity}", {task_fields} "End": true}}}}}}"#
    );
    machine_of(client, name, &definition).await
}

/// Creates a machine from its definition: its ARN.
pub async fn machine_of(client: &Client, name: &str, definition: &str) -> String {
    let created = client
        .create_state_machine()
        .name(name)
        .definition(definition)
        .role_arn(ROLE)
        .send()
        .await
        .expect("CreateStateMachine");
    created.state_machine_arn().to_owned()
}

/// Starts an execution: its ARN.
pub async fn start_execution(client: &Client, machine: &str, input: &str) -> String {
    let started = client
        .start_execution()
        .state_machine_arn(machine)
        .input(input)
        .send()
        .await
        .expect("StartExecution");
    started.execution_arn().to_owned()
}

/// Waits until the execution has ended: DescribeExecution's answer.
pub async fn ended(
    client: &Client,
    execution: &str,
) -> aws_sdk_sfn::operation::describe_execution::DescribeExecutionOutput {
    for _ in 0..600 {
        let described = client
            .describe_execution()
            .execution_arn(execution)
            .send()
            .await
            .expect("DescribeExecution");
        if *described.status() != ExecutionStatus::Running {
            return described;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{execution} still running after 30 s");
}

/// The types of the execution's history events, with the error of an
/// `ActivityTimedOut` and the state name of a `*StateEntered`.
pub async fn history(client: &Client, execution: &str) -> Vec<(String, Option<String>)> {
    let events = client
        .get_execution_history()
        .execution_arn(execution)
        .max_results(1000)
        .send()
        .await
        .expect("GetExecutionHistory");
    events
        .events()
        .iter()
        .map(|event| {
            let detail = event
                .activity_timed_out_event_details()
                .and_then(|d| d.error())
                .or_else(|| event.state_entered_event_details().map(|d| d.name()))
                .map(str::to_owned);
            (event.r#type().as_str().to_owned(), detail)
        })
        .collect()
}
