//! [`Execution`]: one run, with what a test looks at: status, output,
//! error and cause, the history, per-state records, task invocations,
//! delays; and, while it waits (`callbacks.rs`), the calls that answer its
//! callbacks and activities.

use stepfn::model::Json;

use std::sync::Arc;

use crate::engine::{Config, End, Engine, State};
use crate::failure::Failure;
use crate::history::HistoryEvent;
use crate::program::Program;
use crate::record::{Delay, Invocation, StateRecord};

mod callbacks;

/// An execution's status, as AWS names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// Still running: waiting for a callback, an activity worker or time
    /// to pass.
    Running,
    /// Ended in success.
    Succeeded,
    /// Ended in failure.
    Failed,
    /// Ran past its `TimeoutSeconds`.
    TimedOut,
    /// Stopped (by the transition budget).
    Aborted,
}

impl Status {
    /// `RUNNING`, `SUCCEEDED`, `FAILED`, `TIMED_OUT` or `ABORTED`.
    ///
    /// ```
    /// assert_eq!(stepfn_sim::Status::TimedOut.as_str(), "TIMED_OUT");
    /// ```
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Running => "RUNNING",
            Status::Succeeded => "SUCCEEDED",
            Status::Failed => "FAILED",
            Status::TimedOut => "TIMED_OUT",
            Status::Aborted => "ABORTED",
        }
    }
}

impl std::fmt::Display for Status {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A task waiting for the outside: a callback or an activity.
#[derive(Debug, Clone, PartialEq)]
pub struct PendingTask {
    /// The task token to answer with.
    pub token: String,
    /// The waiting state.
    pub state: String,
    /// Its `Resource`.
    pub resource: String,
    /// The task input.
    pub input: Json,
    /// Whether it is an activity (else a `.waitForTaskToken` callback).
    pub activity: bool,
}

/// An activity task handed to a worker, as `GetActivityTask` returns it.
#[derive(Debug, Clone, PartialEq)]
pub struct ActivityTask {
    /// The task token to answer with.
    pub token: String,
    /// The task input.
    pub input: Json,
}

/// One execution of a [`Simulator`](crate::Simulator).
pub struct Execution {
    program: Arc<Program>,
    config: Arc<Config>,
    state: State,
}

impl std::fmt::Debug for Execution {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Execution")
            .field("status", &self.status())
            .field("output", &self.output())
            .field("failure", &self.failure())
            .finish_non_exhaustive()
    }
}

impl Execution {
    /// Starts an execution and runs it until it ends or waits.
    pub(crate) fn start(program: Arc<Program>, config: Arc<Config>, input: Json) -> Execution {
        let state = State::new(&program, &config, input);
        let mut execution = Execution {
            program,
            config,
            state,
        };
        execution.engine().run();
        execution
    }

