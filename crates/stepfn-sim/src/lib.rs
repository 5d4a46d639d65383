//! # stepfn-sim
//!
//! Runs AWS Step Functions state machines in-process, with AWS's
//! semantics: the JSONPath and JSONata pipelines, every state type, the 18
//! intrinsic functions, Retry and Catch, timeouts, callbacks and
//! activities, AWS's `States.*` errors and limits, Standard and Express.
//! Tasks are answered by Rust handlers (or Step Functions Local mock
//! files), time is virtual, and the same definition, input, handlers and
//! seed give the same result and history, byte for byte.
//!
//! ```
//! use stepfn_sim::{Simulator, Status};
//!
//! let sim = Simulator::from_json(r#"{
//!   "StartAt": "Charge",
//!   "States": {
//!     "Charge": {
//!       "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
//!       "Parameters": {"FunctionName": "charge", "Payload.$": "$"},
//!       "ResultSelector": {"id.$": "$.Payload.id"},
//!       "Retry": [{"ErrorEquals": ["Card.Declined"], "MaxAttempts": 2}],
//!       "End": true
//!     }
//!   }
//! }"#)?
//! .handler("Charge", |call| {
//!     if call.invocation() == 0 {
//!         return Err(stepfn_sim::Failure::new("Card.Declined", "try again"));
//!     }
//!     Ok(serde_json::json!({"Payload": {"id": "ch_1"}}))
//! });
//! let run = sim.run(r#"{"amount": 5}"#)?;
//! assert_eq!(run.status(), Status::Succeeded);
//! assert_eq!(run.output_text().as_deref(), Some(r#"{"id":"ch_1"}"#));
//! assert_eq!(run.invocations_of("Charge").len(), 2);
//! assert_eq!(run.delays()[0].seconds, 1.0); // the retry's back-off, on the virtual clock
//! # Ok::<(), stepfn_sim::SimError>(())
//! ```
//!
//! Layout: `program/` compiles a definition once (paths, templates,
//! intrinsics, conditions, JSONata); `eval/` evaluates those trees;
//! `engine/` runs executions as a loop over explicit frames; `task/` holds
//! handlers and mock files; `item_reader/` reads a Distributed Map's items
//! from the S3 data a handler or mock returns (CSV, JSON, JSON Lines or a
//! ListObjectsV2 listing, as `ReaderConfig` says); `history`, `record`,
//! `coverage`, `test_state` are what tests look at.

mod clock;
mod coverage;
mod engine;
mod error;
mod eval;
mod execution;
mod failure;
mod history;
mod input;
mod item_reader;
mod json;
mod jsonata;
mod jsonpath_value;
mod program;
mod record;
mod simulator;
mod task;
mod test_state;
mod timeline;

pub use coverage::{Coverage, CoverageKind};
pub use engine::CallbackError;
pub use error::SimError;
pub use execution::{ActivityTask, Execution, PendingTask, Status};
pub use failure::Failure;
pub use history::{EventType, HistoryEvent};
pub use input::IntoInput;
pub use jsonpath_value::{evaluate_jsonpath, JsonPathScope};
pub use record::{Delay, DelayKind, Inspection, Invocation, StateRecord};
pub use simulator::{Simulator, DEFAULT_MAX_TRANSITIONS, PAYLOAD_LIMIT};
pub use task::{MockConfig, MockError, MockTestCase, TaskCall, TaskResult};
pub use test_state::{TestState, TestStateResult, TestStatus};
pub use timeline::{Action, Timeline};

/// A payload as compact JSON text, as AWS writes payloads in histories.
///
/// ```
/// let value: stepfn::model::Json = serde_json::from_str(r#"{ "a" : [1, 2] }"#).unwrap();
/// assert_eq!(stepfn_sim::json_text(&value), r#"{"a":[1,2]}"#);
/// ```
#[must_use]
pub fn json_text(value: &stepfn::model::Json) -> String {
    json::text(value)
}
