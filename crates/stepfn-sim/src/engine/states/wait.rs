//! Wait: `Seconds`, `SecondsPath`, `Timestamp` or `TimestampPath` (or
//! their JSONata forms) decide when the state leaves; the virtual clock
//! jumps there at once. A timestamp in the past leaves at once.

use stepfn::model::{Json, JsonObject, QueryLanguage};

use super::super::handle::millis;
use super::super::{io, Engine, FiberId, Flow, Phase, StateRoots, What};
use super::JsonataEnv;
use crate::clock::parse_millis;
use crate::eval::{Env, EvalError};
use crate::failure::Raised;
use crate::program::{Node, WaitFor};
use crate::record::{Delay, DelayKind};

/// The longest wait AWS accepts: 2^31 - 1 seconds.
const MAX_WAIT_SECONDS: i64 = 2_147_483_647;

impl<'a> Engine<'a> {
    pub(crate) fn wait(&mut self, f: FiberId, node: &'a Node, wait: &'a WaitFor) -> Flow {
        let raw = match self.st.fibers.get_mut(f) {
            Some(fiber) => std::mem::take(&mut fiber.input),
            None => return Flow::Park,
        };
        let now = self.st.now;
        let roots = self.roots(f, node);
        let outcome = if node.language == QueryLanguage::Jsonata {
            jsonata(node, wait, raw, &roots, now)
        } else {
            jsonpath(node, wait, raw, &roots, now)
        };
        drop(roots);
        let (until, output, assigned) = match outcome {
            Ok(done) => done,
            Err(e) => {
                let raised = self.interpreter_error(f, node, Raised::from(e));
                return self.state_failed(f, raised);
            }
        };
        if until <= now {
            return self.waited(f, output, assigned);
        }
        if self.config.inspection {
            #[allow(clippy::cast_precision_loss)]
            self.st.log.delays.push(Delay {
                state: node.name.to_string(),
                kind: DelayKind::Wait,
                seconds: (until - now) as f64 / 1000.0,
                from_millis: now,
            });
        }
        if let Some(fiber) = self.st.fibers.get_mut(f) {
            fiber.phase = Phase::Waited(Box::new((output, assigned)));
        }
        let generation = self.generation(f);
        self.push(until, What::Fiber(f, generation));
        Flow::Park
    }

    /// The wait is over: leave the Wait state.
    pub(crate) fn waited(&mut self, f: FiberId, output: Json, assigned: JsonObject) -> Flow {
        let program = self.program;
        let Some(fiber) = self.st.fibers.get(f) else {
            return Flow::Park;
        };
        let at = fiber.at;
        let node = program.node(at);
        if let Some(hits) = self.st.log.hits.get_mut(at as usize) {
            hits.next += 1;
        }
        self.leave(f, node, output, node.next, assigned)
    }
}

/// The end of the wait, the output and the assignments, in JSONPath.
fn jsonpath(
    node: &Node,
    wait: &WaitFor,
    raw: Json,
    roots: &StateRoots<'_>,
    now: i64,
) -> Result<(i64, Json, JsonObject), EvalError> {
    let env = Env { input: &raw, roots };
    let effective = io::select(&node.io.input_path, env)?;
    let env = env.with_input(&effective);
    let until = match wait {
        WaitFor::Seconds(seconds) => after(now, i64::try_from(*seconds).unwrap_or(i64::MAX))?,
        WaitFor::SecondsPath(path) => {
            let found = path.select(env).map_err(|m| {
                EvalError::runtime(format!("Invalid path '{}' : {}", path.text(), m.0))
            })?;
            let value = found.value();
            let seconds = crate::json::as_integer(value).ok_or_else(|| {
                EvalError::runtime(format!(
                    "The SecondsPath parameter references the value {} which cannot be parsed as a long value.",
                    crate::json::text(value)
                ))
            })?;
            if seconds < 0 {
                return Err(EvalError::runtime(format!(
                    "The SecondsPath parameter references a negative value: {seconds}"
                )));
            }
            after(now, seconds)?
        }
        WaitFor::Timestamp(text) => parse_millis(text).ok_or_else(|| {
            EvalError::runtime(format!(
                "The Timestamp {text:?} is not an RFC 3339 timestamp"
            ))
        })?,
        WaitFor::TimestampPath(path) => {
            let found = path.select(env).map_err(|m| {
                EvalError::runtime(format!("Invalid path '{}' : {}", path.text(), m.0))
            })?;
            let value = found.value();
            value.as_str().and_then(parse_millis).ok_or_else(|| {
                EvalError::runtime(format!(
                    "The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: {}",
                    crate::json::text(value)
                ))
            })?
        }
        WaitFor::JsonataSeconds(_) | WaitFor::JsonataTimestamp(_) => now,
    };
    let assigned = match &node.io.assign {
        Some(assign) => io::assign(assign, env, None)?,
        None => JsonObject::new(),
    };
    let output = io::select_owned(&node.io.output_path, effective.into_owned(), roots)?;
    Ok((until, output, assigned))
}

/// The same in JSONata.
fn jsonata(
    node: &Node,
    wait: &WaitFor,
    raw: Json,
    roots: &StateRoots<'_>,
    now: i64,
) -> Result<(i64, Json, JsonObject), EvalError> {
    let env = JsonataEnv::new(roots, &raw, None);
    let scope = env.scope(roots, now);
    let until = match wait {
        WaitFor::Seconds(seconds) => after(now, i64::try_from(*seconds).unwrap_or(i64::MAX))?,
        WaitFor::JsonataSeconds(expr) => {
            let value = expr.value(&scope)?;
            match crate::json::as_integer(&value) {
                Some(seconds) if seconds >= 0 => after(now, seconds)?,
                _ => return Err(expr.wrong_type("a non-negative integer", &value)),
            }
        }
        WaitFor::Timestamp(text) => parse_millis(text).unwrap_or(now),
        WaitFor::JsonataTimestamp(expr) => {
            let value = expr.value(&scope)?;
            match value.as_str().and_then(parse_millis) {
                Some(until) => until,
                None => return Err(expr.wrong_type("an RFC 3339 timestamp string", &value)),
            }
        }
        WaitFor::SecondsPath(_) | WaitFor::TimestampPath(_) => now,
    };
    let output = match &node.io.output {
        Some(output) => output.evaluate(&scope)?,
        None => raw.clone(),
    };
    let assigned = match &node.io.assign {
        Some(assign) => io::assign(assign, Env { input: &raw, roots }, Some(&scope))?,
        None => JsonObject::new(),
    };
    Ok((until, output, assigned))
}

/// `now` plus `seconds`, refusing waits longer than AWS allows.
fn after(now: i64, seconds: i64) -> Result<i64, EvalError> {
    if seconds > MAX_WAIT_SECONDS {
        return Err(EvalError::runtime("Wait state delay is too long"));
    }
    #[allow(clippy::cast_precision_loss)]
    Ok(now.saturating_add(millis(seconds as f64)))
}
