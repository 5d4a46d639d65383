//! SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat: answers to
//! activity tasks and `.waitForTaskToken` callbacks.

use serde_json::{json, Value};
use stepfn_sim::{IntoInput, Status};

use crate::error::ApiError;
use crate::request::Request;
use crate::store::Store;
use crate::Shared;

/// The execution a token was handed out by, or AWS's error for a token
/// it never handed out.
fn owner(store: &Store, token: &str) -> Result<String, ApiError> {
    store.tokens.get(token).cloned().ok_or_else(|| {
        ApiError::new(
            "InvalidToken",
            format!("Invalid Token: '{token}' was not handed out by this endpoint"),
        )
    })
}

/// AWS's error for a token no task waits for any more.
fn gone(store: &Store, execution: &str) -> ApiError {
    let running = store
        .executions
        .get(execution)
        .is_some_and(|e| e.run.status() == Status::Running);
    if running {
        ApiError::new(
            "TaskTimedOut",
            "Task Timed Out: 'Provided task does not exist anymore' (it timed out or was already answered)",
        )
    } else {
        ApiError::new(
            "TaskDoesNotExist",
            format!("Task Does Not Exist: its execution '{execution}' is no longer running"),
        )
    }
}

/// Applies `answer` to the task of `token` and records what followed.
fn answer(
    shared: &Shared,
    token: &str,
    answer: impl FnOnce(&mut stepfn_sim::Execution) -> Result<(), stepfn_sim::CallbackError>,
) -> Result<Value, ApiError> {
    let mut store = shared.lock();
    let execution = owner(&store, token)?;
    let answered = match store.executions.get_mut(&execution) {
        Some(exec) => answer(&mut exec.run).is_ok(),
        None => false,
    };
    if !answered {
        return Err(gone(&store, &execution));
    }
    let changes = store.after_step(&execution);
    drop(store);
    shared.signal(changes);
    shared.save()?;
    Ok(json!({}))
}

/// `SendTaskSuccess`: the task's result, which must be JSON.
pub(crate) fn success(shared: &Shared, request: &Request) -> Result<Value, ApiError> {
    let token = request.required("taskToken")?;
    let output = request
        .required("output")?
        .into_input()
        .map_err(|e| ApiError::new("InvalidOutput", format!("Invalid Output: '{e}'")))?;
    answer(shared, token, |run| run.send_task_success(token, output))
}

/// `SendTaskFailure`: the task's error and cause.
pub(crate) fn failure(shared: &Shared, request: &Request) -> Result<Value, ApiError> {
    let token = request.required("taskToken")?;
    let error = request.string("error")?;
    let cause = request.string("cause")?;
    answer(shared, token, |run| {
        run.send_task_failure(token, error, cause)
    })
}

/// `SendTaskHeartbeat`: the task's heartbeat timeout starts again.
pub(crate) fn heartbeat(shared: &Shared, request: &Request) -> Result<Value, ApiError> {
    let token = request.required("taskToken")?;
    answer(shared, token, |run| run.send_task_heartbeat(token))
}
