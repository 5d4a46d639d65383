//! Passing the execution's ARN in a task's input: AWS does not tell an
//! activity worker (or an SQS consumer) which execution a task belongs to,
//! and a worker needs it to stop the execution or to name its state data.

use crate::model::{self, Json, QueryLanguage};
use crate::problem::Path;
use crate::Code;

/// The input field the execution's ARN goes in (what stepfn-runtime's
/// `ActivityTask::execution_id` reads).
pub(crate) const FIELD: &str = "execution_id";

/// Adds the execution's ARN to the task's input: `"execution_id.$":
/// "$$.Execution.Id"` in `Parameters` (JSONPath), `"execution_id": "{%
/// $states.context.Execution.Id %}"` in `Arguments` (JSONata). `setter`
/// names the method that sets the input, for the problem when there is
/// none. The problem is placed at the input field.
pub(crate) fn insert(
    task: &mut model::Task,
    language: QueryLanguage,
    setter: &str,
) -> Result<(), (Path, Code, String)> {
    let (field, key, value, example) = match language {
        QueryLanguage::JsonPath => (
            "Parameters",
            format!("{FIELD}.$"),
            "$$.Execution.Id",
            "Payload::new().field(\"input\", JsonPath::input())",
        ),
        QueryLanguage::Jsonata => (
            "Arguments",
            FIELD.to_owned(),
            "{% $states.context.Execution.Id %}",
            "Payload::new().field(\"input\", Jsonata::states_input())",
        ),
    };
    let place = Path::root().key(field);
    let input = match language {
        QueryLanguage::JsonPath => &mut task.parameters,
        QueryLanguage::Jsonata => &mut task.arguments,
    };
    match input {
        None => Err((
            place,
            Code::MissingField,
            format!(
                "passing the execution id adds `\"{key}\": \"{value}\"` to `{field}`, which this Task does not set, \
                 and with only that field the task would get nothing of the state's input: set `{field}` with what \
                 the task needs, e.g. `.{setter}({example})`"
            ),
        )),
        Some(Json::Object(object)) => {
            let other = if key == FIELD { format!("{FIELD}.$") } else { FIELD.to_owned() };
            if object.contains_key(&other) {
                return Err((
                    place.key(&other),
                    Code::DuplicateTemplateKey,
                    format!("`{field}` already has `{other}`; passing the execution id adds `{key}`: remove one of them"),
                ));
            }
            match object.get(&key) {
                Some(Json::String(existing)) if existing == value => Ok(()),
                Some(_) => Err((
                    place.key(&key),
                    Code::DuplicateTemplateKey,
                    format!("`{field}` already sets `{key}` to something else than `{value}`: remove it, or do not pass the execution id"),
                )),
                None => {
                    object.insert(key, Json::from(value));
                    Ok(())
                }
            }
        }
        Some(other) => Err((
            place,
            Code::WrongType,
            format!(
                "passing the execution id adds `{key}` to `{field}`, which is {} here, not an object: write `{field}` \
                 as an object, e.g. `.{setter}({example})`",
                other.type_name()
            ),
        )),
    }
}
