//! Operators: arithmetic, comparison, equality, `and`/`or`, `&`, `in`, and
//! the range `..` inside array constructors.

use stepfn::syntax::jsonata::BinaryOp;

use super::{eval, Ctx, Frame};
use crate::error::{Fault, FaultExt, Result};
use crate::ir::{Kind, Node};
use crate::value::{flags, order, text, ArrayBuilder, Value};

/// Most items a range may produce (as jsonata-js).
const MAX_RANGE: f64 = 1e7;

/// Evaluates a binary operator.
pub(crate) fn binary<'a>(
    ctx: &Ctx<'a>,
    node: &'a Node,
    input: Value<'a>,
    env: &'a Frame<'a>,
) -> Result<Value<'a>> {
    let Kind::Binary(op, lhs, rhs) = &node.kind else {
        return Ok(Value::Undefined);
    };
    let op = *op;
    let left = eval(ctx, lhs, input, env)?;
    let at = |f: Box<Fault>| f.at(node.position).token(op.symbol());
    match op {
        BinaryOp::And => {
            if !boolize(ctx, left)? {
                return Ok(Value::Bool(false));
            }
            let right = eval(ctx, rhs, input, env)?;
            return Ok(Value::Bool(boolize(ctx, right)?));
        }
        BinaryOp::Or => {
            if boolize(ctx, left)? {
                return Ok(Value::Bool(true));
            }
            let right = eval(ctx, rhs, input, env)?;
            return Ok(Value::Bool(boolize(ctx, right)?));
        }
        _ => {}
    }
    let right = eval(ctx, rhs, input, env)?;
    match op {
        BinaryOp::Add
        | BinaryOp::Subtract
        | BinaryOp::Multiply
        | BinaryOp::Divide
        | BinaryOp::Modulo => arithmetic(ctx, op, left, right).map_err(at),
        BinaryOp::Equal => Ok(Value::Bool(
            !left.is_undefined() && !right.is_undefined() && order::deep_equal(ctx, left, right)?,
        )),
        BinaryOp::NotEqual => Ok(Value::Bool(
            !left.is_undefined() && !right.is_undefined() && !order::deep_equal(ctx, left, right)?,
        )),
        BinaryOp::Less | BinaryOp::LessEqual | BinaryOp::Greater | BinaryOp::GreaterEqual => {
            compare(ctx, op, left, right).map_err(at)
        }
        BinaryOp::Concat => {
            if let (Value::String(l), Value::String(r)) = (left, right) {
                // two strings: straight into the arena
                ctx.steps_n(((l.len() + r.len()) / 64) as u64)?;
                let mut out =
                    bumpalo::collections::String::with_capacity_in(l.len() + r.len(), ctx.bump);
                out.push_str(l);
                out.push_str(r);
                return Ok(Value::String(out.into_bump_str()));
            }
            let mut out = String::new();
            if !left.is_undefined() {
                text::string_into(ctx, left, false, &mut out).map_err(at)?;
            }
            if !right.is_undefined() {
                text::string_into(ctx, right, false, &mut out).map_err(at)?;
            }
            ctx.steps_n((out.len() / 64) as u64)?;
            Ok(Value::String(ctx.alloc_str(&out)))
        }
        BinaryOp::In => Ok(Value::Bool(includes(left, right))),
        BinaryOp::And | BinaryOp::Or | BinaryOp::Apply => Ok(Value::Undefined),
    }
}

/// Whether a value counts as true; undefined counts as false.
fn boolize(ctx: &Ctx<'_>, value: Value<'_>) -> Result<bool> {
    Ok(truthy_or_undefined(ctx, value)?.unwrap_or(false))
}

/// JSONata's effective boolean value (`$boolean`); `None` for undefined.
pub(crate) fn truthy_or_undefined(ctx: &Ctx<'_>, value: Value<'_>) -> Result<Option<bool>> {
    Ok(Some(match value {
        Value::Undefined => return Ok(None),
        Value::Null => false,
        Value::Bool(b) => b,
        Value::Number(n) => {
            if n.is_infinite() {
                return Err(Fault::new("D1001").value(ctx.describe(value)));
            }
            n != 0.0 && !n.is_nan()
        }
        Value::String(s) => !s.is_empty(),
        Value::Array(_) | Value::JArray(_) => {
            if value.len() == 1 {
                return truthy_or_undefined(ctx, value.get(0).unwrap_or(Value::Undefined));
            }
            let mut any = false;
            for item in value.items() {
                ctx.step()?;
                if truthy_or_undefined(ctx, item)?.unwrap_or(false) {
                    any = true;
                }
            }
            any
        }
        Value::Object(o) => !o.is_empty(),
        Value::JObject(map) => !map.is_empty(),
        Value::Tuple(_) => true,
        // jsonata-js's functions are objects with fields (true), except a
        // regex matcher, which is a plain JavaScript function (false)
        Value::Function(f) => !matches!(
            f,
            super::call::Function::Regex(_) | super::call::Function::RegexNext { .. }
        ),
    }))
}

