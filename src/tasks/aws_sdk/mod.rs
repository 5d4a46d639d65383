//! Any AWS API through the AWS SDK integrations: [`CallAwsService`].

mod call_aws_service;
#[cfg(feature = "aws-sdk-models")]
pub(crate) mod models;
pub(crate) mod names;

pub use call_aws_service::{CallAwsService, CallAwsServiceProps};
pub use names::iam_prefix;
