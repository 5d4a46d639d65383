//! String functions: `$string`, `$substring`, `$substringBefore`,
//! `$substringAfter`, `$lowercase`, `$uppercase`, `$length`, `$trim`,
//! `$pad`, `$join`. Positions and lengths count characters (code points),
//! as jsonata-js does.

use super::arg;
use crate::error::{Fault, FaultExt, Result};
use crate::eval::Ctx;
use crate::value::{text, Value};

/// Longest string a function may build (bytes).
const MAX_BUILT: usize = 1 << 28;

/// `$string(value, prettify)`.
pub(crate) fn string<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    let pretty = matches!(arg(args, 1), Value::Bool(true));
    text::string_value(ctx, arg(args, 0), pretty)
}

/// JavaScript's `ToIntegerOrInfinity` then clamping of an `Array.slice` bound.
pub(crate) fn slice_bound(bound: f64, len: usize) -> usize {
    #[allow(clippy::cast_precision_loss)]
    let len_f = len as f64;
    let b = if bound.is_nan() { 0.0 } else { bound.trunc() };
    let b = if b < 0.0 {
        (len_f + b).max(0.0)
    } else {
        b.min(len_f)
    };
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let b = b as usize;
    b
}

/// `$substring(string, start, length)`.
pub(crate) fn substring<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    let Value::String(s) = arg(args, 0) else {
        return Ok(Value::Undefined);
    };
    let mut start = arg(args, 1).as_number().unwrap_or(f64::NAN);
    let chars: Vec<char> = s.chars().collect();
    #[allow(clippy::cast_precision_loss)]
    let len = chars.len() as f64;
    if len + start < 0.0 {
        start = 0.0;
    }
    let end = match arg(args, 2) {
        Value::Number(length) => {
            if length <= 0.0 {
                return Ok(Value::String(""));
            }
            if start >= 0.0 {
                start + length
            } else {
                len + start + length
            }
        }
        _ => len,
    };
    let from = slice_bound(start, chars.len());
    let to = slice_bound(end, chars.len());
    let out: String = chars
        .get(from..to.max(from))
        .unwrap_or(&[])
        .iter()
        .collect();
    Ok(Value::String(ctx.alloc_str(&out)))
}

/// The text `indexOf` searches for: a string, or what JavaScript makes of
/// a missing one.
fn needle<'a>(value: Value<'a>) -> &'a str {
    match value {
        Value::String(s) => s,
        _ => "undefined",
    }
}

/// `$substringBefore(string, chars)`.
pub(crate) fn substring_before<'a>(_: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    let Value::String(s) = arg(args, 0) else {
        return Ok(Value::Undefined);
    };
    Ok(Value::String(match s.find(needle(arg(args, 1))) {
        Some(pos) => s.get(..pos).unwrap_or(s),
        None => s,
    }))
}

/// `$substringAfter(string, chars)`.
pub(crate) fn substring_after<'a>(_: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    let Value::String(s) = arg(args, 0) else {
        return Ok(Value::Undefined);
    };
    let chars = needle(arg(args, 1));
    Ok(Value::String(match s.find(chars) {
        Some(pos) => s.get(pos + chars.len()..).unwrap_or(""),
        None => s,
    }))
}

/// `$lowercase(string)`.
pub(crate) fn lowercase<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    Ok(match arg(args, 0) {
        Value::String(s) => Value::String(ctx.alloc_str(&s.to_lowercase())),
        _ => Value::Undefined,
    })
}

/// `$uppercase(string)`.
pub(crate) fn uppercase<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    Ok(match arg(args, 0) {
        Value::String(s) => Value::String(ctx.alloc_str(&s.to_uppercase())),
        _ => Value::Undefined,
    })
}

/// `$length(string)`.
pub(crate) fn length<'a>(_: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    #[allow(clippy::cast_precision_loss)]
    Ok(match arg(args, 0) {
        Value::String(s) => Value::Number(s.chars().count() as f64),
        _ => Value::Undefined,
    })
}

/// `$trim(string)`: runs of space, tab, CR and LF become one space, and
/// one leading and one trailing space go.
pub(crate) fn trim<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    let Value::String(s) = arg(args, 0) else {
        return Ok(Value::Undefined);
    };
    let mut out = String::with_capacity(s.len());
    let mut in_space = false;
    for c in s.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r') {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    let out = out.strip_prefix(' ').unwrap_or(&out);
    let out = out.strip_suffix(' ').unwrap_or(out);
    Ok(Value::String(ctx.alloc_str(out)))
}

/// `$pad(string, width, char)`: padded to `|width|` characters, on the
/// right for a positive width, on the left for a negative one.
pub(crate) fn pad<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    let Value::String(s) = arg(args, 0) else {
        return Ok(Value::Undefined);
    };
    let width = arg(args, 1).as_number().unwrap_or(f64::NAN);
    let fill = match arg(args, 2) {
        Value::String(c) if !c.is_empty() => c,
        _ => " ",
    };
    #[allow(clippy::cast_precision_loss)]
    let missing = width.abs() - s.chars().count() as f64;
    if missing.partial_cmp(&0.0) != Some(std::cmp::Ordering::Greater) {
        return Ok(Value::String(s));
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let missing = missing.ceil() as usize;
    if missing.saturating_mul(fill.len()) > MAX_BUILT {
        return Err(Fault::new("U1001").detail("memory"));
    }
    ctx.steps_n((missing / 64) as u64)?;
    let padding: String = fill.chars().cycle().take(missing).collect();
    let out = if width > 0.0 {
        format!("{s}{padding}")
    } else {
        format!("{padding}{s}")
    };
    Ok(Value::String(ctx.alloc_str(&out)))
}

/// `$join(array, separator)`.
pub(crate) fn join<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    let strings = arg(args, 0);
    if strings.is_undefined() {
        return Ok(Value::Undefined);
    }
    let separator = arg(args, 1).as_str().unwrap_or("");
    ctx.steps_n(strings.len() as u64)?;
    let mut out = String::new();
    for (i, item) in strings.items().enumerate() {
        if i > 0 {
            out.push_str(separator);
        }
        if let Value::String(s) = item {
            out.push_str(s);
        }
        if out.len() > MAX_BUILT {
            return Err(Fault::new("U1001").detail("memory"));
        }
    }
    Ok(Value::String(ctx.alloc_str(&out)))
}
