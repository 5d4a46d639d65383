//! Dates and times: `$now`, `$millis`, `$fromMillis`, `$toMillis`, with
//! XPath date/time pictures as jsonata-js implements them. Times are UTC
//! milliseconds since the epoch; the calendar is the proleptic Gregorian
//! one JavaScript's `Date` uses.

mod calendar;
mod format;
mod parse;

use super::arg;
use crate::error::Result;
use crate::eval::Ctx;
use crate::value::Value;

/// `$now(picture, timezone)`: the evaluation's time as a timestamp.
pub(crate) fn now<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    let text = format::format_millis(ctx.now(), arg(args, 0).as_str(), arg(args, 1).as_str())?;
    Ok(Value::String(ctx.alloc_str(&text)))
}

/// `$millis()`: the evaluation's time in milliseconds since the epoch.
pub(crate) fn millis<'a>(ctx: &Ctx<'a>, _: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    Ok(Value::Number(ctx.now()))
}

/// `$fromMillis(millis, picture, timezone)`.
pub(crate) fn from_millis<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    let Value::Number(millis) = arg(args, 0) else {
        return Ok(Value::Undefined);
    };
    let text = format::format_millis(millis, arg(args, 1).as_str(), arg(args, 2).as_str())?;
    Ok(Value::String(ctx.alloc_str(&text)))
}

/// `$toMillis(timestamp, picture)`.
pub(crate) fn to_millis<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    let Value::String(timestamp) = arg(args, 0) else {
        return Ok(Value::Undefined);
    };
    let millis = match arg(args, 1) {
        Value::String(picture) => parse::parse_with_picture(ctx, timestamp, picture)?,
        _ => Some(parse::parse_iso(ctx, timestamp)?),
    };
    Ok(millis.map_or(Value::Undefined, Value::Number))
}
