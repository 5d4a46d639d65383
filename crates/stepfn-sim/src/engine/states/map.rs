//! Map: the items (`ItemsPath` on the effective input, JSONata `Items`, or
//! a Distributed Map's `ItemReader`), each item's input (`ItemSelector`
//! with `$$.Map.Item`, then `ItemBatcher`), iterations run at most
//! `MaxConcurrency` at a time, results in item order (or a `ResultWriter`
//! summary). An inline Map fails at its first failed iteration; a
//! Distributed Map when its failures pass the tolerated count or
//! percentage.

use std::collections::VecDeque;

use stepfn::builder::errors;
use stepfn::model::{Json, JsonObject, QueryLanguage};

use super::super::children::JoinSpec;
use super::super::fiber::{JoinKind, Tolerance};
use super::super::{io, Engine, FiberId, Flow, StateRoots};
use super::JsonataEnv;
use crate::eval::{Env, EvalError};
use crate::failure::Raised;
use crate::history::{details, EventType};
use crate::jsonata::query_error;
use crate::program::{Count, Items, MapNode, Node, Payload, Percentage};
use crate::record::Inspection;

/// Concurrent iterations of an inline Map when `MaxConcurrency` is 0 or
/// absent (AWS's ceiling).
const INLINE_CEILING: usize = 40;
/// Concurrent child executions of a Distributed Map when unset.
const DISTRIBUTED_CEILING: usize = 10_000;

/// Everything a Map's iterations need, worked out before they start.
struct Plan {
    inputs: VecDeque<(u32, Json)>,
    limit: usize,
    tolerated: Option<Tolerance>,
}

impl<'a> Engine<'a> {
    pub(crate) fn map(&mut self, f: FiberId, node: &'a Node, map: &'a MapNode) -> Flow {
        let mut raw = match self.st.fibers.get_mut(f) {
            Some(fiber) => std::mem::take(&mut fiber.input),
            None => return Flow::Park,
        };
        let read = match &map.reader {
            Some(reader) => self.read_items(f, node, reader, &raw),
            None if self.may_take_items(node, map) => match &mut raw {
                // Nothing reads the input after the items: move them out.
                Json::Array(items) => Ok(Some(std::mem::take(items))),
                _ => Ok(None),
            },
            None => Ok(None),
        };
        let mut trace = self.config.inspection.then(Inspection::default);
        let roots = self.roots(f, node);
        let plan = read.and_then(|read| {
            plan(node, map, &raw, read, &roots, self.st.now, trace.as_mut()).map_err(Raised::from)
        });
        drop(roots);
        if let Some(fiber) = self.st.fibers.get_mut(f) {
            fiber.input = raw;
        }
        if let (Some(trace), Some(target)) = (trace, self.trace(f)) {
            target.after_input_path = trace.after_input_path;
        }
        let plan = match plan {
            Ok(plan) => plan,
            Err(raised) => {
                let raised = if raised.failure.error() == Some(errors::RUNTIME)
                    || raised.failure.error() == Some(errors::QUERY_EVALUATION_ERROR)
                    || raised.failure.error() == Some(errors::INTRINSIC_FAILURE)
                {
                    self.interpreter_error(f, node, raised)
                } else {
                    raised
                };
                return self.state_failed(f, raised);
            }
        };
        let length = plan.inputs.len();
        let now = self.st.now;
        let started = match self.st.fibers.get_mut(f) {
            Some(fiber) if !fiber.isolated => self.st.events.emit(
                &mut fiber.last_event,
                now,
                EventType::MapStateStarted,
                || {
                    details([(
                        "length",
                        Some(crate::json::int(i64::try_from(length).unwrap_or(i64::MAX))),
                    )])
                },
            ),
            Some(fiber) => fiber.last_event,
            None => return Flow::Park,
        };
        let (started, map_run) = if map.distributed {
            self.map_run_started(f, node, map, started)
        } else {
            (started, None)
        };
        self.start_join(
            f,
            JoinSpec {
                kind: JoinKind::Map,
                scopes: vec![map.processor],
                inputs: plan.inputs,
                limit: plan.limit,
                tolerated: plan.tolerated,
                isolated: map.distributed,
                started_event: started,
                map_run,
            },
        );
        Flow::Park
    }

