//! GetExecutionHistory: the simulator's history in AWS's shape, paged,
//! oldest or newest first.

use serde_json::{Map, Value};

use super::executions::does_not_exist_execution;
use super::{json_value, put};
use crate::arn::Kind;
use crate::error::ApiError;
use crate::request::{page, timestamp, Request};
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
    let exec = store
        .executions
        .get(arn)
        .ok_or_else(|| does_not_exist_execution(arn))?;
    let history = exec.run.history();
    let order: Box<dyn Iterator<Item = &stepfn_sim::HistoryEvent>> = if reverse {
        Box::new(history.iter().rev())
    } else {
        Box::new(history.iter())
    };
    let events: Vec<&stepfn_sim::HistoryEvent> = order.collect();
    let (events, next) = page(events, start, size);
    let events = events
        .into_iter()
        .map(|event| {
            let mut value = json_value(&event.to_json());
            if let Value::Object(object) = &mut value {
                object.insert("timestamp".into(), timestamp(event.timestamp_millis));
                if !include_data {
                    strip_data(object);
                }
            }
            value
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
