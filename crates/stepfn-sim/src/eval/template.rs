//! Payload templates (`Parameters`, `ResultSelector`, `ItemSelector`,
//! JSONPath `Assign`, …): objects whose keys ending in `.$` take the value
//! of a Path or an intrinsic call; every other value is copied as written.
//! Compiled once: a part with no `.$` key is kept as one static value.

use stepfn::model::{Json, JsonObject};
use stepfn::syntax::{parse_path_or_intrinsic, PathOrIntrinsic, SyntaxError};

use super::intrinsic::Intrinsic;
use super::jsonpath::JsonPath;
use super::{Env, EvalError, Roots};
use crate::json;

/// A compiled payload template.
#[derive(Debug, Clone)]
pub(crate) struct Template {
    root: Node,
}

#[derive(Debug, Clone)]
enum Node {
    /// A value with no `.$` key anywhere inside: copied as it is.
    Static(Json),
    /// An object with at least one `.$` key inside.
    Object(Vec<(String, Node)>),
    /// An array with at least one `.$` key inside.
    Array(Vec<Node>),
    /// `"key.$": "$…"`: the value at a Path.
    Path { field: Box<str>, path: JsonPath },
    /// `"key.$": "States.…(…)"`: an intrinsic call's result.
    Intrinsic { call: Intrinsic },
}

/// A template key with the problem in its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TemplateError {
    /// The `.$` key.
    pub(crate) field: String,
    /// What is wrong with its value.
    pub(crate) problem: String,
}

impl Template {
    /// Compiles a template (a definition that validates always compiles).
    pub(crate) fn compile(value: &Json) -> Result<Template, TemplateError> {
        Ok(Template {
            root: compile(value)?,
        })
    }

    /// A template that is one static value.
    #[cfg(test)]
    pub(crate) fn is_static(&self) -> bool {
        matches!(self.root, Node::Static(_))
    }

    /// Builds the payload.
    pub(crate) fn evaluate(&self, env: Env<'_>) -> Result<Json, EvalError> {
        evaluate(&self.root, env)
    }

    /// Builds the payload from `input`, which is not needed afterwards:
    /// when `input` is an object with exactly the template's keys in its
    /// order (a loop reshaping the same object), its values are replaced
    /// in place instead of building a new object.
    pub(crate) fn evaluate_reusing(
        &self,
        input: Json,
        roots: &dyn Roots,
    ) -> Result<Json, EvalError> {
        const MOST: usize = 4;
        if let (Node::Object(members), Json::Object(object)) = (&self.root, &input) {
            let same_keys = members.len() <= MOST
                && members.len() == object.len()
                && members
                    .iter()
                    .zip(object.keys())
                    .all(|((key, _), existing)| key == existing);
            if same_keys {
                let env = Env {
                    input: &input,
                    roots,
                };
                let mut values: [Json; MOST] = Default::default();
                for ((_, node), slot) in members.iter().zip(values.iter_mut()) {
                    *slot = evaluate(node, env)?;
                }
                if let Json::Object(mut object) = input {
                    for (slot, value) in object.values_mut().zip(values.iter_mut()) {
                        *slot = std::mem::take(value);
                    }
                    return Ok(Json::Object(object));
                }
                return Ok(Json::Null);
            }
        }
        self.evaluate(Env {
            input: &input,
            roots,
        })
    }
}

