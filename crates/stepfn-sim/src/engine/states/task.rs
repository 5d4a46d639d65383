//! Task: the task input (`InputPath` then `Parameters`, or `Arguments`),
//! the call (a handler, a mock, or a callback the test answers), then the
//! result through `ResultSelector`, `ResultPath` and `OutputPath` (or
//! `Output`), with `Assign` from the result.

use stepfn::builder::errors;
use stepfn::model::{Json, QueryLanguage};

use super::super::task_events::{event, event_type, Step};
use super::super::{io, Engine, FiberId, Flow, StateRoots};
use super::pass::merge;
use super::result::finish;
use super::JsonataEnv;
use crate::eval::{Env, EvalError};
use crate::failure::{Failure, Raised};
use crate::program::{Count, Node, Pattern, Payload, ResourceKind, TaskNode};
use crate::record::{Inspection, Invocation};
use crate::task::{Answer, TaskCall};

/// The task input and the resolved timeouts of one attempt.
pub(crate) struct Prepared {
    /// The task input.
    pub(crate) input: Json,
    /// `TimeoutSeconds`, evaluated.
    pub(crate) timeout: Option<u64>,
    /// `HeartbeatSeconds`, evaluated.
    pub(crate) heartbeat: Option<u64>,
}

impl<'a> Engine<'a> {
    pub(crate) fn task(&mut self, f: FiberId, node: &'a Node, task: &'a TaskNode) -> Flow {
        let raw = match self.st.fibers.get_mut(f) {
            Some(fiber) => std::mem::take(&mut fiber.input),
            None => return Flow::Park,
        };
        let waits = task.resource_kind.pattern() == Pattern::WaitForTaskToken;
        let token = waits.then(|| self.new_token());
        let mut trace = self.config.inspection.then(Inspection::default);
        let mut roots = self.roots(f, node);
        if task.resource_kind != ResourceKind::Activity {
            roots.token = token.as_deref();
        }
        let prepared = prepare(node, task, &raw, &roots, self.st.now, trace.as_mut());
        drop(roots);
        if let (Some(trace), Some(target)) = (trace, self.trace(f)) {
            merge(target, trace);
        }
        if let Some(fiber) = self.st.fibers.get_mut(f) {
            fiber.input = raw;
        }
        let prepared = match prepared {
            Ok(prepared) => prepared,
            Err(e) => {
                let raised = self.interpreter_error(f, node, Raised::from(e));
                return self.state_failed(f, raised);
            }
        };
        self.call(f, node, task, prepared, token)
    }

    /// Calls the resource: scheduled and started events, then the answer.
    fn call(
        &mut self,
        f: FiberId,
        node: &'a Node,
        task: &'a TaskNode,
        prepared: Prepared,
        token: Option<String>,
    ) -> Flow {
        let at = self.st.fibers.get(f).map_or(0, |fiber| fiber.at);
        let invocation = self.st.log.counters.get(at as usize).copied().unwrap_or(0);
        if let Some(counter) = self.st.log.counters.get_mut(at as usize) {
            *counter += 1;
        }
        let waits = token.is_some();
        let (timeout, heartbeat) = (
            literal(task.timeout.as_ref()),
            literal(task.heartbeat.as_ref()),
        );
        self.task_event(
            f,
            task,
            &Step::Scheduled {
                input: &prepared.input,
                timeout,
                heartbeat,
                region: &self.config.region,
            },
        );
        if task.resource_kind != ResourceKind::Activity {
            self.task_event(f, task, &Step::Started { worker: "" });
        }
        let retry_count = self.st.fibers.get(f).map_or(0, |fiber| fiber.retry_count);
        let call = TaskCall {
            state: &node.name,
            resource: &task.resource,
            input: &prepared.input,
            invocation,
            retry_count,
            token: token.as_deref(),
        };
        let answer = self.config.handlers.answer(&call);
        let recorded = self.config.inspection.then(|| {
            self.st.log.invocations.push(Invocation {
                state: node.name.to_string(),
                resource: task.resource.clone(),
                invocation,
                input: prepared.input.clone(),
                outcome: None,
            });
            self.st.log.invocations.len() - 1
        });
        match answer {
            Answer::Done(outcome) => {
                if let Some(i) = recorded {
                    if let Some(record) = self.st.log.invocations.get_mut(i) {
                        record.outcome = Some(outcome.clone());
                    }
                }
                if task.resource_kind == ResourceKind::Activity {
                    self.task_event(f, task, &Step::Started { worker: "handler" });
                }
                self.task_answered(f, outcome.map_err(Raised::new))
            }
            Answer::Missing if waits => {
                let token = token.unwrap_or_default();
                if task.resource_kind != ResourceKind::Activity {
                    self.task_event(f, task, &Step::Submitted);
                }
                self.wait_for_token(f, token, task, prepared, recorded);
                Flow::Park
            }
            Answer::Missing => {
                let failure = Failure::new(
                    errors::RUNTIME,
                    format!(
                        "No handler answers the Task state '{}' (Resource {}): {}",
                        node.name,
                        task.resource,
                        self.config.handlers.unanswered_hint(|| format!(
                            "register one with `Simulator::handler(\"{}\", …)` or \
                             `Simulator::resource_handler`, or mock it in the mock test case",
                            node.name
                        ))
                    ),
                );
                self.task_event(f, task, &Step::Failed(failure.error(), failure.cause()));
                self.state_failed(f, Raised::terminal(failure))
            }
        }
    }

