//! What happens when a state fails: the first retrier that matches the
//! error retries it after its back-off (if it has attempts left), else the
//! first catcher that matches sends the Error Output on, else the failure
//! ends the fiber's scope. `States.Runtime` and the other terminal errors
//! skip both.

use stepfn::builder::errors;
use stepfn::model::{JitterStrategy, Json, QueryLanguage};

use super::{io, Engine, FiberId, Flow, Phase, What};
use crate::eval::Env;
use crate::failure::Raised;
use crate::history::{details, s, EventType};
use crate::jsonata;
use crate::program::Retrier;
use crate::record::{Delay, DelayKind};

impl Engine<'_> {
    /// Handles a failure of fiber `f`'s current state.
    pub(crate) fn state_failed(&mut self, f: FiberId, raised: Raised) -> Flow {
        let program = self.program;
        self.record_failure(f, &raised.failure);
        if raised.failure.error() == Some(errors::QUERY_EVALUATION_ERROR) {
            self.evaluation_failed(f, &raised);
        }
        let Some(fiber) = self.st.fibers.get(f) else {
            return Flow::Park;
        };
        let at = fiber.at;
        let node = program.node(at);
        if raised.terminal {
            return Flow::Finished(Box::new(Err(raised)));
        }
        if let Some((i, retrier)) = node
            .retry
            .iter()
            .enumerate()
            .find(|(_, r)| raised.matches(&r.error_equals))
        {
            let single = self
                .config
                .single
                .as_ref()
                .filter(|_| fiber.parent.is_none());
            let used = match single {
                Some(single) => u64::from(single.retry_count),
                None => fiber.attempts.get(i).copied().unwrap_or(0),
            };
            if used < retrier.max_attempts && single.is_some() {
                self.st.single.retriable = true;
                return Flow::Finished(Box::new(Err(raised)));
            }
            if used < retrier.max_attempts {
                let seconds = self.back_off(retrier, used);
                let now = self.st.now;
                if let Some(fiber) = self.st.fibers.get_mut(f) {
                    if fiber.attempts.len() <= i {
                        fiber.attempts.resize(i + 1, 0);
                    }
                    if let Some(count) = fiber.attempts.get_mut(i) {
                        *count += 1;
                    }
                    fiber.retry_count = fiber.retry_count.saturating_add(1);
                    fiber.phase = Phase::Attempt;
                }
                if let Some(hits) = self.st.log.hits.get_mut(at as usize) {
                    if let Some(count) = hits.retriers.get_mut(i) {
                        *count += 1;
                    }
                }
                if self.config.inspection {
                    self.st.log.delays.push(Delay {
                        state: node.name.to_string(),
                        kind: DelayKind::Retry,
                        seconds,
                        from_millis: now,
                    });
                }
                let generation = self.generation(f);
                self.push(
                    now.saturating_add(millis(seconds)),
                    What::Fiber(f, generation),
                );
                return Flow::Park;
            }
        }
        let Some((i, catcher)) = node
            .catch
            .iter()
            .enumerate()
            .find(|(_, c)| raised.matches(&c.error_equals))
        else {
            return Flow::Finished(Box::new(Err(raised)));
        };
        if let Some(hits) = self.st.log.hits.get_mut(at as usize) {
            if let Some(count) = hits.catchers.get_mut(i) {
                *count += 1;
            }
        }
        if self.config.single.is_some() && fiber.parent.is_none() {
            self.st.single.caught = true;
        }
        let error_output = raised.failure.error_output();
        let raw = self
            .st
            .fibers
            .get_mut(f)
            .map(|fiber| std::mem::take(&mut fiber.input))
            .unwrap_or_default();
        let roots = self.roots(f, node);
        let caught = if node.language == QueryLanguage::Jsonata {
            let context = crate::eval::Roots::context(&roots).clone();
            let states = io::states_object(&raw, &context, None, Some(&error_output));
            let scope = jsonata::Scope {
                states: &states,
                variables: roots.variables(),
                millis: self.st.now,
                seed: crate::eval::Roots::random(&roots),
            };
            let output = match &catcher.output {
                Some(output) => output.evaluate(&scope),
                None => Ok(error_output.clone()),
            };
            output.and_then(|output| {
                let assigned = match &catcher.assign {
                    Some(assign) => io::assign(
                        assign,
                        Env {
                            input: &raw,
                            roots: &roots,
                        },
                        Some(&scope),
                    )?,
                    None => Default::default(),
                };
                Ok((output, assigned))
            })
        } else {
            let assigned = match &catcher.assign {
                Some(assign) => io::assign(
                    assign,
                    Env {
                        input: &error_output,
                        roots: &roots,
                    },
                    None,
                ),
                None => Ok(Default::default()),
            };
            assigned.and_then(|assigned| {
                Ok((
                    io::place(&catcher.result_path, raw, error_output)?,
                    assigned,
                ))
            })
        };
        drop(roots);
        match caught {
            Ok((output, assigned)) => self.leave(f, node, output, Some(catcher.next), assigned),
            Err(e) => {
                let raised = self.interpreter_error(f, node, Raised::from(e));
                Flow::Finished(Box::new(Err(raised)))
            }
        }
    }

    /// `EvaluationFailed`: a JSONata expression failed in fiber `f`'s
    /// state, before any retrier or catcher sees the error. `location` is
    /// the field the cause names.
    fn evaluation_failed(&mut self, f: FiberId, raised: &Raised) {
        if !self.events_recording() {
            return;
        }
        let now = self.st.now;
        let program = self.program;
        let Some(fiber) = self.st.fibers.get_mut(f) else {
            return;
        };
        let node = program.node(fiber.at);
        let cause = raised.failure.cause().unwrap_or_default();
        let location = cause
            .split_once("for the field '")
            .and_then(|(_, rest)| rest.split_once('\''))
            .map(|(field, _)| field.to_owned());
        self.st.events.emit(
            &mut fiber.last_event,
            now,
            EventType::EvaluationFailed,
            || {
                details([
                    ("error", s(errors::QUERY_EVALUATION_ERROR)),
                    ("cause", s(cause)),
                    ("location", location.map(Json::String)),
                    ("state", s(&*node.name)),
                ])
            },
        );
    }

    /// The back-off before retry number `used + 1`: `IntervalSeconds ×
    /// BackoffRate^used`, capped by `MaxDelaySeconds`, then drawn uniformly
    /// below that with `FULL` jitter.
    fn back_off(&self, retrier: &Retrier, used: u64) -> f64 {
        let exponent = i32::try_from(used).unwrap_or(i32::MAX);
        let mut delay = retrier.interval_seconds * retrier.backoff_rate.powi(exponent);
        if let Some(max) = retrier.max_delay_seconds {
            delay = delay.min(max);
        }
        if !delay.is_finite() {
            delay = f64::from(u32::MAX);
        }
        if retrier.jitter == JitterStrategy::Full {
            delay *= self.st.shared.rng.borrow_mut().next_f64();
        }
        delay
    }
}

/// Seconds to whole milliseconds on the virtual clock.
#[allow(clippy::cast_possible_truncation)]
pub(crate) fn millis(seconds: f64) -> i64 {
    let ms = (seconds * 1000.0).round();
    if ms >= 9.0e15 {
        9_000_000_000_000_000
    } else {
        ms.max(0.0) as i64
    }
}
