//! JSONata in JSONata states: values whose strings may be `{% … %}`
//! expressions at any depth (`Arguments`, `Output`, `Assign`, …), compiled
//! once per definition and evaluated with `$states` and the variables
//! bound.
//!
//! An expression that yields nothing is `States.QueryEvaluationError`
//! naming the field (`Output/a/b[0]`); so is an evaluation error.
//!
//! The evaluator behind it is in `backend`.

mod backend;

use stepfn::builder::errors;
use stepfn::model::{Json, JsonObject};

use crate::eval::EvalError;

/// One compiled expression with the field it was written in.
#[derive(Debug)]
pub(crate) struct Expr {
    /// The expression text, without `{%` and `%}`.
    text: Box<str>,
    /// The field, as AWS names it in messages: `Output/a/b[0]`.
    field: Box<str>,
    compiled: backend::Compiled,
}

/// A value of a JSONata field: static JSON with expressions inside.
#[derive(Debug)]
pub(crate) enum JValue {
    /// No expression anywhere inside.
    Static(Json),
    /// A `{% … %}` string.
    Expr(Box<Expr>),
    /// An object with expressions inside.
    Object(Vec<(String, JValue)>),
    /// An array with expressions inside.
    Array(Vec<JValue>),
}

/// What an expression sees: `$states` and the variables.
pub(crate) struct Scope<'a> {
    /// `$states`: `input`, `context`, and `result` or `errorOutput` where
    /// they exist.
    pub(crate) states: &'a Json,
    /// Every variable the state can read, innermost scope first.
    pub(crate) variables: Vec<(&'a str, &'a Json)>,
    /// The clock, for `$now()` and `$millis()`.
    pub(crate) millis: i64,
    /// The seed for `$random()` and `$uuid()`.
    pub(crate) seed: u64,
}

/// The expression inside `{% … %}`, when `text` is written as one.
pub(crate) fn expression(text: &str) -> Option<&str> {
    text.strip_prefix("{%")?.strip_suffix("%}")
}

impl Expr {
    /// Compiles the expression of field `field`.
    pub(crate) fn compile(text: &str, field: &str) -> Result<Expr, String> {
        Ok(Expr {
            text: text.into(),
            field: field.into(),
            compiled: backend::compile(text).map_err(|message| format!("{field}: {message}"))?,
        })
    }

    /// Evaluates to a value; nothing is an error.
    pub(crate) fn value(&self, scope: &Scope<'_>) -> Result<Json, EvalError> {
        match self.evaluate(scope)? {
            Some(value) => Ok(value),
            None => Err(query_error(format!(
                "The JSONata expression '{}' specified for the field '{}' returned nothing (undefined).",
                self.text.trim(),
                self.field
            ))),
        }
    }

    /// Evaluates; `None` is JSONata's undefined.
    pub(crate) fn evaluate(&self, scope: &Scope<'_>) -> Result<Option<Json>, EvalError> {
        backend::evaluate(&self.compiled, scope).map_err(|message| {
            query_error(format!(
                "An error occurred while evaluating the JSONata expression '{}' specified for the field '{}': {message}",
                self.text.trim(),
                self.field
            ))
        })
    }

    /// The expression text, for messages.
    pub(crate) fn text(&self) -> &str {
        self.text.trim()
    }

    /// The error for a value of the wrong type for the field.
    pub(crate) fn wrong_type(&self, expected: &str, found: &Json) -> EvalError {
        query_error(format!(
            "The JSONata expression '{}' specified for the field '{}' returned an unexpected data type: \
             expected {expected}, found {}.",
            self.text(),
            self.field,
            crate::json::text(found).chars().take(100).collect::<String>()
        ))
    }
}

/// A `States.QueryEvaluationError`.
pub(crate) fn query_error(cause: String) -> EvalError {
    EvalError {
        error: errors::QUERY_EVALUATION_ERROR,
        cause,
        offset: None,
    }
}

impl JValue {
    /// Compiles the value of field `field`. The recursion follows the
    /// value's nesting, which reading bounds.
    pub(crate) fn compile(value: &Json, field: &str) -> Result<JValue, String> {
        Ok(match value {
            Json::String(s) => match expression(s) {
                Some(text) => JValue::Expr(Box::new(Expr::compile(text, field)?)),
                None => JValue::Static(value.clone()),
            },
            Json::Object(members) if has_expression(value) => JValue::Object(
                members
                    .iter()
                    .map(|(k, v)| Ok((k.clone(), JValue::compile(v, &format!("{field}/{k}"))?)))
                    .collect::<Result<_, String>>()?,
            ),
            Json::Array(items) if has_expression(value) => JValue::Array(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| JValue::compile(v, &format!("{field}[{i}]")))
                    .collect::<Result<_, String>>()?,
            ),
            other => JValue::Static(other.clone()),
        })
    }

    /// Builds the value; an expression yielding nothing is an error.
    pub(crate) fn evaluate(&self, scope: &Scope<'_>) -> Result<Json, EvalError> {
        match self {
            JValue::Static(value) => Ok(value.clone()),
            JValue::Expr(expr) => expr.value(scope),
            JValue::Object(members) => {
                let mut out = JsonObject::with_capacity(members.len());
                for (key, value) in members {
                    out.insert(key.clone(), value.evaluate(scope)?);
                }
                Ok(Json::Object(out))
            }
            JValue::Array(items) => Ok(Json::Array(
                items
                    .iter()
                    .map(|v| v.evaluate(scope))
                    .collect::<Result<_, _>>()?,
            )),
        }
    }
}

/// Whether a `{% … %}` string is anywhere inside `value`.
fn has_expression(value: &Json) -> bool {
    let mut stack = vec![value];
    while let Some(value) = stack.pop() {
        match value {
            Json::String(s) if expression(s).is_some() => return true,
            Json::Object(members) => stack.extend(members.values()),
            Json::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    false
}
