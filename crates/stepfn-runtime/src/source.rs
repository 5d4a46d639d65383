//! Where a worker's tasks come from: an activity's `GetActivityTask`, or
//! (feature `sqs`) `.waitForTaskToken` messages on an SQS queue. The
//! worker's loop, slots, maximum of tasks and drain are the same for both.

use serde_json::Value;

use crate::ServiceError;

/// A task's source.
#[derive(Debug)]
pub(crate) enum Source {
    /// `GetActivityTask` on this activity, with this `workerName`.
    Activity { arn: String, worker_name: String },
    /// `ReceiveMessage` on a queue.
    #[cfg(feature = "sqs")]
    Queue(crate::SqsQueue),
}

/// One task received.
#[derive(Debug)]
pub(crate) struct Received {
    pub(crate) token: String,
    /// The input, or why it is not JSON (the task is then failed with
    /// `Task.InvalidInput`).
    pub(crate) input: Result<Value, String>,
    /// What keeps the task's message hidden while it runs, and deletes it
    /// once the task is answered.
    pub(crate) lease: Option<Lease>,
}

/// The message behind a task from a queue.
#[derive(Debug)]
pub(crate) enum Lease {
    #[cfg(feature = "sqs")]
    Message(crate::sqs::Message),
}

impl Source {
    /// What the logs call the source.
    pub(crate) fn describe(&self) -> &str {
        match self {
            Source::Activity { arn, .. } => arn,
            #[cfg(feature = "sqs")]
            Source::Queue(queue) => queue.url(),
        }
    }

    /// How many tasks one call may return.
    pub(crate) fn batch(&self) -> usize {
        match self {
            Source::Activity { .. } => 1,
            #[cfg(feature = "sqs")]
            Source::Queue(_) => crate::sqs::MAX_MESSAGES,
        }
    }

    /// The call that fetches tasks, for logs.
    pub(crate) fn operation(&self) -> &'static str {
        match self {
            Source::Activity { .. } => "GetActivityTask",
            #[cfg(feature = "sqs")]
            Source::Queue(_) => "ReceiveMessage",
        }
    }

    /// Waits for up to `max` tasks (at least 1): none when a long poll
    /// ends empty.
    pub(crate) async fn receive(
        &self,
        client: &aws_sdk_sfn::Client,
        max: usize,
    ) -> Result<Vec<Received>, ServiceError> {
        match self {
            Source::Activity { arn, worker_name } => {
                let _ = max;
                let polled = client
                    .get_activity_task()
                    .activity_arn(arn)
                    .worker_name(worker_name)
                    .send()
                    .await
                    .map_err(|e| ServiceError::from_sdk("GetActivityTask", &e))?;
                let Some(token) = polled.task_token().filter(|t| !t.is_empty()) else {
                    return Ok(Vec::new());
                };
                let input = match polled.input() {
                    None => Ok(Value::Null),
                    Some(text) => serde_json::from_str(text)
                        .map_err(|e| format!("the task's input is not JSON: {e}")),
                };
                Ok(vec![Received {
                    token: token.to_owned(),
                    input,
                    lease: None,
                }])
            }
            #[cfg(feature = "sqs")]
            Source::Queue(queue) => queue.receive(max).await,
        }
    }
}

impl Lease {
    /// How often the lease is extended while its task runs.
    pub(crate) fn every(&self) -> std::time::Duration {
        match *self {
            #[cfg(feature = "sqs")]
            Lease::Message(ref message) => message.every(),
        }
    }

    /// Keeps the message hidden for another visibility timeout.
    pub(crate) async fn extend(&self) {
        match *self {
            #[cfg(feature = "sqs")]
            Lease::Message(ref message) => message.extend().await,
        }
    }

    /// Deletes the message: its task has been answered, or no longer
    /// takes an answer.
    pub(crate) async fn settle(&self) {
        match *self {
            #[cfg(feature = "sqs")]
            Lease::Message(ref message) => message.delete().await,
        }
    }
}
