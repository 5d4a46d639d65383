//! Step Functions clients set up for workers: timeouts longer than the long
//! poll, retries with back-off.

use std::time::Duration;

use aws_sdk_sfn::config::retry::RetryConfig;
use aws_sdk_sfn::config::timeout::TimeoutConfig;
use aws_sdk_sfn::Client;

use crate::http::local_config;

/// `GetActivityTask` holds a request open for up to 60 seconds; a read
/// timeout shorter than that would cut every empty poll.
pub const READ_TIMEOUT: Duration = Duration::from_secs(70);

/// Attempts per request: throttling, 5xx answers and dropped connections
/// are tried again with exponential back-off and jitter.
pub const MAX_ATTEMPTS: u32 = 5;

/// `client` with what a worker needs: a read timeout of [`READ_TIMEOUT`]
/// (longer than the 60-second long poll) and the standard retry mode
/// with [`MAX_ATTEMPTS`] attempts. Everything else is kept.
///
/// ```
/// let client = stepfn_runtime::local_client("http://127.0.0.1:8083");
/// let worker_client = stepfn_runtime::for_workers(&client);
/// let read_timeout = worker_client.config().timeout_config().and_then(|t| t.read_timeout());
/// assert_eq!(read_timeout, Some(stepfn_runtime::READ_TIMEOUT));
/// ```
#[must_use]
pub fn for_workers(client: &Client) -> Client {
    let timeouts = TimeoutConfig::builder()
        .connect_timeout(Duration::from_secs(10))
        .read_timeout(READ_TIMEOUT)
        .build();
    let config = client
        .config()
        .to_builder()
        .timeout_config(timeouts)
        .retry_config(RetryConfig::standard().with_max_attempts(MAX_ATTEMPTS))
        .build();
    Client::from_conf(config)
}

/// A client for a local endpoint such as `stepfn serve`: region
/// `us-east-1`, fixed test credentials, [`http_client`](crate::http_client).
///
/// ```
/// let client = stepfn_runtime::local_client("http://127.0.0.1:8083");
/// assert_eq!(client.config().region().map(|r| r.as_ref()), Some("us-east-1"));
/// ```
#[must_use]
pub fn local_client(endpoint_url: impl Into<String>) -> Client {
    Client::from_conf(local_config!(aws_sdk_sfn, endpoint_url).build())
}
