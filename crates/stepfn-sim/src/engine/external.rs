//! Tasks waiting for the outside: callbacks (`.waitForTaskToken`) and
//! activities. Each waits under a task token until the test (or the
//! timeline) sends success or failure; heartbeats push its heartbeat
//! timeout back; `TimeoutSeconds` and `HeartbeatSeconds` fire on the
//! virtual clock as `States.Timeout`.

use stepfn::builder::errors;
use stepfn::model::Json;

use super::task_events::Step;
use super::{Engine, FiberId, Phase, What};
use crate::failure::{Failure, Raised};
use crate::program::{Kind, ResourceKind, StateIdx, TaskNode};
use crate::timeline::Action;

/// Callback or activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PendingKind {
    /// `.waitForTaskToken`.
    Callback,
    /// An activity, handed to a worker by `take_activity`.
    Activity,
}

/// A task waiting for its token.
#[derive(Debug, Clone)]
pub(crate) struct Pending {
    pub(crate) fiber: FiberId,
    pub(crate) generation: u32,
    pub(crate) state: StateIdx,
    pub(crate) kind: PendingKind,
    pub(crate) resource: String,
    pub(crate) input: Json,
    /// An activity has been handed to a worker.
    pub(crate) taken: bool,
    pub(crate) timeout: Option<u64>,
    pub(crate) heartbeat: Option<u64>,
    /// Bumped by each heartbeat, so older heartbeat timers are ignored.
    pub(crate) beat: u64,
    /// The invocation record to complete.
    pub(crate) record: Option<usize>,
}

/// Why a callback was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallbackError(pub(crate) String);

impl std::fmt::Display for CallbackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CallbackError {}

