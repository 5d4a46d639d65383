//! State data against moto's DynamoDB and S3: wall time of `put_items` of
//! 10,000 items (400 `BatchWriteItem` calls) and of `get_items` of them
//! back (`Query` pages), median of 5 runs, each on a fresh partition key;
//! then the same with py2sfn-task-tools' `StateDataClient` when a Python
//! with it is given.
//!
//! ```text
//! moto_server -H 127.0.0.1 -p 5000 &
//! STEPFN_MOTO_ENDPOINT=http://127.0.0.1:5000 STEPFN_PY2SFN_PYTHON=target/peers-venv/bin/python \
//!   cargo bench -p stepfn-runtime --features state-data --bench state_data_load
//! ```

use std::time::{Duration, Instant};

use aws_sdk_dynamodb::types::{
    AttributeDefinition, BillingMode, KeySchemaElement, KeyType, ScalarAttributeType,
};
use serde_json::{json, Value};
use stepfn_runtime::{local_dynamodb_client, local_s3_client, StateData};

const ITEMS: usize = 10_000;
const RUNS: usize = 5;

type Error = Box<dyn std::error::Error>;

async fn storage(url: &str, suffix: &str) -> Result<StateData, Error> {
    let dynamodb = local_dynamodb_client(url);
    let s3 = local_s3_client(url);
    let name = format!("bench-state-{}-{suffix}", std::process::id());
    let key = |name: &str, key_type| {
        KeySchemaElement::builder()
            .attribute_name(name)
            .key_type(key_type)
            .build()
    };
    let attribute = |name: &str, kind| {
        AttributeDefinition::builder()
            .attribute_name(name)
            .attribute_type(kind)
            .build()
    };
    dynamodb
        .create_table()
        .table_name(&name)
        .key_schema(key("partition_key", KeyType::Hash)?)
        .key_schema(key("sort_key", KeyType::Range)?)
        .attribute_definitions(attribute("partition_key", ScalarAttributeType::S)?)
        .attribute_definitions(attribute("sort_key", ScalarAttributeType::N)?)
        .billing_mode(BillingMode::PayPerRequest)
        .send()
        .await?;
    s3.create_bucket().bucket(&name).send().await?;
    Ok(StateData::new(dynamodb, s3, &name, &name).namespace("bench"))
}

/// The median of `times` and every run, in milliseconds.
fn summary(times: &mut [Duration]) -> String {
    times.sort();
    let median = times.get(times.len() / 2).copied().unwrap_or_default();
    let runs: Vec<u128> = times.iter().map(Duration::as_millis).collect();
    format!("median {} ms (runs {runs:?})", median.as_millis())
}

async fn rust(url: &str) -> Result<(String, String), Error> {
    let data = storage(url, "rust").await?;
    let items: Vec<Value> = (0..ITEMS)
        .map(|n| json!({"order": n, "sku": format!("sku-{n}"), "quantity": n % 7}))
        .collect();
    let (mut puts, mut gets) = (Vec::new(), Vec::new());
    for run in 0..RUNS {
        let key = format!("orders-{run}");
        let started = Instant::now();
        let pointer = data.put_items(&key, &items).await?;
        puts.push(started.elapsed());
        let started = Instant::now();
        let back: Vec<Value> = data.get_items(&key).await?;
        gets.push(started.elapsed());
        if pointer.count != ITEMS || back != items {
            return Err(format!(
                "run {run}: {} items written, {} read back, equal: {}",
                pointer.count,
                back.len(),
                back == items
            )
            .into());
        }
    }
    Ok((summary(&mut puts), summary(&mut gets)))
}

fn main() -> Result<(), Error> {
    let Ok(url) = std::env::var("STEPFN_MOTO_ENDPOINT") else {
        return Err("set STEPFN_MOTO_ENDPOINT to a moto server's URL (see the comment at the top of benches/state_data_load.rs)".into());
    };
    let runtime = tokio::runtime::Runtime::new()?;
    let (put, get) = runtime.block_on(rust(&url))?;
    println!(
        "stepfn-runtime StateData, {ITEMS} items against moto: put_items {put}; get_items {get}"
    );
    if let Ok(python) = std::env::var("STEPFN_PY2SFN_PYTHON") {
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/py2sfn_state_data.py");
        let table = format!("bench-state-{}-python", std::process::id());
        // the table and bucket the Python side writes to
        let _created = runtime.block_on(storage(&url, "python"))?;
        let run = std::process::Command::new(python)
            .args([script, &url, &table, &ITEMS.to_string(), &RUNS.to_string()])
            .output()?;
        if !run.status.success() {
            return Err(format!(
                "py2sfn_state_data.py: {}",
                String::from_utf8_lossy(&run.stderr)
            )
            .into());
        }
        print!("{}", String::from_utf8_lossy(&run.stdout));
    }
    Ok(())
}
