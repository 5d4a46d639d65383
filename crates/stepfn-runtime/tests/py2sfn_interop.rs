//! Python and Rust tasks share state data: py2sfn-task-tools reads what
//! `StateData` wrote (an item through S3 included) and `StateData` reads
//! what py2sfn-task-tools wrote; the pointers are the same JSON. Needs
//! moto (`STEPFN_MOTO_ENDPOINT`) and a Python with py2sfn-task-tools
//! (`STEPFN_PY2SFN_PYTHON`); `.ci/run` provides both.

#![cfg(feature = "state-data")]

mod moto;

use std::process::Command;

use serde_json::{json, Value};
use stepfn_runtime::{local_dynamodb_client, local_s3_client, ItemsPointer, StateData};

const PYTHON_VARIABLE: &str = "STEPFN_PY2SFN_PYTHON";
const NAMESPACE: &str = "arn:aws:states:us-east-1:123456789012:execution:Shared:run-7";

/// The Python to run, or `None` (after saying so) when skipped.
fn python() -> Option<String> {
    if let Ok(python) = std::env::var(PYTHON_VARIABLE) {
        if !python.is_empty() {
            return Some(python);
        }
    }
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    assert!(!ci, "{PYTHON_VARIABLE} is not set and CI=true, where no test may be skipped: point it at a Python with `pip install -r crates/stepfn-runtime/requirements.txt`");
    println!("skipped: set {PYTHON_VARIABLE} to a Python with py2sfn-task-tools to run it");
    None
}

/// Runs the Python side: its standard output, one line of JSON.
fn py2sfn(python: &str, args: &[&str]) -> String {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/py2sfn_interop.py");
    let run = Command::new(python)
        .arg(script)
        .args(args)
        .output()
        .expect("python runs");
    assert!(
        run.status.success(),
        "py2sfn_interop.py {args:?}: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    String::from_utf8_lossy(&run.stdout).trim_end().to_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn python_and_rust_tasks_read_each_others_items() {
    let Some(url) = moto::endpoint("python_and_rust_tasks") else {
        return;
    };
    let Some(python) = python() else { return };
    let dynamodb = local_dynamodb_client(&url);
    let s3 = local_s3_client(&url);
    let table = moto::state_data_table(&dynamodb, "shared").await;
    let bucket = moto::bucket(&s3, "shared").await;
    let data = StateData::new(dynamodb, s3, &table, &bucket).namespace(NAMESPACE);

    // Rust writes, Python reads
    let mut items: Vec<Value> = (0..60)
        .map(|n| json!({"n": n, "name": format!("item {n}")}))
        .collect();
    items[42] = json!({"n": 42, "blob": "x".repeat(400_000)});
    data.put_items("from-rust", &items)
        .await
        .expect("put_items");
    let read = py2sfn(
        &python,
        &[&url, &table, &bucket, NAMESPACE, "read", "from-rust", "42"],
    );
    let read: Value = serde_json::from_str(&read).expect("JSON");
    assert!(
        read["items"] == json!(items),
        "py2sfn's get_items differs from what Rust wrote"
    );
    assert!(
        read["item"] == items[42],
        "py2sfn's get_item_for_map_iteration differs"
    );

    // Python writes, Rust reads; the pointer is the same JSON
    let written = py2sfn(
        &python,
        &[
            &url,
            &table,
            &bucket,
            NAMESPACE,
            "write",
            "from-python",
            "25",
            "7",
        ],
    );
    let pointer: ItemsPointer = serde_json::from_str(&written).expect("py2sfn's pointer reads");
    assert_eq!(
        (pointer.count, pointer.key.as_deref()),
        (25, Some("from-python"))
    );
    assert_eq!(
        serde_json::to_string(&pointer).ok(),
        Some(written),
        "the same JSON, key for key"
    );
    let back: Vec<Value> = data.get_items("from-python").await.expect("get_items");
    assert_eq!(back.len(), 25);
    assert_eq!(back[3], json!({"n": 3}));
    assert_eq!(back[7]["blob"].as_str().map(str::len), Some(390_000));
    let seven: Value = data.get_item("from-python", 7).await.expect("get_item");
    assert_eq!(seven, back[7]);
}
