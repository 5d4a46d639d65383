//! `.waitForTaskToken` tasks from an SQS queue: a Task state
//! `arn:aws:states:::sqs:sendMessage.waitForTaskToken` puts a message with
//! its task token on the queue; the worker receives it, runs the handler,
//! answers `SendTaskSuccess`/`SendTaskFailure`, and only then deletes the
//! message.

use std::time::Duration;

use aws_sdk_sqs::config::retry::RetryConfig;
use aws_sdk_sqs::config::timeout::TimeoutConfig;
use serde_json::Value;

use crate::source::{Lease, Received, Source};
use crate::{ActivityHandler, ActivityWorker, ServiceError};

/// `ReceiveMessage` returns at most this many messages per call.
pub(crate) const MAX_MESSAGES: usize = 10;

/// The field of a message body that holds the task token, unless
/// [`SqsQueue::token_field`] says otherwise.
pub const DEFAULT_TOKEN_FIELD: &str = "TaskToken";

/// How long `ReceiveMessage` waits for a message (SQS's longest long
/// poll).
pub const RECEIVE_WAIT: Duration = Duration::from_secs(20);

/// A queue of `.waitForTaskToken` messages, as a worker's task source
/// ([`ActivityWorker::from_queue`](crate::ActivityWorker::from_queue)).
///
/// Each message body is a JSON object holding the task token in its
/// token field (the Task state's `MessageBody` has `"TaskToken.$":
/// "$$.Task.Token"`); the handler gets the whole body as its input. While
/// the task runs, the message's visibility is extended every third of the
/// visibility timeout, so no other worker receives it; it is deleted
/// once the task is answered, or once its token no longer takes an answer.
/// A message whose answer could not be sent is left on the queue, to be
/// received again after its visibility timeout. A body that is not JSON,
/// or has no token, cannot be answered: it is left to the queue's redrive
/// policy (a dead-letter queue) and logged.
///
/// ```
/// use std::time::Duration;
/// let queue = stepfn_runtime::SqsQueue::new(
///     stepfn_runtime::local_sqs_client("http://127.0.0.1:5000"),
///     "http://127.0.0.1:5000/123456789012/reviews",
/// )
/// .token_field("token")
/// .visibility_timeout(Duration::from_secs(120));
/// assert_eq!(queue.url(), "http://127.0.0.1:5000/123456789012/reviews");
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct SqsQueue {
    client: aws_sdk_sqs::Client,
    url: String,
    token_field: String,
    visibility: Duration,
}

impl SqsQueue {
    /// The queue at `url`, read with `client` (given the worker's read
    /// timeout and retries); token field [`DEFAULT_TOKEN_FIELD`], a
    /// visibility timeout of 60 seconds.
    ///
    /// ```
    /// let queue = stepfn_runtime::SqsQueue::new(stepfn_runtime::local_sqs_client("http://127.0.0.1:5000"), "http://127.0.0.1:5000/1/q");
    /// assert_eq!(queue.token_field_name(), "TaskToken");
    /// ```
    pub fn new(client: aws_sdk_sqs::Client, url: impl Into<String>) -> SqsQueue {
        let timeouts = TimeoutConfig::builder()
            .connect_timeout(Duration::from_secs(10))
            .read_timeout(crate::READ_TIMEOUT)
            .build();
        let config = client
            .config()
            .to_builder()
            .timeout_config(timeouts)
            .retry_config(RetryConfig::standard().with_max_attempts(crate::MAX_ATTEMPTS))
            .build();
        SqsQueue {
            client: aws_sdk_sqs::Client::from_conf(config),
            url: url.into(),
            token_field: DEFAULT_TOKEN_FIELD.to_owned(),
            visibility: Duration::from_secs(60),
        }
    }

    /// The body field holding the task token.
    ///
    /// ```
    /// # let queue = stepfn_runtime::SqsQueue::new(stepfn_runtime::local_sqs_client("http://127.0.0.1:5000"), "http://127.0.0.1:5000/1/q");
    /// assert_eq!(queue.token_field("token").token_field_name(), "token");
    /// ```
    pub fn token_field(mut self, field: impl Into<String>) -> SqsQueue {
        self.token_field = field.into();
        self
    }

    /// How long a received message stays hidden (at least 3 seconds, at
    /// most SQS's 12 hours); it is extended every third of that while its
    /// task runs.
    ///
    /// ```
    /// # let queue = stepfn_runtime::SqsQueue::new(stepfn_runtime::local_sqs_client("http://127.0.0.1:5000"), "http://127.0.0.1:5000/1/q");
    /// let queue = queue.visibility_timeout(std::time::Duration::from_secs(30));
    /// ```
    pub fn visibility_timeout(mut self, timeout: Duration) -> SqsQueue {
        self.visibility = timeout.clamp(Duration::from_secs(3), Duration::from_secs(43_200));
        self
    }

    /// The queue's URL.
    ///
    /// ```
    /// # let queue = stepfn_runtime::SqsQueue::new(stepfn_runtime::local_sqs_client("http://127.0.0.1:5000"), "http://127.0.0.1:5000/1/q");
    /// assert_eq!(queue.url(), "http://127.0.0.1:5000/1/q");
    /// ```
    #[must_use]
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The body field holding the task token.
    ///
    /// ```
    /// # let queue = stepfn_runtime::SqsQueue::new(stepfn_runtime::local_sqs_client("http://127.0.0.1:5000"), "http://127.0.0.1:5000/1/q");
    /// assert_eq!(queue.token_field_name(), stepfn_runtime::DEFAULT_TOKEN_FIELD);
    /// ```
    #[must_use]
    pub fn token_field_name(&self) -> &str {
        &self.token_field
    }

