//! What a run keeps for a test to look at besides its history: one record
//! per state entered (with AWS TestState's inspection data), every task
//! invocation with its evaluated input, every wait and retry delay, and
//! the counters coverage is built from.

use stepfn::model::fields::StateType;
use stepfn::model::Json;

use crate::failure::Failure;

/// One state entered: what it received, what each step of its pipeline
/// made of it, and how it ended.
#[derive(Debug, Clone, PartialEq)]
pub struct StateRecord {
    /// The state's name.
    pub name: String,
    /// The state's type.
    pub state_type: StateType,
    /// The id of its `…StateEntered` event.
    pub entered_event_id: u64,
    /// When it was entered, on the virtual clock (epoch milliseconds).
    pub entered_millis: i64,
    /// The pipeline's values, named as AWS TestState names them.
    pub inspection: Inspection,
    /// The state output, when it completed.
    pub output: Option<Json>,
    /// The state it went to, when it did.
    pub next: Option<String>,
    /// How it failed (before any catcher), when it did.
    pub failure: Option<Failure>,
}

/// AWS TestState's `inspectionData`: the value after each step of the
/// state's pipeline (the last attempt's, for a retried state).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Inspection {
    /// `input`: the raw state input.
    pub input: Option<Json>,
    /// `afterInputPath`.
    pub after_input_path: Option<Json>,
    /// `afterParameters` (JSONPath).
    pub after_parameters: Option<Json>,
    /// `afterArguments` (JSONata).
    pub after_arguments: Option<Json>,
    /// `result`: what the task, branches, iterations or Pass produced.
    pub result: Option<Json>,
    /// `afterResultSelector`.
    pub after_result_selector: Option<Json>,
    /// `afterResultPath`.
    pub after_result_path: Option<Json>,
    /// `variables`: the variables the state can read after it assigned.
    pub variables: Option<Json>,
}

/// One invocation of a Task (or an ItemReader / ResultWriter).
#[derive(Debug, Clone, PartialEq)]
pub struct Invocation {
    /// The state's name.
    pub state: String,
    /// The `Resource` called.
    pub resource: String,
    /// The invocation's number for this state in the execution, from 0.
    pub invocation: u64,
    /// The evaluated task input (`Parameters` / `Arguments`).
    pub input: Json,
    /// What it returned; `None` while a callback or activity is pending.
    pub outcome: Option<Result<Json, Failure>>,
}

/// Why the clock moved for a state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DelayKind {
    /// A Wait state.
    Wait,
    /// A retry back-off.
    Retry,
}

/// A wait or retry back-off: virtual time that passed at once.
#[derive(Debug, Clone, PartialEq)]
pub struct Delay {
    /// The state that waited.
    pub state: String,
    /// Wait or retry.
    pub kind: DelayKind,
    /// How long, in seconds.
    pub seconds: f64,
    /// When it began (epoch milliseconds).
    pub from_millis: i64,
}

/// Counters per state, for coverage.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Hits {
    /// Times entered.
    pub(crate) entered: u64,
    /// Times it went to its `Next` (or ended its scope with `End`).
    pub(crate) next: u64,
    /// Times each Choice rule was taken.
    pub(crate) rules: Vec<u64>,
    /// Times a Choice took its `Default`.
    pub(crate) default: u64,
    /// Times each catcher fired.
    pub(crate) catchers: Vec<u64>,
    /// Times each retrier retried.
    pub(crate) retriers: Vec<u64>,
}
