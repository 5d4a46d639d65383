//! Amazon SNS: [`SnsPublish`].

mod publish;
mod topic;

pub use publish::{SnsMessageAttribute, SnsPublish, SnsPublishProps};
pub use topic::SnsTopic;
