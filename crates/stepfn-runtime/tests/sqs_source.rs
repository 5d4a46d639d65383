//! `.waitForTaskToken` tasks through an SQS queue: executions on `stepfn
//! serve` wait on `sqs:sendMessage.waitForTaskToken` Task states; the test
//! puts on moto's queue the message Step Functions would send (the
//! `MessageBody` of the task's `TaskScheduled` event, task token in it),
//! and the worker answers through `stepfn serve`.

#![cfg(feature = "sqs")]

mod moto;
mod serve;

use std::time::Duration;

use aws_sdk_sfn::types::{ExecutionStatus, HistoryEventType};
use aws_sdk_sqs::types::QueueAttributeName;
use serde_json::{json, Value};
use stepfn_runtime::{local_sqs_client, ActivityTask, ActivityWorker, SqsQueue, TaskError};

/// moto's SQS, `stepfn serve`, a fresh queue and a machine whose one Task
/// sends `{"TaskToken", "order"}` to it and waits for the token.
struct Setup {
    sfn: aws_sdk_sfn::Client,
    sqs: aws_sdk_sqs::Client,
    queue_url: String,
    machine: String,
}

async fn setup(url: &str, task_fields: &str) -> Setup {
    let sfn = serve::start().await;
    let sqs = local_sqs_client(url);
    let queue_url = sqs
        .create_queue()
        .queue_name(moto::unique("reviews"))
        .send()
        .await
        .expect("CreateQueue")
        .queue_url
        .expect("a queue URL");
    let definition = json!({
        "StartAt": "Review",
        "States": {"Review": {
            "Type": "Task",
            "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
            "Parameters": {"QueueUrl": queue_url, "MessageBody": {"TaskToken.$": "$$.Task.Token", "order.$": "$.order"}},
            "End": true
        }}
    });
    let mut definition = definition.to_string();
    if !task_fields.is_empty() {
        definition = definition.replace(r#""End":true"#, &format!(r#"{task_fields}, "End": true"#));
    }
    let machine = serve::machine_of(&sfn, &moto::unique("Review"), &definition).await;
    Setup {
        sfn,
        sqs,
        queue_url,
        machine,
    }
}

impl Setup {
    /// Starts an execution and puts the message its Task sends on the
    /// queue: the execution's ARN.
    async fn start_and_deliver(&self, order: u64) -> String {
        let execution = serve::start_execution(
            &self.sfn,
            &self.machine,
            &json!({"order": order}).to_string(),
        )
        .await;
        let body = self.message_body(&execution).await;
        self.sqs
            .send_message()
            .queue_url(&self.queue_url)
            .message_body(body)
            .send()
            .await
            .expect("SendMessage");
        execution
    }

    /// The `MessageBody` of the execution's `TaskScheduled` event.
    async fn message_body(&self, execution: &str) -> String {
        for _ in 0..200 {
            let history = self
                .sfn
                .get_execution_history()
                .execution_arn(execution)
                .send()
                .await
                .expect("history");
            let scheduled = history
                .events()
                .iter()
                .find(|e| *e.r#type() == HistoryEventType::TaskScheduled);
            if let Some(details) = scheduled.and_then(|e| e.task_scheduled_event_details()) {
                let parameters: Value =
                    serde_json::from_str(details.parameters()).expect("JSON parameters");
                return parameters["MessageBody"].to_string();
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!("{execution} scheduled no task");
    }

    /// Messages on the queue, visible or not.
    async fn messages_left(&self) -> u64 {
        let attributes = self
            .sqs
            .get_queue_attributes()
            .queue_url(&self.queue_url)
            .attribute_names(QueueAttributeName::ApproximateNumberOfMessages)
            .attribute_names(QueueAttributeName::ApproximateNumberOfMessagesNotVisible)
            .send()
            .await
            .expect("GetQueueAttributes")
            .attributes
            .unwrap_or_default();
        attributes
            .values()
            .filter_map(|n| n.parse::<u64>().ok())
            .sum()
    }

    fn queue(&self) -> SqsQueue {
        SqsQueue::new(self.sqs.clone(), &self.queue_url)
    }
}

async fn approve(task: ActivityTask) -> Result<Value, TaskError> {
    let order = task.input()["order"]
        .as_u64()
        .ok_or_else(|| TaskError::new("Input.Invalid", "no order"))?;
    if order == 13 {
        panic!("order 13 is unlucky");
    }
    Ok(json!({"approved": order}))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn messages_are_answered_through_step_functions_then_deleted() {
    let Some(url) = moto::endpoint("messages_are_answered") else {
        return;
    };
    let setup = setup(&url, "").await;
    let mut executions = Vec::new();
    for order in 0..12 {
        executions.push((order, setup.start_and_deliver(order).await));
    }
    let summary = ActivityWorker::from_queue(setup.sfn.clone(), setup.queue(), approve)
        .slots(4)
        .max_tasks(12)
        .run_until(std::future::pending())
        .await;
    assert_eq!(
        (summary.received, summary.succeeded, summary.failed),
        (12, 12, 0),
        "{summary:?}"
    );
    for (order, execution) in executions {
        let described = serve::ended(&setup.sfn, &execution).await;
        assert_eq!(
            *described.status(),
            ExecutionStatus::Succeeded,
            "{execution}"
        );
        let output: Value =
            serde_json::from_str(described.output().unwrap_or("null")).expect("JSON output");
        assert_eq!(output, json!({"approved": order}));
    }
    assert_eq!(
        setup.messages_left().await,
        0,
        "every answered message is deleted"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_panic_fails_its_task_explicitly_and_its_message_is_not_lost_or_left() {
    let Some(url) = moto::endpoint("a_panic_fails_its_task") else {
        return;
    };
    let setup = setup(&url, "").await;
    let unlucky = setup.start_and_deliver(13).await;
    let next = setup.start_and_deliver(14).await;
    // one slot: the second task runs only if the panic gave its slot back
    let summary = ActivityWorker::from_queue(setup.sfn.clone(), setup.queue(), approve)
        .max_tasks(2)
        .run_until(std::future::pending())
        .await;
    assert_eq!((summary.succeeded, summary.failed), (1, 1), "{summary:?}");
    let failed = serve::ended(&setup.sfn, &unlucky).await;
    assert_eq!(*failed.status(), ExecutionStatus::Failed);
    assert_eq!(
        (failed.error(), failed.cause()),
        (Some("Task.Panic"), Some("order 13 is unlucky"))
    );
    assert_eq!(
        *serve::ended(&setup.sfn, &next).await.status(),
        ExecutionStatus::Succeeded
    );
    assert_eq!(setup.messages_left().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_long_task_keeps_its_message_hidden_and_its_heartbeat_going() {
    let Some(url) = moto::endpoint("a_long_task_keeps_its_message_hidden") else {
        return;
    };
    // without heartbeats every second, the 2-second HeartbeatSeconds would time the task out
    let setup = setup(&url, r#""HeartbeatSeconds": 2"#).await;
    let execution = setup.start_and_deliver(1).await;
    let slow = |task: ActivityTask| async move {
        tokio::time::sleep(Duration::from_secs(7)).await;
        approve(task).await
    };
    let worker = tokio::spawn(
        ActivityWorker::from_queue(
            setup.sfn.clone(),
            setup.queue().visibility_timeout(Duration::from_secs(3)),
            slow,
        )
        .heartbeat(Duration::from_secs(1))
        .max_tasks(1)
        .run_until(std::future::pending()),
    );
    // another consumer sees nothing for as long as the task runs, past two visibility timeouts
    tokio::time::sleep(Duration::from_millis(500)).await;
    for _ in 0..6 {
        let seen = setup
            .sqs
            .receive_message()
            .queue_url(&setup.queue_url)
            .wait_time_seconds(1)
            .send()
            .await
            .expect("ReceiveMessage");
        assert!(
            seen.messages.unwrap_or_default().is_empty(),
            "the running task's message became visible"
        );
    }
    let summary = worker.await.expect("the worker ran");
    assert_eq!(summary.succeeded, 1, "{summary:?}");
    assert_eq!(
        *serve::ended(&setup.sfn, &execution).await.status(),
        ExecutionStatus::Succeeded
    );
    assert_eq!(setup.messages_left().await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_message_without_a_token_is_left_on_the_queue() {
    let Some(url) = moto::endpoint("a_message_without_a_token") else {
        return;
    };
    let setup = setup(&url, "").await;
    setup
        .sqs
        .send_message()
        .queue_url(&setup.queue_url)
        .message_body(r#"{"order": 1}"#)
        .send()
        .await
        .expect("SendMessage");
    let execution = setup.start_and_deliver(2).await;
    let summary = ActivityWorker::from_queue(setup.sfn.clone(), setup.queue(), approve)
        .max_tasks(1)
        .run_until(std::future::pending())
        .await;
    assert_eq!(summary.succeeded, 1, "{summary:?}");
    assert_eq!(
        *serve::ended(&setup.sfn, &execution).await.status(),
        ExecutionStatus::Succeeded
    );
    assert_eq!(
        setup.messages_left().await,
        1,
        "the message nobody can answer stays for the redrive policy"
    );
}
