//! A definition compiled for running: every state of every scope in one
//! vector (ids are the state graph's), transitions resolved to ids, and
//! every path, template, intrinsic call, condition and JSONata expression
//! parsed once. Nothing is parsed again while an execution runs.
//!
//! Files: `compile` (from the model), `resource` (what a Task's `Resource`
//! calls), `jsonpath_fields` and `jsonata_fields` (the fields of each
//! query language).

mod compile;
mod fields;
mod resource;

pub(crate) use compile::compile;
pub(crate) use resource::{Pattern, ResourceKind};

use stepfn::model::fields::StateType;
use stepfn::model::{JitterStrategy, Json, QueryLanguage};

use crate::eval::choice::Condition;
use crate::eval::intrinsic::Intrinsic;
use crate::eval::jsonpath::JsonPath;
use crate::eval::template::Template;
use crate::jsonata::{Expr, JValue};

/// The index of a state in [`Program::states`].
pub(crate) type StateIdx = u32;
/// The index of a scope in [`Program::scopes`].
pub(crate) type ScopeIdx = u32;

/// A compiled definition.
#[derive(Debug)]
pub(crate) struct Program {
    /// Every state, breadth first by scope.
    pub(crate) states: Vec<Node>,
    /// Every `States` object: the machine's first.
    pub(crate) scopes: Vec<ScopeInfo>,
    /// The machine's `TimeoutSeconds`.
    pub(crate) timeout_seconds: Option<u64>,
    /// The JSONata `Condition`s of Choice rules, by index.
    pub(crate) conditions: Vec<JsonataCondition>,
    /// Whether anything may read the Context Object (a `$$` Path or a
    /// JSONata state); when nothing does, the execution input is not kept
    /// for `$$.Execution.Input`.
    pub(crate) reads_context: bool,
}

/// One `States` object.
#[derive(Debug)]
pub(crate) struct ScopeInfo {
    /// Its `StartAt`.
    pub(crate) start: StateIdx,
}

/// One compiled state.
#[derive(Debug)]
pub(crate) struct Node {
    /// The state's name.
    pub(crate) name: Box<str>,
    /// Its type.
    pub(crate) state_type: StateType,
    /// Its effective query language.
    pub(crate) language: QueryLanguage,
    /// `Next`; `None` for `"End": true` and states that end by themselves.
    pub(crate) next: Option<StateIdx>,
    /// The input and output fields.
    pub(crate) io: Io,
    /// What the state does.
    pub(crate) kind: Kind,
    /// `Retry`.
    pub(crate) retry: Vec<Retrier>,
    /// `Catch`.
    pub(crate) catch: Vec<Catcher>,
}

/// The fields that shape a state's input and output.
#[derive(Debug, Default)]
pub(crate) struct Io {
    /// `InputPath`.
    pub(crate) input_path: Select,
    /// `ResultSelector`.
    pub(crate) result_selector: Option<Template>,
    /// `ResultPath`.
    pub(crate) result_path: Place,
    /// `OutputPath`.
    pub(crate) output_path: Select,
    /// JSONata `Output`.
    pub(crate) output: Option<JValue>,
    /// `Assign` (state level).
    pub(crate) assign: Option<Assign>,
}

/// `InputPath` / `OutputPath`.
#[derive(Debug, Default)]
pub(crate) enum Select {
    /// Absent, or `$`: the whole value.
    #[default]
    Whole,
    /// `null`: `{}`.
    Nothing,
    /// A Path.
    Path(JsonPath),
}

/// `ResultPath`.
#[derive(Debug, Default)]
pub(crate) enum Place {
    /// Absent, or `$`: the result replaces the input.
    #[default]
    Whole,
    /// `null`: the result is discarded.
    Discard,
    /// A Reference Path into the input.
    Path(JsonPath),
}

/// `Assign`: in a JSONPath state, a template whose top-level keys are the
/// variables; in a JSONata state, a value per variable.
#[derive(Debug)]
pub(crate) enum Assign {
    /// JSONPath.
    Template(Template),
    /// JSONata.
    Jsonata(Vec<(String, JValue)>),
}

