//! Clients for local endpoints of DynamoDB, S3 and SQS (moto's server,
//! LocalStack, DynamoDB Local): region `us-east-1`, fixed test credentials,
//! [`http_client`](crate::http_client).

use crate::http::local_config;

/// A DynamoDB client for a local endpoint.
///
/// ```
/// let client = stepfn_runtime::local_dynamodb_client("http://127.0.0.1:5000");
/// assert_eq!(client.config().region().map(|r| r.as_ref()), Some("us-east-1"));
/// ```
#[cfg(feature = "state-data")]
#[must_use]
pub fn local_dynamodb_client(endpoint_url: impl Into<String>) -> aws_sdk_dynamodb::Client {
    let config = local_config!(aws_sdk_dynamodb, endpoint_url).build();
    aws_sdk_dynamodb::Client::from_conf(config)
}

/// An S3 client for a local endpoint, with path-style addressing
/// (`http://host/bucket/key`), which local endpoints serve.
///
/// ```
/// let client = stepfn_runtime::local_s3_client("http://127.0.0.1:5000");
/// assert_eq!(client.config().region().map(|r| r.as_ref()), Some("us-east-1"));
/// ```
#[cfg(feature = "state-data")]
#[must_use]
pub fn local_s3_client(endpoint_url: impl Into<String>) -> aws_sdk_s3::Client {
    let config = local_config!(aws_sdk_s3, endpoint_url)
        .force_path_style(true)
        .build();
    aws_sdk_s3::Client::from_conf(config)
}

/// An SQS client for a local endpoint.
///
/// ```
/// let client = stepfn_runtime::local_sqs_client("http://127.0.0.1:5000");
/// assert_eq!(client.config().region().map(|r| r.as_ref()), Some("us-east-1"));
/// ```
#[cfg(feature = "sqs")]
#[must_use]
pub fn local_sqs_client(endpoint_url: impl Into<String>) -> aws_sdk_sqs::Client {
    let config = local_config!(aws_sdk_sqs, endpoint_url).build();
    aws_sdk_sqs::Client::from_conf(config)
}
