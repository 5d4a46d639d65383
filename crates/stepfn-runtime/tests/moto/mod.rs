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

/// A fresh table with the key schema state data uses: `partition_key`
/// (string) and `sort_key` (number), billed per request.
#[cfg(feature = "state-data")]
pub async fn state_data_table(dynamodb: &aws_sdk_dynamodb::Client, prefix: &str) -> String {
    use aws_sdk_dynamodb::types::{
        AttributeDefinition, BillingMode, KeySchemaElement, KeyType, ScalarAttributeType,
    };
    let name = unique(prefix);
    let key = |name: &str, key_type| {
        KeySchemaElement::builder()
            .attribute_name(name)
            .key_type(key_type)
            .build()
            .expect("key")
    };
    let attribute = |name: &str, kind| {
        AttributeDefinition::builder()
            .attribute_name(name)
            .attribute_type(kind)
            .build()
            .expect("attribute")
    };
    dynamodb
        .create_table()
        .table_name(&name)
        .key_schema(key("partition_key", KeyType::Hash))
        .key_schema(key("sort_key", KeyType::Range))
        .attribute_definitions(attribute("partition_key", ScalarAttributeType::S))
        .attribute_definitions(attribute("sort_key", ScalarAttributeType::N))
        .billing_mode(BillingMode::PayPerRequest)
        .send()
        .await
        .expect("CreateTable");
    name
}

/// A fresh bucket.
#[cfg(feature = "state-data")]
pub async fn bucket(s3: &aws_sdk_s3::Client, prefix: &str) -> String {
    let name = unique(prefix);
    s3.create_bucket()
        .bucket(&name)
        .send()
        .await
        .expect("CreateBucket");
    name
}
