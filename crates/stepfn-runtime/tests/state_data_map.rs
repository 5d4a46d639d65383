//! A workflow end to end: a task writes a list with `put_items` and returns
//! the pointer; a Map built with `Map::over_state_data` fans out over it;
//! each iteration's task reads its item back by `context_index`. Workers
//! on `stepfn serve`, data in moto's DynamoDB and S3.

#![cfg(all(feature = "state-data", feature = "activity"))]

mod moto;
mod serve;

use std::sync::{Arc, Mutex};

use aws_sdk_sfn::types::ExecutionStatus;
use serde_json::{json, Value};
use stepfn::builder::{JsonPath, Map, Payload, StateDataItems, StateMachine, Task};
use stepfn_runtime::{
    local_dynamodb_client, local_s3_client, ActivityTask, ActivityWorker, MapIteration, StateData,
    TaskError,
};

async fn storage(url: &str) -> StateData {
    let dynamodb = local_dynamodb_client(url);
    let s3 = local_s3_client(url);
    let table = moto::state_data_table(&dynamodb, "map-state").await;
    let bucket = moto::bucket(&s3, "map-state").await;
    StateData::new(dynamodb, s3, table, bucket)
}

fn failure(error: impl std::fmt::Display) -> TaskError {
    TaskError::new("StateData.Failed", error.to_string())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_map_fans_out_over_put_items_and_each_iteration_reads_its_item() {
    let Some(url) = moto::endpoint("a_map_fans_out_over_put_items") else {
        return;
    };
    let data = storage(&url).await;
    let sfn = serve::start().await;
    let produce = serve::activity(&sfn, "produce").await;
    let consume = serve::activity(&sfn, "consume").await;
    let machine = StateMachine::new(
        Task::new("Produce", produce.as_str())
            .parameters(Payload::new().field("count", JsonPath::new("$.count")))
            .pass_execution_id()
            .result_path("$.numbers")
            .next(Map::over_state_data(
                "Each number",
                StateDataItems::at("$.numbers"),
                Task::new("Double", consume.as_str())
                    .parameters(Payload::new().field("iteration", JsonPath::input()))
                    .pass_execution_id(),
            )),
    )
    .to_json()
    .expect("the machine builds");
    let machine = serve::machine_of(&sfn, "Numbers", &machine).await;
    let execution = serve::start_execution(&sfn, &machine, r#"{"count": 30}"#).await;

    let writer = data.clone();
    let producer = ActivityWorker::new(sfn.clone(), &produce, move |task: ActivityTask| {
        let data = writer
            .clone()
            .namespace(task.execution_id().unwrap_or_default());
        async move {
            let count = task.input()["count"].as_u64().unwrap_or(0);
            let pointer = data.put_items("numbers", 0..count).await.map_err(failure)?;
            serde_json::to_value(pointer).map_err(failure)
        }
    })
    .max_tasks(1)
    .run_until(std::future::pending());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let reader = data.clone();
    let ids = Arc::clone(&seen);
    let consumer = ActivityWorker::new(sfn.clone(), &consume, move |task: ActivityTask| {
        let data = reader.clone();
        ids.lock()
            .map(|mut ids| ids.push(task.execution_id().map(str::to_owned)))
            .ok();
        async move {
            let iteration =
                MapIteration::from_input(&task.input()["iteration"]).map_err(failure)?;
            let n: u64 = data.get_map_item(&iteration).await.map_err(failure)?;
            Ok(json!(n * 2))
        }
    })
    .slots(8)
    .max_tasks(30)
    .run_until(std::future::pending());
    let (produced, consumed) = tokio::join!(producer, consumer);
    assert_eq!(
        (produced.succeeded, consumed.succeeded),
        (1, 30),
        "{produced:?} {consumed:?}"
    );

    let described = serve::ended(&sfn, &execution).await;
    assert_eq!(
        *described.status(),
        ExecutionStatus::Succeeded,
        "{:?}",
        described.cause()
    );
    let output: Value =
        serde_json::from_str(described.output().unwrap_or("null")).expect("JSON output");
    assert_eq!(output, json!((0..30).map(|n| n * 2).collect::<Vec<u64>>()));
    let ids = seen.lock().map(|ids| ids.clone()).unwrap_or_default();
    assert!(
        ids.iter()
            .all(|id| id.as_deref() == Some(execution.as_str())),
        "{ids:?}"
    );
}
