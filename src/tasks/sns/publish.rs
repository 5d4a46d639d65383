//! [`SnsPublish`]: `sns:publish`.

use crate::model::Json;
use crate::tasks::input::{number, Repr};
use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::render::Fields;
use crate::tasks::service::{Render, Rendering};
use crate::tasks::{Input, Integration};
use crate::Code;

use super::SnsTopic;

/// Publishes a message to an SNS topic (`arn:aws:states:::sns:publish`); the
/// CDK's `SnsPublish`. Patterns: request-response,
/// [`wait_for_task_token`](SnsPublish::wait_for_task_token).
///
/// ```
/// use stepfn::builder::JsonPath;
/// use stepfn::tasks::{SnsMessageAttribute, SnsPublish, SnsTopic};
/// let topic = SnsTopic::from_arn("arn:aws:sns:us-east-1:123456789012:orders.fifo");
/// let state = SnsPublish::new("Notify", topic, JsonPath::new("$.message"))
///     .subject("Order shipped")
///     .message_group_id("orders")
///     .message_deduplication_id(JsonPath::new("$.id"))
///     .message_per_subscription_type(true)
///     .message_attribute("count", SnsMessageAttribute::number(3))
///     .message_attribute("tags", SnsMessageAttribute::string_array(serde_json::json!(["a", 1])))
///     .message_attribute("source", SnsMessageAttribute::string(JsonPath::new("$.source")))
///     .message_attribute("blob", SnsMessageAttribute::binary("AAE="));
/// assert_eq!(state.to_json(), concat!(
///     r#"{"Type":"Task","Resource":"arn:aws:states:::sns:publish","Parameters":{"#,
///     r#""TopicArn":"arn:aws:sns:us-east-1:123456789012:orders.fifo","Message.$":"$.message","#,
///     r#""MessageDeduplicationId.$":"$.id","MessageGroupId":"orders","MessageStructure":"json","#,
///     r#""MessageAttributes":{"count":{"DataType":"Number","StringValue":"3"},"#,
///     r#""tags":{"DataType":"String.Array","StringValue":"[\"a\",1]"},"#,
///     r#""source":{"DataType":"String","StringValue.$":"$.source"},"#,
///     r#""blob":{"DataType":"Binary","BinaryValue":"AAE="}},"Subject":"Order shipped"},"End":true}"#,
/// ));
/// ```
///
/// SNS cannot run a job:
///
/// ```compile_fail
/// use stepfn::tasks::{SnsPublish, SnsTopic};
/// let state = SnsPublish::new("N", SnsTopic::from_arn("arn:aws:sns:us-east-1:1:t"), "m").run_job();
/// ```
pub type SnsPublish = Integration<SnsPublishProps>;

/// What an [`SnsPublish`] sends (see there).
#[derive(Debug, Clone)]
pub struct SnsPublishProps {
    topic: SnsTopic,
    message: Input<Json>,
    attributes: Vec<(String, SnsMessageAttribute)>,
    per_subscription_type: bool,
    subject: Option<Input<String>>,
    group_id: Option<Input<String>>,
    deduplication_id: Option<Input<String>>,
}

/// One SNS message attribute: its `DataType` and value.
///
/// ```
/// use stepfn::builder::JsonPath;
/// use stepfn::tasks::{SnsMessageAttribute, SnsPublish, SnsTopic};
/// let topic = SnsTopic::from_arn("arn:aws:sns:us-east-1:123456789012:orders");
/// let state = SnsPublish::new("Notify", topic, "done")
///     .message_attribute("amount", SnsMessageAttribute::number(JsonPath::new("$.amount")));
/// assert!(state.to_json().contains(r#""amount":{"DataType":"Number","StringValue.$":"$.amount"}"#));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct SnsMessageAttribute {
    data_type: &'static str,
    binary: bool,
    value: Input<String>,
}

impl SnsMessageAttribute {
    /// A `String` attribute. (Example on [`SnsPublish`].)
    pub fn string(value: impl Into<Input<String>>) -> SnsMessageAttribute {
        SnsMessageAttribute {
            data_type: "String",
            binary: false,
            value: value.into(),
        }
    }

    /// A `Number` attribute (its value is sent as text). (Example on
    /// [`SnsMessageAttribute`].)
    pub fn number(value: impl Into<Input<f64>>) -> SnsMessageAttribute {
        let value = value.into().map(|n| {
            let json = number(n);
            serde_json::to_string(&json).unwrap_or_default()
        });
        SnsMessageAttribute {
            data_type: "Number",
            binary: false,
            value,
        }
    }

    /// A `String.Array` attribute: a JSON array of strings, numbers and
    /// booleans, sent as its JSON text. (Example on [`SnsPublish`].)
    pub fn string_array(items: impl Into<Input<Json>>) -> SnsMessageAttribute {
        let value = items
            .into()
            .map(|json| serde_json::to_string(&json).unwrap_or_default());
        SnsMessageAttribute {
            data_type: "String.Array",
            binary: false,
            value,
        }
    }

    /// A `Binary` attribute: base64-encoded data. (Example on [`SnsPublish`].)
    pub fn binary(value: impl Into<Input<String>>) -> SnsMessageAttribute {
        SnsMessageAttribute {
            data_type: "Binary",
            binary: true,
            value: value.into(),
        }
    }