/// A payload sent on: `Parameters` (JSONPath) or `Arguments` (JSONata).
#[derive(Debug)]
pub(crate) enum Payload {
    /// A payload template.
    Template(Template),
    /// A JSONata value.
    Jsonata(JValue),
}

/// A whole number of seconds or items given literally, at a Reference
/// Path, or by a JSONata expression.
#[derive(Debug)]
pub(crate) enum Count {
    /// A literal.
    Literal(u64),
    /// A `…Path` field.
    Path(JsonPath),
    /// A `{% … %}` value.
    Jsonata(Expr),
}

/// A string field of a Fail state.
#[derive(Debug)]
pub(crate) enum Text {
    /// A literal.
    Literal(String),
    /// `ErrorPath` / `CausePath` as a Path.
    Path(JsonPath),
    /// `ErrorPath` / `CausePath` as an intrinsic call.
    Intrinsic(Intrinsic),
    /// A `{% … %}` value.
    Jsonata(Expr),
}

/// What a state does.
// Pass, the most frequent state, stays inline: a definition's nodes are
// built once, and a box would cost an indirection on every transition.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
pub(crate) enum Kind {
    /// Pass.
    Pass {
        /// `Result`: static.
        result: Option<Json>,
        /// `Parameters`.
        parameters: Option<Template>,
    },
    /// Task.
    Task(Box<TaskNode>),
    /// Choice.
    Choice(Box<ChoiceNode>),
    /// Wait.
    Wait(WaitFor),
    /// Succeed.
    Succeed,
    /// Fail.
    Fail {
        /// `Error` / `ErrorPath`.
        error: Option<Text>,
        /// `Cause` / `CausePath`.
        cause: Option<Text>,
    },
    /// Parallel.
    Parallel {
        /// The scope of each branch.
        branches: Vec<ScopeIdx>,
        /// `Parameters` / `Arguments`.
        parameters: Option<Payload>,
    },
    /// Map.
    Map(Box<MapNode>),
}

/// A Task state's own fields.
#[derive(Debug)]
pub(crate) struct TaskNode {
    /// `Resource`, as written.
    pub(crate) resource: String,
    /// What it calls.
    pub(crate) resource_kind: ResourceKind,
    /// `Parameters` / `Arguments`.
    pub(crate) parameters: Option<Payload>,
    /// `TimeoutSeconds` / `TimeoutSecondsPath`.
    pub(crate) timeout: Option<Count>,
    /// `HeartbeatSeconds` / `HeartbeatSecondsPath`.
    pub(crate) heartbeat: Option<Count>,
}

/// A Choice state's own fields.
#[derive(Debug)]
pub(crate) struct ChoiceNode {
    /// `Choices`.
    pub(crate) rules: Vec<Rule>,
    /// `Default`.
    pub(crate) default: Option<StateIdx>,
}

/// One of `Choices`.
#[derive(Debug)]
pub(crate) struct Rule {
    /// The condition.
    pub(crate) condition: Condition,
    /// `Next`.
    pub(crate) next: StateIdx,
    /// `Assign`.
    pub(crate) assign: Option<Assign>,
    /// `Output` (JSONata).
    pub(crate) output: Option<JValue>,
}

/// A JSONata `Condition`: a literal or an expression.
#[derive(Debug)]
pub(crate) enum JsonataCondition {
    /// `true` or `false`.
    Literal(bool),
    /// A `{% … %}` expression.
    Expr(Box<Expr>),
}

/// A Wait state's duration.
#[derive(Debug)]
pub(crate) enum WaitFor {
    /// `Seconds`.
    Seconds(u64),
    /// `SecondsPath`.
    SecondsPath(JsonPath),
    /// `Timestamp`, as written.
    Timestamp(String),
    /// `TimestampPath`.
    TimestampPath(JsonPath),
    /// JSONata `Seconds`.
    JsonataSeconds(Expr),
    /// JSONata `Timestamp`.
    JsonataTimestamp(Expr),
}

