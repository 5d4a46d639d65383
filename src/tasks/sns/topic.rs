//! [`SnsTopic`]: the topic a task publishes to.

use crate::tasks::input::{from_dynamic, Repr};
use crate::tasks::Input;

/// An SNS topic, by ARN or read from the state at run time. A topic whose
/// name ends in `.fifo` is a FIFO topic: messages to it need a message group
/// and, unless the topic deduplicates by content, a deduplication ID.
///
/// ```
/// use stepfn::tasks::SnsTopic;
/// let topic = SnsTopic::from_arn("arn:aws:sns:us-east-1:123456789012:orders.fifo");
/// assert!(topic.is_fifo());
/// assert!(!SnsTopic::from_arn("arn:aws:sns:us-east-1:123456789012:orders").is_fifo());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct SnsTopic {
    pub(crate) arn: Input<String>,
    pub(crate) content_based_deduplication: bool,
}

impl SnsTopic {
    /// The topic with this ARN (`arn:aws:sns:<region>:<account>:<name>`).
    /// (Example on [`SnsTopic`].)
    pub fn from_arn(arn: impl Into<String>) -> SnsTopic {
        SnsTopic {
            arn: Input(Repr::Literal(arn.into())),
            content_based_deduplication: false,
        }
    }

    /// Marks a FIFO topic as deduplicating by content, so messages need no
    /// deduplication ID.
    ///
    /// ```
    /// use stepfn::tasks::{SnsPublish, SnsTopic};
    /// let topic = SnsTopic::from_arn("arn:aws:sns:us-east-1:123456789012:orders.fifo")
    ///     .content_based_deduplication(true);
    /// let state = SnsPublish::new("Notify", topic, "done").message_group_id("orders");
    /// assert!(state.to_json().contains(r#""MessageGroupId":"orders""#));
    /// ```
    pub fn content_based_deduplication(mut self, enabled: bool) -> SnsTopic {
        self.content_based_deduplication = enabled;
        self
    }

    /// Whether the topic's name ends in `.fifo`. (Example on [`SnsTopic`].)
    #[must_use]
    pub fn is_fifo(&self) -> bool {
        self.arn.literal().is_some_and(|arn| arn.ends_with(".fifo"))
    }
}

/// The topic with this ARN (as [`SnsTopic::from_arn`]).
///
/// ```
/// use stepfn::tasks::SnsTopic;
/// assert!(SnsTopic::from("arn:aws:sns:us-east-1:123456789012:t.fifo").is_fifo());
/// ```
impl From<&str> for SnsTopic {
    fn from(arn: &str) -> SnsTopic {
        SnsTopic::from_arn(arn)
    }
}

impl From<String> for SnsTopic {
    fn from(arn: String) -> SnsTopic {
        SnsTopic::from_arn(arn)
    }
}

from_dynamic!(SnsTopic, |arn| SnsTopic {
    arn,
    content_based_deduplication: false
});
