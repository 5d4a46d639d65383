//! What a handler receives: one task handed out by `GetActivityTask`.

use aws_sdk_sfn::types::ExecutionStatus;
use aws_sdk_sfn::Client;
use serde_json::Value;

use crate::ServiceError;

/// The input field that carries the execution's ARN to an activity task:
/// AWS does not tell an activity which execution it serves, so the Task
/// state passes it in its `Parameters` as `"execution_id.$":
/// "$$.Execution.Id"` (JSONPath) or `"execution_id": "{% $states.context.Execution.Id %}"`
/// (JSONata `Arguments`).
pub const EXECUTION_ID_FIELD: &str = "execution_id";

/// One activity task.
///
/// ```
/// let client = stepfn_runtime::local_client("http://127.0.0.1:8083");
/// let task = stepfn_runtime::ActivityTask::new(client, "token-1", serde_json::json!({"execution_id": "arn:x"}));
/// assert_eq!(task.execution_id(), Some("arn:x"));
/// ```
#[derive(Debug, Clone)]
pub struct ActivityTask {
    client: Client,
    token: String,
    input: Value,
}

impl ActivityTask {
    /// A task with its token and input (the worker builds these; tests of
    /// a handler can too).
    ///
    /// ```
    /// let client = stepfn_runtime::local_client("http://127.0.0.1:8083");
    /// let task = stepfn_runtime::ActivityTask::new(client, "token-1", serde_json::json!(7));
    /// assert_eq!(task.token(), "token-1");
    /// ```
    #[must_use]
    pub fn new(client: Client, token: impl Into<String>, input: Value) -> ActivityTask {
        ActivityTask {
            client,
            token: token.into(),
            input,
        }
    }

    /// The task's input.
    ///
    /// ```
    /// let client = stepfn_runtime::local_client("http://127.0.0.1:8083");
    /// let task = stepfn_runtime::ActivityTask::new(client, "t", serde_json::json!({"n": 1}));
    /// assert_eq!(task.input()["n"], 1);
    /// ```
    #[must_use]
    pub fn input(&self) -> &Value {
        &self.input
    }

    /// The task token.
    ///
    /// ```
    /// let client = stepfn_runtime::local_client("http://127.0.0.1:8083");
    /// assert_eq!(stepfn_runtime::ActivityTask::new(client, "t", serde_json::json!(null)).token(), "t");
    /// ```
    #[must_use]
    pub fn token(&self) -> &str {
        &self.token
    }

    /// The execution's ARN, when the Task state passes it in the input's
    /// [`EXECUTION_ID_FIELD`].
    ///
    /// ```
    /// let client = stepfn_runtime::local_client("http://127.0.0.1:8083");
    /// assert_eq!(stepfn_runtime::ActivityTask::new(client, "t", serde_json::json!({})).execution_id(), None);
    /// ```
    #[must_use]
    pub fn execution_id(&self) -> Option<&str> {
        self.input.get(EXECUTION_ID_FIELD).and_then(Value::as_str)
    }

    /// The Step Functions client the worker uses.
    ///
    /// ```
    /// let client = stepfn_runtime::local_client("http://127.0.0.1:8083");
    /// let task = stepfn_runtime::ActivityTask::new(client, "t", serde_json::json!(null));
    /// assert!(task.client().config().region().is_some());
    /// ```
    #[must_use]
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Stops the execution this task serves (see [`crate::stop_execution`])
    /// and waits until it has ended: its final status.
    ///
    /// ```no_run
    /// # async fn f(task: stepfn_runtime::ActivityTask) -> Result<(), stepfn_runtime::ServiceError> {
    /// let status = task.stop_execution("Order.Cancelled", "the customer cancelled").await?;
    /// assert_eq!(status, aws_sdk_sfn::types::ExecutionStatus::Aborted);
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// When the input has no [`EXECUTION_ID_FIELD`], or stopping fails.
    pub async fn stop_execution(
        &self,
        error: impl Into<String>,
        cause: impl Into<String>,
    ) -> Result<ExecutionStatus, ServiceError> {
        let Some(arn) = self.execution_id() else {
            return Err(ServiceError::new(
                "StopExecution",
                None,
                format!(
                    "the task's input has no \"{EXECUTION_ID_FIELD}\"; add \"{EXECUTION_ID_FIELD}.$\": \"$$.Execution.Id\" to the Task state's Parameters"
                ),
            ));
        };
        crate::stop_execution(&self.client, arn, error, cause).await
    }
}
