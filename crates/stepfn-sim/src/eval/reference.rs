//! `ResultPath`: puts a value into the raw state input at a Reference Path,
//! creating the objects along the way. It fails with
//! `States.ResultPathMatchFailure` where it cannot: a step into something
//! that is not an object, or an index past the end of an array.

use stepfn::model::{Json, JsonObject};
use stepfn::syntax::path::{Selector, Step};

use super::jsonpath::JsonPath;
use super::EvalError;
use crate::json;

/// Returns `input` with `value` placed at `path` (`$` replaces it).
pub(crate) fn set(path: &JsonPath, input: Json, value: Json) -> Result<Json, EvalError> {
    let steps = path.steps();
    if steps.is_empty() {
        return Ok(value);
    }
    let mut input = input;
    let mut node = &mut input;
    for step in steps {
        let next = match (step, node) {
            (Step::Child(Selector::Name(name)), Json::Object(members)) => {
                if !members.contains_key(name.as_str()) {
                    members.insert(name.clone(), Json::Object(JsonObject::new()));
                }
                members.get_mut(name.as_str())
            }
            (Step::Child(Selector::Index(index)), Json::Array(items)) => {
                usize::try_from(*index).ok().and_then(|i| items.get_mut(i))
            }
            (_, other) => return Err(mismatch(step, other)),
        };
        node = match next {
            Some(next) => next,
            None => return Err(EvalError::result_path(step_failure(step, "null"))),
        };
    }
    *node = value;
    Ok(input)
}

/// The error for a step that cannot apply to `node`.
fn mismatch(step: &Step, node: &Json) -> EvalError {
    EvalError::result_path(step_failure(step, &json::text(node)))
}

/// AWS's cause: `Unable to apply step "x" to input "foo"`.
fn step_failure(step: &Step, input: &str) -> String {
    let name = match step {
        Step::Child(Selector::Name(name)) => name.clone(),
        Step::Child(Selector::Index(i)) => i.to_string(),
        _ => String::new(),
    };
    format!("Unable to apply step \"{name}\" to input {input}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(path: &str, input: &str, value: &str) -> Result<String, EvalError> {
        let path = JsonPath::reference(path).unwrap();
        let input: Json = serde_json::from_str(input).unwrap();
        let value: Json = serde_json::from_str(value).unwrap();
        set(&path, input, value).map(|out| json::text(&out))
    }

    #[test]
    fn creates_objects_and_overwrites() {
        assert_eq!(apply("$", r#"{"x":1}"#, "2").unwrap(), "2");
        assert_eq!(
            apply("$.a.b", r#"{"x":1}"#, "2").unwrap(),
            r#"{"x":1,"a":{"b":2}}"#
        );
        assert_eq!(
            apply("$.x", r#"{"x":1,"y":0}"#, "[2]").unwrap(),
            r#"{"x":[2],"y":0}"#
        );
        assert_eq!(
            apply("$.l[1].v", r#"{"l":[{},{}]}"#, "3").unwrap(),
            r#"{"l":[{},{"v":3}]}"#
        );
    }

    #[test]
    fn fails_where_it_cannot_apply() {
        let err = apply("$.x", r#""foo""#, "1").unwrap_err();
        assert_eq!(err.error, "States.ResultPathMatchFailure");
        assert_eq!(err.cause, r#"Unable to apply step "x" to input "foo""#);
        assert!(apply("$.a.b", r#"{"a":5}"#, "1").is_err());
        assert!(apply("$.l[2]", r#"{"l":[1]}"#, "1").is_err());
    }
}