    /// A Distributed Map's run: its ARN (the machine's, as a `mapRun`,
    /// with the state's `Label`, or its name, and a run id from the seed)
    /// and its `MapRunStarted` event after `started`; returns that event's
    /// id.
    fn map_run_started(
        &mut self,
        f: FiberId,
        node: &Node,
        map: &MapNode,
        started: u64,
    ) -> (u64, Option<String>) {
        let id = {
            let mut rng = self.st.shared.rng.borrow_mut();
            let (high, low) = (rng.next_u64(), rng.next_u64());
            stepfn_jsonata::random::uuid_v4(high, low)
        };
        let arn = format!(
            "{}/{}:{id}",
            self.st
                .shared
                .info
                .machine_arn
                .replacen(":stateMachine:", ":mapRun:", 1),
            map.label.as_deref().unwrap_or(&node.name)
        );
        let now = self.st.now;
        let event = match self.st.fibers.get_mut(f) {
            Some(fiber) => {
                self.st
                    .events
                    .emit(&mut fiber.last_event, now, EventType::MapRunStarted, || {
                        details([("mapRunArn", Some(Json::String(arn.clone())))])
                    })
            }
            None => started,
        };
        (event, Some(arn))
    }

    /// Whether the Map's input is needed once its items are taken: not
    /// when the items are the whole input, nothing else reads it (no
    /// `ItemSelector`, `ItemBatcher`, `ResultPath`, Retry or Catch) and
    /// nothing is being recorded.
    fn may_take_items(&self, node: &Node, map: &MapNode) -> bool {
        node.language == QueryLanguage::JsonPath
            && !self.config.inspection
            && matches!(&map.items, Items::Path(path) if path.is_identity())
            && matches!(node.io.input_path, crate::program::Select::Whole)
            && matches!(node.io.result_path, crate::program::Place::Whole)
            && map.item_selector.is_none()
            && map.batcher.is_none()
            && node.catch.is_empty()
            && node.retry.is_empty()
    }
}

