//! One task from receipt to answer: the handler in its own tokio task (so
//! a panic is caught), heartbeats on a timer (and, for a queued message,
//! visibility extensions), the answer sent, the message deleted once
//! answered, and the slot given back whatever happens.

use std::sync::Arc;
use std::time::Duration;

use aws_sdk_sfn::Client;
use serde_json::Value;
use tokio::sync::{watch, OwnedSemaphorePermit};
use tokio::task::JoinError;

use crate::source::{Lease, Received};
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

/// How a task ended for its source: a message is deleted unless its answer
/// could not be sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    /// Step Functions took the answer.
    Answered,
    /// The token no longer takes an answer.
    Gone,
    /// The answer could not be sent.
    Unanswered,
}

/// Runs one task; `permit` is its slot, released when this returns.
/// `abandon` turns true at the drain deadline.
pub(crate) async fn run_task(
    shared: Arc<TaskShared>,
    received: Received,
    permit: OwnedSemaphorePermit,
    abandon: watch::Receiver<bool>,
) {
    let _slot = permit;
    let Received {
        token,
        input,
        lease,
    } = received;
    let outcome = match input {
        Ok(input) => run_handler(&shared, &token, input, lease.as_ref(), abandon).await,
        Err(why) => {
            answer_failure(&shared, &token, &TaskError::new("Task.InvalidInput", why)).await
        }
    };
    if let Some(lease) = lease {
        if outcome != Outcome::Unanswered {
            lease.settle().await;
        }
    }
}

/// The handler with its heartbeats, lease extensions and abandon signal.
async fn run_handler(
    shared: &TaskShared,
    token: &str,
    input: Value,
    lease: Option<&Lease>,
    mut abandon: watch::Receiver<bool>,
) -> Outcome {
    let task = ActivityTask::new(shared.client.clone(), token.to_owned(), input);
    let mut work = tokio::spawn(shared.handler.handle(task));
    let mut beat = timer(shared.heartbeat);
    let mut extend = timer(lease.map(Lease::every));
    loop {
        tokio::select! {
            joined = &mut work => return answer(shared, token, joined).await,
            _ = beat.tick(), if shared.heartbeat.is_some() => {
                if let Err(error) = heartbeat(&shared.client, token).await {
                    if error.task_is_gone() {
                        tracing::warn!(%error, "the task's token no longer answers; its work is cancelled");
                        work.abort();
                        Counters::add(&shared.counters.cancelled);
                        return Outcome::Gone;
                    }
                    tracing::warn!(%error, "heartbeat not sent; trying again at the next beat");
                }
            }
            _ = extend.tick(), if lease.is_some() => {
                if let Some(lease) = lease {
                    lease.extend().await;
                }
            }
            () = abandoned(&mut abandon) => {
                work.abort();
                let failure = TaskError::new(SHUTDOWN_ERROR, "the worker shut down before the task finished; it was stopped at the drain deadline");
                let outcome = answer_failure(shared, token, &failure).await;
                if outcome == Outcome::Answered {
                    Counters::add(&shared.counters.abandoned);
                }
                return outcome;
            }
        }
    }
}

/// A timer ticking every `every` (first after one period), or never.
fn timer(every: Option<Duration>) -> tokio::time::Interval {
    let every = every.unwrap_or(Duration::from_secs(3600));
    let mut timer = tokio::time::interval_at(tokio::time::Instant::now() + every, every);
    timer.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    timer
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
) -> Outcome {
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
                    return Outcome::Answered;
                }
                Err(error) => {
                    let error = ServiceError::from_sdk("SendTaskSuccess", &error);
                    if error.code.as_deref() != Some("InvalidOutput") {
                        return unanswered(shared, &error);
                    }
                    TaskError::new("Task.InvalidOutput", error.message)
                }
            }
        }
        Ok(Err(failure)) => failure,
        Err(joined) => TaskError::new(PANIC_ERROR, panic_message(joined)),
    };
    let outcome = answer_failure(shared, token, &failure).await;
    if outcome == Outcome::Answered {
        Counters::add(&shared.counters.failed);
    }
    outcome
}

/// Sends `SendTaskFailure`.
async fn answer_failure(shared: &TaskShared, token: &str, failure: &TaskError) -> Outcome {
    let sent = shared
        .client
        .send_task_failure()
        .task_token(token)
        .error(failure.error())
        .cause(failure.cause())
        .send()
        .await;
    match sent {
        Ok(_) => Outcome::Answered,
        Err(error) => unanswered(shared, &ServiceError::from_sdk("SendTaskFailure", &error)),
    }
}

fn unanswered(shared: &TaskShared, error: &ServiceError) -> Outcome {
    if error.task_is_gone() {
        tracing::warn!(%error, "the task ended before its answer arrived");
        Counters::add(&shared.counters.cancelled);
        Outcome::Gone
    } else {
        tracing::error!(%error, "the task's answer could not be sent");
        Counters::add(&shared.counters.unanswered);
        Outcome::Unanswered
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
