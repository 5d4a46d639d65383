//! Starting, finishing and aborting the children of a Parallel or Map
//! state. Children start in order and at most `limit` at a time; the first
//! failure of an inline child aborts its running siblings (and everything
//! they started), which get `…Aborted` events. A Distributed Map counts
//! failures against its tolerance instead.

use std::collections::VecDeque;

use stepfn::builder::errors;
use stepfn::model::Json;

use super::fiber::{JoinKind, Tolerance};
use super::step::aborted_event;
use super::{Engine, Fiber, FiberId, Join, JoinId, Phase, VarScope, What};
use crate::failure::{Failure, Raised};
use crate::history::{details, EventType};

/// What a Parallel or Map state asks of a new join.
pub(crate) struct JoinSpec {
    pub(crate) kind: JoinKind,
    pub(crate) scopes: Vec<u32>,
    pub(crate) inputs: VecDeque<(u32, Json)>,
    pub(crate) limit: usize,
    pub(crate) tolerated: Option<Tolerance>,
    pub(crate) isolated: bool,
    /// The `ParallelStateStarted` / `MapStateStarted` event (a
    /// Distributed Map: its `MapRunStarted`).
    pub(crate) started_event: u64,
    /// A Distributed Map's run ARN.
    pub(crate) map_run: Option<String>,
}

