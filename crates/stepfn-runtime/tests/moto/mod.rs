//! moto's server, started outside the tests (`.ci/run` does it): its URL
//! comes from `STEPFN_MOTO_ENDPOINT`. Without it a test prints that it was
//! skipped, except under `CI=true`, where it fails: CI skips no test.

#![allow(dead_code, unreachable_pub)]

use std::sync::atomic::{AtomicU32, Ordering};

/// The variable naming moto's URL, such as `http://127.0.0.1:5000`.
pub const ENDPOINT_VARIABLE: &str = "STEPFN_MOTO_ENDPOINT";

/// moto's URL, or `None` (after saying so) when the test is skipped.
///
/// # Panics
/// Under `CI=true` without the variable.
pub fn endpoint(test: &str) -> Option<String> {
    if let Ok(url) = std::env::var(ENDPOINT_VARIABLE) {
        if !url.is_empty() {
            return Some(url);
        }
    }
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    assert!(
        !ci,
        "{test}: {ENDPOINT_VARIABLE} is not set and CI=true, where no test may be skipped: start `moto_server -H 127.0.0.1 -p PORT` \
         (pip install -r crates/stepfn-runtime/requirements.txt) and set {ENDPOINT_VARIABLE}=http://127.0.0.1:PORT"
    );
    println!("skipped {test}: set {ENDPOINT_VARIABLE} to a moto server's URL to run it");
    None
}

/// A name no other test of this run uses (one moto server serves them all).
pub fn unique(prefix: &str) -> String {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!(
        "{prefix}-{}-{nanos}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}
