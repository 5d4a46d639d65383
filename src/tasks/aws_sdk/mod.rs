//! Any AWS API through the AWS SDK integrations: [`CallAwsService`].

mod call_aws_service;
mod names;

pub use call_aws_service::{CallAwsService, CallAwsServiceProps};
pub use names::iam_prefix;
