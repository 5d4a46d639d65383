//! StopExecution from inside a task, then a wait until the execution has
//! ended.

use std::time::Duration;

use aws_sdk_sfn::types::ExecutionStatus;
use aws_sdk_sfn::Client;

use crate::ServiceError;

/// How long [`stop_execution`] waits for the execution to leave `RUNNING`.
pub const STOP_WAIT: Duration = Duration::from_secs(60);

/// How often [`stop_execution`] asks for the execution's status.
const STOP_POLL: Duration = Duration::from_millis(100);

/// Stops `execution_arn` with `error` and `cause` (cut to the lengths Step
/// Functions accepts), then waits until it has ended: the status it ended
/// with, `ABORTED` unless it ended some other way first.
///
/// ```no_run
/// # async fn f(client: aws_sdk_sfn::Client) -> Result<(), stepfn_runtime::ServiceError> {
/// let arn = "arn:aws:states:us-east-1:123456789012:execution:Orders:run-1";
/// let status = stepfn_runtime::stop_execution(&client, arn, "Order.Cancelled", "the customer cancelled").await?;
/// assert_eq!(status, aws_sdk_sfn::types::ExecutionStatus::Aborted);
/// # Ok(()) }
/// ```
///
/// # Errors
/// When StopExecution or DescribeExecution fails, or the execution is
/// still `RUNNING` after [`STOP_WAIT`].
pub async fn stop_execution(
    client: &Client,
    execution_arn: &str,
    error: impl Into<String>,
    cause: impl Into<String>,
) -> Result<ExecutionStatus, ServiceError> {
    let reason = crate::TaskError::new(error, cause);
    client
        .stop_execution()
        .execution_arn(execution_arn)
        .error(reason.error())
        .cause(reason.cause())
        .send()
        .await
        .map_err(|e| ServiceError::from_sdk("StopExecution", &e))?;
    let deadline = tokio::time::Instant::now() + STOP_WAIT;
    loop {
        let described = client
            .describe_execution()
            .execution_arn(execution_arn)
            .send()
            .await
            .map_err(|e| ServiceError::from_sdk("DescribeExecution", &e))?;
        let status = described.status().clone();
        if status != ExecutionStatus::Running {
            return Ok(status);
        }
        if tokio::time::Instant::now() >= deadline {
            return Err(ServiceError::new(
                "StopExecution",
                None,
                format!(
                    "{execution_arn} is still RUNNING {} s after StopExecution",
                    STOP_WAIT.as_secs()
                ),
            ));
        }
        tokio::time::sleep(STOP_POLL).await;
    }
}
