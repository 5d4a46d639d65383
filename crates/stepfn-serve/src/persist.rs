//! The optional state file: state machines, activities and executions
//! (with their histories) kept across restarts as one JSON document,
//! rewritten whole (to a temporary file, then renamed over the old one)
//! after each change. A run is the simulator's in-memory state, so an
//! execution that was running when the server stopped is read back as
//! `ABORTED`.

use std::path::Path;

use serde_json::{json, Value};

use crate::record::Record;
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
    let executions: Vec<Value> = store
        .started
        .iter()
        .filter_map(|arn| match store.executions.get(arn) {
            Some(exec) => Some(Record::of(exec, true).to_file()),
            None => store.finished.get(arn).map(Record::to_file),
        })
        .collect();
    json!({"stateMachines": machines, "activities": activities, "executions": executions})
}

/// Writes the document to `path`, whole or not at all: a failed write
/// leaves the old file as it was.
pub(crate) fn write(path: &Path, document: &Value) -> std::io::Result<()> {
    use std::io::Write;
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let written = std::fs::File::create(&partial).and_then(|mut file| {
        file.write_all(document.to_string().as_bytes())?;
        file.sync_all()
    });
    match written.and_then(|()| std::fs::rename(&partial, path)) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = std::fs::remove_file(&partial);
            Err(e)
        }
    }
}

/// Reads the state file into `store` (a missing file is an empty one):
/// whether it changed what it read (executions that were running are now
/// `ABORTED`), so the file should be written again.
pub(crate) fn load(
    path: &Path,
    store: &mut Store,
    arns: &crate::arn::Arns,
) -> std::io::Result<bool> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => {
            return Err(std::io::Error::new(
                e.kind(),
                format!("the state file {} cannot be read: {e}", path.display()),
            ))
        }
    };
    let bad = |what: String| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!(
                "the state file {} {what}; fix it, or move it away to start empty",
                path.display()
            ),
        )
    };
    let document: Value =
        serde_json::from_str(&text).map_err(|e| bad(format!("is not JSON ({e})")))?;
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
            .map_err(|e| {
                bad(format!(
                    "has a definition that does not run at stateMachines[{i}] ({name}): {e}"
                ))
            })?
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
    let now = crate::ops::now_millis();
    let mut aborted = false;
    for (i, execution) in list("executions").iter().enumerate() {
        let mut record = Record::from_file(execution)
            .map_err(|what| bad(format!("has a broken execution at executions[{i}]: {what}")))?;
        if record.status == "RUNNING" {
            record.abort_at_restart(now);
            aborted = true;
        }
        if !store.finished.contains_key(&record.arn) {
            store.started.push(record.arn.clone());
        }
        store.finished.insert(record.arn.clone(), record);
    }
    Ok(aborted)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    #[test]
    fn a_failed_write_leaves_the_last_good_file() {
        let dir = std::env::temp_dir().join(format!("stepfn-serve-persist-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a temporary directory");
        let file = dir.join("state.json");
        super::write(&file, &json!({"activities": []})).expect("the first write");
        // the temporary file cannot be made: a directory has its name
        std::fs::create_dir_all(dir.join("state.json.partial")).expect("a directory");
        assert!(super::write(&file, &json!({"stateMachines": []})).is_err());
        assert_eq!(
            std::fs::read_to_string(&file).expect("read"),
            r#"{"activities":[]}"#
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
