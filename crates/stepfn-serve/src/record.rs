//! An execution as data: what DescribeExecution, ListExecutions and
//! GetExecutionHistory say of it. A finished execution is kept as one, and
//! the state file holds one per execution.

use serde_json::{json, Map, Value};
use stepfn_sim::HistoryEvent;

use crate::ops::{json_value, put};
use crate::request::timestamp;
use crate::store::Exec;

/// An execution's answers, without the run behind them.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Record {
    pub(crate) arn: String,
    pub(crate) name: String,
    pub(crate) machine_arn: String,
    pub(crate) status: String,
    pub(crate) input: String,
    pub(crate) output: Option<String>,
    pub(crate) error: Option<String>,
    pub(crate) cause: Option<String>,
    pub(crate) start_millis: i64,
    pub(crate) stop_millis: Option<i64>,
    /// The history in GetExecutionHistory's shape, oldest first.
    pub(crate) events: Vec<Value>,
}

/// One history event as GetExecutionHistory answers it (the timestamp in
/// epoch seconds, as the AWS JSON protocol writes dates).
pub(crate) fn event_value(event: &HistoryEvent) -> Value {
    let mut value = json_value(&event.to_json());
    if let Value::Object(object) = &mut value {
        object.insert("timestamp".into(), timestamp(event.timestamp_millis));
    }
    value
}

/// What a restart says of an execution that was running when the server
/// stopped.
pub(crate) const ABORTED_BY_RESTART: &str =
    "stepfn serve stopped while this execution ran; executions are not resumed after a restart";

impl Record {
    /// The record of a live execution, with its history so far when
    /// `history` is set.
    pub(crate) fn of(exec: &Exec, history: bool) -> Record {
        Record {
            arn: exec.arn.clone(),
            name: exec.name.clone(),
            machine_arn: exec.machine_arn.clone(),
            status: exec.run.status().as_str().to_owned(),
            input: exec.input.clone(),
            output: exec.run.output_text(),
            error: exec.run.error().map(str::to_owned),
            cause: exec.run.cause().map(str::to_owned),
            start_millis: exec.start_millis,
            stop_millis: exec.stop_millis,
            events: if history {
                exec.run.history().iter().map(event_value).collect()
            } else {
                Vec::new()
            },
        }
    }

    /// The record without its history.
    pub(crate) fn summary(&self) -> Record {
        Record {
            arn: self.arn.clone(),
            name: self.name.clone(),
            machine_arn: self.machine_arn.clone(),
            status: self.status.clone(),
            input: self.input.clone(),
            output: self.output.clone(),
            error: self.error.clone(),
            cause: self.cause.clone(),
            start_millis: self.start_millis,
            stop_millis: self.stop_millis,
            events: Vec::new(),
        }
    }

    /// DescribeExecution's answer.
    pub(crate) fn describe(&self) -> Map<String, Value> {
        let mut out = self.list_item();
        out.insert("input".into(), self.input.clone().into());
        out.insert("inputDetails".into(), json!({"included": true}));
        if let Some(output) = &self.output {
            out.insert("output".into(), output.clone().into());
            out.insert("outputDetails".into(), json!({"included": true}));
        }
        put(&mut out, "error", self.error.clone());
        put(&mut out, "cause", self.cause.clone());
        out.insert("redriveCount".into(), 0.into());
        out.insert("redriveStatus".into(), "NOT_REDRIVABLE".into());
        out
    }

    /// ListExecutions' item for a live execution.
    pub(crate) fn list_item_of(exec: &Exec) -> Map<String, Value> {
        let mut item = Map::new();
        item.insert("executionArn".into(), exec.arn.clone().into());
        item.insert("stateMachineArn".into(), exec.machine_arn.clone().into());
        item.insert("name".into(), exec.name.clone().into());
        item.insert("status".into(), exec.run.status().as_str().into());
        item.insert("startDate".into(), timestamp(exec.start_millis));
        put(&mut item, "stopDate", exec.stop_millis.map(timestamp));
        item
    }

    /// ListExecutions' item.
    pub(crate) fn list_item(&self) -> Map<String, Value> {
        let mut item = Map::new();
        item.insert("executionArn".into(), self.arn.clone().into());
        item.insert("stateMachineArn".into(), self.machine_arn.clone().into());
        item.insert("name".into(), self.name.clone().into());
        item.insert("status".into(), self.status.clone().into());
        item.insert("startDate".into(), timestamp(self.start_millis));
        put(&mut item, "stopDate", self.stop_millis.map(timestamp));
        item
    }