/// Whether `value` holds a `.$` key anywhere (walked with a stack).
fn has_dynamic_keys(value: &Json) -> bool {
    let mut stack = vec![value];
    while let Some(value) = stack.pop() {
        match value {
            Json::Object(members) => {
                for (key, value) in members {
                    if key.ends_with(".$") {
                        return true;
                    }
                    stack.push(value);
                }
            }
            Json::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    false
}

/// Compiles one value; the recursion follows the template's nesting,
/// which reading bounds (256 levels).
fn compile(value: &Json) -> Result<Node, TemplateError> {
    if !has_dynamic_keys(value) {
        return Ok(Node::Static(value.clone()));
    }
    match value {
        Json::Object(members) => {
            let mut out = Vec::with_capacity(members.len());
            for (key, value) in members {
                match key.strip_suffix(".$") {
                    Some(name) => out.push((name.to_owned(), compile_dynamic(key, value)?)),
                    None => out.push((key.clone(), compile(value)?)),
                }
            }
            Ok(Node::Object(out))
        }
        Json::Array(items) => Ok(Node::Array(
            items.iter().map(compile).collect::<Result<_, _>>()?,
        )),
        other => Ok(Node::Static(other.clone())),
    }
}

/// Compiles the value of a `.$` key.
fn compile_dynamic(field: &str, value: &Json) -> Result<Node, TemplateError> {
    let problem = |problem: String| TemplateError {
        field: field.to_owned(),
        problem,
    };
    let Json::String(text) = value else {
        return Err(problem(format!(
            "the value must be a Path or an intrinsic call, not {}",
            value.type_name()
        )));
    };
    match parse_path_or_intrinsic(text).map_err(|e: SyntaxError| problem(e.to_string()))? {
        PathOrIntrinsic::Path(path) => Ok(Node::Path {
            field: field.into(),
            path: JsonPath::from_tree(text, path),
        }),
        PathOrIntrinsic::Intrinsic(call) => Ok(Node::Intrinsic {
            call: Intrinsic::from_call(&call),
        }),
    }
}

fn evaluate(node: &Node, env: Env<'_>) -> Result<Json, EvalError> {
    match node {
        Node::Static(value) => Ok(value.clone()),
        Node::Object(members) => {
            let mut out = JsonObject::with_capacity(members.len());
            for (key, node) in members {
                out.insert(key.clone(), evaluate(node, env)?);
            }
            Ok(Json::Object(out))
        }
        Node::Array(items) => {
            let mut out = Vec::with_capacity(items.len());
            for node in items {
                out.push(evaluate(node, env)?);
            }
            Ok(Json::Array(out))
        }
        Node::Path { field, path } => match path.select(env) {
            Ok(found) => Ok(found.into_owned()),
            Err(_) => Err(EvalError::runtime(format!(
                "The JSONPath '{}' specified for the field '{field}' could not be found in the input '{}'",
                path.text(),
                json::text(env.input)
            ))),
        },
        Node::Intrinsic { call } => call.evaluate(env),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::NoRoots;

    fn run(template: &str, input: &str) -> Result<String, EvalError> {
        let roots = NoRoots::new();
        let input: Json = serde_json::from_str(input).unwrap();
        let template = Template::compile(&serde_json::from_str(template).unwrap()).unwrap();
        template
            .evaluate(Env {
                input: &input,
                roots: &roots,
            })
            .map(|v| json::text(&v))
    }

    #[test]
    fn dollar_keys_take_paths_and_calls() {
        assert_eq!(
            run(
                r#"{"a.$":"$.x","b":{"c.$":"States.MathAdd($.x, 1)","d":[{"e.$":"$"}]},"f":"$.x"}"#,
                r#"{"x":1}"#
            )
            .unwrap(),
            r#"{"a":1,"b":{"c":2,"d":[{"e":{"x":1}}]},"f":"$.x"}"#
        );
        assert_eq!(run(r#"{"v.$":"$.items[*]"}"#, "{}").unwrap(), r#"{"v":[]}"#);
        assert_eq!(
            run(r#"{"p.$":"$.a[0,1]"}"#, r#"{"a":[1,2,3]}"#).unwrap(),
            r#"{"p":[1,2]}"#
        );
    }

    #[test]
    fn a_missing_definite_path_is_a_runtime_error() {
        let err = run(r#"{"v.$":"$.missing"}"#, r#"{"a":1}"#).unwrap_err();
        assert_eq!(err.error, "States.Runtime");
        assert_eq!(
            err.cause,
            r#"The JSONPath '$.missing' specified for the field 'v.$' could not be found in the input '{"a":1}'"#
        );
    }

    #[test]
    fn static_parts_are_kept_whole() {
        let t = Template::compile(&serde_json::from_str(r#"{"a":[1,{"b":2}]}"#).unwrap()).unwrap();
        assert!(t.is_static());
    }
}
