//! [`Context`]: paths to the fields of the context object (`$$`).

use super::JsonPath;

/// Paths to the fields of the context object, `$$` in JSONPath states
/// (`$states.context` in JSONata ones). Each function is named after the
/// ASL field it reads.
///
/// | Function | Path | Value |
/// |---|---|---|
/// | [`entire`](Context::entire) | `$$` | the whole context object |
/// | [`execution_id`](Context::execution_id) | `$$.Execution.Id` | execution ARN |
/// | [`execution_input`](Context::execution_input) | `$$.Execution.Input` | original execution input |
/// | [`execution_name`](Context::execution_name) | `$$.Execution.Name` | execution name |
/// | [`execution_role_arn`](Context::execution_role_arn) | `$$.Execution.RoleArn` | execution role |
/// | [`execution_start_time`](Context::execution_start_time) | `$$.Execution.StartTime` | `YYYY-MM-DDTHH:MM:SS.mmmZ` |
/// | [`execution_redrive_count`](Context::execution_redrive_count) | `$$.Execution.RedriveCount` | redrives so far |
/// | [`execution_redrive_time`](Context::execution_redrive_time) | `$$.Execution.RedriveTime` | only after a redrive |
/// | [`state_entered_time`](Context::state_entered_time) | `$$.State.EnteredTime` | when the state was entered |
/// | [`state_name`](Context::state_name) | `$$.State.Name` | current state name |
/// | [`state_retry_count`](Context::state_retry_count) | `$$.State.RetryCount` | Task, Parallel, Map only |
/// | [`state_machine_id`](Context::state_machine_id) | `$$.StateMachine.Id` | state machine ARN |
/// | [`state_machine_name`](Context::state_machine_name) | `$$.StateMachine.Name` | state machine name |
/// | [`task_token`](Context::task_token) | `$$.Task.Token` | `.waitForTaskToken` Tasks |
/// | [`map_item_index`](Context::map_item_index) | `$$.Map.Item.Index` | Map `ItemSelector` only |
/// | [`map_item_value`](Context::map_item_value) | `$$.Map.Item.Value` | Map `ItemSelector` only |
/// | [`map_item_key`](Context::map_item_key) | `$$.Map.Item.Key` | Map over a JSON object |
/// | [`map_item_source`](Context::map_item_source) | `$$.Map.Item.Source` | Distributed Map |
///
/// ```
/// use stepfn::builder::Context;
/// let table = [
///     (Context::entire(), "$$"),
///     (Context::execution_id(), "$$.Execution.Id"),
///     (Context::execution_input(), "$$.Execution.Input"),
///     (Context::execution_name(), "$$.Execution.Name"),
///     (Context::execution_role_arn(), "$$.Execution.RoleArn"),
///     (Context::execution_start_time(), "$$.Execution.StartTime"),
///     (Context::execution_redrive_count(), "$$.Execution.RedriveCount"),
///     (Context::execution_redrive_time(), "$$.Execution.RedriveTime"),
///     (Context::state_entered_time(), "$$.State.EnteredTime"),
///     (Context::state_name(), "$$.State.Name"),
///     (Context::state_retry_count(), "$$.State.RetryCount"),
///     (Context::state_machine_id(), "$$.StateMachine.Id"),
///     (Context::state_machine_name(), "$$.StateMachine.Name"),
///     (Context::task_token(), "$$.Task.Token"),
///     (Context::map_item_index(), "$$.Map.Item.Index"),
///     (Context::map_item_value(), "$$.Map.Item.Value"),
///     (Context::map_item_key(), "$$.Map.Item.Key"),
///     (Context::map_item_source(), "$$.Map.Item.Source"),
/// ];
/// for (path, text) in table {
///     assert_eq!(path.as_str(), text);
/// }
/// // Further steps go on the returned path:
/// assert_eq!(Context::map_item_value().field("id").as_str(), "$$.Map.Item.Value.id");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Context;

/// `$$.<group>.<field>`.
fn context_field(group: &str, field: &str) -> JsonPath {
    JsonPath::context().field(group).field(field)
}

/// `$$.Map.Item.<field>`.
fn map_item(field: &str) -> JsonPath {
    context_field("Map", "Item").field(field)
}

impl Context {
    /// `$$`: the whole context object (example on [`Context`]).
    pub fn entire() -> JsonPath {
        JsonPath::context()
    }

    /// `$$.Execution.Id`: the execution ARN (example on [`Context`]).
    pub fn execution_id() -> JsonPath {
        context_field("Execution", "Id")
    }

    /// `$$.Execution.Input`: the execution's original input (example on
    /// [`Context`]).
    pub fn execution_input() -> JsonPath {
        context_field("Execution", "Input")
    }

    /// `$$.Execution.Name`: the execution name (example on [`Context`]).
    pub fn execution_name() -> JsonPath {
        context_field("Execution", "Name")
    }

