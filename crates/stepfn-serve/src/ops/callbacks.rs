//! SendTaskSuccess, SendTaskFailure, SendTaskHeartbeat: answers to
//! activity tasks and `.waitForTaskToken` callbacks.

use serde_json::{json, Value};
use stepfn_sim::IntoInput;

use crate::error::ApiError;
use crate::request::Request;
use crate::store::Store;
use crate::Shared;

/// The execution a token was handed out by, or AWS's error for a token
/// this endpoint did not hand out: `TaskDoesNotExist` when it has the form
/// of the endpoint's tokens (one from before a restart, say: tokens are
/// not kept in the state file), `InvalidToken` when it has not.
fn owner(store: &Store, token: &str) -> Result<String, ApiError> {
    if let Some(execution) = store.tokens.get(token) {
        return Ok(execution.clone());
    }
    if has_token_form(token) {
        Err(ApiError::new(
            "TaskDoesNotExist",
            "Task Does Not Exist: no task of this endpoint has this token (tokens handed out before a restart are not kept)",
        ))
    } else {
        Err(ApiError::new(
            "InvalidToken",
            format!("Invalid Token: '{token}' is not a task token this endpoint hands out"),
        ))
    }
}

/// Whether `token` looks like the simulator's task tokens: 56 lower-case
/// hexadecimal digits.
fn has_token_form(token: &str) -> bool {
    token.len() == 56
        && token
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// AWS's error for a token whose task is closed: it timed out, was
/// answered, or its execution ended. AWS names it `TaskTimedOut` ("the
/// task token has either expired or the task associated with the token has
/// already been closed").
fn closed() -> ApiError {
    ApiError::new(
        "TaskTimedOut",
        "Task Timed Out: 'Provided task does not exist anymore' (it timed out, was already answered, or its execution has ended)",
    )
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
        return Err(closed());
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

#[cfg(test)]
mod tests {
    #[test]
    fn only_56_lower_case_hex_digits_have_the_token_form() {
        assert!(super::has_token_form(&"0123456789abcdef".repeat(4)[..56]));
        assert!(!super::has_token_form("made-up"));
        assert!(!super::has_token_form(&"A".repeat(56)));
        assert!(!super::has_token_form(&"a".repeat(57)));
    }
}