    fn render(&self, mut f: Fields) -> Fields {
        f.literal("DataType", self.data_type);
        let key = if self.binary {
            "BinaryValue"
        } else {
            "StringValue"
        };
        f.input(key, &self.value);
        f
    }
}

impl SnsPublish {
    /// Publishes `message` (CDK `message`: text, an object sent as JSON, or
    /// a value read from the state) to `topic`. (Example on [`SnsPublish`].)
    pub fn new(
        name: impl Into<String>,
        topic: impl Into<SnsTopic>,
        message: impl Into<Input<Json>>,
    ) -> SnsPublish {
        Integration::with(
            name,
            SnsPublishProps {
                topic: topic.into(),
                message: message.into(),
                attributes: Vec::new(),
                per_subscription_type: false,
                subject: None,
                group_id: None,
                deduplication_id: None,
            },
        )
    }

    /// Adds a message attribute (CDK `messageAttributes`). (Example on [`SnsPublish`].)
    pub fn message_attribute(
        mut self,
        name: impl Into<String>,
        attribute: SnsMessageAttribute,
    ) -> SnsPublish {
        self.props.attributes.push((name.into(), attribute));
        self
    }

    /// Sends a different message per protocol (CDK
    /// `messagePerSubscriptionType`): `MessageStructure: "json"`, and the
    /// message is an object with a `default` key. (Example on [`SnsPublish`].)
    pub fn message_per_subscription_type(mut self, enabled: bool) -> SnsPublish {
        self.props.per_subscription_type = enabled;
        self
    }

    /// Sets `Subject`, for email subscriptions (CDK `subject`). (Example on [`SnsPublish`].)
    pub fn subject(mut self, subject: impl Into<Input<String>>) -> SnsPublish {
        self.props.subject = Some(subject.into());
        self
    }

    /// Sets `MessageGroupId`, required for FIFO topics (CDK
    /// `messageGroupId`, at most 128 characters). (Example on [`SnsPublish`].)
    pub fn message_group_id(mut self, id: impl Into<Input<String>>) -> SnsPublish {
        self.props.group_id = Some(id.into());
        self
    }

    /// Sets `MessageDeduplicationId`, for FIFO topics that do not deduplicate
    /// by content (CDK `messageDeduplicationId`, at most 128 characters).
    /// (Example on [`SnsPublish`].)
    pub fn message_deduplication_id(mut self, id: impl Into<Input<String>>) -> SnsPublish {
        self.props.deduplication_id = Some(id.into());
        self
    }

    /// Waits for the task token (`sns:publish.waitForTaskToken`): the
    /// message must pass `Context::task_token()`.
    ///
    /// ```
    /// use stepfn::builder::{Context, Payload};
    /// use stepfn::tasks::{SnsPublish, SnsTopic};
    /// let topic = SnsTopic::from_arn("arn:aws:sns:us-east-1:123456789012:approvals");
    /// let state = SnsPublish::new("Ask", topic, Payload::new().field("token", Context::task_token()))
    ///     .wait_for_task_token();
    /// assert!(state.to_json().contains(r#""Resource":"arn:aws:states:::sns:publish.waitForTaskToken""#));
    /// ```
    pub fn wait_for_task_token(self) -> SnsPublish {
        self.pattern(IntegrationPattern::WaitForTaskToken)
    }
}

impl Render for SnsPublishProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        let mut f = cx.fields();
        if self.topic.is_fifo() {
            self.check_fifo(&mut f);
        }
        f.input("TopicArn", &self.topic.arn)
            .input("Message", &self.message)
            .opt("MessageDeduplicationId", self.deduplication_id.as_ref())
            .opt("MessageGroupId", self.group_id.as_ref());
        if self.per_subscription_type {
            f.literal("MessageStructure", "json");
        }
        if !self.attributes.is_empty() {
            let mut attributes = f.child();
            for (name, attribute) in &self.attributes {
                let rendered = attribute.render(f.child());
                attributes.object(name, rendered);
            }
            f.object("MessageAttributes", attributes);
        }
        f.opt("Subject", self.subject.as_ref());
        cx.write(integration_arn("sns", "publish", cx.pattern), Some(f));
    }
}

impl SnsPublishProps {
    /// A FIFO topic needs a message group, and a deduplication ID unless it
    /// deduplicates by content; both at most 128 characters.
    fn check_fifo(&self, f: &mut Fields) {
        match &self.group_id {
            None => f.problem(
                "MessageGroupId",
                Code::MissingField,
                "a FIFO topic needs a message group: call `.message_group_id(...)`",
            ),
            Some(id) => too_long(f, "MessageGroupId", id),
        }
        match &self.deduplication_id {
            None if !self.topic.content_based_deduplication => f.problem(
                "MessageDeduplicationId",
                Code::MissingField,
                "a FIFO topic without content-based deduplication needs a deduplication ID: \
                 call `.message_deduplication_id(...)`, or mark the topic with \
                 `.content_based_deduplication(true)`",
            ),
            Some(id) => too_long(f, "MessageDeduplicationId", id),
            None => {}
        }
    }
}

/// A literal over 128 characters is a problem at `field`.
fn too_long(f: &mut Fields, field: &str, id: &Input<String>) {
    if let Repr::Literal(text) = &id.0 {
        let count = text.chars().count();
        if count > 128 {
            f.problem(
                field,
                Code::ValueOutOfRange,
                format!("`{field}` must be at most 128 characters long, not {count}"),
            );
        }
    }
}