    fn visibility_seconds(&self) -> i32 {
        i32::try_from(self.visibility.as_secs()).unwrap_or(i32::MAX)
    }

    /// One long poll for up to `max` messages.
    pub(crate) async fn receive(&self, max: usize) -> Result<Vec<Received>, ServiceError> {
        let max = i32::try_from(max.clamp(1, MAX_MESSAGES)).unwrap_or(1);
        let answer = self
            .client
            .receive_message()
            .queue_url(&self.url)
            .max_number_of_messages(max)
            .wait_time_seconds(i32::try_from(RECEIVE_WAIT.as_secs()).unwrap_or(20))
            .visibility_timeout(self.visibility_seconds())
            .send()
            .await
            .map_err(|e| ServiceError::from_sdk("ReceiveMessage", &e))?;
        let mut received = Vec::new();
        for message in answer.messages.unwrap_or_default() {
            let Some(receipt) = message.receipt_handle else {
                continue;
            };
            let id = message.message_id.unwrap_or_default();
            match task_of(message.body.as_deref().unwrap_or(""), &self.token_field) {
                Ok((token, input)) => received.push(Received {
                    token,
                    input: Ok(input),
                    lease: Some(Lease::Message(Message {
                        queue: self.clone(),
                        receipt,
                    })),
                }),
                Err(why) => tracing::error!(
                    queue = %self.url, message = %id,
                    "{why}; the message cannot be answered and is left to the queue's redrive policy"
                ),
            }
        }
        Ok(received)
    }
}

impl ActivityWorker {
    /// A worker for the `.waitForTaskToken` messages of `queue`, answering
    /// each task through `client` (Step Functions), with the slots,
    /// heartbeats, maximum of tasks and drain of an activity worker. Each
    /// `ReceiveMessage` asks for as many messages as there are free slots
    /// (at most 10), so a message is never received without room to run it.
    ///
    /// ```
    /// let queue = stepfn_runtime::SqsQueue::new(stepfn_runtime::local_sqs_client("http://127.0.0.1:5000"), "http://127.0.0.1:5000/1/reviews");
    /// let worker = stepfn_runtime::ActivityWorker::from_queue(
    ///     stepfn_runtime::local_client("http://127.0.0.1:8083"),
    ///     queue,
    ///     |task: stepfn_runtime::ActivityTask| async move { Ok(serde_json::json!({"approved": true})) },
    /// )
    /// .slots(16);
    /// assert_eq!(worker.slot_count(), 16);
    /// ```
    pub fn from_queue(
        client: aws_sdk_sfn::Client,
        queue: SqsQueue,
        handler: impl ActivityHandler,
    ) -> ActivityWorker {
        ActivityWorker::with_source(client, Source::Queue(queue), handler)
    }
}

/// The token and input of a message body.
fn task_of(body: &str, token_field: &str) -> Result<(String, Value), String> {
    let input: Value =
        serde_json::from_str(body).map_err(|e| format!("the message body is not JSON ({e})"))?;
    match input.get(token_field) {
        Some(Value::String(token)) if !token.is_empty() => Ok((token.clone(), input)),
        _ => Err(format!(
            "the message body has no string `{token_field}`: put `\"{token_field}.$\": \"$$.Task.Token\"` in the Task state's MessageBody"
        )),
    }
}

/// A received message, held while its task runs.
#[derive(Debug)]
pub(crate) struct Message {
    queue: SqsQueue,
    receipt: String,
}

impl Message {
    pub(crate) fn every(&self) -> Duration {
        (self.queue.visibility / 3).max(Duration::from_secs(1))
    }

    pub(crate) async fn extend(&self) {
        let changed = self
            .queue
            .client
            .change_message_visibility()
            .queue_url(&self.queue.url)
            .receipt_handle(&self.receipt)
            .visibility_timeout(self.queue.visibility_seconds())
            .send()
            .await;
        if let Err(e) = changed {
            let error = ServiceError::from_sdk("ChangeMessageVisibility", &e);
            tracing::warn!(%error, "the message's visibility was not extended; trying again at the next extension");
        }
    }

    pub(crate) async fn delete(&self) {
        let deleted = self
            .queue
            .client
            .delete_message()
            .queue_url(&self.queue.url)
            .receipt_handle(&self.receipt)
            .send()
            .await;
        if let Err(e) = deleted {
            let error = ServiceError::from_sdk("DeleteMessage", &e);
            tracing::warn!(%error, "the answered message was not deleted; it will be received again and its answer refused");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_is_read_from_its_field_and_the_body_is_the_input() {
        let (token, input) =
            task_of(r#"{"TaskToken": "t-1", "order": 7}"#, "TaskToken").unwrap_or_default();
        assert_eq!(
            (token.as_str(), &input["order"]),
            ("t-1", &serde_json::json!(7))
        );
    }

    #[test]
    fn bodies_without_a_token_say_what_to_put_in_the_message_body() {
        let error = task_of(r#"{"order": 7}"#, "TaskToken")
            .err()
            .unwrap_or_default();
        assert!(
            error.contains(r#""TaskToken.$": "$$.Task.Token""#),
            "{error}"
        );
        assert!(task_of("not json", "TaskToken").is_err_and(|e| e.contains("not JSON")));
        assert!(task_of(r#"{"TaskToken": 5}"#, "TaskToken").is_err());
    }
}
