//! The typed builder: write a state machine in Rust, get valid ASL out.
//!
//! One type per state ([`Task`], [`Pass`], [`Wait`], [`Choice`], [`Parallel`],
//! [`Map`], [`DistributedMap`], [`Succeed`], [`Fail`], and [`CustomState`] for
//! raw JSON), joined into chains with `.next()`. A state only has the setters
//! of the fields its type takes, so a misplaced field, a `.next()` after a
//! terminal state or a Wait with two durations does not compile. What types
//! cannot rule out is reported by [`StateMachine::build`], all at once, each
//! problem with its path, after the same checks the
//! [`Validator`](crate::validate::Validator) runs on any definition.
//!
//! ```
//! use stepfn::builder::*;
//!
//! // The Job Poller: submit, wait, poll, and loop back to the wait.
//! let wait = Wait::seconds_path("Wait X Seconds", "$.waitSeconds");
//! let lambda = |name: &str, function: &str| {
//!     Task::new(name, "arn:aws:states:::lambda:invoke")
//!         .parameters(Payload::new()
//!             .field("FunctionName", function)
//!             .field("Payload", JsonPath::input()))
//!         .retry(Retry::lambda_service_errors())
//! };
//! let definition = lambda("Submit Job", "arn:aws:lambda:us-east-1:123456789012:function:Submit")
//!     .output_path("$.guid")
//!     .next(wait.clone())
//!     .next(lambda("Get Job Status", "arn:aws:lambda:us-east-1:123456789012:function:Status"))
//!     .next(Choice::new("Job Complete?")
//!         .when(Condition::expr("$.status == 'FAILED'"), Fail::new("Job Failed").error("JobFailed"))
//!         .when(Condition::expr("$.status == 'SUCCEEDED'"), Succeed::new("Done"))
//!         .otherwise(wait)); // the same state again: a loop, not a copy
//! let json = StateMachine::new(definition).timeout_seconds(300).to_json_pretty()?;
//! assert!(json.contains(r#""Default": "Wait X Seconds""#));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! ## Joins and loops
//!
//! States are identified by name. Adding a state whose name is already in the
//! machine joins the two: a clone of a state used in a second place is the same
//! state, reached by one more edge. [`Goto`] jumps to a state by name. A state
//! continued to two different `Next` states is a build error naming the state
//! and both targets (`CONFLICTING_NEXT`), as is a second, different state with
//! the same name (`DUPLICATE_STATE_NAME`).
//!
//! ## Fragments
//!
//! Any [`Chain`] or [`ClosedChain`] is a reusable fragment: write a function
//! that returns one, rename its states with `prefix_states` to use it twice,
//! and wrap it as one state with `to_single_state`.

mod catch;
mod chain;
mod condition;
mod context;
mod distributed;
pub mod errors;
mod execution_id;
mod fields;
mod fragment;
mod graph;
mod intrinsic;
mod json_path;
mod jsonata;
mod machine;
mod payload;
mod retry;
mod scope;
mod seconds;
mod states;

pub use crate::model::{ExecutionType, JitterStrategy, QueryLanguage};
pub use catch::Catch;
pub(crate) use chain::Sealed;
pub use chain::{Chain, ClosedChain, Goto, IntoChain};
pub(crate) use condition::write_condition;
pub use condition::{Condition, ConditionParseError, NumericLiteral};
pub use context::Context;
pub use distributed::{ItemBatcher, ItemReader, ResultWriter};
pub(crate) use execution_id::insert as insert_execution_id;
pub use fields::{Discard, NullablePath};
pub(crate) use graph::{Pending, Piece};
pub use intrinsic::{
    CountArg, HashAlgorithm, IntArg, Intrinsic, IntrinsicArg, PathOrCall, StepArg, StrArg,
};
pub use json_path::JsonPath;
pub use jsonata::Jsonata;
pub use machine::{Built, StateMachine};
pub use payload::{Payload, PayloadItem, PayloadValue};
pub use retry::Retry;
pub use seconds::Seconds;
pub use states::{
    Choice, CustomState, DistributedMap, Fail, Map, Parallel, Pass, StateDataItems, Succeed, Task,
    Wait, When,
};
