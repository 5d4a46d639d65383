//! The HTTP client of every AWS client here: rustls with the `ring`
//! provider, so building needs no C toolchain.

use aws_smithy_http_client::tls::{rustls_provider::CryptoMode, Provider};
use aws_smithy_runtime_api::client::http::SharedHttpClient;

/// An HTTPS client on rustls with the `ring` provider (no C toolchain or
/// CMake needed to build it); it speaks plain HTTP to `http://` endpoints.
///
/// Every client this crate builds uses it; give it to your own SDK
/// configuration with `aws_config::from_env().http_client(...)`.
///
/// ```
/// let http: aws_smithy_runtime_api::client::http::SharedHttpClient = stepfn_runtime::http_client();
/// # let _ = http;
/// ```
#[must_use]
pub fn http_client() -> SharedHttpClient {
    aws_smithy_http_client::Builder::new()
        .tls_provider(Provider::Rustls(CryptoMode::Ring))
        .build_https()
}

/// The configuration builder of SDK crate `$sdk` for a local endpoint (moto's
/// server, LocalStack, DynamoDB Local, `stepfn serve`): region `us-east-1`,
/// fixed test credentials, [`http_client`]. The same settings for every
/// service; each client adds what its service needs before `build()`.
#[cfg(any(feature = "activity", feature = "state-data", feature = "sqs"))]
macro_rules! local_config {
    ($sdk:ident, $endpoint_url:expr) => {{
        use $sdk::config::{Credentials, Region};
        $sdk::Config::builder()
            .behavior_version_latest()
            .endpoint_url($endpoint_url)
            .region(Region::new("us-east-1"))
            .credentials_provider(Credentials::new(
                "local",
                "local",
                None,
                None,
                "stepfn-runtime",
            ))
            .http_client($crate::http_client())
    }};
}
#[cfg(any(feature = "activity", feature = "state-data", feature = "sqs"))]
pub(crate) use local_config;