/// JSONata's effective boolean value, undefined as false.
pub(crate) fn truthy(ctx: &Ctx<'_>, value: Value<'_>) -> Result<bool> {
    boolize(ctx, value)
}

/// A number operand: `Some` if it is a number (D1001 if infinite), `None`
/// if undefined, error otherwise.
fn number_operand(ctx: &Ctx<'_>, value: Value<'_>, code: &'static str) -> Result<Option<f64>> {
    match value {
        Value::Undefined => Ok(None),
        Value::Number(n) if !n.is_nan() => {
            if n.is_infinite() {
                return Err(Fault::new("D1001").value(ctx.describe(value)));
            }
            Ok(Some(n))
        }
        other => Err(Fault::new(code).value(ctx.describe(other))),
    }
}

/// `+ - * / %`.
fn arithmetic<'a>(
    ctx: &Ctx<'a>,
    op: BinaryOp,
    left: Value<'a>,
    right: Value<'a>,
) -> Result<Value<'a>> {
    let l = number_operand(ctx, left, "T2001")?;
    let r = number_operand(ctx, right, "T2002")?;
    let (Some(l), Some(r)) = (l, r) else {
        return Ok(Value::Undefined);
    };
    Ok(Value::Number(match op {
        BinaryOp::Add => l + r,
        BinaryOp::Subtract => l - r,
        BinaryOp::Multiply => l * r,
        BinaryOp::Divide => l / r,
        _ => l % r,
    }))
}

/// `< <= > >=` on two numbers or two strings.
fn compare<'a>(
    ctx: &Ctx<'a>,
    op: BinaryOp,
    left: Value<'a>,
    right: Value<'a>,
) -> Result<Value<'a>> {
    let comparable =
        |v: Value<'_>| matches!(v, Value::Undefined | Value::String(_) | Value::Number(_));
    if !comparable(left) || !comparable(right) {
        let bad = if matches!(left, Value::String(_) | Value::Number(_)) {
            right
        } else {
            left
        };
        return Err(Fault::new("T2010").value(ctx.describe(bad)));
    }
    let ordering = match (left, right) {
        (Value::Undefined, _) | (_, Value::Undefined) => return Ok(Value::Undefined),
        (Value::Number(l), Value::Number(r)) => l.partial_cmp(&r),
        (Value::String(l), Value::String(r)) => Some(order::compare_strings(l, r)),
        _ => {
            return Err(Fault::new("T2009")
                .value(ctx.describe(left))
                .value2(ctx.describe(right)))
        }
    };
    let Some(ordering) = ordering else {
        return Ok(Value::Bool(false));
    };
    Ok(Value::Bool(match op {
        BinaryOp::Less => ordering.is_lt(),
        BinaryOp::LessEqual => ordering.is_le(),
        BinaryOp::Greater => ordering.is_gt(),
        _ => ordering.is_ge(),
    }))
}

/// `a in b`: `a` is one of the items of `b` (compared as `===`).
fn includes<'v>(left: Value<'v>, right: Value<'v>) -> bool {
    if left.is_undefined() || right.is_undefined() {
        return false;
    }
    if right.is_array() {
        right.items().any(|item| order::strict_equal(left, item))
    } else {
        order::strict_equal(left, right)
    }
}

/// `low..high` inside an array constructor: the integers from `low` to `high`.
pub(crate) fn range<'a>(
    ctx: &Ctx<'a>,
    node: &'a Node,
    input: Value<'a>,
    env: &'a Frame<'a>,
) -> Result<Value<'a>> {
    let Kind::Range(low, high) = &node.kind else {
        return Ok(Value::Undefined);
    };
    let lo = eval(ctx, low, input, env)?;
    let hi = eval(ctx, high, input, env)?;
    let integer = |v: Value<'_>| matches!(v, Value::Number(n) if n.fract() == 0.0 && n.is_finite());
    if !lo.is_undefined() && !integer(lo) {
        return Err(Fault::new("T2003")
            .at(node.position)
            .token("..")
            .value(ctx.describe(lo)));
    }
    if !hi.is_undefined() && !integer(hi) {
        return Err(Fault::new("T2004")
            .at(node.position)
            .token("..")
            .value(ctx.describe(hi)));
    }
    let (Value::Number(lo), Value::Number(hi)) = (lo, hi) else {
        return Ok(Value::Undefined);
    };
    if lo > hi {
        return Ok(Value::Undefined);
    }
    let size = hi - lo + 1.0;
    if size > MAX_RANGE {
        return Err(Fault::new("D2014")
            .at(node.position)
            .token("..")
            .value(crate::value::number::number_to_string(size)));
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let count = size as usize;
    ctx.steps_n(count as u64)?;
    let mut out = ArrayBuilder::with_capacity(ctx.bump, count);
    let mut n = lo;
    while n <= hi {
        out.push(Value::Number(n));
        n += 1.0;
    }
    ctx.check_memory()?;
    Ok(out.finish(flags::SEQUENCE))
}
