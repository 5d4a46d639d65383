//! `$sum`, `$count`, `$max`, `$min`, `$average`.

use super::arg;
use crate::error::Result;
use crate::eval::Ctx;
use crate::value::Value;

/// The numbers of an array argument (the signature makes them numbers).
fn numbers<'a>(ctx: &Ctx<'a>, array: Value<'a>) -> Result<Vec<f64>> {
    ctx.steps_n(array.len() as u64)?;
    Ok(array.items().filter_map(Value::as_number).collect())
}

/// `$sum(array)`.
pub(crate) fn sum<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    let array = arg(args, 0);
    if array.is_undefined() {
        return Ok(Value::Undefined);
    }
    Ok(Value::Number(
        numbers(ctx, array)?.iter().fold(0.0, |t, n| t + n),
    ))
}

/// `$count(array)`.
pub(crate) fn count<'a>(_: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    #[allow(clippy::cast_precision_loss)]
    Ok(Value::Number(arg(args, 0).len() as f64))
}

/// `$max(array)`.
pub(crate) fn max<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    extreme(ctx, arg(args, 0), f64::max)
}

/// `$min(array)`.
pub(crate) fn min<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    extreme(ctx, arg(args, 0), f64::min)
}

/// The largest or smallest number, as `Math.max`/`Math.min` (NaN wins).
fn extreme<'a>(ctx: &Ctx<'a>, array: Value<'a>, pick: fn(f64, f64) -> f64) -> Result<Value<'a>> {
    let values = numbers(ctx, array)?;
    let Some(first) = values.first() else {
        return Ok(Value::Undefined);
    };
    if values.iter().any(|v| v.is_nan()) {
        return Ok(Value::Number(f64::NAN));
    }
    Ok(Value::Number(
        values.iter().fold(*first, |a, b| pick(a, *b)),
    ))
}

/// `$average(array)`.
pub(crate) fn average<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    let values = numbers(ctx, arg(args, 0))?;
    if values.is_empty() {
        return Ok(Value::Undefined);
    }
    #[allow(clippy::cast_precision_loss)]
    Ok(Value::Number(
        values.iter().fold(0.0, |t, n| t + n) / values.len() as f64,
    ))
}
