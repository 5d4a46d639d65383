//! # stepfn-runtime
//!
//! Code that runs inside AWS Step Functions tasks, on the AWS SDK for
//! Rust:
//!
//! - [`ActivityWorker`]: polls an activity's `GetActivityTask` and runs
//!   each task with an async handler, in a fixed number of slots; heartbeats
//!   on a timer, cancels a task whose token stops answering, turns a panic
//!   into `SendTaskFailure`, and drains on SIGTERM without leaving a task to
//!   its timeout.
//! - [`stop_execution`]: StopExecution from inside a task, then a wait
//!   until the execution is `ABORTED`.
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
//! Layout: `worker` is the builder, `poll` the polling loop and the drain,
//! `run_task` one task's life, `client` the SDK client set-up.

mod activity_task;
mod client;
mod handler;
mod healthcheck;
mod poll;
mod run_task;
mod service_error;
mod shutdown;
mod stop_execution;
mod summary;
mod task_error;
mod worker;

pub use activity_task::{ActivityTask, EXECUTION_ID_FIELD};
pub use client::{for_workers, http_client, local_client, MAX_ATTEMPTS, READ_TIMEOUT};
pub use handler::{ActivityHandler, TaskFuture};
pub use healthcheck::STALLED_AFTER;
pub use run_task::{PANIC_ERROR, SHUTDOWN_ERROR};
pub use service_error::ServiceError;
pub use shutdown::shutdown_signal;
pub use stop_execution::{stop_execution, STOP_WAIT};
pub use summary::Summary;
pub use task_error::{TaskError, MAX_CAUSE_CHARS, MAX_ERROR_CHARS};
pub use worker::ActivityWorker;
