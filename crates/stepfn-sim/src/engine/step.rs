//! Entering a state, running its work (one `match` over state types),
//! and leaving it: the `…StateEntered` / `…StateExited` events, records,
//! variables, and the move to the next state.

use stepfn::model::fields::StateType;
use stepfn::model::{Json, JsonObject};

use super::{io, End, Engine, FiberId, Flow, Phase, StateRoots};
use crate::failure::{Failure, Raised};
use crate::history::{details, not_truncated, payload, s, EventType};
use crate::program::{Kind, Node, StateIdx};
use crate::record::{Inspection, StateRecord};

/// The error of an execution stopped by the transition budget.
pub(crate) const BUDGET_ERROR: &str = "stepfn.TransitionBudgetExceeded";

impl<'a> Engine<'a> {
    /// Enters the fiber's current state.
    pub(crate) fn enter(&mut self, f: FiberId) -> Flow {
        if self.st.transitions >= self.config.max_transitions {
            let limit = self.config.max_transitions;
            self.finish(End::Aborted(Failure::new(
                BUDGET_ERROR,
                format!(
                    "The execution entered more than {limit} states, the transition budget of this run; \
                     if the workflow loops on purpose, raise it with `Simulator::max_transitions`"
                ),
            )));
            return Flow::Park;
        }
        self.st.transitions += 1;
        let program = self.program;
        let now = self.st.now;
        let Some(fiber) = self.st.fibers.get_mut(f) else {
            return Flow::Park;
        };
        let node = program.node(fiber.at);
        fiber.entered_millis = now;
        fiber.retry_count = match &self.config.single {
            Some(single) if fiber.parent.is_none() => single.retry_count,
            _ => 0,
        };
        fiber.attempts.clear();
        let input = &fiber.input;
        let id = self.st.events.emit(
            &mut fiber.last_event,
            now,
            entered_event(node.state_type),
            || {
                details([
                    ("name", s(&*node.name)),
                    ("input", payload(input)),
                    ("inputDetails", not_truncated()),
                ])
            },
        );
        fiber.entered_event = id;
        if let Some(hits) = self.st.log.hits.get_mut(fiber.at as usize) {
            hits.entered += 1;
        }
        fiber.record = if self.config.inspection {
            self.st.log.records.push(StateRecord {
                name: node.name.to_string(),
                state_type: node.state_type,
                entered_event_id: id,
                entered_millis: now,
                inspection: Inspection {
                    input: Some(fiber.input.clone()),
                    ..Inspection::default()
                },
                output: None,
                next: None,
                failure: None,
            });
            Some(self.st.log.records.len() - 1)
        } else {
            None
        };
        self.attempt(f)
    }

    /// Runs the work of the fiber's current state (again, on a retry).
    pub(crate) fn attempt(&mut self, f: FiberId) -> Flow {
        let program = self.program;
        let Some(fiber) = self.st.fibers.get(f) else {
            return Flow::Park;
        };
        let node = program.node(fiber.at);
        match &node.kind {
            Kind::Pass { result, parameters } => {
                self.pass(f, node, result.as_ref(), parameters.as_ref())
            }
            Kind::Task(task) => self.task(f, node, task),
            Kind::Choice(choice) => self.choice(f, node, choice),
            Kind::Wait(wait) => self.wait(f, node, wait),
            Kind::Succeed => self.succeed(f, node),
            Kind::Fail { error, cause } => self.fail(f, node, error.as_ref(), cause.as_ref()),
            Kind::Parallel {
                branches,
                parameters,
            } => self.parallel(f, node, branches, parameters.as_ref()),
            Kind::Map(map) => self.map(f, node, map),
        }
    }

