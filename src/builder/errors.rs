//! The `States.*` error names, for [`Retry`](super::Retry) and [`Catch`](super::Catch).
//!
//! ```
//! use stepfn::builder::{errors, Retry};
//! let retry = Retry::on([errors::TIMEOUT, errors::TASK_FAILED]);
//! assert_eq!(retry.to_json(), r#"{"ErrorEquals":["States.Timeout","States.TaskFailed"]}"#);
//! ```

/// Matches every error except `States.Runtime`; must be alone and last.
pub const ALL: &str = "States.ALL";
/// A Task failed (as a matcher: every error except `States.Timeout`).
pub const TASK_FAILED: &str = "States.TaskFailed";
/// A Task ran longer than `TimeoutSeconds` or missed a heartbeat.
pub const TIMEOUT: &str = "States.Timeout";
/// A Task missed a heartbeat (`HeartbeatSeconds`).
pub const HEARTBEAT_TIMEOUT: &str = "States.HeartbeatTimeout";
/// The execution lacked the privileges to run the state.
pub const PERMISSIONS: &str = "States.Permissions";
/// `ResultPath` could not be applied to the input.
pub const RESULT_PATH_MATCH_FAILURE: &str = "States.ResultPathMatchFailure";
/// A `.$` path in a payload template failed (AWS raises `States.Runtime` instead).
pub const PARAMETER_PATH_FAILURE: &str = "States.ParameterPathFailure";
/// A Parallel branch failed (AWS passes on the branch's own error instead).
pub const BRANCH_FAILED: &str = "States.BranchFailed";
/// A Choice matched no rule and has no `Default`.
pub const NO_CHOICE_MATCHED: &str = "States.NoChoiceMatched";
/// An intrinsic function failed.
pub const INTRINSIC_FAILURE: &str = "States.IntrinsicFailure";
/// A JSONata expression failed or gave a value the field cannot take.
pub const QUERY_EVALUATION_ERROR: &str = "States.QueryEvaluationError";
/// A Distributed Map's failures went past its tolerated threshold.
pub const EXCEED_TOLERATED_FAILURE_THRESHOLD: &str = "States.ExceedToleratedFailureThreshold";
/// A Distributed Map's `ItemReader` could not read the items.
pub const ITEM_READER_FAILED: &str = "States.ItemReaderFailed";
/// A Distributed Map's `ResultWriter` could not write the results.
pub const RESULT_WRITER_FAILED: &str = "States.ResultWriterFailed";
/// A payload went over 256 KiB.
pub const DATA_LIMIT_EXCEEDED: &str = "States.DataLimitExceeded";
/// An interpreter error; never retried or caught.
pub const RUNTIME: &str = "States.Runtime";
