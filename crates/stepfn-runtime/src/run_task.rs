//! One task from receipt to answer: the handler in its own tokio task (so
//! a panic is caught), heartbeats on a timer, the answer sent, and the
//! slot given back whatever happens.

use std::sync::Arc;
use std::time::Duration;

use aws_sdk_sfn::Client;
use serde_json::Value;
use tokio::sync::{watch, OwnedSemaphorePermit};
use tokio::task::JoinError;

use crate::summary::Counters;
use crate::{ActivityHandler, ActivityTask, ServiceError, TaskError};

/// The error sent for a handler that panicked; the cause is the panic's
/// message.
pub const PANIC_ERROR: &str = "Task.Panic";
/// The error sent for a task still running at the drain deadline.
pub const SHUTDOWN_ERROR: &str = "Worker.Shutdown";

/// What every task of a worker shares.
pub(crate) struct TaskShared {
    pub(crate) client: Client,
    pub(crate) handler: Arc<dyn ActivityHandler>,
    pub(crate) heartbeat: Option<Duration>,
    pub(crate) counters: Counters,
}

/// Runs one task; `permit` is its slot, released when this returns.
/// `abandon` turns true at the drain deadline.
pub(crate) async fn run_task(
    shared: Arc<TaskShared>,
    token: String,
    input: Option<String>,
    permit: OwnedSemaphorePermit,
    mut abandon: watch::Receiver<bool>,
) {
    let _slot = permit;
    let input: Value = match input.as_deref().map(serde_json::from_str).transpose() {
        Ok(input) => input.unwrap_or(Value::Null),
        Err(error) => {
            let failure = TaskError::new(
                "Task.InvalidInput",
                format!("the task's input is not JSON: {error}"),
            );
            answer_failure(&shared, &token, &failure).await;
            return;
        }
    };
    let task = ActivityTask::new(shared.client.clone(), token.clone(), input);
    let mut work = tokio::spawn(shared.handler.handle(task));
    let every = shared.heartbeat.unwrap_or(Duration::from_secs(3600));
    let mut beat = tokio::time::interval_at(tokio::time::Instant::now() + every, every);
    beat.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            joined = &mut work => {
                answer(&shared, &token, joined).await;
                return;
            }
            _ = beat.tick(), if shared.heartbeat.is_some() => {
                if let Err(error) = heartbeat(&shared.client, &token).await {
                    if error.task_is_gone() {
                        tracing::warn!(%error, "the task's token no longer answers; its work is cancelled");
                        work.abort();
                        Counters::add(&shared.counters.cancelled);
                        return;
                    }
                    tracing::warn!(%error, "heartbeat not sent; trying again at the next beat");
                }
            }
            () = abandoned(&mut abandon) => {
                work.abort();
                let failure = TaskError::new(SHUTDOWN_ERROR, "the worker shut down before the task finished; it was stopped at the drain deadline");
                if answer_failure(&shared, &token, &failure).await {
                    Counters::add(&shared.counters.abandoned);
                }
                return;
            }
        }
    }
}

/// Returns once the worker abandons its running tasks (never, if the
/// worker is gone).
async fn abandoned(abandon: &mut watch::Receiver<bool>) {
    if abandon.wait_for(|abandoned| *abandoned).await.is_err() {
        std::future::pending::<()>().await;
    }
}

async fn heartbeat(client: &Client, token: &str) -> Result<(), ServiceError> {
    client
        .send_task_heartbeat()
        .task_token(token)
        .send()
        .await
        .map(|_| ())
        .map_err(|e| ServiceError::from_sdk("SendTaskHeartbeat", &e))
}

/// Sends what the handler ended with.
async fn answer(
    shared: &TaskShared,
    token: &str,
    joined: Result<Result<Value, TaskError>, JoinError>,
) {
    let failure = match joined {
        Ok(Ok(output)) => {
            let sent = shared
                .client
                .send_task_success()
                .task_token(token)
                .output(output.to_string())
                .send()
                .await;
            match sent {
                Ok(_) => {
                    Counters::add(&shared.counters.succeeded);
                    return;
                }
                Err(error) => {
                    let error = ServiceError::from_sdk("SendTaskSuccess", &error);
                    if error.code.as_deref() != Some("InvalidOutput") {
                        unanswered(shared, &error);
                        return;
                    }
                    TaskError::new("Task.InvalidOutput", error.message)
                }
            }
        }
        Ok(Err(failure)) => failure,
        Err(joined) => TaskError::new(PANIC_ERROR, panic_message(joined)),
    };
    if answer_failure(shared, token, &failure).await {
        Counters::add(&shared.counters.failed);
    }
}

/// Sends `SendTaskFailure`: whether it was accepted.
async fn answer_failure(shared: &TaskShared, token: &str, failure: &TaskError) -> bool {
    let sent = shared
        .client
        .send_task_failure()
        .task_token(token)
        .error(failure.error())
        .cause(failure.cause())
        .send()
        .await;
    match sent {
        Ok(_) => true,
        Err(error) => {
            unanswered(shared, &ServiceError::from_sdk("SendTaskFailure", &error));
            false
        }
    }
}

fn unanswered(shared: &TaskShared, error: &ServiceError) {
    if error.task_is_gone() {
        tracing::warn!(%error, "the task ended before its answer arrived");
        Counters::add(&shared.counters.cancelled);
    } else {
        tracing::error!(%error, "the task's answer could not be sent");
        Counters::add(&shared.counters.unanswered);
    }
}

/// The message a panic was raised with.
fn panic_message(joined: JoinError) -> String {
    match joined.try_into_panic() {
        Ok(payload) => match payload.downcast::<String>() {
            Ok(message) => *message,
            Err(payload) => match payload.downcast::<&'static str>() {
                Ok(message) => (*message).to_owned(),
                Err(_) => "the task panicked".to_owned(),
            },
        },
        Err(_) => "the task was cancelled".to_owned(),
    }
}