    /// `$$.Execution.RoleArn`: the role the execution runs as (example on
    /// [`Context`]).
    pub fn execution_role_arn() -> JsonPath {
        context_field("Execution", "RoleArn")
    }

    /// `$$.Execution.StartTime`: when the execution started,
    /// `YYYY-MM-DDTHH:MM:SS.mmmZ` (example on [`Context`]).
    pub fn execution_start_time() -> JsonPath {
        context_field("Execution", "StartTime")
    }

    /// `$$.Execution.RedriveCount`: how often the execution was redriven, 0
    /// if never (example on [`Context`]).
    pub fn execution_redrive_count() -> JsonPath {
        context_field("Execution", "RedriveCount")
    }

    /// `$$.Execution.RedriveTime`: when the execution was last redriven;
    /// present only after a redrive (example on [`Context`]).
    pub fn execution_redrive_time() -> JsonPath {
        context_field("Execution", "RedriveTime")
    }

    /// `$$.State.EnteredTime`: when the current state was entered (example
    /// on [`Context`]).
    pub fn state_entered_time() -> JsonPath {
        context_field("State", "EnteredTime")
    }

    /// `$$.State.Name`: the current state's name (example on [`Context`]).
    pub fn state_name() -> JsonPath {
        context_field("State", "Name")
    }

    /// `$$.State.RetryCount`: 0 on the first attempt, +1 per retry; only in
    /// Task, Parallel and Map states (example on [`Context`]).
    pub fn state_retry_count() -> JsonPath {
        context_field("State", "RetryCount")
    }

    /// `$$.StateMachine.Id`: the state machine ARN (example on [`Context`]).
    pub fn state_machine_id() -> JsonPath {
        context_field("StateMachine", "Id")
    }

    /// `$$.StateMachine.Name`: the state machine name (example on
    /// [`Context`]).
    pub fn state_machine_name() -> JsonPath {
        context_field("StateMachine", "Name")
    }

    /// `$$.Task.Token`: the task token, in Task states using
    /// `.waitForTaskToken` (example on [`Context`]).
    pub fn task_token() -> JsonPath {
        context_field("Task", "Token")
    }

    /// `$$.Map.Item.Index`: the zero-based index of the current item; only
    /// while a Map evaluates its `ItemSelector` (example on [`Context`]).
    pub fn map_item_index() -> JsonPath {
        map_item("Index")
    }

    /// `$$.Map.Item.Value`: the current item; only while a Map evaluates its
    /// `ItemSelector` (example on [`Context`]).
    pub fn map_item_value() -> JsonPath {
        map_item("Value")
    }

    /// `$$.Map.Item.Key`: the current key when a Map iterates over a JSON
    /// object (example on [`Context`]).
    pub fn map_item_key() -> JsonPath {
        map_item("Key")
    }

    /// `$$.Map.Item.Source`: where a Distributed Map's item came from
    /// (`STATE_DATA`, `S3://bucket`, `S3://bucket/key`) (example on
    /// [`Context`]).
    pub fn map_item_source() -> JsonPath {
        map_item("Source")
    }
}

/// Unit tests.
#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::{parse_reference_path, PathRoot};

    /// Every function with the text it must render.
    fn all() -> Vec<(JsonPath, &'static str)> {
        vec![
            (Context::entire(), "$$"),
            (Context::execution_id(), "$$.Execution.Id"),
            (Context::execution_input(), "$$.Execution.Input"),
            (Context::execution_name(), "$$.Execution.Name"),
            (Context::execution_role_arn(), "$$.Execution.RoleArn"),
            (Context::execution_start_time(), "$$.Execution.StartTime"),
            (
                Context::execution_redrive_count(),
                "$$.Execution.RedriveCount",
            ),
            (
                Context::execution_redrive_time(),
                "$$.Execution.RedriveTime",
            ),
            (Context::state_entered_time(), "$$.State.EnteredTime"),
            (Context::state_name(), "$$.State.Name"),
            (Context::state_retry_count(), "$$.State.RetryCount"),
            (Context::state_machine_id(), "$$.StateMachine.Id"),
            (Context::state_machine_name(), "$$.StateMachine.Name"),
            (Context::task_token(), "$$.Task.Token"),
            (Context::map_item_index(), "$$.Map.Item.Index"),
            (Context::map_item_value(), "$$.Map.Item.Value"),
            (Context::map_item_key(), "$$.Map.Item.Key"),
            (Context::map_item_source(), "$$.Map.Item.Source"),
        ]
    }

    #[test]
    fn every_field_renders_its_asl_path() {
        for (path, text) in all() {
            assert_eq!(path.as_str(), text);
        }
    }

    #[test]
    fn every_field_is_a_context_reference_path() {
        for (path, text) in all() {
            assert_eq!(
                parse_reference_path(path.as_str()).map(|p| p.root),
                Ok(PathRoot::Context),
                "{text}"
            );
        }
    }
}
