//! One state at a time, as AWS's TestState API runs it: the state's input
//! pipeline, its work (a Task answered by a mock result or error), its
//! output pipeline, and a verdict (`SUCCEEDED`, `FAILED`, `RETRIABLE`,
//! `CAUGHT_ERROR`) with the next state and TestState's inspection data.
//! Nothing after the state runs, and no retry waits: a retriable error is
//! reported as such.

use std::sync::Arc;

use stepfn::model::{Json, JsonObject};

use crate::engine::{Config, End, Single, State};
use crate::error::SimError;
use crate::failure::Failure;
use crate::record::Inspection;
use crate::simulator::Simulator;

/// TestState's verdict on a state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TestStatus {
    /// The state completed.
    Succeeded,
    /// The state failed and nothing would handle it.
    Failed,
    /// The state failed with an error a retrier would retry.
    Retriable,
    /// The state failed and a catcher handled it.
    CaughtError,
}

impl TestStatus {
    /// `SUCCEEDED`, `FAILED`, `RETRIABLE` or `CAUGHT_ERROR`.
    ///
    /// ```
    /// assert_eq!(stepfn_sim::TestStatus::CaughtError.as_str(), "CAUGHT_ERROR");
    /// ```
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            TestStatus::Succeeded => "SUCCEEDED",
            TestStatus::Failed => "FAILED",
            TestStatus::Retriable => "RETRIABLE",
            TestStatus::CaughtError => "CAUGHT_ERROR",
        }
    }
}

/// A TestState call being set up: the state, its input and what stands in
/// for the outside world.
///
/// ```
/// use stepfn_sim::{Simulator, TestStatus};
/// let sim = Simulator::from_json(r#"{"StartAt": "Get", "States": {
///     "Get": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:getItem",
///             "ResultSelector": {"name.$": "$.Item.name.S"}, "Next": "Done"},
///     "Done": {"Type": "Succeed"}}}"#)?;
/// let result = sim.test_state("Get")
///     .input(serde_json::json!({"id": 1}))
///     .mock_result(serde_json::json!({"Item": {"name": {"S": "Ann"}}}))
///     .run()?;
/// assert_eq!(result.status, TestStatus::Succeeded);
/// assert_eq!(result.next_state.as_deref(), Some("Done"));
/// assert_eq!(stepfn_sim::json_text(result.output.as_ref().unwrap()), r#"{"name":"Ann"}"#);
/// # Ok::<(), stepfn_sim::SimError>(())
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct TestState<'s> {
    sim: &'s Simulator,
    state: String,
    input: Json,
    variables: JsonObject,
    context: Option<Json>,
    mock: Option<Result<Json, Failure>>,
    retry_count: u32,
}

/// What TestState returns.
#[derive(Debug, Clone, PartialEq)]
pub struct TestStateResult {
    /// The verdict.
    pub status: TestStatus,
    /// The state output (also for `CAUGHT_ERROR`: the catcher's output).
    pub output: Option<Json>,
    /// The state it goes to (the catcher's `Next` for `CAUGHT_ERROR`);
    /// `None` when it ends its scope or fails.
    pub next_state: Option<String>,
    /// The error, when it failed.
    pub error: Option<String>,
    /// The cause, when it failed.
    pub cause: Option<String>,
    /// The value after each step of the state's pipeline.
    pub inspection: Inspection,
}

impl Simulator {
    /// Starts a TestState call for the state named `state`.
    ///
    /// ```
    /// let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}"#)?;
    /// let result = sim.test_state("A").run()?;
    /// assert_eq!(result.status, stepfn_sim::TestStatus::Succeeded);
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    pub fn test_state(&self, state: impl Into<String>) -> TestState<'_> {
        TestState {
            sim: self,
            state: state.into(),
            input: Json::Object(JsonObject::new()),
            variables: JsonObject::new(),
            context: None,
            mock: None,
            retry_count: 0,
        }
    }
}

