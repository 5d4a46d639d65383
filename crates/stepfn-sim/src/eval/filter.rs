//! Filters `[?(…)]` and script indexes `[(…)]` inside Paths.
//!
//! A filter tests each element of an array (or an object itself): `@`
//! paths are read from the element, which must be an object or an array
//! (AWS matches `@` against objects, not scalars). A comparison with a
//! missing operand, or between values of different types, is false.
//! Strings compare by their UTF-16 code units, numbers as doubles.
//!
//! The parser bounds the nesting of filters and scripts (32 levels), which
//! bounds the recursion here.

use std::cmp::Ordering;

use stepfn::model::Json;
use stepfn::syntax::path::{ArithOp, Arithmetic, Comparison, Filter, Operand, Selector, Step};

use super::jsonpath::{element, member};
use crate::json::{equal, numbers_equal};

/// Whether `item` passes `filter`.
pub(crate) fn matches_filter(item: &Json, filter: &Filter) -> bool {
    if !matches!(item, Json::Object(_) | Json::Array(_)) {
        return false;
    }
    holds(item, filter)
}

/// Whether the condition holds for `item`.
fn holds(item: &Json, filter: &Filter) -> bool {
    match filter {
        Filter::Or(all) => all.iter().any(|f| holds(item, f)),
        Filter::And(all) => all.iter().all(|f| holds(item, f)),
        Filter::Not(inner) => !holds(item, inner),
        Filter::Exists(steps) => relative(item, steps).is_some(),
        Filter::Compare { left, op, right } => match (operand(item, left), operand(item, right)) {
            (Some(l), Some(r)) => compare(&l, *op, &r),
            _ => false,
        },
    }
}

/// The value of a filter operand, `None` when an `@` path finds nothing.
fn operand(item: &Json, operand: &Operand) -> Option<Json> {
    match operand {
        Operand::Current(steps) => relative(item, steps).cloned(),
        Operand::Number(n) => Some(Json::Number(n.clone())),
        Operand::String(s) | Operand::Word(s) => Some(Json::String(s.clone())),
        Operand::Bool(b) => Some(Json::Bool(*b)),
        Operand::Null => Some(Json::Null),
    }
}

/// Follows the name and index steps of an `@` path from `item`.
fn relative<'a>(item: &'a Json, steps: &[Step]) -> Option<&'a Json> {
    let mut node = item;
    for step in steps {
        node = match step {
            Step::Child(Selector::Name(name)) => member(node, name)?,
            Step::Child(Selector::Index(index)) => element(node, *index)?,
            _ => return None,
        };
    }
    Some(node)
}

/// Applies a comparison operator to two values.
fn compare(left: &Json, op: Comparison, right: &Json) -> bool {
    match op {
        Comparison::Equal | Comparison::StrictEqual => same(left, right),
        Comparison::NotEqual | Comparison::StrictNotEqual => !same(left, right),
        Comparison::Less => order(left, right) == Some(Ordering::Less),
        Comparison::LessOrEqual => {
            matches!(order(left, right), Some(Ordering::Less | Ordering::Equal))
        }
        Comparison::Greater => order(left, right) == Some(Ordering::Greater),
        Comparison::GreaterOrEqual => {
            matches!(
                order(left, right),
                Some(Ordering::Greater | Ordering::Equal)
            )
        }
    }
}

/// Equality of filter values: numbers by value, others by JSON equality.
fn same(left: &Json, right: &Json) -> bool {
    match (left, right) {
        (Json::Number(a), Json::Number(b)) => numbers_equal(a, b),
        _ => equal(left, right),
    }
}

/// The order of two numbers or two strings; `None` for other pairs.
fn order(left: &Json, right: &Json) -> Option<Ordering> {
    match (left, right) {
        (Json::Number(a), Json::Number(b)) => a.as_f64().partial_cmp(&b.as_f64()),
        (Json::String(a), Json::String(b)) => Some(utf16_order(a, b)),
        _ => None,
    }
}

/// Orders strings by UTF-16 code units, as Java compares them.
pub(crate) fn utf16_order(a: &str, b: &str) -> Ordering {
    if a.is_ascii() && b.is_ascii() {
        return a.cmp(b);
    }
    a.encode_utf16().cmp(b.encode_utf16())
}

/// What a script index computes: an array index or a member name.
pub(crate) enum ScriptKey {
    /// An index into an array.
    Index(i32),
    /// A member of an object.
    Name(String),
}

/// Evaluates a script index against `node`: `@.length` is the length of
/// an array; the result selects an element of an array or the member of
/// an object named by the number.
pub(crate) fn script_key(node: &Json, script: &Arithmetic) -> Option<ScriptKey> {
    let value = arithmetic(node, script)?;
    if !value.is_finite() || value.fract() != 0.0 {
        return None;
    }
    match node {
        Json::Array(_) => {
            // Whole values within i32 convert exactly.
            #[allow(clippy::cast_possible_truncation)]
            let index = (value.abs() <= f64::from(i32::MAX)).then_some(value as i32)?;
            Some(ScriptKey::Index(index))
        }
        Json::Object(_) => Some(ScriptKey::Name(format!("{value}"))),
        _ => None,
    }
}

/// The number an arithmetic expression computes over `node`.
fn arithmetic(node: &Json, expression: &Arithmetic) -> Option<f64> {
    match expression {
        Arithmetic::Number(n) => Some(n.as_f64()),
        Arithmetic::Negate(inner) => arithmetic(node, inner).map(|v| -v),
        Arithmetic::Current(steps) => current_number(node, steps),
        Arithmetic::Operation { first, rest } => {
            let mut value = arithmetic(node, first)?;
            for (op, operand) in rest {
                let operand = arithmetic(node, operand)?;
                value = match op {
                    ArithOp::Add => value + operand,
                    ArithOp::Subtract => value - operand,
                    ArithOp::Multiply => value * operand,
                    ArithOp::Divide => value / operand,
                    ArithOp::Remainder => value % operand,
                };
            }
            Some(value)
        }
    }
}

/// The number an `@` path leads to; `@.length` of an array is its length.
#[allow(clippy::cast_precision_loss)]
fn current_number(node: &Json, steps: &[Step]) -> Option<f64> {
    if let [Step::Child(Selector::Name(name))] = steps {
        if name == "length" {
            if let Json::Array(items) = node {
                return Some(items.len() as f64);
            }
        }
    }
    match relative(node, steps)? {
        Json::Number(n) => Some(n.as_f64()),
        _ => None,
    }
}