    /// The roots of fiber `f`'s current state.
    pub(crate) fn roots(&self, f: FiberId, node: &'a Node) -> StateRoots<'_> {
        let fiber = self.st.fibers.get(f);
        let mut roots = StateRoots::new(
            &self.st.shared,
            fiber.map(|f| f.vars).unwrap_or_default(),
            &node.name,
            fiber.map_or(self.st.now, |f| f.entered_millis),
        );
        if matches!(
            node.state_type,
            StateType::Task | StateType::Parallel | StateType::Map
        ) {
            roots.retry_count = Some(fiber.map_or(0, |f| f.retry_count));
        }
        roots
    }

    /// The inspection record of fiber `f`'s current state, if recording.
    pub(crate) fn trace(&mut self, f: FiberId) -> Option<&mut Inspection> {
        let index = self.st.fibers.get(f)?.record?;
        self.st
            .log
            .records
            .get_mut(index)
            .map(|r| &mut r.inspection)
    }

    /// Leaves the current state with `output`, assigning `assigned`, and
    /// goes to `next` (or ends the fiber's scope).
    pub(crate) fn leave(
        &mut self,
        f: FiberId,
        node: &'a Node,
        output: Json,
        next: Option<StateIdx>,
        assigned: JsonObject,
    ) -> Flow {
        self.leave_checked(f, node, output, next, assigned, true)
    }

    /// As [`Engine::leave`]; `check` is false when the output is the
    /// state's input untouched, which was checked when it was made.
    pub(crate) fn leave_checked(
        &mut self,
        f: FiberId,
        node: &'a Node,
        output: Json,
        next: Option<StateIdx>,
        assigned: JsonObject,
        check: bool,
    ) -> Flow {
        if check {
            if let Err(raised) = io::check_output(&output, self.config.payload_limit, &node.name) {
                return self.state_failed(f, raised);
            }
        }
        let program = self.program;
        let now = self.st.now;
        let inspection = self.config.inspection;
        let assigned_text = (self.events_recording() && !assigned.is_empty()).then(|| {
            Json::Object(
                assigned
                    .iter()
                    .map(|(k, v)| (k.clone(), Json::String(crate::json::text(v))))
                    .collect(),
            )
        });
        let Some(fiber) = self.st.fibers.get_mut(f) else {
            return Flow::Park;
        };
        self.st.shared.vars.assign(&mut fiber.vars, assigned);
        self.st.events.emit(
            &mut fiber.last_event,
            now,
            exited_event(node.state_type),
            || {
                details([
                    ("name", s(&*node.name)),
                    ("output", payload(&output)),
                    ("outputDetails", not_truncated()),
                    (
                        "assignedVariablesDetails",
                        assigned_text.as_ref().and(not_truncated()),
                    ),
                    ("assignedVariables", assigned_text.clone()),
                ])
            },
        );
        if inspection {
            let variables = self.st.shared.vars.snapshot(fiber.vars);
            if let Some(record) = fiber.record.and_then(|i| self.st.log.records.get_mut(i)) {
                record.output = Some(output.clone());
                record.next = next.map(|n| program.node(n).name.to_string());
                record.inspection.variables = Some(variables);
            }
        }
        if self.config.single.is_some() && fiber.parent.is_none() {
            self.st.single.next = next.map(|n| program.node(n).name.to_string());
            return Flow::Finished(Box::new(Ok(output)));
        }
        match next {
            Some(next) => {
                fiber.at = next;
                fiber.input = output;
                fiber.phase = Phase::Enter;
                Flow::Continue
            }
            None => Flow::Finished(Box::new(Ok(output))),
        }
    }

    /// Whether history events are kept.
    pub(crate) fn events_recording(&self) -> bool {
        self.config.history
    }

    /// Notes a failure in the current state's record.
    pub(crate) fn record_failure(&mut self, f: FiberId, failure: &Failure) {
        if let Some(index) = self.st.fibers.get(f).and_then(|fiber| fiber.record) {
            if let Some(record) = self.st.log.records.get_mut(index) {
                record.failure = Some(failure.clone());
            }
        }
    }

    /// The cause of an error the interpreter raises, with AWS's prefix
    /// naming the state and its `…Entered` event.
    pub(crate) fn interpreter_error(&self, f: FiberId, node: &Node, raised: Raised) -> Raised {
        let entered = self.st.fibers.get(f).map_or(0, |fiber| fiber.entered_event);
        let cause = raised.failure.cause().unwrap_or_default();
        Raised {
            failure: Failure::from_parts(
                raised.failure.error().map(str::to_owned),
                Some(format!(
                    "An error occurred while executing the state '{}' (entered at the event id #{entered}). {cause}",
                    node.name
                )),
            ),
            ..raised
        }
    }
}

/// The `…StateEntered` event of a state type.
pub(crate) fn entered_event(state_type: StateType) -> EventType {
    match state_type {
        StateType::Task => EventType::TaskStateEntered,
        StateType::Pass => EventType::PassStateEntered,
        StateType::Wait => EventType::WaitStateEntered,
        StateType::Choice => EventType::ChoiceStateEntered,
        StateType::Parallel => EventType::ParallelStateEntered,
        StateType::Map => EventType::MapStateEntered,
        StateType::Succeed => EventType::SucceedStateEntered,
        StateType::Fail => EventType::FailStateEntered,
    }
}

/// The `…StateExited` event of a state type (Fail has none; it never
/// leaves).
pub(crate) fn exited_event(state_type: StateType) -> EventType {
    match state_type {
        StateType::Task => EventType::TaskStateExited,
        StateType::Pass => EventType::PassStateExited,
        StateType::Wait => EventType::WaitStateExited,
        StateType::Choice => EventType::ChoiceStateExited,
        StateType::Parallel => EventType::ParallelStateExited,
        StateType::Map => EventType::MapStateExited,
        StateType::Succeed | StateType::Fail => EventType::SucceedStateExited,
    }
}

/// The `…StateAborted` event of a state type, for those that have one.
pub(crate) fn aborted_event(state_type: StateType) -> Option<EventType> {
    match state_type {
        StateType::Task => Some(EventType::TaskStateAborted),
        StateType::Wait => Some(EventType::WaitStateAborted),
        StateType::Parallel => Some(EventType::ParallelStateAborted),
        StateType::Map => Some(EventType::MapStateAborted),
        _ => None,
    }
}
