//! GetExecutionHistory: the simulator's history in AWS's shape, paged,
//! oldest or newest first.

use serde_json::{Map, Value};
use stepfn_sim::HistoryEvent;

use super::executions::does_not_exist_execution;
use super::put;
use crate::arn::Kind;
use crate::error::ApiError;
use crate::record::event_value;
use crate::request::{page, Request};
use crate::Shared;

/// `GetExecutionHistory`.
pub(crate) fn get(shared: &Shared, request: &Request) -> Result<Value, ApiError> {
    let arn = request.required("executionArn")?;
    shared.arns.check(arn, &[Kind::Execution, Kind::Express])?;
    let size = request.page_size(100)?;
    let start = request.page_start()?;
    let reverse = request.boolean("reverseOrder")?.unwrap_or(false);
    let include_data = request.boolean("includeExecutionData")?.unwrap_or(true);
    let store = shared.lock();
    let (events, next) = if let Some(exec) = store.executions.get(arn) {
        let history = exec.run.history();
        let order: Vec<&HistoryEvent> = if reverse {
            history.iter().rev().collect()
        } else {
            history.iter().collect()
        };
        let (events, next) = page(order, start, size);
        (events.into_iter().map(event_value).collect(), next)
    } else {
        let record = store
            .finished
            .get(arn)
            .ok_or_else(|| does_not_exist_execution(arn))?;
        let order: Vec<&Value> = if reverse {
            record.events.iter().rev().collect()
        } else {
            record.events.iter().collect()
        };
        let (events, next) = page(order, start, size);
        (events.into_iter().cloned().collect::<Vec<Value>>(), next)
    };
    drop(store);
    let events = events
        .into_iter()
        .map(|mut event| {
            if let (false, Value::Object(object)) = (include_data, &mut event) {
                strip_data(object);
            }
            event
        })
        .collect();
    let mut out = Map::new();
    out.insert("events".into(), Value::Array(events));
    put(&mut out, "nextToken", next);
    Ok(Value::Object(out))
}

/// Leaves out the payloads of an event's details (`includeExecutionData: false`).
fn strip_data(event: &mut Map<String, Value>) {
    for details in event.values_mut() {
        if let Value::Object(details) = details {
            for field in ["input", "output", "result", "parameters"] {
                details.remove(field);
            }
        }
    }
}
