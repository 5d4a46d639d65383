//! Filter conditions (`[?(@.price < 10)]`) and script indexes
//! (`[(@.length-1)]`) evaluated against one node. Their nesting is that of
//! the path text, which the parser bounds.

use stepfn::model::Json;
use stepfn::syntax::path::{ArithOp, Arithmetic, Comparison, Filter, Operand, Step};

use super::select::select;

/// Whether `filter` holds for `item`. A comparison with an operand that
/// selects nothing does not hold, whatever the operator.
pub(super) fn holds(filter: &Filter, item: &Json) -> bool {
    match filter {
        Filter::Or(all) => all.iter().any(|f| holds(f, item)),
        Filter::And(all) => all.iter().all(|f| holds(f, item)),
        Filter::Not(inner) => !holds(inner, item),
        Filter::Exists(steps) => !select(steps, item).is_empty(),
        Filter::Compare { left, op, right } => {
            let (Some(left), Some(right)) = (operand(left, item), operand(right, item)) else {
                return false;
            };
            compare(&left, *op, &right)
        }
    }
}

/// A comparison operand's value: `@…` the first node it selects.
fn operand(operand: &Operand, item: &Json) -> Option<Json> {
    match operand {
        Operand::Current(steps) => select(steps, item).first().map(|&node| node.clone()),
        Operand::Number(n) => Some(Json::Number(n.clone())),
        Operand::String(s) | Operand::Word(s) => Some(Json::String(s.clone())),
        Operand::Bool(b) => Some(Json::Bool(*b)),
        Operand::Null => Some(Json::Null),
    }
}

/// `left op right`: numbers by value, strings by their characters, other
/// values only for (in)equality.
fn compare(left: &Json, op: Comparison, right: &Json) -> bool {
    let order = match (left, right) {
        (Json::Number(a), Json::Number(b)) => a.as_f64().partial_cmp(&b.as_f64()),
        (Json::String(a), Json::String(b)) => Some(a.cmp(b)),
        _ => None,
    };
    match op {
        Comparison::Equal | Comparison::StrictEqual => same(left, right),
        Comparison::NotEqual | Comparison::StrictNotEqual => !same(left, right),
        Comparison::Less => order.is_some_and(std::cmp::Ordering::is_lt),
        Comparison::LessOrEqual => order.is_some_and(std::cmp::Ordering::is_le),
        Comparison::Greater => order.is_some_and(std::cmp::Ordering::is_gt),
        Comparison::GreaterOrEqual => order.is_some_and(std::cmp::Ordering::is_ge),
    }
}

/// Deep equality, numbers by value (`1` equals `1.0`).
pub(super) fn same(a: &Json, b: &Json) -> bool {
    let mut pending = vec![(a, b)];
    while let Some((a, b)) = pending.pop() {
        let equal = match (a, b) {
            (Json::Number(x), Json::Number(y)) => x.as_f64() == y.as_f64(),
            (Json::Array(xs), Json::Array(ys)) => {
                pending.extend(xs.iter().zip(ys));
                xs.len() == ys.len()
            }
            (Json::Object(xs), Json::Object(ys)) => {
                let mut all = xs.len() == ys.len();
                for (key, x) in xs {
                    match ys.get(key) {
                        Some(y) => pending.push((x, y)),
                        None => all = false,
                    }
                }
                all
            }
            _ => a == b,
        };
        if !equal {
            return false;
        }
    }
    true
}

/// The number a script index computes for `node`; `@.length` is the
/// length of an array. `None` when an operand is not a number.
pub(super) fn script_value(script: &Arithmetic, node: &Json) -> Option<f64> {
    match script {
        Arithmetic::Number(n) => Some(n.as_f64()),
        Arithmetic::Current(steps) => current_number(steps, node),
        Arithmetic::Negate(inner) => script_value(inner, node).map(|x| -x),
        Arithmetic::Operation { first, rest } => {
            let mut value = script_value(first, node)?;
            for (op, operand) in rest {
                let x = script_value(operand, node)?;
                value = match op {
                    ArithOp::Add => value + x,
                    ArithOp::Subtract => value - x,
                    ArithOp::Multiply => value * x,
                    ArithOp::Divide => value / x,
                    ArithOp::Remainder => value % x,
                };
            }
            Some(value)
        }
    }
}

/// The number `@…` reads: `@.length` of an array is its length.
fn current_number(steps: &[Step], node: &Json) -> Option<f64> {
    if let ([Step::Child(stepfn::syntax::path::Selector::Name(name))], Json::Array(items)) =
        (steps, node)
    {
        if name == "length" {
            #[allow(clippy::cast_precision_loss)]
            return Some(items.len() as f64);
        }
    }
    match select(steps, node).first() {
        Some(Json::Number(n)) => Some(n.as_f64()),
        _ => None,
    }
}
