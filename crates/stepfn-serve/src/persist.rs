//! The optional state file: state machines and activities kept across
//! restarts as one JSON document, rewritten whole (to a temporary file,
//! then renamed) after each change. Executions are not kept: a running
//! execution lives in the simulator's memory.

use std::path::Path;

use serde_json::{json, Value};

use crate::store::{Activity, Machine, Store};

/// The document of what `store` holds.
pub(crate) fn snapshot(store: &Store) -> Value {
    let machines: Vec<Value> = store
        .machines
        .values()
        .map(|m| {
            json!({"name": m.name, "definition": m.definition, "roleArn": m.role_arn, "type": m.type_name(),
                   "creationDate": m.created_millis, "revision": m.revision,
                   "loggingConfiguration": m.logging, "tracingConfiguration": m.tracing})
        })
        .collect();
    let activities: Vec<Value> = store
        .activities
        .values()
        .map(|a| json!({"name": a.name, "creationDate": a.created_millis}))
        .collect();
    json!({"stateMachines": machines, "activities": activities})
}

/// Writes the document to `path`, whole or not at all.
pub(crate) fn write(path: &Path, document: &Value) -> std::io::Result<()> {
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    std::fs::write(&partial, document.to_string())?;
    std::fs::rename(&partial, path)
}

/// Reads the state file into `store` (a missing file is an empty one).
pub(crate) fn load(path: &Path, store: &mut Store, arns: &crate::arn::Arns) -> std::io::Result<()> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    let bad = |what: String| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("{}: {what}; remove the file to start empty", path.display()),
        )
    };
    let document: Value = serde_json::from_str(&text).map_err(|e| bad(format!("not JSON: {e}")))?;
    let list = |key: &str| {
        document
            .get(key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    for (i, machine) in list("stateMachines").iter().enumerate() {
        let text = |key: &str| {
            machine
                .get(key)
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned()
        };
        let name = text("name");
        let express = text("type") == "EXPRESS";
        let definition = text("definition");
        let sim = stepfn_sim::Simulator::from_json(&definition)
            .map_err(|e| bad(format!("stateMachines[{i}] ({name}) does not run: {e}")))?
            .express(express);
        let arn = arns.state_machine(&name);
        store.machines.insert(
            arn.clone(),
            Machine {
                arn,
                name,
                definition,
                role_arn: text("roleArn"),
                express,
                created_millis: machine
                    .get("creationDate")
                    .and_then(Value::as_i64)
                    .unwrap_or(0),
                revision: machine.get("revision").and_then(Value::as_u64).unwrap_or(1),
                logging: machine
                    .get("loggingConfiguration")
                    .cloned()
                    .unwrap_or(Value::Null),
                tracing: machine
                    .get("tracingConfiguration")
                    .cloned()
                    .unwrap_or(Value::Null),
                sim,
            },
        );
    }
    for activity in list("activities") {
        let name = activity
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        let arn = arns.activity(&name);
        store.activities.insert(
            arn.clone(),
            Activity {
                arn,
                name,
                created_millis: activity
                    .get("creationDate")
                    .and_then(Value::as_i64)
                    .unwrap_or(0),
            },
        );
    }
    Ok(())
}
