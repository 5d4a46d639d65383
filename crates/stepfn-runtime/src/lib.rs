//! # stepfn-runtime
//!
//! Code that runs inside AWS Step Functions tasks, on the AWS SDK for
//! Rust. Each part is a cargo feature, so a crate pays only for the SDK
//! clients it uses:
//!
//! - `activity` (default): [`ActivityWorker`] polls an activity's
//!   `GetActivityTask` and runs each task with an async handler, in a fixed
//!   number of slots; heartbeats on a timer, cancels a task whose token
//!   stops answering, turns a panic into `SendTaskFailure`, and drains on
//!   SIGTERM without leaving a task to its timeout. [`stop_execution`]
//!   stops an execution from inside a task and waits until it is `ABORTED`.
//! - `config` (default): [`WorkerConfig`], a worker's settings from a TOML
//!   file.
//! - `sqs`: [`SqsQueue`], `.waitForTaskToken` messages from an SQS queue as
//!   a worker's tasks ([`ActivityWorker::from_queue`]).
//! - `state-data`: [`StateData`], task data in DynamoDB (large items in
//!   S3) in the layout py2sfn-task-tools uses, and the pointer a Map fans
//!   out over.
//!
//! ```no_run
//! use stepfn_runtime::{ActivityTask, ActivityWorker, TaskError};
//!
//! async fn resize(task: ActivityTask) -> Result<serde_json::Value, TaskError> {
//!     let width = task.input()["width"].as_u64().ok_or_else(|| TaskError::new("Input.Invalid", "width is missing"))?;
//!     Ok(serde_json::json!({"width": width / 2}))
//! }
//!
//! # async fn f() {
//! let client = stepfn_runtime::local_client("http://127.0.0.1:8083");
//! let summary = ActivityWorker::new(client, "arn:aws:states:us-east-1:123456789012:activity:resize", resize)
//!     .slots(32)
//!     .run() // until SIGTERM or Ctrl-C, then drains
//!     .await;
//! assert_eq!(summary.abandoned, 0);
//! # }
//! ```
//!
//! Layout: `worker` is the builder, `source` where tasks come from
//! (`sqs` for a queue), `poll` the polling loop and the drain, `run_task`
//! one task's life, `client` and `http` the SDK client set-up, `config`
//! the TOML file, `state_data/` the state data client.

#[cfg(feature = "activity")]
mod activity_task;
#[cfg(feature = "activity")]
mod client;
#[cfg(feature = "config")]
mod config;
#[cfg(feature = "config")]
mod config_error;
#[cfg(feature = "activity")]
mod handler;
#[cfg(feature = "activity")]
mod healthcheck;
mod http;
#[cfg(any(feature = "state-data", feature = "sqs"))]
mod local_clients;
#[cfg(feature = "activity")]
mod poll;
#[cfg(feature = "activity")]
mod run_task;
mod service_error;
#[cfg(feature = "activity")]
mod shutdown;
#[cfg(feature = "activity")]
mod source;
#[cfg(feature = "sqs")]
mod sqs;
#[cfg(feature = "state-data")]
mod state_data;
#[cfg(feature = "activity")]
mod stop_execution;
#[cfg(feature = "activity")]
mod summary;
#[cfg(feature = "activity")]
mod task_error;
#[cfg(feature = "activity")]
mod worker;

#[cfg(feature = "activity")]
pub use activity_task::{ActivityTask, EXECUTION_ID_FIELD};
#[cfg(feature = "activity")]
pub use client::{for_workers, local_client, MAX_ATTEMPTS, READ_TIMEOUT};
#[cfg(feature = "config")]
pub use config::{ConfigError, WorkerConfig};
#[cfg(feature = "activity")]
pub use handler::{ActivityHandler, TaskFuture};
#[cfg(feature = "activity")]
pub use healthcheck::STALLED_AFTER;
pub use http::http_client;
#[cfg(feature = "sqs")]
pub use local_clients::local_sqs_client;
#[cfg(feature = "state-data")]
pub use local_clients::{local_dynamodb_client, local_s3_client};
#[cfg(feature = "activity")]
pub use run_task::{PANIC_ERROR, SHUTDOWN_ERROR};
pub use service_error::ServiceError;
#[cfg(feature = "activity")]
pub use shutdown::shutdown_signal;
#[cfg(feature = "sqs")]
pub use sqs::{SqsQueue, DEFAULT_TOKEN_FIELD, RECEIVE_WAIT};
#[cfg(feature = "state-data")]
pub use state_data::{
    state_data_s3_key, ItemPointer, ItemsPointer, MapIteration, StateData, StateDataError,
    BATCH_WRITE_ITEMS, DATA, EXPIRES_AT, ITEM_SIZE_THRESHOLD_BYTES, PARTITION_KEY, S3_KEY,
    SORT_KEY, UNPROCESSED_ATTEMPTS,
};
#[cfg(feature = "activity")]
pub use stop_execution::{stop_execution, STOP_WAIT};
#[cfg(feature = "activity")]
pub use summary::Summary;
#[cfg(feature = "activity")]
pub use task_error::{TaskError, MAX_CAUSE_CHARS, MAX_ERROR_CHARS};
#[cfg(feature = "activity")]
pub use worker::ActivityWorker;
