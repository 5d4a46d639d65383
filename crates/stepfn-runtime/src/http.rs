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