/// A Map state's own fields.
#[derive(Debug)]
pub(crate) struct MapNode {
    /// `ItemsPath` / `Items`.
    pub(crate) items: Items,
    /// `ItemSelector` (or `Parameters`).
    pub(crate) item_selector: Option<Payload>,
    /// The scope of the item processor.
    pub(crate) processor: ScopeIdx,
    /// `MaxConcurrency` / `MaxConcurrencyPath`.
    pub(crate) max_concurrency: Option<Count>,
    /// `ProcessorConfig.Mode` is `DISTRIBUTED`.
    pub(crate) distributed: bool,
    /// `ToleratedFailureCount` / `…Path`.
    pub(crate) tolerated_count: Option<Count>,
    /// `ToleratedFailurePercentage` / `…Path`.
    pub(crate) tolerated_percentage: Option<Percentage>,
    /// `ItemBatcher`.
    pub(crate) batcher: Option<Batcher>,
    /// `ItemReader.Resource`, when the items come from S3.
    pub(crate) reader: Option<Reader>,
    /// `ResultWriter`, when the results go to S3.
    pub(crate) writer: Option<Writer>,
    /// `Label`, which names a Distributed Map's runs.
    pub(crate) label: Option<String>,
}

/// Where a Map's items come from.
#[derive(Debug)]
pub(crate) enum Items {
    /// `ItemsPath` (default `$`).
    Path(JsonPath),
    /// JSONata `Items`.
    Jsonata(JValue),
    /// JSONata without `Items`: the state input.
    Input,
}

/// `ToleratedFailurePercentage` / `…Path`.
#[derive(Debug)]
pub(crate) enum Percentage {
    /// A literal.
    Literal(f64),
    /// A Reference Path.
    Path(JsonPath),
    /// A JSONata expression.
    Jsonata(Expr),
}

/// `ItemBatcher`.
#[derive(Debug)]
pub(crate) struct Batcher {
    /// `MaxItemsPerBatch`.
    pub(crate) max_items: Option<Count>,
    /// `MaxInputBytesPerBatch`.
    pub(crate) max_bytes: Option<Count>,
    /// `BatchInput`.
    pub(crate) batch_input: Option<Payload>,
}

/// `ItemReader`.
#[derive(Debug)]
pub(crate) struct Reader {
    /// `Resource`.
    pub(crate) resource: String,
    /// How the S3 data is read (`ReaderConfig`).
    pub(crate) format: crate::item_reader::ReaderFormat,
    /// `Parameters` / `Arguments`.
    pub(crate) parameters: Option<Payload>,
    /// `ReaderConfig.MaxItems` / `MaxItemsPath`.
    pub(crate) max_items: Option<Count>,
}

/// `ResultWriter`.
#[derive(Debug)]
pub(crate) struct Writer {
    /// `Resource`.
    pub(crate) resource: String,
    /// `Parameters` / `Arguments`.
    pub(crate) parameters: Option<Payload>,
}

/// One of `Retry`.
#[derive(Debug)]
pub(crate) struct Retrier {
    /// `ErrorEquals`.
    pub(crate) error_equals: Vec<String>,
    /// `IntervalSeconds` (default 1).
    pub(crate) interval_seconds: f64,
    /// `MaxAttempts` (default 3).
    pub(crate) max_attempts: u64,
    /// `BackoffRate` (default 2.0).
    pub(crate) backoff_rate: f64,
    /// `MaxDelaySeconds`.
    pub(crate) max_delay_seconds: Option<f64>,
    /// `JitterStrategy` (default `NONE`).
    pub(crate) jitter: JitterStrategy,
}

/// One of `Catch`.
#[derive(Debug)]
pub(crate) struct Catcher {
    /// `ErrorEquals`.
    pub(crate) error_equals: Vec<String>,
    /// `Next`.
    pub(crate) next: StateIdx,
    /// `ResultPath` (JSONPath).
    pub(crate) result_path: Place,
    /// `Output` (JSONata).
    pub(crate) output: Option<JValue>,
    /// `Assign`.
    pub(crate) assign: Option<Assign>,
}

impl Program {
    /// The state at `idx`.
    pub(crate) fn node(&self, idx: StateIdx) -> &Node {
        &self.states[idx as usize]
    }
}