    /// A task's answer: the result pipeline, or its failure.
    pub(crate) fn task_answered(&mut self, f: FiberId, outcome: Result<Json, Raised>) -> Flow {
        let program = self.program;
        let Some(fiber) = self.st.fibers.get(f) else {
            return Flow::Park;
        };
        let node = program.node(fiber.at);
        let crate::program::Kind::Task(task) = &node.kind else {
            return Flow::Park;
        };
        let result = match outcome.and_then(|result| {
            io::check_result(&result, self.config.payload_limit, &node.name).map(|()| result)
        }) {
            Ok(result) => result,
            Err(raised) => {
                let step = if raised.failure.error() == Some(errors::TIMEOUT) {
                    Step::TimedOut(raised.failure.error(), raised.failure.cause())
                } else {
                    Step::Failed(raised.failure.error(), raised.failure.cause())
                };
                self.task_event(f, task, &step);
                return self.state_failed(f, raised);
            }
        };
        self.task_event(f, task, &Step::Succeeded(&result));
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
                let at = self.st.fibers.get(f).map_or(0, |fiber| fiber.at) as usize;
                if let Some(hits) = self.st.log.hits.get_mut(at) {
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

    /// Emits one of the call's events on fiber `f`'s chain.
    pub(crate) fn task_event(&mut self, f: FiberId, task: &TaskNode, step: &Step<'_>) {
        let now = self.st.now;
        if let Some(fiber) = self.st.fibers.get_mut(f) {
            self.st
                .events
                .emit(&mut fiber.last_event, now, event_type(task, step), || {
                    event(task, step).1
                });
        }
    }
}

/// A timeout given as a literal, for the `…Scheduled` event.
fn literal(count: Option<&Count>) -> Option<u64> {
    match count {
        Some(Count::Literal(n)) => Some(*n),
        _ => None,
    }
}

/// The task input and timeouts.
fn prepare(
    node: &Node,
    task: &TaskNode,
    raw: &Json,
    roots: &StateRoots<'_>,
    now: i64,
    mut trace: Option<&mut Inspection>,
) -> Result<Prepared, EvalError> {
    let env = Env { input: raw, roots };
    if node.language == QueryLanguage::Jsonata {
        let jenv = JsonataEnv::new(roots, raw, None);
        let scope = jenv.scope(roots, now);
        let input = match &task.parameters {
            Some(Payload::Jsonata(arguments)) => {
                let value = arguments.evaluate(&scope)?;
                if let Some(t) = trace.as_deref_mut() {
                    t.after_arguments = Some(value.clone());
                }
                value
            }
            _ => raw.clone(),
        };
        let timeout = seconds(task.timeout.as_ref(), env, Some(&scope), "TimeoutSeconds")?;
        let heartbeat = seconds(
            task.heartbeat.as_ref(),
            env,
            Some(&scope),
            "HeartbeatSeconds",
        )?;
        return Ok(Prepared {
            input,
            timeout,
            heartbeat,
        });
    }
    let effective = io::select(&node.io.input_path, env)?;
    if let Some(t) = trace.as_deref_mut() {
        t.after_input_path = Some(effective.clone().into_owned());
    }
    let env = env.with_input(&effective);
    let input = match &task.parameters {
        Some(Payload::Template(parameters)) => {
            let value = parameters.evaluate(env)?;
            if let Some(t) = trace {
                t.after_parameters = Some(value.clone());
            }
            value
        }
        _ => effective.clone().into_owned(),
    };
    let timeout = seconds(task.timeout.as_ref(), env, None, "TimeoutSecondsPath")?;
    let heartbeat = seconds(task.heartbeat.as_ref(), env, None, "HeartbeatSecondsPath")?;
    Ok(Prepared {
        input,
        timeout,
        heartbeat,
    })
}

/// A timeout's seconds: a positive integer.
fn seconds(
    count: Option<&Count>,
    env: Env<'_>,
    scope: Option<&crate::jsonata::Scope<'_>>,
    field: &str,
) -> Result<Option<u64>, EvalError> {
    match count {
        None => Ok(None),
        Some(Count::Literal(n)) => Ok(Some(*n)),
        Some(Count::Path(path)) => {
            let found = path.select(env).map_err(|m| {
                EvalError::runtime(format!("Invalid path '{}' : {}", path.text(), m.0))
            })?;
            match crate::json::as_integer(found.value()) {
                Some(n) if n > 0 => Ok(u64::try_from(n).ok()),
                _ => Err(EvalError::runtime(format!(
                    "The {field} field refers to value {} which is not a positive integer",
                    crate::json::text(found.value())
                ))),
            }
        }
        Some(Count::Jsonata(expr)) => {
            let Some(scope) = scope else { return Ok(None) };
            let value = expr.value(scope)?;
            match crate::json::as_integer(&value) {
                Some(n) if n > 0 => Ok(u64::try_from(n).ok()),
                _ => Err(expr.wrong_type("a positive integer", &value)),
            }
        }
    }
}