/// Works out the items, their inputs, the concurrency and the tolerance.
fn plan(
    node: &Node,
    map: &MapNode,
    raw: &Json,
    read: Option<Vec<Json>>,
    roots: &StateRoots<'_>,
    now: i64,
    trace: Option<&mut Inspection>,
) -> Result<Plan, EvalError> {
    let jsonata = node.language == QueryLanguage::Jsonata;
    let env = Env { input: raw, roots };
    let effective = if jsonata {
        std::borrow::Cow::Borrowed(raw)
    } else {
        io::select(&node.io.input_path, env)?
    };
    if let Some(t) = trace {
        t.after_input_path = Some(effective.clone().into_owned());
    }
    let env = env.with_input(&effective);
    let jenv = jsonata.then(|| JsonataEnv::new(roots, raw, None));
    let scope = jenv.as_ref().map(|e| e.scope(roots, now));
    let items: Vec<Json> = match read {
        Some(items) => items,
        None => match &map.items {
            Items::Path(path) => {
                let found = path.select(env).map_err(|m| {
                    EvalError::runtime(format!("Invalid path '{}' : {}", path.text(), m.0))
                })?;
                match found.value() {
                    Json::Array(items) => items.clone(),
                    _ => {
                        return Err(EvalError::runtime(format!(
                            "Reference path \"{}\" must point to array.",
                            path.text()
                        )))
                    }
                }
            }
            Items::Jsonata(value) => match scope.as_ref() {
                Some(scope) => match value.evaluate(scope)? {
                    Json::Array(items) => items,
                    other => return Err(not_an_array(&other)),
                },
                None => Vec::new(),
            },
            Items::Input => match raw {
                Json::Array(items) => items.clone(),
                other => return Err(not_an_array(other)),
            },
        },
    };
    let limit = match &map.max_concurrency {
        None => 0,
        Some(Count::Literal(n)) => usize::try_from(*n).unwrap_or(usize::MAX),
        Some(Count::Path(path)) => {
            let found = path.select(env).map_err(|m| {
                EvalError::runtime(format!("Invalid path '{}' : {}", path.text(), m.0))
            })?;
            match crate::json::as_integer(found.value()) {
                Some(n) if n >= 0 => usize::try_from(n).unwrap_or(usize::MAX),
                _ => {
                    return Err(EvalError::runtime(format!(
                        "The MaxConcurrencyPath field refers to value \"{}\" which is not a valid integer",
                        crate::json::text(found.value()).trim_matches('"')
                    )))
                }
            }
        }
        Some(Count::Jsonata(expr)) => match scope.as_ref() {
            Some(scope) => {
                let value = expr.value(scope)?;
                match crate::json::as_integer(&value) {
                    Some(n) if n >= 0 => usize::try_from(n).unwrap_or(usize::MAX),
                    _ => return Err(expr.wrong_type("a non-negative integer", &value)),
                }
            }
            None => 0,
        },
    };
    let ceiling = if map.distributed {
        DISTRIBUTED_CEILING
    } else {
        INLINE_CEILING
    };
    let limit = if limit == 0 {
        ceiling
    } else {
        limit.min(ceiling)
    };
    let total = items.len();
    let mut inputs = VecDeque::with_capacity(total);
    for (i, item) in items.into_iter().enumerate() {
        let index = u32::try_from(i).unwrap_or(u32::MAX);
        let input = match &map.item_selector {
            None => item,
            Some(Payload::Template(selector)) => {
                let item_roots = roots.with_item(index, &item);
                selector.evaluate(Env {
                    input: &effective,
                    roots: &item_roots,
                })?
            }
            Some(Payload::Jsonata(selector)) => {
                let item_roots = roots.with_item(index, &item);
                let env = JsonataEnv::new(&item_roots, raw, None);
                selector.evaluate(&env.scope(&item_roots, now))?
            }
        };
        inputs.push_back((index, input));
    }
    if let Some(batcher) = &map.batcher {
        inputs = batches(batcher, inputs, env, scope.as_ref())?;
    }
    let tolerated = if map.distributed {
        Some(Tolerance {
            count: match &map.tolerated_count {
                None => None,
                Some(Count::Literal(n)) => Some(*n),
                Some(Count::Path(path)) => {
                    let found = path.select(env).map_err(|m| {
                        EvalError::runtime(format!("Invalid path '{}' : {}", path.text(), m.0))
                    })?;
                    match crate::json::as_integer(found.value()) {
                        Some(n) if n >= 0 => u64::try_from(n).ok(),
                        Some(_) => return Err(EvalError::runtime("ToleratedFailureCount cannot be negative.")),
                        None => {
                            return Err(EvalError::runtime(format!(
                                "The ToleratedFailureCountPath field refers to value {} which is not a valid integer",
                                crate::json::text(found.value())
                            )))
                        }
                    }
                }
                Some(Count::Jsonata(expr)) => match scope.as_ref() {
                    Some(scope) => {
                        let value = expr.value(scope)?;
                        match crate::json::as_integer(&value) {
                            Some(n) if n >= 0 => u64::try_from(n).ok(),
                            _ => return Err(expr.wrong_type("a non-negative integer", &value)),
                        }
                    }
                    None => None,
                },
            },
            percentage: match &map.tolerated_percentage {
                None => None,
                Some(Percentage::Literal(p)) => Some(*p),
                Some(Percentage::Path(path)) => {
                    let found = path.select(env).map_err(|m| {
                        EvalError::runtime(format!("Invalid path '{}' : {}", path.text(), m.0))
                    })?;
                    match found.value() {
                        Json::Number(n) if (0.0..=100.0).contains(&n.as_f64()) => Some(n.as_f64()),
                        _ => {
                            return Err(EvalError::runtime(
                                "ToleratedFailurePercentage must be between 0 and 100",
                            ))
                        }
                    }
                }
                Some(Percentage::Jsonata(expr)) => match scope.as_ref() {
                    Some(scope) => match expr.value(scope)? {
                        Json::Number(n) if (0.0..=100.0).contains(&n.as_f64()) => Some(n.as_f64()),
                        other => return Err(expr.wrong_type("a number between 0 and 100", &other)),
                    },
                    None => None,
                },
            },
            failed: 0,
            total: inputs.len() as u64,
        })
    } else {
        None
    };
    Ok(Plan {
        inputs,
        limit,
        tolerated,
    })
}

