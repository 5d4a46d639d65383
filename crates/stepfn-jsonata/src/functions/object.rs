//! Object and general functions: `$keys`, `$lookup`, `$spread`, `$merge`,
//! `$type`, `$error`, `$assert`, `$boolean`, `$not`, `$exists`, `$clone`.

use super::arg;
use crate::error::{Fault, FaultExt, Result};
use crate::eval::ops::truthy_or_undefined;
use crate::eval::transform::deep_clone;
use crate::eval::{self, Ctx};
use crate::value::{flags, order, ArrayBuilder, ObjectBuilder, Value};

/// `$keys(value)`: the keys of an object, or the distinct keys of the
/// objects in an array.
pub(crate) fn keys<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    let mut out = ArrayBuilder::new(ctx.bump);
    let mut seen: std::collections::HashSet<&'a str> = std::collections::HashSet::new();
    let mut stack = vec![arg(args, 0)];
    let single = !arg(args, 0).is_array();
    while let Some(value) = stack.pop() {
        ctx.step()?;
        if value.is_array() {
            stack.extend(value.items().rev());
            continue;
        }
        for key in order::object_keys(value) {
            if single || seen.insert(key) {
                out.push(Value::String(key));
            }
        }
    }
    Ok(out.finish(flags::SEQUENCE))
}

/// `$lookup(object, key)`.
pub(crate) fn lookup<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    let Value::String(key) = arg(args, 1) else {
        return Ok(Value::Undefined);
    };
    Ok(eval::lookup(ctx, arg(args, 0), key))
}

/// `$spread(value)`: an object as an array of one-field objects (arrays of
/// objects spread item by item); anything else as it is.
pub(crate) fn spread<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    let value = arg(args, 0);
    if !value.is_array() && !value.is_object() {
        return Ok(value);
    }
    let mut out = ArrayBuilder::new(ctx.bump);
    // spreading an array appends, which makes a plain array in jsonata-js
    let plain = value.is_array();
    let mut stack = vec![value];
    while let Some(item) = stack.pop() {
        ctx.step()?;
        if item.is_array() {
            stack.extend(item.items().rev());
            continue;
        }
        if item.is_object() {
            for key in order::object_keys(item) {
                let mut one = ObjectBuilder::new(ctx.bump);
                one.insert(key, item.field(key).unwrap_or(Value::Undefined));
                out.push(one.finish());
            }
        } else if !item.is_undefined() {
            out.push(item);
        }
    }
    Ok(out.finish(if plain { 0 } else { flags::SEQUENCE }))
}

/// `$merge(objects)`: later fields override earlier ones.
pub(crate) fn merge<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    let objects = arg(args, 0);
    if objects.is_undefined() {
        return Ok(Value::Undefined);
    }
    let mut out = ObjectBuilder::new(ctx.bump);
    for object in objects.items() {
        for key in order::object_keys(object) {
            ctx.step()?;
            out.insert(key, object.field(key).unwrap_or(Value::Undefined));
        }
    }
    Ok(out.finish())
}

/// `$type(value)`.
pub(crate) fn type_<'a>(_: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    Ok(arg(args, 0)
        .type_name()
        .map_or(Value::Undefined, Value::String))
}

/// `$error(message)`: fails with D3137.
pub(crate) fn error<'a>(_: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    let message = match arg(args, 0) {
        Value::String(s) if !s.is_empty() => s,
        _ => "$error() function evaluated",
    };
    Err(Fault::new("D3137").detail(message))
}

/// `$assert(condition, message)`: fails with D3141 unless the condition is true.
pub(crate) fn assert<'a>(_: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    if matches!(arg(args, 0), Value::Bool(true)) {
        return Ok(Value::Undefined);
    }
    let message = match arg(args, 1) {
        Value::String(s) if !s.is_empty() => s,
        _ => "$assert() statement failed",
    };
    Err(Fault::new("D3141").detail(message))
}

/// The truth of a function's argument: a function passed as an argument is
/// false (jsonata-js wraps it in a plain JavaScript function first).
fn argument_truth(ctx: &Ctx<'_>, value: Value<'_>) -> Result<Option<bool>> {
    if value.is_function() {
        return Ok(Some(false));
    }
    truthy_or_undefined(ctx, value)
}

/// `$boolean(value)`.
pub(crate) fn boolean<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    Ok(argument_truth(ctx, arg(args, 0))?.map_or(Value::Undefined, Value::Bool))
}

/// `$not(value)`.
pub(crate) fn not<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    Ok(argument_truth(ctx, arg(args, 0))?.map_or(Value::Undefined, |b| Value::Bool(!b)))
}

/// `$exists(value)`.
pub(crate) fn exists<'a>(_: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    Ok(Value::Bool(!arg(args, 0).is_undefined()))
}

/// `$clone(value)`: a deep copy.
pub(crate) fn clone<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    let value = arg(args, 0);
    if value.is_undefined() {
        return Ok(Value::Undefined);
    }
    deep_clone(ctx, value, 0).map_err(|f| f.index(1))
}