    /// The engine over this execution's state.
    fn engine(&mut self) -> Engine<'_> {
        Engine {
            program: &self.program,
            config: &self.config,
            st: &mut self.state,
        }
    }

    /// The status.
    ///
    /// ```
    /// let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "E"}}}"#)?;
    /// assert_eq!(sim.run("{}")?.status(), stepfn_sim::Status::Failed);
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn status(&self) -> Status {
        match &self.state.end {
            None => Status::Running,
            Some(End::Succeeded(_)) => Status::Succeeded,
            Some(End::Failed(_)) => Status::Failed,
            Some(End::TimedOut(_)) => Status::TimedOut,
            Some(End::Aborted(_)) => Status::Aborted,
        }
    }

    /// The output of a succeeded execution.
    ///
    /// ```
    /// let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": 7, "End": true}}}"#)?;
    /// assert_eq!(sim.run("{}")?.output(), Some(&stepfn::model::Json::Number(7u64.into())));
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn output(&self) -> Option<&Json> {
        match &self.state.end {
            Some(End::Succeeded(output)) => Some(output),
            _ => None,
        }
    }

    /// The output as compact JSON text.
    ///
    /// ```
    /// let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": [1], "End": true}}}"#)?;
    /// assert_eq!(sim.run("{}")?.output_text().as_deref(), Some("[1]"));
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn output_text(&self) -> Option<String> {
        self.output().map(crate::json::text)
    }

    /// The error and cause of a failed, timed-out or aborted execution.
    ///
    /// ```
    /// let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "E", "Cause": "c"}}}"#)?;
    /// assert_eq!(sim.run("{}")?.failure().unwrap().to_string(), "E: c");
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn failure(&self) -> Option<&Failure> {
        match &self.state.end {
            Some(End::Failed(f) | End::TimedOut(f) | End::Aborted(f)) => Some(f),
            _ => None,
        }
    }

    /// The error name of a failed execution.
    ///
    /// ```
    /// let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "E"}}}"#)?;
    /// assert_eq!(sim.run("{}")?.error(), Some("E"));
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn error(&self) -> Option<&str> {
        self.failure().and_then(Failure::error)
    }

    /// The cause of a failed execution.
    ///
    /// ```
    /// let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "F", "States": {"F": {"Type": "Fail", "Cause": "why"}}}"#)?;
    /// assert_eq!(sim.run("{}")?.cause(), Some("why"));
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn cause(&self) -> Option<&str> {
        self.failure().and_then(Failure::cause)
    }

    /// The history, when kept ([`Simulator::history`](crate::Simulator::history)).
    ///
    /// ```
    /// use stepfn_sim::EventType;
    /// let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}"#)?;
    /// let types: Vec<EventType> = sim.run("{}")?.history().iter().map(|e| e.event_type).collect();
    /// assert_eq!(types, [EventType::ExecutionStarted, EventType::PassStateEntered,
    ///                    EventType::PassStateExited, EventType::ExecutionSucceeded]);
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn history(&self) -> &[HistoryEvent] {
        &self.state.events.list
    }

    /// The history as `GetExecutionHistory` returns it: `{"events": […]}`.
    ///
    /// ```
    /// let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#)?;
    /// let text = serde_json::to_string(&sim.run("{}")?.history_json()).unwrap();
    /// assert!(text.starts_with(r#"{"events":[{"timestamp":"2024-01-01T00:00:00.000Z","type":"ExecutionStarted","id":1,"previousEventId":0"#));
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn history_json(&self) -> Json {
        Json::Object(
            [(
                "events".to_owned(),
                Json::Array(self.history().iter().map(HistoryEvent::to_json).collect()),
            )]
            .into_iter()
            .collect(),
        )
    }

    /// One record per state entered, in order (when inspection is on).
    ///
    /// ```
    /// let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "A", "States": {"A": {"Type": "Pass",
    ///     "InputPath": "$.x", "End": true}}}"#)?;
    /// let run = sim.run(r#"{"x": 1}"#)?;
    /// let record = &run.records()[0];
    /// assert_eq!(record.inspection.after_input_path, Some(stepfn::model::Json::Number(1u64.into())));
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn records(&self) -> &[StateRecord] {
        &self.state.log.records
    }

    /// The names of the states entered, in order.
    ///
    /// ```
    /// let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"},
    ///     "B": {"Type": "Succeed"}}}"#)?;
    /// assert_eq!(sim.run("{}")?.states_entered(), ["A", "B"]);
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn states_entered(&self) -> Vec<&str> {
        self.records().iter().map(|r| r.name.as_str()).collect()
    }

    /// The record of the first visit of state `state`.
    ///
    /// ```
    /// # let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#)?;
    /// assert!(sim.run("{}")?.record("A").is_some());
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn record(&self, state: &str) -> Option<&StateRecord> {
        self.records().iter().find(|r| r.name == state)
    }

    /// The input of the first visit of state `state`.
    ///
    /// ```
    /// # let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": 1, "Next": "B"}, "B": {"Type": "Succeed"}}}"#)?;
    /// let run = sim.run("{}")?;
    /// assert_eq!(run.input_of("B"), Some(&stepfn::model::Json::Number(1u64.into())));
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn input_of(&self, state: &str) -> Option<&Json> {
        self.record(state).and_then(|r| r.inspection.input.as_ref())
    }

    /// The output of the first visit of state `state`.
    ///
    /// ```
    /// # let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": 1, "End": true}}}"#)?;
    /// assert_eq!(sim.run("{}")?.output_of("A"), Some(&stepfn::model::Json::Number(1u64.into())));
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn output_of(&self, state: &str) -> Option<&Json> {
        self.record(state).and_then(|r| r.output.as_ref())
    }

    /// Every Task invocation, in order, with its evaluated input.
    ///
    /// ```
    /// let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "T", "States": {"T": {"Type": "Task",
    ///     "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"n.$": "$.n"}, "End": true}}}"#)?
    ///     .handler("T", |_| Ok(serde_json::json!({})));
    /// let run = sim.run(r#"{"n": 3, "other": 0}"#)?;
    /// assert_eq!(stepfn_sim::json_text(&run.invocations()[0].input), r#"{"n":3}"#);
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn invocations(&self) -> &[Invocation] {
        &self.state.log.invocations
    }

    /// The invocations of the Task state `state`.
    ///
    /// ```
    /// # let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "T", "States": {"T": {"Type": "Task",
    /// #     "Resource": "arn:aws:states:::lambda:invoke", "End": true}}}"#)?
    /// #     .handler("T", |_| Ok(serde_json::json!({})));
    /// assert_eq!(sim.run("{}")?.invocations_of("T").len(), 1);
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn invocations_of(&self, state: &str) -> Vec<&Invocation> {
        self.invocations()
            .iter()
            .filter(|i| i.state == state)
            .collect()
    }

    /// Every Wait and retry back-off, with how long it lasted.
    ///
    /// ```
    /// let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "W", "States": {"W": {"Type": "Wait",
    ///     "Seconds": 90, "End": true}}}"#)?;
    /// let run = sim.run("{}")?;
    /// assert_eq!(run.delays()[0].seconds, 90.0);
    /// assert_eq!(run.elapsed_millis(), 90_000);
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn delays(&self) -> &[Delay] {
        &self.state.log.delays
    }

    /// Virtual milliseconds from the start to now (or to the end).
    #[must_use]
    pub fn elapsed_millis(&self) -> i64 {
        self.state.now - self.config.start_millis
    }

    /// How many states were entered.
    ///
    /// ```
    /// # let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#)?;
    /// assert_eq!(sim.run("{}")?.transitions(), 1);
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn transitions(&self) -> u64 {
        self.state.transitions
    }

    /// Timeline actions that found no task waiting in their state.
    #[must_use]
    pub fn missed_actions(&self) -> &[String] {
        &self.state.log.missed_actions
    }

    pub(crate) fn parts(&self) -> (&Program, &State) {
        (&self.program, &self.state)
    }
}