/// `States.QueryEvaluationError` for JSONata items that are not an array.
fn not_an_array(value: &Json) -> EvalError {
    query_error(format!(
        "Map state input must be an array but was: {}",
        crate::json::text(value)
    ))
}

/// Groups item inputs into `ItemBatcher` batches: `{"Items": […],
/// "BatchInput": …}`, at most `MaxItemsPerBatch` items and
/// `MaxInputBytesPerBatch` bytes each.
fn batches(
    batcher: &crate::program::Batcher,
    inputs: VecDeque<(u32, Json)>,
    env: Env<'_>,
    scope: Option<&crate::jsonata::Scope<'_>>,
) -> Result<VecDeque<(u32, Json)>, EvalError> {
    let limit = |count: &Option<Count>| -> Result<Option<usize>, EvalError> {
        match count {
            None => Ok(None),
            Some(Count::Literal(n)) => Ok(usize::try_from(*n).ok()),
            Some(Count::Path(path)) => {
                let found = path.select(env).map_err(|m| {
                    EvalError::runtime(format!("Invalid path '{}' : {}", path.text(), m.0))
                })?;
                match crate::json::as_integer(found.value()) {
                    Some(n) if n > 0 => Ok(usize::try_from(n).ok()),
                    _ => Err(EvalError::runtime(format!(
                        "The {} field refers to value {} which is not a positive integer",
                        path.text(),
                        crate::json::text(found.value())
                    ))),
                }
            }
            Some(Count::Jsonata(expr)) => match scope {
                Some(scope) => {
                    let value = expr.value(scope)?;
                    match crate::json::as_integer(&value) {
                        Some(n) if n > 0 => Ok(usize::try_from(n).ok()),
                        _ => Err(expr.wrong_type("a positive integer", &value)),
                    }
                }
                None => Ok(None),
            },
        }
    };
    let max_items = limit(&batcher.max_items)?.unwrap_or(usize::MAX).max(1);
    let max_bytes = limit(&batcher.max_bytes)?.unwrap_or(256 * 1024);
    let batch_input = match (&batcher.batch_input, scope) {
        (Some(Payload::Template(t)), _) => Some(t.evaluate(env)?),
        (Some(Payload::Jsonata(v)), Some(scope)) => Some(v.evaluate(scope)?),
        _ => None,
    };
    let mut out = VecDeque::new();
    let mut current: Vec<Json> = Vec::new();
    let mut bytes = 0;
    let flush = |current: &mut Vec<Json>, out: &mut VecDeque<(u32, Json)>| {
        if current.is_empty() {
            return;
        }
        let mut batch = JsonObject::new();
        batch.insert("Items".into(), Json::Array(std::mem::take(current)));
        if let Some(input) = &batch_input {
            batch.insert("BatchInput".into(), input.clone());
        }
        let index = u32::try_from(out.len()).unwrap_or(u32::MAX);
        out.push_back((index, Json::Object(batch)));
    };
    for (_, item) in inputs {
        let size = crate::json::text(&item).len();
        if !current.is_empty() && (current.len() >= max_items || bytes + size > max_bytes) {
            flush(&mut current, &mut out);
            bytes = 0;
        }
        bytes += size;
        current.push(item);
    }
    flush(&mut current, &mut out);
    Ok(out)
}
