//! Array functions: `$append`, `$reverse`, `$shuffle`, `$distinct`,
//! `$sort`, `$zip`.

use std::collections::HashSet;

use super::arg;
use crate::error::{Fault, FaultExt, Result};
use crate::eval::sort::merge_sort;
use crate::eval::{self, apply, Ctx};
use crate::value::{flags, order, ArrayBuilder, Value};

/// `$append(a, b)`.
pub(crate) fn append<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    eval::append(ctx, arg(args, 0), arg(args, 1))
}

/// `$reverse(array)`.
pub(crate) fn reverse<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    let array = arg(args, 0);
    if array.is_undefined() || array.len() <= 1 {
        return Ok(array);
    }
    ctx.steps_n(array.len() as u64)?;
    let mut out = ArrayBuilder::with_capacity(ctx.bump, array.len());
    out.extend(array.items().rev());
    Ok(out.finish(0))
}

/// `$shuffle(array)`: a random permutation (inside-out Fisher–Yates).
pub(crate) fn shuffle<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    let array = arg(args, 0);
    if array.is_undefined() || array.len() <= 1 {
        return Ok(array);
    }
    ctx.steps_n(array.len() as u64)?;
    let mut result: Vec<Value<'a>> = vec![Value::Undefined; array.len()];
    for (i, item) in array.items().enumerate() {
        #[allow(
            clippy::cast_precision_loss,
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss
        )]
        let j = ((ctx.random() * (i + 1) as f64).floor() as usize).min(i);
        if i != j {
            if let Some(&moved) = result.get(j) {
                if let Some(slot) = result.get_mut(i) {
                    *slot = moved;
                }
            }
        }
        if let Some(slot) = result.get_mut(j) {
            *slot = item;
        }
    }
    let mut out = ArrayBuilder::with_capacity(ctx.bump, result.len());
    out.extend(result);
    Ok(out.finish(0))
}

/// A key that identifies equal primitive values.
#[derive(Hash, PartialEq, Eq)]
enum Key<'a> {
    /// `null`
    Null,
    /// a boolean
    Bool(bool),
    /// a number's bits (0 and -0 equal)
    Number(u64),
    /// a string
    String(&'a str),
}

/// `$distinct(array)`: items deep-equal to an earlier one removed.
pub(crate) fn distinct<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    let array = arg(args, 0);
    if !array.is_array() || array.len() <= 1 {
        return Ok(array);
    }
    let mut seen: HashSet<Key<'a>> = HashSet::new();
    let mut composites: Vec<Value<'a>> = Vec::new();
    let mut out = ArrayBuilder::new(ctx.bump);
    for item in array.items() {
        ctx.step()?;
        let key = match item {
            Value::Null => Some(Key::Null),
            Value::Bool(b) => Some(Key::Bool(b)),
            Value::Number(n) if !n.is_nan() => {
                Some(Key::Number(if n == 0.0 { 0 } else { n.to_bits() }))
            }
            Value::String(s) => Some(Key::String(s)),
            _ => None,
        };
        let new = match key {
            Some(key) => seen.insert(key),
            None => {
                let mut found = false;
                for earlier in &composites {
                    if order::deep_equal(ctx, item, *earlier)? {
                        found = true;
                        break;
                    }
                }
                if !found {
                    composites.push(item);
                }
                !found
            }
        };
        if new {
            out.push(item);
        }
    }
    Ok(out.finish(if array.is_sequence() {
        flags::SEQUENCE
    } else {
        0
    }))
}

/// JavaScript truthiness (a comparator's answer).
fn js_truthy(value: Value<'_>) -> bool {
    match value {
        Value::Undefined | Value::Null => false,
        Value::Bool(b) => b,
        Value::Number(n) => n != 0.0 && !n.is_nan(),
        Value::String(s) => !s.is_empty(),
        _ => true,
    }
}

/// `$sort(array, before)`: a stable merge sort; without a function, numbers
/// or strings in ascending order; `before(a, b)` true puts `b` first.
pub(crate) fn sort<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], position: usize) -> Result<Value<'a>> {
    let array = arg(args, 0);
    if array.is_undefined() || array.len() <= 1 {
        return Ok(array);
    }
    let mut items: Vec<Value<'a>> = array.items().collect();
    match arg(args, 1) {
        Value::Undefined => {
            let numbers = items
                .iter()
                .all(|v| matches!(v, Value::Number(n) if !n.is_nan()));
            let strings = items.iter().all(|v| matches!(v, Value::String(_)));
            if !numbers && !strings {
                return Err(Fault::new("D3070").index(1));
            }
            merge_sort(&mut items, &mut |a: Value<'a>, b: Value<'a>| {
                ctx.step()?;
                Ok(match (a, b) {
                    (Value::Number(x), Value::Number(y)) => x > y,
                    (Value::String(x), Value::String(y)) => order::compare_strings(x, y).is_gt(),
                    _ => false,
                })
            })?;
        }
        comparator => {
            merge_sort(&mut items, &mut |a: Value<'a>, b: Value<'a>| {
                let answer = apply(ctx, comparator, &[a, b], Value::Undefined, position)?;
                Ok(js_truthy(answer))
            })?;
        }
    }
    let mut out = ArrayBuilder::with_capacity(ctx.bump, items.len());
    out.extend(items);
    Ok(out.finish(0))
}

/// `$zip(array, …)`: arrays of the items at each position, as long as the
/// shortest array.
pub(crate) fn zip<'a>(ctx: &Ctx<'a>, args: &[Value<'a>], _: usize) -> Result<Value<'a>> {
    let length = args
        .iter()
        .map(|a| if a.is_array() { a.len() } else { 0 })
        .min()
        .unwrap_or(0);
    let mut out = ArrayBuilder::with_capacity(ctx.bump, length);
    for i in 0..length {
        ctx.step()?;
        let mut tuple = ArrayBuilder::with_capacity(ctx.bump, args.len());
        for a in args {
            tuple.push(a.get(i).unwrap_or(Value::Undefined));
        }
        out.push(tuple.finish(0));
    }
    Ok(out.finish(0))
}
