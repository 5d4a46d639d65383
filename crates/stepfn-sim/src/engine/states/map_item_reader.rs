//! A Distributed Map's `ItemReader`: the handler for the Map state (or the
//! reader's `Resource`), with the evaluated `Parameters` / `Arguments`,
//! stands in for S3; what it returns is read as `ReaderConfig` says, and
//! `MaxItems` keeps the first items. A listing with `Transformation:
//! LOAD_AND_FLATTEN` then reads each listed object with one more call
//! (`Resource` `arn:aws:states:::s3:getObject`, `{"Bucket", "Key"}`), each
//! counted as an invocation of the Map state.

use stepfn::builder::errors;
use stepfn::model::{Json, JsonObject};

use super::super::{Engine, FiberId};
use super::JsonataEnv;
use crate::eval::{Env, EvalError};
use crate::failure::{Failure, Raised};
use crate::program::{Count, Node, Payload, Reader};
use crate::task::{Answer, TaskCall};

impl<'a> Engine<'a> {
    /// The items of a Distributed Map with an `ItemReader`.
    pub(crate) fn read_items(
        &mut self,
        f: FiberId,
        node: &'a Node,
        reader: &'a Reader,
        raw: &Json,
    ) -> Result<Option<Vec<Json>>, Raised> {
        let roots = self.roots(f, node);
        let parameters = match &reader.parameters {
            Some(Payload::Template(t)) => t.evaluate(Env {
                input: raw,
                roots: &roots,
            }),
            Some(Payload::Jsonata(v)) => {
                let env = JsonataEnv::new(&roots, raw, None);
                v.evaluate(&env.scope(&roots, self.st.now))
            }
            None => Ok(Json::Object(JsonObject::new())),
        };
        let max_items = match &reader.max_items {
            None => Ok(None),
            Some(Count::Literal(n)) => Ok(Some(*n)),
            Some(Count::Path(path)) => match path.select(Env {
                input: raw,
                roots: &roots,
            }) {
                Ok(found) => max_items(found.value()),
                Err(m) => Err(Raised::from(EvalError::runtime(format!(
                    "Invalid path '{}' : {}",
                    path.text(),
                    m.0
                )))),
            },
            Some(Count::Jsonata(expr)) => {
                let env = JsonataEnv::new(&roots, raw, None);
                match expr.value(&env.scope(&roots, self.st.now)) {
                    Ok(value) => match crate::json::as_integer(&value) {
                        Some(_) => max_items(&value),
                        None => Err(Raised::from(
                            expr.wrong_type("a non-negative integer", &value),
                        )),
                    },
                    Err(e) => Err(Raised::from(e)),
                }
            }
        };
        drop(roots);
        let parameters = parameters.map_err(Raised::from)?;
        let max_items = max_items?;
        let invocation = self.next_invocation(f);
        let call = TaskCall {
            state: &node.name,
            resource: &reader.resource,
            input: &parameters,
            invocation,
            retry_count: 0,
            token: None,
        };
        let answer = self.answer_reader(&call)?;
        // `MaxItems` 0 (or absent) keeps every item.
        let limit = match max_items {
            Some(n) if n > 0 => usize::try_from(n).unwrap_or(usize::MAX),
            _ => usize::MAX,
        };
        let format = &reader.format;
        let listed = format
            .items(
                &node.name,
                answer,
                if format.load_and_flatten {
                    usize::MAX
                } else {
                    limit
                },
            )
            .map_err(reader_failed)?;
        if !format.load_and_flatten {
            return Ok(Some(listed));
        }
        let bucket = match &parameters {
            Json::Object(o) => o.get("Bucket").cloned().unwrap_or_default(),
            _ => Json::Null,
        };
        let mut items = Vec::new();
        for object in listed {
            if items.len() >= limit {
                break;
            }
            let key = match &object {
                Json::Object(o) => o.get("Key").cloned(),
                _ => None,
            }
            .ok_or_else(|| {
                reader_failed(format!(
                    "An object listed for the ItemReader of state '{}' has no Key: list objects as \
                     ListObjectsV2 does ({{\"Key\": …}})",
                    node.name
                ))
            })?;
            let request = Json::Object(
                [
                    ("Bucket".to_owned(), bucket.clone()),
                    ("Key".to_owned(), key),
                ]
                .into_iter()
                .collect(),
            );
            let invocation = self.next_invocation(f);
            let call = TaskCall {
                state: &node.name,
                resource: GET_OBJECT,
                input: &request,
                invocation,
                retry_count: 0,
                token: None,
            };
            let answer = self.answer_reader(&call)?;
            let read = format
                .object_items(&node.name, answer, limit - items.len())
                .map_err(reader_failed)?;
            items.extend(read);
        }
        Ok(Some(items))
    }

    /// The next invocation number of fiber `f`'s state, counted.
    fn next_invocation(&mut self, f: FiberId) -> u64 {
        let at = self.st.fibers.get(f).map_or(0, |fiber| fiber.at) as usize;
        let invocation = self.st.log.counters.get(at).copied().unwrap_or(0);
        if let Some(counter) = self.st.log.counters.get_mut(at) {
            *counter += 1;
        }
        invocation
    }

    /// What the handler (or mock) answering a reader call returned.
    fn answer_reader(&self, call: &TaskCall<'_>) -> Result<Json, Raised> {
        match self.config.handlers.answer(call) {
            Answer::Done(Ok(answer)) => Ok(answer),
            Answer::Done(Err(failure)) => Err(Raised::new(failure)),
            Answer::Missing => Err(Raised::terminal(Failure::new(
                errors::RUNTIME,
                format!(
                    "No handler answers the ItemReader of Map state '{}' (Resource {}): {}",
                    call.state(),
                    call.resource(),
                    self.config.handlers.unanswered_hint(|| format!(
                        "register one with `Simulator::handler(\"{}\", …)` returning the S3 \
                         object's text or the array of items",
                        call.state()
                    ))
                ),
            ))),
        }
    }
}

/// The Resource a listed object is read with.
const GET_OBJECT: &str = "arn:aws:states:::s3:getObject";

/// `States.ItemReaderFailed` with `cause`.
fn reader_failed(cause: String) -> Raised {
    Raised::new(Failure::new(errors::ITEM_READER_FAILED, cause))
}

/// A `MaxItemsPath` or JSONata `MaxItems` value: a non-negative integer.
fn max_items(value: &Json) -> Result<Option<u64>, Raised> {
    match crate::json::as_integer(value) {
        Some(n) if n >= 0 => Ok(u64::try_from(n).ok()),
        Some(_) => Err(Raised::new(Failure::new(
            errors::ITEM_READER_FAILED,
            "field MaxItems must be positive",
        ))),
        None => Err(Raised::from(EvalError::runtime(format!(
            "The MaxItemsPath field refers to value {} which is not a valid integer",
            crate::json::text(value)
        )))),
    }
}
