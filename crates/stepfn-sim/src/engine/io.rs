//! The pieces of a state's input and output pipeline: `InputPath`,
//! `ResultPath`, `OutputPath`, `Assign`, the JSONata `$states` object, and
//! the size checks on payloads.

use std::borrow::Cow;

use stepfn::builder::errors;
use stepfn::model::{Json, JsonObject};

use crate::eval::{reference, Env, EvalError};
use crate::failure::{Failure, Raised};
use crate::json::{self, Measure};
use crate::jsonata;
use crate::program::{Assign, Place, Select};

/// Objects and arrays may nest at most this deep in a payload (Jackson's
/// limit in AWS's runtime).
pub(crate) const MAX_PAYLOAD_DEPTH: usize = 1000;

/// `InputPath` (or `OutputPath` of a Choice, Wait or Succeed): the
/// selected value, borrowed when it is a node of the input.
pub(crate) fn select<'a>(select: &Select, env: Env<'a>) -> Result<Cow<'a, Json>, EvalError> {
    match select {
        Select::Whole => Ok(Cow::Borrowed(env.input)),
        Select::Nothing => Ok(Cow::Owned(Json::Object(JsonObject::new()))),
        Select::Path(path) => match path.select(env) {
            Ok(crate::eval::jsonpath::Found::Node(node)) => Ok(Cow::Borrowed(node)),
            Ok(crate::eval::jsonpath::Found::Built(value)) => Ok(Cow::Owned(value)),
            Err(missing) => Err(EvalError::runtime(format!(
                "Invalid path '{}' : {}",
                path.text(),
                missing.0
            ))),
        },
    }
}

/// `OutputPath` applied to an owned value.
pub(crate) fn select_owned(
    select_field: &Select,
    value: Json,
    roots: &dyn crate::eval::Roots,
) -> Result<Json, EvalError> {
    match select_field {
        Select::Whole => Ok(value),
        Select::Nothing => Ok(Json::Object(JsonObject::new())),
        Select::Path(_) => select(
            select_field,
            Env {
                input: &value,
                roots,
            },
        )
        .map(Cow::into_owned),
    }
}

/// `ResultPath`: the result placed into the raw input.
pub(crate) fn place(place: &Place, raw: Json, result: Json) -> Result<Json, EvalError> {
    match place {
        Place::Whole => Ok(result),
        Place::Discard => Ok(raw),
        Place::Path(path) => reference::set(path, raw, result),
    }
}

/// Evaluates an `Assign`: every value from the variables as they are now.
pub(crate) fn assign(
    assign: &Assign,
    env: Env<'_>,
    jsonata: Option<&jsonata::Scope<'_>>,
) -> Result<JsonObject, EvalError> {
    match assign {
        Assign::Template(template) => match template.evaluate(env)? {
            Json::Object(values) => Ok(values),
            _ => Ok(JsonObject::new()),
        },
        Assign::Jsonata(values) => {
            let Some(scope) = jsonata else {
                return Ok(JsonObject::new());
            };
            let mut out = JsonObject::with_capacity(values.len());
            for (name, value) in values {
                out.insert(name.clone(), value.evaluate(scope)?);
            }
            Ok(out)
        }
    }
}

/// The `$states` object of a JSONata evaluation.
pub(crate) fn states_object(
    input: &Json,
    context: &Json,
    result: Option<&Json>,
    error_output: Option<&Json>,
) -> Json {
    let mut out = JsonObject::with_capacity(4);
    out.insert("input".into(), input.clone());
    out.insert("context".into(), context.clone());
    if let Some(result) = result {
        out.insert("result".into(), result.clone());
    }
    if let Some(error_output) = error_output {
        out.insert("errorOutput".into(), error_output.clone());
    }
    Json::Object(out)
}

/// Checks a task result: over the size limit is a catchable
/// `States.DataLimitExceeded`.
pub(crate) fn check_result(value: &Json, limit: Option<usize>, state: &str) -> Result<(), Raised> {
    match json::measure(value, limit, MAX_PAYLOAD_DEPTH) {
        Measure::Fits => Ok(()),
        Measure::TooLarge => Err(Raised::new(Failure::new(
            errors::DATA_LIMIT_EXCEEDED,
            format!(
                "The state/task '{state}' returned a result with a size exceeding the maximum number of bytes service limit."
            ),
        ))),
        Measure::TooDeep => Err(too_deep(state)),
    }
}

/// Checks a state output or an execution input: over the limit fails the
/// execution, uncaught.
pub(crate) fn check_output(value: &Json, limit: Option<usize>, state: &str) -> Result<(), Raised> {
    match json::measure(value, limit, MAX_PAYLOAD_DEPTH) {
        Measure::Fits => Ok(()),
        Measure::TooLarge => Err(Raised::terminal(Failure::new(
            errors::DATA_LIMIT_EXCEEDED,
            format!(
                "The state/task '{state}' returned a result with a size exceeding the maximum number of bytes service limit."
            ),
        ))),
        Measure::TooDeep => Err(too_deep(state)),
    }
}

fn too_deep(state: &str) -> Raised {
    Raised::terminal(Failure::new(
        errors::RUNTIME,
        format!(
            "The state/task '{state}' produced a value nested more than {MAX_PAYLOAD_DEPTH} levels deep"
        ),
    ))
}
