//! JSON values (payload templates, results, outputs, variables) as
//! expressions of the builder's value types: a [`Payload`] per object
//! (`.field(key, value)`, keys as written, so `"id.$"` stays a path), arrays,
//! literals. Written with an explicit stack: a value nested any depth costs
//! no recursion, and a value nested deeper than [`MOVE_OUT_HEIGHT`] levels is
//! moved into a variable of its own, so no statement nests deeply.
//!
//! [`Payload`]: crate::builder::Payload

use crate::model::{Json, JsonObject, Number};

use super::code::Expr;
use super::cx::FnCx;
use super::literal::{self, NumberLiteral};

/// Objects and arrays nested deeper than this inside one value are moved
/// into variables of their own.
const MOVE_OUT_HEIGHT: usize = 8;

/// What the place a value goes to takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// `impl Into<Json>`: `parameters`, `arguments`, `output`, `assign`, ...
    Json,
    /// `impl Into<PayloadValue>` (a `Payload` field), `impl Into<PayloadItem>`
    /// (an array item) or `impl Serialize` (`Pass::result`): they take the
    /// same literals.
    Value,
}

/// What is left to do for one value.
enum Step<'j> {
    Visit(&'j Json),
    Object(&'j JsonObject),
    Array(&'j [Json]),
}

/// `json` written for `place`.
pub(crate) fn value(cx: &mut FnCx<'_>, json: &Json, place: Place) -> Expr {
    let mut steps = vec![Step::Visit(json)];
    // Finished values, with how many objects and arrays nest in each.
    let mut done: Vec<(Expr, usize)> = Vec::new();
    while let Some(step) = steps.pop() {
        match step {
            Step::Visit(Json::Object(object)) => {
                steps.push(Step::Object(object));
                steps.extend(object.values().rev().map(Step::Visit));
            }
            Step::Visit(Json::Array(items)) => {
                steps.push(Step::Array(items));
                steps.extend(items.iter().rev().map(Step::Visit));
            }
            Step::Visit(scalar) => done.push((scalar_value(cx, scalar), 0)),
            Step::Object(object) => {
                let parts = done.split_off(done.len().saturating_sub(object.len()));
                let height = 1 + parts.iter().map(|(_, h)| *h).max().unwrap_or(0);
                check_keys(cx, object);
                let mut payload = Expr::call("Payload::new", Vec::new());
                for (key, (part, _)) in object.keys().zip(parts) {
                    payload = payload.method("field", vec![Expr::str(key), part]);
                }
                done.push(moved_out(cx, payload, height));
            }
            Step::Array(items) => {
                let parts = done.split_off(done.len().saturating_sub(items.len()));
                let height = 1 + parts.iter().map(|(_, h)| *h).max().unwrap_or(0);
                let array = array(items, parts.into_iter().map(|(part, _)| part).collect());
                done.push(moved_out(cx, array, height));
            }
        }
    }
    let (expr, _) = done.pop().unwrap_or((Expr::path("Json::Null"), 0));
    match (place, json) {
        (Place::Json, Json::Number(_) | Json::Array(_)) => {
            Expr::call("PayloadItem::from", vec![expr])
        }
        _ => expr,
    }
}

/// A value nested `height` levels deep, moved into a variable when that is
/// too deep to stay where it is.
fn moved_out(cx: &mut FnCx<'_>, expr: Expr, height: usize) -> (Expr, usize) {
    if height > MOVE_OUT_HEIGHT {
        (cx.hoist(expr, "value"), 0)
    } else {
        (expr, height)
    }
}

/// A literal, `Json::Null`, or `Number::parse("...")` for number text no
/// Rust literal holds.
fn scalar_value(cx: &mut FnCx<'_>, json: &Json) -> Expr {
    match json {
        Json::Null => Expr::path("Json::Null"),
        Json::Bool(b) => Expr::Lit(b.to_string()),
        Json::String(s) => Expr::str(s),
        Json::Number(n) => number(cx, n),
        Json::Array(_) | Json::Object(_) => Expr::path("Json::Null"),
    }
}

/// A number where a payload value is taken: a literal, or the exact text
/// (`Option<Number>` converts like a number).
pub(crate) fn number(cx: &mut FnCx<'_>, n: &Number) -> Expr {
    match literal::number(n) {
        NumberLiteral::Exact(text) => Expr::Lit(text),
        NumberLiteral::Text(text) => {
            cx.file.uses("stepfn::model::Number");
            Expr::call("Number::parse", vec![Expr::str(&text)])
        }
    }
}

/// What Rust type an array item's expression has, to see whether an array
/// can be written plainly (`["a", "b"]`) or its items need converting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Str,
    Bool,
    Int,
    Float,
    Null,
    Object,
    Other,
}

fn kind(json: &Json, expr: &Expr) -> Kind {
    match (json, expr) {
        (Json::String(_), _) => Kind::Str,
        (Json::Bool(_), _) => Kind::Bool,
        (Json::Null, _) => Kind::Null,
        (Json::Object(_), _) => Kind::Object,
        (Json::Number(_), Expr::Lit(text))
            if text.bytes().all(|b| b.is_ascii_digit() || b == b'-') =>
        {
            Kind::Int
        }
        (Json::Number(_), Expr::Lit(text)) if !text.ends_with("u64") && !text.ends_with("i64") => {
            Kind::Float
        }
        _ => Kind::Other,
    }
}

/// `[a, b]` when the items are of one Rust type, else each item converted
/// with `PayloadItem::from`; an empty array is a `Vec` of items.
fn array(items: &[Json], parts: Vec<Expr>) -> Expr {
    if parts.is_empty() {
        return Expr::call("Vec::<PayloadItem>::new", Vec::new());
    }
    let kinds: Vec<Kind> = items.iter().zip(&parts).map(|(j, e)| kind(j, e)).collect();
    let first = kinds.first().copied().unwrap_or(Kind::Other);
    if first != Kind::Other && kinds.iter().all(|k| *k == first) {
        return Expr::Array(parts);
    }
    Expr::Array(
        parts
            .into_iter()
            .map(|part| Expr::call("PayloadItem::from", vec![part]))
            .collect(),
    )
}

/// Notes the keys `Payload::field` would not keep as written: two spellings
/// of one key (`a` and `a.$`), or a key ending `.$.$`.
fn check_keys(cx: &mut FnCx<'_>, object: &JsonObject) {
    let base = |key: &str| key.trim_end_matches(".$").to_owned();
    let mut seen = std::collections::HashSet::new();
    for key in object.keys() {
        if key.ends_with(".$.$") || !seen.insert(base(key)) {
            cx.note(format!(
                "the key {} of an object cannot be written with `Payload::field` as it is",
                literal::string(key)
            ));
        }
    }
}