impl Engine<'_> {
    /// Starts the children of fiber `owner`'s Parallel or Map state; the
    /// owner waits for them.
    pub(crate) fn start_join(&mut self, owner: FiberId, spec: JoinSpec) {
        let count = spec.inputs.len();
        // The owner's chain, which inside a child execution is tagged as
        // such (the event id alone is not).
        let started = self
            .st
            .fibers
            .get(owner)
            .map_or(spec.started_event, |o| o.last_event);
        let join = Join {
            kind: spec.kind,
            owner,
            results: vec![Json::Null; count],
            remaining: count,
            waiting: spec.inputs,
            limit: spec.limit,
            running: 0,
            children: Vec::new(),
            failed: None,
            tolerated: spec.tolerated,
            scopes: spec.scopes,
            last: started,
            done_last: started,
            isolated: spec.isolated,
            map_run: spec.map_run,
        };
        let j = self.st.joins.insert(Some(join));
        if let Some(fiber) = self.st.fibers.get_mut(owner) {
            fiber.phase = Phase::Children(j);
        }
        if count == 0 {
            self.resume_owner(j);
            return;
        }
        while self.spawn_next(j) {}
    }

    /// Starts the next waiting child of join `j`, if the limit allows.
    fn spawn_next(&mut self, j: JoinId) -> bool {
        let program = self.program;
        let now = self.st.now;
        let Some(Some(join)) = self.st.joins.get_mut(j) else {
            return false;
        };
        if join.limit > 0 && join.running >= join.limit {
            return false;
        }
        let Some((index, input)) = join.waiting.pop_front() else {
            return false;
        };
        join.running += 1;
        let scope = match join.kind {
            JoinKind::Parallel => join.scopes.get(index as usize).copied(),
            JoinKind::Map => join.scopes.first().copied(),
        }
        .unwrap_or(0);
        let (kind, isolated, mut last) = (join.kind, join.isolated, join.last);
        let Some(owner) = self.st.fibers.get(join.owner) else {
            return false;
        };
        let owner_state = program.node(owner.at);
        let vars = if isolated {
            VarScope::default()
        } else {
            VarScope {
                own: None,
                outer: owner.vars.own.or(owner.vars.outer),
            }
        };
        if kind == JoinKind::Map && !isolated {
            self.st
                .events
                .emit(&mut last, now, EventType::MapIterationStarted, || {
                    iteration_details(&owner_state.name, index)
                });
        }
        let start = program.scopes.get(scope as usize).map_or(0, |s| s.start);
        let child = self.st.fibers.spawn(Fiber {
            at: start,
            input,
            vars,
            parent: Some((j, index)),
            // A child execution's history starts with its `ExecutionStarted`.
            last_event: if isolated {
                super::events::CHILD_EXECUTION | 1
            } else {
                last
            },
            isolated,
            ..Fiber::default()
        });
        let generation = self.generation(child);
        if let Some(Some(join)) = self.st.joins.get_mut(j) {
            join.children.push((child, generation));
        }
        self.push(now, What::Fiber(child, generation));
        true
    }

    /// A child ended: keep its result, or fail the join.
    pub(crate) fn child_finished(
        &mut self,
        f: FiberId,
        j: JoinId,
        slot: u32,
        result: Result<Json, Raised>,
    ) {
        let program = self.program;
        let now = self.st.now;
        let child_last = self.st.fibers.get(f).map_or(0, |fiber| fiber.last_event);
        self.st.fibers.end(f);
        let Some(Some(join)) = self.st.joins.get_mut(j) else {
            return;
        };
        join.running = join.running.saturating_sub(1);
        join.remaining = join.remaining.saturating_sub(1);
        let owner_name = self
            .st
            .fibers
            .get(join.owner)
            .map(|owner| program.node(owner.at).name.clone())
            .unwrap_or_default();
        let isolated = join.isolated;
        let map = join.kind == JoinKind::Map && !isolated;
        match result {
            Ok(output) => {
                if let Some(place) = join.results.get_mut(slot as usize) {
                    *place = output;
                }
                let mut last = child_last;
                if map {
                    self.st
                        .events
                        .emit(&mut last, now, EventType::MapIterationSucceeded, || {
                            iteration_details(&owner_name, slot)
                        });
                }
                match self.st.joins.get_mut(j) {
                    Some(Some(join)) if !isolated => {
                        join.last = child_last;
                        join.done_last = last;
                    }
                    _ => {}
                }
            }
            Err(raised) => {
                if let Some(tolerance) = join.tolerated.as_mut() {
                    tolerance.failed += 1;
                    let over = exceeds(tolerance);
                    if let Some(place) = join.results.get_mut(slot as usize) {
                        *place = raised.failure.error_output();
                    }
                    if over {
                        join.failed = Some(Raised::new(Failure::new(
                            errors::EXCEED_TOLERATED_FAILURE_THRESHOLD,
                            "The specified tolerated failure threshold was exceeded",
                        )));
                        self.abort_children(j);
                        self.resume_owner(j);
                    } else if join.remaining == 0 {
                        self.resume_owner(j);
                    } else {
                        while self.spawn_next(j) {}
                    }
                    return;
                }
                let mut last = child_last;
                if map {
                    self.st
                        .events
                        .emit(&mut last, now, EventType::MapIterationFailed, || {
                            iteration_details(&owner_name, slot)
                        });
                }
                join.last = child_last;
                join.done_last = last;
                join.failed = Some(raised);
                self.abort_children(j);
                self.resume_owner(j);
                return;
            }
        }
        let done = matches!(self.st.joins.get(j), Some(Some(join)) if join.remaining == 0);
        if done {
            self.resume_owner(j);
        } else {
            while self.spawn_next(j) {}
        }
    }

    /// Queues the owner of join `j` to finish its state.
    fn resume_owner(&mut self, j: JoinId) {
        let Some(Some(join)) = self.st.joins.get(j) else {
            return;
        };
        let (owner, last) = (join.owner, join.done_last);
        if let Some(fiber) = self.st.fibers.get_mut(owner) {
            fiber.phase = Phase::Joined(j);
            fiber.last_event = fiber.last_event.max(last);
        }
        let generation = self.generation(owner);
        self.push(self.st.now, What::Fiber(owner, generation));
    }

    /// Takes join `j`'s outcome: the results in order, or the failure.
    pub(crate) fn take_join(&mut self, j: JoinId) -> Option<Join> {
        let join = self.st.joins.get_mut(j).and_then(Option::take);
        self.st.joins.remove(j);
        join
    }

    /// Aborts every live child of join `j`, and everything they started.
    pub(crate) fn abort_children(&mut self, j: JoinId) {
        let program = self.program;
        let now = self.st.now;
        let mut stack = vec![j];
        while let Some(j) = stack.pop() {
            let Some(Some(join)) = self.st.joins.get_mut(j) else {
                continue;
            };
            let children = std::mem::take(&mut join.children);
            let (kind, isolated) = (join.kind, join.isolated);
            let owner_name = self
                .st
                .fibers
                .get(join.owner)
                .map(|owner| program.node(owner.at).name.clone())
                .unwrap_or_default();
            join.waiting.clear();
            join.running = 0;
            for (child, generation) in children {
                if !self.st.fibers.is_live(child, generation) {
                    continue;
                }
                let Some(fiber) = self.st.fibers.get_mut(child) else {
                    continue;
                };
                let node = program.node(fiber.at);
                let running = !matches!(fiber.phase, Phase::Enter);
                if let Phase::Children(inner) = fiber.phase {
                    stack.push(inner);
                }
                if let Phase::Token(token) = &fiber.phase {
                    self.st.pending.remove(token);
                    self.st.pending_order.retain(|t| t != token);
                }
                if !fiber.isolated {
                    if let (true, Some(event)) = (running, aborted_event(node.state_type)) {
                        self.st
                            .events
                            .emit(&mut fiber.last_event, now, event, || Json::Null);
                    }
                    if kind == JoinKind::Map && !isolated {
                        let slot = fiber.parent.map_or(0, |(_, s)| s);
                        self.st.events.emit(
                            &mut fiber.last_event,
                            now,
                            EventType::MapIterationAborted,
                            || iteration_details(&owner_name, slot),
                        );
                    }
                }
                let vars = fiber.vars;
                self.st.shared.vars.release(vars);
                self.st.fibers.end(child);
            }
        }
    }
}

/// `{name, index}` of a Map iteration event.
fn iteration_details(name: &str, index: u32) -> Json {
    details([
        ("name", Some(Json::String(name.to_owned()))),
        ("index", Some(Json::Number(index.into()))),
    ])
}

/// Whether a Distributed Map's failures passed its tolerance.
#[allow(clippy::cast_precision_loss)]
fn exceeds(t: &Tolerance) -> bool {
    let percent = if t.total == 0 {
        0.0
    } else {
        t.failed as f64 * 100.0 / t.total as f64
    };
    match (t.count, t.percentage) {
        (None, None) => t.failed > 0,
        (count, percentage) => {
            count.is_some_and(|c| t.failed > c) || percentage.is_some_and(|p| percent > p)
        }
    }
}
