//! Higher-order functions: `$map`, `$filter`, `$single`, `$reduce`,
//! `$sift`, `$each`. The function argument receives the value, and also
//! the index (or key) and the whole array (or object) if it takes them.

use super::arg;
use crate::error::{Fault, FaultExt, Result};
use crate::eval::ops::truthy;
use crate::eval::{apply, function_arity, Ctx};
use crate::value::{flags, order, ArrayBuilder, ObjectBuilder, Value};

/// How many arguments `func` takes.
fn arity(func: Value<'_>) -> usize {
    match func {
        Value::Function(f) => function_arity(f),
        _ => 0,
    }
}

/// Calls `func` with as many of (value, position, whole) as it takes.
fn call<'a>(
    ctx: &Ctx<'a>,
    func: Value<'a>,
    value: Value<'a>,
    position: Value<'a>,
    whole: Value<'a>,
    at: usize,
) -> Result<Value<'a>> {
    let n = arity(func);
    let args = [value, position, whole];
    let count = n.clamp(1, 3);
    // functions called by built-ins see no context value
    apply(
        ctx,
        func,
        args.get(..count).unwrap_or(&args),
        Value::Null,
        at,
    )
}

/// An index as a number value.
#[allow(clippy::cast_precision_loss)]
fn index<'a>(i: usize) -> Value<'a> {
    Value::Number(i as f64)
}

/// `$map(array, function)`.
pub(crate) fn map<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], at: usize) -> Result<Value<'a>> {
    let array = arg(args, 0);
    if array.is_undefined() {
        return Ok(Value::Undefined);
    }
    let func = arg(args, 1);
    let mut out = ArrayBuilder::with_capacity(ctx.bump, array.len());
    for (i, item) in array.items().enumerate() {
        let res = call(ctx, func, item, index(i), array, at)?;
        if !res.is_undefined() {
            out.push(res);
        }
    }
    Ok(out.finish(flags::SEQUENCE))
}

/// `$filter(array, predicate)`.
pub(crate) fn filter<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], at: usize) -> Result<Value<'a>> {
    let array = arg(args, 0);
    if array.is_undefined() {
        return Ok(Value::Undefined);
    }
    let func = arg(args, 1);
    let mut out = ArrayBuilder::new(ctx.bump);
    for (i, item) in array.items().enumerate() {
        if truthy(ctx, call(ctx, func, item, index(i), array, at)?)? {
            out.push(item);
        }
    }
    Ok(out.finish(flags::SEQUENCE))
}

/// `$single(array, predicate)`: the one item that matches (D3138 if more,
/// D3139 if none).
pub(crate) fn single<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], at: usize) -> Result<Value<'a>> {
    let array = arg(args, 0);
    if array.is_undefined() {
        return Ok(Value::Undefined);
    }
    let func = arg(args, 1);
    let mut found: Option<Value<'a>> = None;
    for (i, item) in array.items().enumerate() {
        let matched = if func.is_undefined() {
            ctx.step()?;
            true
        } else {
            truthy(ctx, call(ctx, func, item, index(i), array, at)?)?
        };
        if matched {
            if found.is_some() {
                return Err(Fault::new("D3138").index(i));
            }
            found = Some(item);
        }
    }
    found.ok_or_else(|| Fault::new("D3139"))
}

/// `$reduce(array, function, init)`.
pub(crate) fn reduce<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], at: usize) -> Result<Value<'a>> {
    let array = arg(args, 0);
    if array.is_undefined() {
        return Ok(Value::Undefined);
    }
    let func = arg(args, 1);
    let n = arity(func);
    if n < 2 {
        return Err(Fault::new("D3050").index(1));
    }
    let init = arg(args, 2);
    let (mut result, start) = if init.is_undefined() && array.len() > 0 {
        (array.get(0).unwrap_or(Value::Undefined), 1)
    } else {
        (init, 0)
    };
    for i in start..array.len() {
        let item = array.get(i).unwrap_or(Value::Undefined);
        let all = [result, item, index(i), array];
        let count = n.min(4);
        result = apply(ctx, func, all.get(..count).unwrap_or(&all), Value::Null, at)?;
    }
    Ok(result)
}

/// `$sift(object, predicate)`: the fields for which the predicate holds
/// (undefined when none does).
pub(crate) fn sift<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], at: usize) -> Result<Value<'a>> {
    let object = arg(args, 0);
    let func = arg(args, 1);
    let mut out = ObjectBuilder::new(ctx.bump);
    for key in order::object_keys(object) {
        let value = object.field(key).unwrap_or(Value::Undefined);
        if truthy(ctx, call(ctx, func, value, Value::String(key), object, at)?)? {
            out.insert(key, value);
        }
    }
    if out.len() == 0 {
        return Ok(Value::Undefined);
    }
    Ok(out.finish())
}

/// `$each(object, function)`: the function's results for every field.
pub(crate) fn each<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], at: usize) -> Result<Value<'a>> {
    let object = arg(args, 0);
    let func = arg(args, 1);
    let mut out = ArrayBuilder::new(ctx.bump);
    for key in order::object_keys(object) {
        let value = object.field(key).unwrap_or(Value::Undefined);
        let res = call(ctx, func, value, Value::String(key), object, at)?;
        if !res.is_undefined() {
            out.push(res);
        }
    }
    Ok(out.finish(flags::SEQUENCE))
}
