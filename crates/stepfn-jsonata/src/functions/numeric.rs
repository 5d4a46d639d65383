//! Numeric functions: `$number`, `$abs`, `$floor`, `$ceil`, `$round`,
//! `$sqrt`, `$power`, `$formatBase`.

use super::arg;
use crate::error::{Fault, FaultExt, Result};
use crate::eval::Ctx;
use crate::value::number::{number_to_string, to_radix};
use crate::value::Value;

/// `$number(value)`: numbers as they are, numeric strings (decimal, or
/// `0x`/`0o`/`0b` literals) read, booleans as 1 and 0; anything else D3030.
pub(crate) fn number<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    match arg(args, 0) {
        Value::Undefined => Ok(Value::Undefined),
        Value::Number(n) => Ok(Value::Number(n)),
        Value::Bool(b) => Ok(Value::Number(if b { 1.0 } else { 0.0 })),
        Value::String(s) => match parse_number(s) {
            Some(n) => Ok(Value::Number(n)),
            None => Err(Fault::new("D3030")
                .index(1)
                .value(ctx.describe(Value::String(s)))),
        },
        other => Err(Fault::new("D3030").index(1).value(ctx.describe(other))),
    }
}

/// Reads a string as `$number` does.
fn parse_number(s: &str) -> Option<f64> {
    if is_decimal(s) {
        return s.parse::<f64>().ok().filter(|n| n.is_finite());
    }
    let (radix, digits) = match s.get(..2) {
        Some("0x" | "0X") => (16, s.get(2..)?),
        Some("0o" | "0O") => (8, s.get(2..)?),
        Some("0b" | "0B") => (2, s.get(2..)?),
        _ => return None,
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let mut value = 0.0f64;
    for c in digits.chars() {
        value = value * f64::from(radix) + f64::from(c.to_digit(radix)?);
    }
    Some(value)
}

/// `-?[0-9]+(\.[0-9]+)?([Ee][-+]?[0-9]+)?`, the whole string.
fn is_decimal(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    let digits = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i > start
    };
    if !digits(&mut i) {
        return false;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if !digits(&mut i) {
            return false;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if !digits(&mut i) {
            return false;
        }
    }
    i == b.len()
}

/// Applies `f` to a number argument; undefined stays undefined.
fn unary<'a>(args: &[Value<'a>], f: fn(f64) -> f64) -> Result<Value<'a>> {
    Ok(match arg(args, 0) {
        Value::Number(n) => Value::Number(f(n)),
        _ => Value::Undefined,
    })
}

/// `$abs(number)`.
pub(crate) fn abs<'a>(_: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    unary(args, f64::abs)
}

/// `$floor(number)`.
pub(crate) fn floor<'a>(_: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    unary(args, f64::floor)
}

/// `$ceil(number)`.
pub(crate) fn ceil<'a>(_: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    unary(args, f64::ceil)
}

/// JavaScript's `Math.round`: halves go up.
fn js_round(x: f64) -> f64 {
    let floor = x.floor();
    if x - floor >= 0.5 {
        floor + 1.0
    } else {
        floor
    }
}

/// Moves the decimal point of `x` by `shift` places through its decimal
/// text, as jsonata-js does to round without binary error.
fn shift_decimal(x: f64, shift: f64) -> f64 {
    let text = number_to_string(x);
    let (mantissa, exponent) = match text.split_once('e') {
        Some((m, e)) => (m.to_string(), e.parse::<f64>().unwrap_or(0.0) + shift),
        None => (text.clone(), shift),
    };
    format!("{mantissa}e{}", number_to_string(exponent))
        .parse()
        .unwrap_or(f64::NAN)
}

/// Rounds half to even at `precision` decimal places (jsonata's `$round`).
pub(crate) fn round_half_even(x: f64, precision: f64) -> f64 {
    let shifted = precision != 0.0 && !precision.is_nan();
    let value = if shifted {
        shift_decimal(x, precision)
    } else {
        x
    };
    let mut result = js_round(value);
    let diff = result - value;
    if diff.abs() == 0.5 && (result % 2.0).abs() == 1.0 {
        result -= 1.0;
    }
    if shifted {
        result = shift_decimal(result, -precision);
    }
    if result == 0.0 {
        result = 0.0;
    }
    result
}

/// `$round(number, precision)`.
pub(crate) fn round<'a>(_: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    let Value::Number(x) = arg(args, 0) else {
        return Ok(Value::Undefined);
    };
    let precision = arg(args, 1).as_number().unwrap_or(0.0);
    Ok(Value::Number(round_half_even(x, precision)))
}

/// `$sqrt(number)`.
pub(crate) fn sqrt<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    match arg(args, 0) {
        Value::Number(n) if n < 0.0 => Err(Fault::new("D3060")
            .index(1)
            .value(ctx.describe(Value::Number(n)))),
        Value::Number(n) => Ok(Value::Number(n.sqrt())),
        _ => Ok(Value::Undefined),
    }
}

/// `$power(base, exponent)`; a result JSON cannot hold is D3061.
pub(crate) fn power<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    let Value::Number(base) = arg(args, 0) else {
        return Ok(Value::Undefined);
    };
    let exponent = arg(args, 1).as_number().unwrap_or(f64::NAN);
    let result = if base == 1.0 && exponent.is_infinite() {
        f64::NAN
    } else {
        base.powf(exponent)
    };
    if !result.is_finite() {
        return Err(Fault::new("D3061")
            .index(1)
            .value(ctx.describe(Value::Number(base)))
            .detail(number_to_string(exponent)));
    }
    Ok(Value::Number(result))
}

/// `$formatBase(number, radix)`.
pub(crate) fn format_base<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    let Value::Number(x) = arg(args, 0) else {
        return Ok(Value::Undefined);
    };
    let value = round_half_even(x, 0.0);
    let radix = match arg(args, 1) {
        Value::Number(r) => round_half_even(r, 0.0),
        _ => 10.0,
    };
    if !(2.0..=36.0).contains(&radix) {
        return Err(Fault::new("D3100").value(ctx.describe(Value::Number(radix))));
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let radix = radix as u32;
    Ok(Value::String(ctx.alloc_str(&to_radix(value, radix))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_half_even_on_the_decimal_text() {
        assert_eq!(round_half_even(2.5, 0.0), 2.0);
        assert_eq!(round_half_even(3.5, 0.0), 4.0);
        assert_eq!(round_half_even(-2.5, 0.0), -2.0);
        assert_eq!(round_half_even(1.005, 2.0), 1.0);
        assert_eq!(round_half_even(4.525, 2.0), 4.52);
        assert_eq!(round_half_even(4.535, 2.0), 4.54);
        assert_eq!(round_half_even(1234.0, -2.0), 1200.0);
        assert_eq!(round_half_even(-0.4, 0.0).to_bits(), 0.0f64.to_bits());
    }

    #[test]
    fn numbers_from_strings() {
        assert_eq!(parse_number("-1.5e3"), Some(-1500.0));
        assert_eq!(parse_number("0x1F"), Some(31.0));
        assert_eq!(parse_number("0b101"), Some(5.0));
        assert_eq!(parse_number("1e400"), None);
        assert_eq!(parse_number("1."), None);
        assert_eq!(parse_number(" 1"), None);
    }
}