impl Engine<'_> {
    /// A new task token from the run's generator.
    pub(crate) fn new_token(&mut self) -> String {
        self.st.tokens_issued += 1;
        let mut rng = self.st.shared.rng.borrow_mut();
        format!(
            "{:016x}{:016x}{:016x}{:08x}",
            rng.next_u64(),
            rng.next_u64(),
            rng.next_u64(),
            self.st.tokens_issued
        )
    }

    /// Parks fiber `f` until `token` is answered, with its timers.
    pub(crate) fn wait_for_token(
        &mut self,
        f: FiberId,
        token: String,
        task: &TaskNode,
        prepared: super::states::task::Prepared,
        record: Option<usize>,
    ) {
        let super::states::task::Prepared {
            input: prepared_input,
            timeout,
            heartbeat,
        } = prepared;
        let Some(fiber) = self.st.fibers.get_mut(f) else {
            return;
        };
        fiber.phase = Phase::Token(token.clone());
        let kind = if task.resource_kind == ResourceKind::Activity {
            PendingKind::Activity
        } else {
            PendingKind::Callback
        };
        let pending = Pending {
            fiber: f,
            generation: fiber.generation,
            state: fiber.at,
            kind,
            resource: task.resource.clone(),
            input: prepared_input,
            taken: false,
            timeout,
            heartbeat,
            beat: 0,
            record,
        };
        self.st.pending.insert(token.clone(), pending);
        self.st.pending_order.push(token.clone());
        if kind == PendingKind::Callback {
            self.start_timers(&token);
        }
    }

    /// Starts a waiting task's timeout and heartbeat timers.
    fn start_timers(&mut self, token: &str) {
        let Some(pending) = self.st.pending.get(token) else {
            return;
        };
        let (timeout, heartbeat, beat) = (pending.timeout, pending.heartbeat, pending.beat);
        let now = self.st.now;
        if let Some(seconds) = timeout {
            self.push(
                now.saturating_add(seconds_to_ms(seconds)),
                What::Timeout(token.to_owned(), false, 0),
            );
        }
        if let Some(seconds) = heartbeat {
            self.push(
                now.saturating_add(seconds_to_ms(seconds)),
                What::Timeout(token.to_owned(), true, beat),
            );
        }
    }

    /// A timer of a waiting task fired.
    pub(crate) fn task_timed_out(&mut self, token: &str, heartbeat: bool, beat: u64) {
        let Some(pending) = self.st.pending.get(token) else {
            return;
        };
        if heartbeat && pending.beat != beat {
            return;
        }
        let mut raised = Raised::new(Failure::error_only(errors::TIMEOUT));
        raised.heartbeat = heartbeat;
        self.answer(token, Err(raised));
    }

    /// Answers `token`: the fiber resumes with the outcome.
    pub(crate) fn answer(&mut self, token: &str, outcome: Result<Json, Raised>) -> bool {
        let Some(pending) = self.st.pending.remove(token) else {
            return false;
        };
        self.st.pending_order.retain(|t| t != token);
        if !self.st.fibers.is_live(pending.fiber, pending.generation) {
            return false;
        }
        if let Some(record) = pending
            .record
            .and_then(|i| self.st.log.invocations.get_mut(i))
        {
            record.outcome = Some(outcome.clone().map_err(|r| r.failure));
        }
        if pending.kind == PendingKind::Activity && !pending.taken {
            if let Some(Kind::Task(task)) = Some(&self.program.node(pending.state).kind) {
                self.task_event(pending.fiber, task, &Step::Started { worker: "" });
            }
        }
        if let Some(fiber) = self.st.fibers.get_mut(pending.fiber) {
            fiber.phase = Phase::Answered(Box::new(outcome));
        }
        self.push(self.st.now, What::Fiber(pending.fiber, pending.generation));
        true
    }

    /// `SendTaskSuccess`.
    pub(crate) fn send_success(&mut self, token: &str, output: Json) -> Result<(), CallbackError> {
        if self.answer(token, Ok(output)) {
            Ok(())
        } else {
            Err(unknown(token))
        }
    }

    /// `SendTaskFailure`.
    pub(crate) fn send_failure(
        &mut self,
        token: &str,
        failure: Failure,
    ) -> Result<(), CallbackError> {
        if self.answer(token, Err(Raised::new(failure))) {
            Ok(())
        } else {
            Err(unknown(token))
        }
    }

    /// `SendTaskHeartbeat`: the heartbeat timeout starts again.
    pub(crate) fn send_heartbeat(&mut self, token: &str) -> Result<(), CallbackError> {
        let Some(pending) = self.st.pending.get_mut(token) else {
            return Err(unknown(token));
        };
        pending.beat += 1;
        if let Some(seconds) = pending.heartbeat {
            let beat = pending.beat;
            let at = self.st.now.saturating_add(seconds_to_ms(seconds));
            self.push(at, What::Timeout(token.to_owned(), true, beat));
        }
        Ok(())
    }

    /// `GetActivityTask`: hands the oldest waiting task of activity `arn`
    /// to `worker`; its timers start now.
    pub(crate) fn take_activity(&mut self, arn: &str, worker: &str) -> Option<(String, Json)> {
        let token = self
            .st
            .pending_order
            .iter()
            .find(|t| {
                self.st.pending.get(*t).is_some_and(|p| {
                    p.kind == PendingKind::Activity && !p.taken && p.resource == arn
                })
            })?
            .clone();
        let pending = self.st.pending.get_mut(&token)?;
        pending.taken = true;
        let (fiber, state, input) = (pending.fiber, pending.state, pending.input.clone());
        if let Kind::Task(task) = &self.program.node(state).kind {
            self.task_event(fiber, task, &Step::Started { worker });
        }
        self.start_timers(&token);
        Some((token, input))
    }

    /// The token of the oldest task waiting in the state named `state`.
    pub(crate) fn token_of(&self, state: &str) -> Option<String> {
        self.st
            .pending_order
            .iter()
            .find(|t| {
                self.st
                    .pending
                    .get(*t)
                    .is_some_and(|p| &*self.program.node(p.state).name == state)
            })
            .cloned()
    }

    /// Applies a scripted action.
    pub(crate) fn apply_action(&mut self, action: &Action) {
        let Some(token) = self.token_of(action.state()) else {
            self.st.log.missed_actions.push(format!(
                "at {}: no task waits in state {:?}",
                crate::clock::iso_millis(self.st.now),
                action.state()
            ));
            return;
        };
        let _ = match action {
            Action::Success { output, .. } => self.send_success(&token, output.clone()),
            Action::Failure { failure, .. } => self.send_failure(&token, failure.clone()),
            Action::Heartbeat { .. } => self.send_heartbeat(&token),
        };
    }
}

fn unknown(token: &str) -> CallbackError {
    CallbackError(format!(
        "TaskDoesNotExist: no task waits for the token {token} (it was answered, timed out, or never issued)"
    ))
}

/// Whole seconds to milliseconds.
fn seconds_to_ms(seconds: u64) -> i64 {
    i64::try_from(seconds.saturating_mul(1000)).unwrap_or(i64::MAX)
}
