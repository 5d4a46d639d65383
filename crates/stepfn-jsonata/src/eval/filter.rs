//! Predicates `[…]`: a number selects by position (negative counts from
//! the end), anything else keeps the items for which it is true.

use super::{eval, ops, Ctx, Frame};
use crate::error::{Fault, FaultExt, Result};
use crate::ir::{Kind, Node};
use crate::value::{array_of, flags, ArrayBuilder, Value};

/// Applies `predicate` to `input`.
pub(crate) fn filter<'a>(
    ctx: &Ctx<'a>,
    predicate: &'a Node,
    input: Value<'a>,
    env: &'a Frame<'a>,
) -> Result<Value<'a>> {
    let tuples = input.is_tuple_stream();
    let result_flags = if tuples {
        flags::SEQUENCE | flags::TUPLE_STREAM
    } else {
        flags::SEQUENCE
    };
    let input = if input.is_array() {
        input
    } else {
        array_of(ctx.bump, &[input], flags::SEQUENCE)
    };
    let len = input.len();
    let mut out = ArrayBuilder::new(ctx.bump);
    if let Kind::Number(n) = predicate.kind {
        if let Some(index) = position(n.floor(), len) {
            match input.get(index) {
                Some(Value::Undefined) | None => {}
                Some(item) if item.is_array() => return Ok(item),
                Some(item) => out.push(item),
            }
        }
        return Ok(out.finish(result_flags));
    }
    // as in jsonata-js, the predicate also runs for a missing item, and a
    // missing item it keeps stays in the result (it is written as null)
    for (index, item) in input.items().enumerate() {
        let (context, scope) = match item.as_tuple() {
            Some(tuple) if tuples => (tuple.focus, Frame::of_tuple(ctx, env, tuple)),
            _ => (item, env),
        };
        let res = eval(ctx, predicate, context, scope)?;
        if let Some(indexes) = numbers(ctx, res)? {
            for ires in indexes {
                if position(ires.floor(), len) == Some(index) {
                    out.push(item);
                }
            }
        } else if ops::truthy(ctx, res)? {
            out.push(item);
        }
    }
    Ok(out.finish(result_flags))
}

/// The item index a predicate number selects in an array of `len` items.
fn position(index: f64, len: usize) -> Option<usize> {
    #[allow(clippy::cast_precision_loss)]
    let index = if index < 0.0 {
        len as f64 + index
    } else {
        index
    };
    if (0.0..9.0e15).contains(&index) {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Some(index as usize)
    } else {
        None
    }
}

/// The numbers a predicate result selects by, if it is a number or an
/// array of numbers (an empty array selects nothing).
fn numbers(ctx: &Ctx<'_>, value: Value<'_>) -> Result<Option<Vec<f64>>> {
    match value {
        Value::Number(n) => Ok(Some(vec![numeric(ctx, n)?])),
        Value::Array(_) | Value::JArray(_) => {
            let mut out = Vec::with_capacity(value.len());
            for item in value.items() {
                match item {
                    Value::Number(n) if !n.is_nan() => out.push(numeric(ctx, n)?),
                    _ => return Ok(None),
                }
            }
            Ok(Some(out))
        }
        _ => Ok(None),
    }
}

/// A finite number, or error D1001 (as jsonata-js's numeric check).
fn numeric(ctx: &Ctx<'_>, n: f64) -> Result<f64> {
    if n.is_infinite() {
        return Err(Fault::new("D1001").value(ctx.describe(Value::Number(n))));
    }
    Ok(n)
}
