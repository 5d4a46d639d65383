//! Answers to callbacks and activities scripted in advance: at a time
//! after the start, send success, failure or a heartbeat for the task
//! waiting in a named state. With a timeline the run needs no calls from
//! the test: timeouts and heartbeats fire on the virtual clock in order.

use stepfn::model::Json;

use crate::failure::Failure;

/// A scripted answer, for the oldest task waiting in `state` when it
/// fires.
///
/// ```
/// use stepfn_sim::Action;
/// let action = Action::success("Approve", serde_json::json!({"ok": true}));
/// assert_eq!(action.state(), "Approve");
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// `SendTaskSuccess` with this output.
    Success {
        /// The waiting state.
        state: String,
        /// The task's result.
        output: Json,
    },
    /// `SendTaskFailure` with this error and cause.
    Failure {
        /// The waiting state.
        state: String,
        /// The error and cause (either may be absent).
        failure: Failure,
    },
    /// `SendTaskHeartbeat`.
    Heartbeat {
        /// The waiting state.
        state: String,
    },
}

impl Action {
    /// `SendTaskSuccess` for the task waiting in `state`.
    ///
    /// ```
    /// let action = stepfn_sim::Action::success("Wait", serde_json::json!(1));
    /// assert!(matches!(action, stepfn_sim::Action::Success { .. }));
    /// ```
    #[must_use]
    pub fn success(state: impl Into<String>, output: impl Into<Json>) -> Action {
        Action::Success {
            state: state.into(),
            output: output.into(),
        }
    }

    /// `SendTaskFailure` for the task waiting in `state`.
    ///
    /// ```
    /// let action = stepfn_sim::Action::failure("Wait", "Rejected", "no");
    /// assert!(matches!(action, stepfn_sim::Action::Failure { .. }));
    /// ```
    #[must_use]
    pub fn failure(
        state: impl Into<String>,
        error: impl Into<String>,
        cause: impl Into<String>,
    ) -> Action {
        Action::Failure {
            state: state.into(),
            failure: Failure::new(error, cause),
        }
    }

    /// `SendTaskHeartbeat` for the task waiting in `state`.
    ///
    /// ```
    /// let action = stepfn_sim::Action::heartbeat("Wait");
    /// assert_eq!(action.state(), "Wait");
    /// ```
    #[must_use]
    pub fn heartbeat(state: impl Into<String>) -> Action {
        Action::Heartbeat {
            state: state.into(),
        }
    }

    /// The state whose waiting task the action answers.
    #[must_use]
    pub fn state(&self) -> &str {
        match self {
            Action::Success { state, .. }
            | Action::Failure { state, .. }
            | Action::Heartbeat { state } => state,
        }
    }
}

/// Scripted answers, each at a time after the execution's start.
///
/// ```
/// use stepfn_sim::{Action, Timeline};
/// let timeline = Timeline::new()
///     .at(30.0, Action::heartbeat("Approve"))
///     .at(60.0, Action::success("Approve", serde_json::json!({"approved": true})));
/// assert_eq!(timeline.len(), 2);
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use]
pub struct Timeline {
    pub(crate) actions: Vec<(i64, Action)>,
}

impl Timeline {
    /// An empty timeline.
    ///
    /// ```
    /// assert!(stepfn_sim::Timeline::new().is_empty());
    /// ```
    pub fn new() -> Timeline {
        Timeline::default()
    }

    /// Adds `action` at `seconds` after the start.
    ///
    /// ```
    /// let t = stepfn_sim::Timeline::new().at(1.5, stepfn_sim::Action::heartbeat("S"));
    /// assert_eq!(t.len(), 1);
    /// ```
    pub fn at(mut self, seconds: f64, action: Action) -> Timeline {
        self.actions
            .push((crate::engine::seconds_to_millis(seconds), action));
        self
    }

    /// How many actions it holds.
    #[must_use]
    pub fn len(&self) -> usize {
        self.actions.len()
    }

    /// Whether it holds none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.actions.is_empty()
    }
}