    /// The record as the state file holds it (dates in epoch milliseconds).
    pub(crate) fn to_file(&self) -> Value {
        let mut out = Map::new();
        out.insert("executionArn".into(), self.arn.clone().into());
        out.insert("stateMachineArn".into(), self.machine_arn.clone().into());
        out.insert("name".into(), self.name.clone().into());
        out.insert("status".into(), self.status.clone().into());
        out.insert("input".into(), self.input.clone().into());
        put(&mut out, "output", self.output.clone());
        put(&mut out, "error", self.error.clone());
        put(&mut out, "cause", self.cause.clone());
        out.insert("startDate".into(), self.start_millis.into());
        put(&mut out, "stopDate", self.stop_millis);
        out.insert("events".into(), Value::Array(self.events.clone()));
        Value::Object(out)
    }

    /// A record read back from the state file, or what is wrong with it.
    pub(crate) fn from_file(value: &Value) -> Result<Record, String> {
        let text = |key: &str| -> Result<String, String> {
            value
                .get(key)
                .and_then(Value::as_str)
                .map(str::to_owned)
                .ok_or_else(|| format!("it has no \"{key}\" string"))
        };
        let optional = |key: &str| value.get(key).and_then(Value::as_str).map(str::to_owned);
        let status = text("status")?;
        if !["RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED"].contains(&status.as_str()) {
            return Err(format!(
                "its status \"{status}\" is not an execution status"
            ));
        }
        Ok(Record {
            arn: text("executionArn")?,
            name: text("name")?,
            machine_arn: text("stateMachineArn")?,
            status,
            input: text("input")?,
            output: optional("output"),
            error: optional("error"),
            cause: optional("cause"),
            start_millis: value
                .get("startDate")
                .and_then(Value::as_i64)
                .ok_or("it has no \"startDate\" (epoch milliseconds)")?,
            stop_millis: value.get("stopDate").and_then(Value::as_i64),
            events: value
                .get("events")
                .and_then(Value::as_array)
                .cloned()
                .ok_or("it has no \"events\" list")?,
        })
    }

    /// Ends a record that was running when the server stopped: `ABORTED`
    /// at `now`, with an `ExecutionAborted` event saying why.
    pub(crate) fn abort_at_restart(&mut self, now: i64) {
        if self.status != "RUNNING" {
            return;
        }
        self.status = "ABORTED".to_owned();
        self.cause = Some(ABORTED_BY_RESTART.to_owned());
        self.stop_millis = Some(now.max(self.start_millis));
        let last = self
            .events
            .iter()
            .filter_map(|e| e.get("id").and_then(Value::as_u64))
            .max()
            .unwrap_or(0);
        self.events.push(json!({
            "timestamp": timestamp(now.max(self.start_millis)),
            "type": "ExecutionAborted",
            "id": last + 1,
            "previousEventId": last,
            "executionAbortedEventDetails": {"cause": ABORTED_BY_RESTART},
        }));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn running() -> Record {
        Record {
            arn: "arn:aws:states:us-east-1:123456789012:execution:M:e".into(),
            name: "e".into(),
            machine_arn: "arn:aws:states:us-east-1:123456789012:stateMachine:M".into(),
            status: "RUNNING".into(),
            input: "{}".into(),
            output: None,
            error: None,
            cause: None,
            start_millis: 1_000,
            stop_millis: None,
            events: vec![
                json!({"timestamp": 1.0, "type": "ExecutionStarted", "id": 1, "previousEventId": 0}),
            ],
        }
    }

    #[test]
    fn a_record_reads_back_as_it_was_written() {
        let mut record = running();
        record.status = "FAILED".into();
        record.error = Some("Boom".into());
        record.stop_millis = Some(2_500);
        assert_eq!(Record::from_file(&record.to_file()), Ok(record));
    }

    #[test]
    fn a_running_record_is_aborted_at_restart_with_an_event() {
        let mut record = running();
        record.abort_at_restart(5_000);
        assert_eq!(record.status, "ABORTED");
        assert_eq!(record.stop_millis, Some(5_000));
        assert_eq!(record.events[1]["type"], "ExecutionAborted");
        assert_eq!(record.events[1]["id"], 2);
        assert_eq!(record.events[1]["previousEventId"], 1);
    }

    #[test]
    fn a_record_without_its_fields_is_refused_by_name() {
        let mut value = running().to_file();
        value["status"] = json!("DONE");
        assert_eq!(
            Record::from_file(&value),
            Err("its status \"DONE\" is not an execution status".to_owned())
        );
        value.as_object_mut().map(|o| o.remove("input"));
        value["status"] = json!("RUNNING");
        assert_eq!(
            Record::from_file(&value),
            Err("it has no \"input\" string".to_owned())
        );
    }
}