impl TestState<'_> {
    /// The state input (default `{}`).
    ///
    /// ```
    /// # let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}"#)?;
    /// let result = sim.test_state("A").input(serde_json::json!(5)).run()?;
    /// assert_eq!(stepfn_sim::json_text(result.output.as_ref().unwrap()), "5");
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    pub fn input(mut self, input: impl Into<Json>) -> Self {
        self.input = input.into();
        self
    }

    /// The variables the state can read.
    ///
    /// ```
    /// # let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "A", "States": {"A": {"Type": "Pass",
    /// #     "Parameters": {"x.$": "$x"}, "End": true}}}"#)?;
    /// let result = sim.test_state("A").variables(serde_json::json!({"x": 7})).run()?;
    /// assert_eq!(stepfn_sim::json_text(result.output.as_ref().unwrap()), r#"{"x":7}"#);
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    pub fn variables(mut self, variables: impl Into<Json>) -> Self {
        if let Json::Object(values) = variables.into() {
            self.variables = values;
        }
        self
    }

    /// The Context Object, used as given (`$$`, `$states.context`).
    ///
    /// ```
    /// # let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "A", "States": {"A": {"Type": "Pass",
    /// #     "Parameters": {"n.$": "$$.Execution.Name"}, "End": true}}}"#)?;
    /// let result = sim.test_state("A").context(serde_json::json!({"Execution": {"Name": "x"}})).run()?;
    /// assert_eq!(stepfn_sim::json_text(result.output.as_ref().unwrap()), r#"{"n":"x"}"#);
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    pub fn context(mut self, context: impl Into<Json>) -> Self {
        self.context = Some(context.into());
        self
    }

    /// What the Task's call returns.
    ///
    /// ```
    /// # let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "T", "States": {"T": {"Type": "Task",
    /// #     "Resource": "arn:aws:states:::sns:publish", "End": true}}}"#)?;
    /// let result = sim.test_state("T").mock_result(serde_json::json!({"MessageId": "m"})).run()?;
    /// assert_eq!(stepfn_sim::json_text(result.inspection.result.as_ref().unwrap()), r#"{"MessageId":"m"}"#);
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    pub fn mock_result(mut self, result: impl Into<Json>) -> Self {
        self.mock = Some(Ok(result.into()));
        self
    }

    /// The error the Task's call fails with.
    ///
    /// ```
    /// # let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "T", "States": {"T": {"Type": "Task",
    /// #     "Resource": "arn:aws:states:::sns:publish", "Retry": [{"ErrorEquals": ["SNS.Throttled"]}], "End": true}}}"#)?;
    /// let result = sim.test_state("T").mock_error("SNS.Throttled", "slow down").run()?;
    /// assert_eq!(result.status, stepfn_sim::TestStatus::Retriable);
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    pub fn mock_error(mut self, error: impl Into<String>, cause: impl Into<String>) -> Self {
        self.mock = Some(Err(Failure::new(error, cause)));
        self
    }

    /// The failure the Task's call returns, as [`mock_error`](Self::mock_error)
    /// but with the cause (or the error) left out when the failure has none.
    ///
    /// ```
    /// # let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "T", "States": {"T": {"Type": "Task",
    /// #     "Resource": "arn:aws:states:::sns:publish", "End": true}}}"#)?;
    /// let result = sim.test_state("T").mock_failure(stepfn_sim::Failure::error_only("SNS.Gone")).run()?;
    /// assert_eq!((result.error.as_deref(), result.cause.as_deref()), (Some("SNS.Gone"), None));
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    pub fn mock_failure(mut self, failure: Failure) -> Self {
        self.mock = Some(Err(failure));
        self
    }

    /// How many times the matching retrier has already retried
    /// (`stateConfiguration.retrierRetryCount`), also `$$.State.RetryCount`.
    ///
    /// ```
    /// # let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "T", "States": {"T": {"Type": "Task",
    /// #     "Resource": "arn:aws:states:::sns:publish", "Retry": [{"ErrorEquals": ["E"], "MaxAttempts": 2}], "End": true}}}"#)?;
    /// let result = sim.test_state("T").mock_error("E", "c").retry_count(2).run()?;
    /// assert_eq!(result.status, stepfn_sim::TestStatus::Failed);
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    pub fn retry_count(mut self, count: u32) -> Self {
        self.retry_count = count;
        self
    }

    /// Runs the state.
    ///
    /// ```
    /// let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "W", "States": {
    ///     "W": {"Type": "Wait", "Seconds": 60, "Next": "Done"}, "Done": {"Type": "Succeed"}}}"#)?;
    /// let result = sim.test_state("W").input(serde_json::json!({"a": 1})).run()?;
    /// assert_eq!(result.next_state.as_deref(), Some("Done"));
    /// assert_eq!(stepfn_sim::json_text(result.output.as_ref().unwrap()), r#"{"a":1}"#);
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    ///
    /// # Errors
    /// [`SimError::NoSuchState`] when no state has that name.
    pub fn run(self) -> Result<TestStateResult, SimError> {
        let program = self.sim.program();
        let Some(index) = program
            .states
            .iter()
            .position(|node| *node.name == self.state)
        else {
            return Err(SimError::NoSuchState(self.state));
        };
        let mut config: Config = self.sim.config().clone();
        config.inspection = true;
        config.history = true;
        config.single = Some(Single {
            state: u32::try_from(index).unwrap_or(u32::MAX),
            retry_count: self.retry_count,
            variables: self.variables,
            context: self.context,
        });
        if let Some(mock) = self.mock {
            config
                .handlers
                .by_state
                .insert(self.state.clone(), Arc::new(move |_| mock.clone()));
        }
        let config = Arc::new(config);
        let program = self.sim.program_arc();
        let mut state = State::new(&program, &config, self.input);
        crate::engine::Engine {
            program: &program,
            config: &config,
            st: &mut state,
        }
        .run();
        let inspection = state
            .log
            .records
            .first()
            .map(|record| record.inspection.clone())
            .unwrap_or_default();
        let single = state.single.clone();
        let (status, output, failure) = match &state.end {
            Some(End::Succeeded(output)) if single.caught => (
                TestStatus::CaughtError,
                Some(output.clone()),
                state.log.records.first().and_then(|r| r.failure.clone()),
            ),
            Some(End::Succeeded(output)) => (TestStatus::Succeeded, Some(output.clone()), None),
            Some(End::Failed(f) | End::TimedOut(f) | End::Aborted(f)) if single.retriable => {
                (TestStatus::Retriable, None, Some(f.clone()))
            }
            Some(End::Failed(f) | End::TimedOut(f) | End::Aborted(f)) => {
                (TestStatus::Failed, None, Some(f.clone()))
            }
            None => (
                TestStatus::Failed,
                None,
                Some(Failure::new(
                    stepfn::builder::errors::RUNTIME,
                    "the state waits for a callback; TestState takes a mock result instead",
                )),
            ),
        };
        Ok(TestStateResult {
            status,
            output,
            next_state: single.next,
            error: failure.as_ref().and_then(|f| f.error().map(str::to_owned)),
            cause: failure.as_ref().and_then(|f| f.cause().map(str::to_owned)),
            inspection,
        })
    }
}

