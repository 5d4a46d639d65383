//! The user's code: an async function from a task to its output or its
//! failure.

use std::future::Future;
use std::pin::Pin;

use serde_json::Value;

use crate::{ActivityTask, TaskError};

/// A boxed future of a task's result.
pub type TaskFuture = Pin<Box<dyn Future<Output = Result<Value, TaskError>> + Send>>;

/// What runs each task: the output (sent as `SendTaskSuccess`) or a
/// [`TaskError`] (sent as `SendTaskFailure`). Any
/// `Fn(ActivityTask) -> impl Future<Output = Result<Value, TaskError>>`
/// is a handler.
///
/// ```
/// use stepfn_runtime::{ActivityHandler, ActivityTask, TaskError};
/// async fn double(task: ActivityTask) -> Result<serde_json::Value, TaskError> {
///     let n = task.input()["n"].as_i64().ok_or_else(|| TaskError::new("Input.Invalid", "n is not an integer"))?;
///     Ok(serde_json::json!({"n": n * 2}))
/// }
/// fn takes(_: impl ActivityHandler) {}
/// takes(double);
/// ```
pub trait ActivityHandler: Send + Sync + 'static {
    /// Runs one task.
    ///
    /// ```
    /// use stepfn_runtime::{ActivityHandler, ActivityTask};
    /// let handler = |task: ActivityTask| async move { Ok(task.input().clone()) };
    /// let task = ActivityTask::new(stepfn_runtime::local_client("http://127.0.0.1:1"), "t", serde_json::json!(3));
    /// let output = tokio::runtime::Runtime::new()?.block_on(handler.handle(task));
    /// assert_eq!(output, Ok(serde_json::json!(3)));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    fn handle(&self, task: ActivityTask) -> TaskFuture;
}

impl<F, Fut> ActivityHandler for F
where
    F: Fn(ActivityTask) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<Value, TaskError>> + Send + 'static,
{
    fn handle(&self, task: ActivityTask) -> TaskFuture {
        Box::pin(self(task))
    }
}
