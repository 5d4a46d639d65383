//! [`SqsSendMessage`]: `sqs:sendMessage`.

use std::time::Duration;

use crate::model::Json;
use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::service::{Render, Rendering};
use crate::tasks::{Input, Integration};

use super::SqsQueue;

/// Sends a message to an SQS queue (`arn:aws:states:::sqs:sendMessage`);
/// the CDK's `SqsSendMessage`. Patterns: request-response,
/// [`wait_for_task_token`](SqsSendMessage::wait_for_task_token).
///
/// ```
/// use std::time::Duration;
/// use stepfn::builder::{JsonPath, Payload};
/// use stepfn::tasks::{SqsQueue, SqsSendMessage};
/// let queue = SqsQueue::from_arn("arn:aws:sqs:us-east-1:123456789012:orders.fifo");
/// let state = SqsSendMessage::new("Queue", queue, Payload::new().field("id", JsonPath::new("$.id")))
///     .delay(Duration::from_secs(30))
///     .message_deduplication_id(JsonPath::new("$.id"))
///     .message_group_id("orders");
/// assert_eq!(state.to_json(), concat!(
///     r#"{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Parameters":{"#,
///     r#""QueueUrl":"https://sqs.us-east-1.amazonaws.com/123456789012/orders.fifo","#,
///     r#""MessageBody":{"id.$":"$.id"},"DelaySeconds":30,"MessageDeduplicationId.$":"$.id","#,
///     r#""MessageGroupId":"orders"},"End":true}"#,
/// ));
/// ```
///
/// SQS cannot run a job:
///
/// ```compile_fail
/// use stepfn::tasks::{SqsQueue, SqsSendMessage};
/// let state = SqsSendMessage::new("Q", SqsQueue::from_url("https://sqs.us-east-1.amazonaws.com/1/q"), "m").run_job();
/// ```
pub type SqsSendMessage = Integration<SqsSendMessageProps>;

/// What an [`SqsSendMessage`] sends (see there).
#[derive(Debug, Clone)]
pub struct SqsSendMessageProps {
    queue: SqsQueue,
    body: Input<Json>,
    delay: Option<Input<Duration>>,
    deduplication_id: Option<Input<String>>,
    group_id: Option<Input<String>>,
}

impl SqsSendMessage {
    /// Sends `body` (CDK `messageBody`: text, an object sent as JSON, or a
    /// value read from the state) to `queue`. (Example on [`SqsSendMessage`].)
    pub fn new(
        name: impl Into<String>,
        queue: impl Into<SqsQueue>,
        body: impl Into<Input<Json>>,
    ) -> SqsSendMessage {
        Integration::with(
            name,
            SqsSendMessageProps {
                queue: queue.into(),
                body: body.into(),
                delay: None,
                deduplication_id: None,
                group_id: None,
            },
        )
    }

    /// Sets `DelaySeconds`: how long the message stays invisible, in whole
    /// seconds (CDK `delay`). (Example on [`SqsSendMessage`].)
    pub fn delay(mut self, delay: impl Into<Input<Duration>>) -> SqsSendMessage {
        self.props.delay = Some(delay.into());
        self
    }

    /// Sets `MessageDeduplicationId`, for FIFO queues (CDK
    /// `messageDeduplicationId`). (Example on [`SqsSendMessage`].)
    pub fn message_deduplication_id(mut self, id: impl Into<Input<String>>) -> SqsSendMessage {
        self.props.deduplication_id = Some(id.into());
        self
    }

    /// Sets `MessageGroupId`, for FIFO queues (CDK `messageGroupId`).
    /// (Example on [`SqsSendMessage`].)
    pub fn message_group_id(mut self, id: impl Into<Input<String>>) -> SqsSendMessage {
        self.props.group_id = Some(id.into());
        self
    }

    /// Waits for the task token (`sqs:sendMessage.waitForTaskToken`): the
    /// message body must pass `Context::task_token()`.
    ///
    /// ```
    /// use stepfn::builder::{Context, Payload};
    /// use stepfn::tasks::{SqsQueue, SqsSendMessage};
    /// let queue = SqsQueue::from_url("https://sqs.us-east-1.amazonaws.com/123456789012/approvals");
    /// let state = SqsSendMessage::new("Ask", queue, Payload::new().field("token", Context::task_token()))
    ///     .wait_for_task_token();
    /// assert!(state.to_json().contains(r#""Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken""#));
    /// ```
    pub fn wait_for_task_token(self) -> SqsSendMessage {
        self.pattern(IntegrationPattern::WaitForTaskToken)
    }
}

impl Render for SqsSendMessageProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        let mut f = cx.fields();
        f.input("QueueUrl", &self.queue.url)
            .input("MessageBody", &self.body);
        if let Some(delay) = &self.delay {
            f.seconds("DelaySeconds", delay);
        }
        f.opt("MessageDeduplicationId", self.deduplication_id.as_ref())
            .opt("MessageGroupId", self.group_id.as_ref());
        cx.write(integration_arn("sqs", "sendMessage", cx.pattern), Some(f));
    }
}
