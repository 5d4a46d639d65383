//! [`SqsQueue`]: the queue a task sends to.

use crate::tasks::input::{from_dynamic, Repr};
use crate::tasks::Input;

/// An SQS queue. AWS wants its URL; the CDK, given the queue's ARN,
/// writes the URL `https://sqs.<region>.<domain>/<account>/<name>`, and so
/// does [`SqsQueue::from_arn`].
///
/// ```
/// use stepfn::tasks::SqsQueue;
/// let queue = SqsQueue::from_arn("arn:aws:sqs:us-east-1:123456789012:orders");
/// assert_eq!(queue.url(), Some("https://sqs.us-east-1.amazonaws.com/123456789012/orders"));
/// let china = SqsQueue::from_arn("arn:aws-cn:sqs:cn-north-1:123456789012:orders");
/// assert_eq!(china.url(), Some("https://sqs.cn-north-1.amazonaws.com.cn/123456789012/orders"));
/// let by_url = SqsQueue::from_url("https://sqs.eu-west-1.amazonaws.com/123456789012/jobs");
/// assert_eq!(by_url.url(), Some("https://sqs.eu-west-1.amazonaws.com/123456789012/jobs"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct SqsQueue {
    pub(crate) url: Input<String>,
}

impl SqsQueue {
    /// The queue with this ARN (`arn:<partition>:sqs:<region>:<account>:<name>`).
    /// Text that is not such an ARN is kept as the URL. (Example on [`SqsQueue`].)
    pub fn from_arn(arn: impl Into<String>) -> SqsQueue {
        let arn = arn.into();
        let url = url_of(&arn).unwrap_or(arn);
        SqsQueue {
            url: Input(Repr::Literal(url)),
        }
    }

    /// The queue with this URL. (Example on [`SqsQueue`].)
    pub fn from_url(url: impl Into<String>) -> SqsQueue {
        SqsQueue {
            url: Input(Repr::Literal(url.into())),
        }
    }

    /// The queue URL, unless it is read at run time. (Example on [`SqsQueue`].)
    #[must_use]
    pub fn url(&self) -> Option<&str> {
        self.url.literal().map(String::as_str)
    }
}

/// `https://sqs.<region>.<domain>/<account>/<name>` for a queue ARN.
fn url_of(arn: &str) -> Option<String> {
    let parts: Vec<&str> = arn.split(':').collect();
    let ["arn", partition, "sqs", region, account, name] = parts.as_slice() else {
        return None;
    };
    Some(format!(
        "https://sqs.{region}.{}/{account}/{name}",
        crate::tasks::arn::url_suffix(partition)
    ))
}

/// A queue ARN (as [`SqsQueue::from_arn`]) or URL (as [`SqsQueue::from_url`]).
///
/// ```
/// use stepfn::tasks::SqsQueue;
/// let q = SqsQueue::from("arn:aws:sqs:us-east-1:123456789012:jobs");
/// assert_eq!(q.url(), Some("https://sqs.us-east-1.amazonaws.com/123456789012/jobs"));
/// ```
impl From<&str> for SqsQueue {
    fn from(text: &str) -> SqsQueue {
        SqsQueue::from_arn(text)
    }
}

impl From<String> for SqsQueue {
    fn from(text: String) -> SqsQueue {
        SqsQueue::from_arn(text)
    }
}

from_dynamic!(SqsQueue, |url| SqsQueue { url });
