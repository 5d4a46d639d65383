//! The operations, one file per group, and the table that picks one by
//! its name in `X-Amz-Target`.

mod activities;
mod callbacks;
pub(crate) mod clock;
mod executions;
mod history;
mod machines;
mod test_state;
mod validate;

use serde_json::Value;

use crate::error::ApiError;
use crate::request::Request;
use crate::Shared;

/// Runs operation `name` on a request body.
pub(crate) async fn call(shared: &Shared, name: &str, body: &[u8]) -> Result<Value, ApiError> {
    let request = Request::parse(body)?;
    match name {
        "CreateStateMachine" => machines::create(shared, &request),
        "DescribeStateMachine" => machines::describe(shared, &request),
        "UpdateStateMachine" => machines::update(shared, &request),
        "DeleteStateMachine" => machines::delete(shared, &request),
        "ListStateMachines" => machines::list(shared, &request),
        "ValidateStateMachineDefinition" => validate::validate(&request),
        "StartExecution" => executions::start(shared, &request),
        "StartSyncExecution" => executions::start_sync(shared, &request).await,
        "DescribeExecution" => executions::describe(shared, &request),
        "StopExecution" => executions::stop(shared, &request),
        "ListExecutions" => executions::list(shared, &request),
        "GetExecutionHistory" => history::get(shared, &request),
        "CreateActivity" => activities::create(shared, &request),
        "DescribeActivity" => activities::describe(shared, &request),
        "DeleteActivity" => activities::delete(shared, &request),
        "ListActivities" => activities::list(shared, &request),
        "GetActivityTask" => activities::get_task(shared, &request).await,
        "SendTaskSuccess" => callbacks::success(shared, &request),
        "SendTaskFailure" => callbacks::failure(shared, &request),
        "SendTaskHeartbeat" => callbacks::heartbeat(shared, &request),
        "TestState" => test_state::test_state(&request),
        other => Err(ApiError::new(
            "UnknownOperationException",
            format!("stepfn serve does not implement the operation {other}"),
        )),
    }
}

/// Milliseconds since the Unix epoch, now.
pub(crate) fn now_millis() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

/// 64 random bits, from the standard library's per-process hash keys.
pub(crate) fn random_u64() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_i64(now_millis());
    hasher.finish()
}

/// A random UUID (version 4), as AWS names executions started without a name.
pub(crate) fn uuid() -> String {
    let (a, b) = (random_u64(), random_u64());
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0x0fff,
        0x8000 | (b >> 48 & 0x3fff),
        b & 0xffff_ffff_ffff
    )
}

/// A payload as a JSON value, for a response.
pub(crate) fn json_value(value: &stepfn::model::Json) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// Puts `value` in `object` under `key` when it is there.
pub(crate) fn put(
    object: &mut serde_json::Map<String, Value>,
    key: &str,
    value: Option<impl Into<Value>>,
) {
    if let Some(value) = value {
        object.insert(key.to_owned(), value.into());
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn uuids_are_version_4_and_differ() {
        let (a, b) = (super::uuid(), super::uuid());
        assert_ne!(a, b);
        assert_eq!(a.len(), 36);
        assert_eq!(a.chars().nth(14), Some('4'));
        assert!(matches!(a.chars().nth(19), Some('8' | '9' | 'a' | 'b')));
    }
}
