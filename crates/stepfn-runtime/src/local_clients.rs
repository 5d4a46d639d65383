//! Clients for local endpoints of DynamoDB, S3 and SQS (moto's server,
//! LocalStack, DynamoDB Local): region `us-east-1`, fixed test credentials,
//! [`http_client`](crate::http_client).

/// A DynamoDB client for a local endpoint.
///
/// ```
/// let client = stepfn_runtime::local_dynamodb_client("http://127.0.0.1:5000");
/// assert_eq!(client.config().region().map(|r| r.as_ref()), Some("us-east-1"));
/// ```
#[cfg(feature = "state-data")]
#[must_use]
pub fn local_dynamodb_client(endpoint_url: impl Into<String>) -> aws_sdk_dynamodb::Client {
    use aws_sdk_dynamodb::config::{Credentials, Region};
    let config = aws_sdk_dynamodb::Config::builder()
        .behavior_version_latest()
        .endpoint_url(endpoint_url)
        .region(Region::new("us-east-1"))
        .credentials_provider(Credentials::new(
            "local",
            "local",
            None,
            None,
            "stepfn-runtime",
        ))
        .http_client(crate::http_client())
        .build();
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
    use aws_sdk_s3::config::{Credentials, Region};
    let config = aws_sdk_s3::Config::builder()
        .behavior_version_latest()
        .endpoint_url(endpoint_url)
        .force_path_style(true)
        .region(Region::new("us-east-1"))
        .credentials_provider(Credentials::new(
            "local",
            "local",
            None,
            None,
            "stepfn-runtime",
        ))
        .http_client(crate::http_client())
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
    use aws_sdk_sqs::config::{Credentials, Region};
    let config = aws_sdk_sqs::Config::builder()
        .behavior_version_latest()
        .endpoint_url(endpoint_url)
        .region(Region::new("us-east-1"))
        .credentials_provider(Credentials::new(
            "local",
            "local",
            None,
            None,
            "stepfn-runtime",
        ))
        .http_client(crate::http_client())
        .build();
    aws_sdk_sqs::Client::from_conf(config)
}
