//! Comparing values: deep equality (`=`), identity (`in`), and string
//! order as JavaScript orders strings (by UTF-16 code units).

use std::cmp::Ordering;

use super::Value;
use crate::error::{Fault, FaultExt, Result};
use crate::eval::Ctx;

/// The first UTF-16 code unit of `c`.
fn first_unit(c: char) -> u32 {
    let code = u32::from(c);
    if code >= 0x10000 {
        0xD800 + ((code - 0x10000) >> 10)
    } else {
        code
    }
}

/// Orders two strings as JavaScript's `<` does.
pub(crate) fn compare_strings(a: &str, b: &str) -> Ordering {
    if a.is_ascii() || b.is_ascii() {
        // with no supplementary characters on one side, byte order agrees
        return a.cmp(b);
    }
    let mut left = a.chars();
    let mut right = b.chars();
    loop {
        match (left.next(), right.next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x == y => {}
            (Some(x), Some(y)) => {
                let (ux, uy) = (first_unit(x), first_unit(y));
                if ux != uy {
                    return ux.cmp(&uy);
                }
                // same high surrogate: the low surrogates decide, as the code points do
                return x.cmp(&y);
            }
        }
    }
}

/// JavaScript's `===`: equal primitives, or the very same array/object.
pub(crate) fn strict_equal<'v>(a: Value<'v>, b: Value<'v>) -> bool {
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Number(x), Value::Number(y)) => x == y,
        (Value::String(x), Value::String(y)) => x == y,
        (Value::Array(x), Value::Array(y)) => std::ptr::eq(x, y),
        (Value::Object(x), Value::Object(y)) => std::ptr::eq(x, y),
        (Value::JArray(x), Value::JArray(y)) => std::ptr::eq(x, y),
        (Value::JObject(x), Value::JObject(y)) => std::ptr::eq(x, y),
        (Value::Function(x), Value::Function(y)) => std::ptr::eq(x, y),
        _ => false,
    }
}

/// Deep equality: same primitives, arrays with equal items in order,
/// objects with the same keys and equal values.
pub(crate) fn deep_equal<'v>(ctx: &Ctx<'_>, a: Value<'v>, b: Value<'v>) -> Result<bool> {
    // an explicit stack of pairs still to compare
    let mut pending = vec![(a, b, 0usize)];
    while let Some((a, b, depth)) = pending.pop() {
        if depth > ctx.limits.value_depth {
            return Err(Fault::new("U1001").detail("value depth"));
        }
        ctx.step()?;
        if strict_equal(a, b) {
            continue;
        }
        match (a, b) {
            (Value::Array(_) | Value::JArray(_), Value::Array(_) | Value::JArray(_)) => {
                if a.len() != b.len() {
                    return Ok(false);
                }
                pending.extend(a.items().zip(b.items()).map(|(x, y)| (x, y, depth + 1)));
            }
            (Value::Object(_) | Value::JObject(_), Value::Object(_) | Value::JObject(_)) => {
                let keys = object_keys(a);
                if keys.len() != object_keys(b).len() {
                    return Ok(false);
                }
                for key in keys {
                    let Some(y) = b.field(key) else {
                        return Ok(false);
                    };
                    let x = a.field(key).unwrap_or(Value::Undefined);
                    pending.push((x, y, depth + 1));
                }
            }
            _ => return Ok(false),
        }
    }
    Ok(true)
}

/// The keys of an object value.
pub(crate) fn object_keys<'a>(value: Value<'a>) -> Vec<&'a str> {
    match value {
        Value::Object(o) => o.entries.iter().map(|(k, _)| *k).collect(),
        Value::JObject(map) => map.keys().map(String::as_str).collect(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_order_by_utf16_units() {
        assert_eq!(compare_strings("a", "b"), Ordering::Less);
        assert_eq!(compare_strings("ab", "a"), Ordering::Greater);
        // U+FF5E sorts after U+1F600 in UTF-16 (0xFF5E > 0xD83D), before it by code point
        assert_eq!(compare_strings("\u{1F600}", "\u{FF5E}"), Ordering::Less);
        assert_eq!(compare_strings("é", "é"), Ordering::Equal);
    }
}