impl TestStateResult {
    /// The result in TestState's response shape: `status`, `output`,
    /// `nextState`, `error`, `cause` and `inspectionData`, payloads as JSON
    /// text, absent parts left out.
    ///
    /// ```
    /// let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "A", "States": {"A": {"Type": "Pass",
    ///     "InputPath": "$.x", "Next": "B"}, "B": {"Type": "Succeed"}}}"#)?;
    /// let result = sim.test_state("A").input(serde_json::json!({"x": 1})).run()?;
    /// assert_eq!(stepfn_sim::json_text(&result.to_aws_json()),
    ///     r#"{"status":"SUCCEEDED","output":"1","nextState":"B","inspectionData":{"input":"{\"x\":1}","afterInputPath":"1","result":"1","afterResultPath":"1","variables":"{}"}}"#);
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn to_aws_json(&self) -> Json {
        let text = |v: &Option<Json>| v.as_ref().map(|v| Json::String(crate::json::text(v)));
        let i = &self.inspection;
        let inspection = crate::history::details([
            ("input", text(&i.input)),
            ("afterInputPath", text(&i.after_input_path)),
            ("afterParameters", text(&i.after_parameters)),
            ("afterArguments", text(&i.after_arguments)),
            ("result", text(&i.result)),
            ("afterResultSelector", text(&i.after_result_selector)),
            ("afterResultPath", text(&i.after_result_path)),
            ("variables", text(&i.variables)),
        ]);
        crate::history::details([
            ("status", Some(Json::from(self.status.as_str()))),
            ("output", text(&self.output)),
            ("nextState", self.next_state.clone().map(Json::String)),
            ("error", self.error.clone().map(Json::String)),
            ("cause", self.cause.clone().map(Json::String)),
            ("inspectionData", Some(inspection)),
        ])
    }
}
