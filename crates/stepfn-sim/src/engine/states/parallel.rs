//! Parallel: every branch gets the same input (`InputPath` then
//! `Parameters`, or `Arguments`); the result is the array of branch
//! outputs in `Branches` order; the first branch failure aborts the others
//! and is the state's own error (its name and cause, not
//! `States.BranchFailed`).

use std::collections::VecDeque;

use stepfn::model::{Json, QueryLanguage};

use super::super::children::JoinSpec;
use super::super::fiber::JoinKind;
use super::super::{io, Engine, FiberId, Flow, JoinId, StateRoots};
use super::result::finish;
use super::JsonataEnv;
use crate::eval::{Env, EvalError};
use crate::failure::Raised;
use crate::history::EventType;
use crate::program::{Kind, Node, Payload, ScopeIdx};
use crate::record::Inspection;

impl<'a> Engine<'a> {
    pub(crate) fn parallel(
        &mut self,
        f: FiberId,
        node: &'a Node,
        branches: &'a [ScopeIdx],
        parameters: Option<&'a Payload>,
    ) -> Flow {
        let Some(fiber) = self.st.fibers.get(f) else {
            return Flow::Park;
        };
        let roots = self.roots(f, node);
        let mut trace = self.config.inspection.then(Inspection::default);
        let input = branch_input(
            node,
            parameters,
            &fiber.input,
            &roots,
            self.st.now,
            trace.as_mut(),
        );
        drop(roots);
        if let (Some(trace), Some(target)) = (trace, self.trace(f)) {
            target.after_input_path = trace.after_input_path;
            target.after_parameters = trace.after_parameters;
            target.after_arguments = trace.after_arguments;
        }
        let input = match input {
            Ok(input) => input,
            Err(e) => {
                let raised = self.interpreter_error(f, node, Raised::from(e));
                return self.state_failed(f, raised);
            }
        };
        let started = self.emit_on(f, EventType::ParallelStateStarted);
        let inputs: VecDeque<(u32, Json)> = (0..branches.len())
            .map(|i| (u32::try_from(i).unwrap_or(u32::MAX), input.clone()))
            .collect();
        self.start_join(
            f,
            JoinSpec {
                kind: JoinKind::Parallel,
                scopes: branches.to_vec(),
                inputs,
                limit: 0,
                tolerated: None,
                isolated: false,
                started_event: started,
                map_run: None,
            },
        );
        Flow::Park
    }

    /// The children of fiber `f`'s Parallel or Map state are done.
    pub(crate) fn joined(&mut self, f: FiberId, j: JoinId) -> Flow {
        let program = self.program;
        let Some(fiber) = self.st.fibers.get(f) else {
            return Flow::Park;
        };
        let node = program.node(fiber.at);
        let Some(join) = self.take_join(j) else {
            return Flow::Park;
        };
        let map = matches!(node.kind, Kind::Map(_));
        let map_run = join.map_run.is_some();
        if let Some(raised) = join.failed {
            if map_run {
                self.map_run_ended(f, Some(&raised));
            }
            self.emit_on(
                f,
                if map {
                    EventType::MapStateFailed
                } else {
                    EventType::ParallelStateFailed
                },
            );
            return self.state_failed(f, raised);
        }
        let result = match &node.kind {
            Kind::Map(map) => {
                match self.write_results(f, node, map, join.results, join.map_run.as_deref()) {
                    Ok(result) => result,
                    Err(raised) => {
                        if map_run {
                            self.map_run_ended(f, Some(&raised));
                        }
                        self.emit_on(f, EventType::MapStateFailed);
                        return self.state_failed(f, raised);
                    }
                }
            }
            _ => Json::Array(join.results),
        };
        if map_run {
            self.map_run_ended(f, None);
        }
        self.emit_on(
            f,
            if map {
                EventType::MapStateSucceeded
            } else {
                EventType::ParallelStateSucceeded
            },
        );
        let raw = match self.st.fibers.get_mut(f) {
            Some(fiber) => std::mem::take(&mut fiber.input),
            None => return Flow::Park,
        };
        let mut trace = self.config.inspection.then(Inspection::default);
        let roots = self.roots(f, node);
        let finished = finish(node, raw, result, &roots, self.st.now, trace.as_mut());
        drop(roots);
        if let (Some(trace), Some(target)) = (trace, self.trace(f)) {
            target.result = trace.result;
            target.after_result_selector = trace.after_result_selector;
            target.after_result_path = trace.after_result_path;
        }
        match finished {
            Ok((output, assigned)) => {
                if let Some(hits) = self
                    .st
                    .log
                    .hits
                    .get_mut(self.st.fibers.get(f).map_or(0, |x| x.at) as usize)
                {
                    hits.next += 1;
                }
                self.leave(f, node, output, node.next, assigned)
            }
            Err((raw, e)) => {
                if let Some(fiber) = self.st.fibers.get_mut(f) {
                    fiber.input = raw;
                }
                let raised = self.interpreter_error(f, node, Raised::from(e));
                self.state_failed(f, raised)
            }
        }
    }

    /// A Distributed Map's `MapRunSucceeded`, or `MapRunFailed` with the
    /// error and cause.
    fn map_run_ended(&mut self, f: FiberId, failure: Option<&Raised>) {
        let now = self.st.now;
        let Some(fiber) = self.st.fibers.get_mut(f) else {
            return;
        };
        match failure {
            None => {
                self.st.events.emit(
                    &mut fiber.last_event,
                    now,
                    EventType::MapRunSucceeded,
                    || Json::Null,
                );
            }
            Some(raised) => {
                self.st
                    .events
                    .emit(&mut fiber.last_event, now, EventType::MapRunFailed, || {
                        let text = |t: Option<&str>| t.map(|t| Json::String(t.to_owned()));
                        crate::history::details([
                            ("error", text(raised.failure.error())),
                            ("cause", text(raised.failure.cause())),
                        ])
                    });
            }
        }
    }

    /// Emits a details-less event on fiber `f`'s chain; returns its id.
    pub(crate) fn emit_on(&mut self, f: FiberId, event: EventType) -> u64 {
        let now = self.st.now;
        match self.st.fibers.get_mut(f) {
            Some(fiber) if !fiber.isolated => {
                self.st
                    .events
                    .emit(&mut fiber.last_event, now, event, || Json::Null)
            }
            Some(fiber) => fiber.last_event,
            None => 0,
        }
    }
}

/// The input every branch gets.
fn branch_input(
    node: &Node,
    parameters: Option<&Payload>,
    raw: &Json,
    roots: &StateRoots<'_>,
    now: i64,
    mut trace: Option<&mut Inspection>,
) -> Result<Json, EvalError> {
    if node.language == QueryLanguage::Jsonata {
        return match parameters {
            Some(Payload::Jsonata(arguments)) => {
                let env = JsonataEnv::new(roots, raw, None);
                let value = arguments.evaluate(&env.scope(roots, now))?;
                if let Some(t) = trace {
                    t.after_arguments = Some(value.clone());
                }
                Ok(value)
            }
            _ => Ok(raw.clone()),
        };
    }
    let env = Env { input: raw, roots };
    let effective = io::select(&node.io.input_path, env)?;
    if let Some(t) = trace.as_deref_mut() {
        t.after_input_path = Some(effective.clone().into_owned());
    }
    match parameters {
        Some(Payload::Template(template)) => {
            let value = template.evaluate(env.with_input(&effective))?;
            if let Some(t) = trace {
                t.after_parameters = Some(value.clone());
            }
            Ok(value)
        }
        _ => Ok(effective.into_owned()),
    }
}
