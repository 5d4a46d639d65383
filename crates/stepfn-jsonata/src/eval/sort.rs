//! Order-by `^(…)` and the merge sort jsonata-js uses (also for `$sort`).

use std::cmp::Ordering;

use super::{eval, Ctx, Frame};
use crate::error::{Fault, FaultExt, Result};
use crate::ir::{Kind, Node};
use crate::value::{flags, order, ArrayBuilder, Value};

/// Sorts `items` with the stable top-down merge sort of jsonata-js:
/// `swap(a, b)` says whether `b` goes before `a`. The recursion is as deep
/// as the number of halvings (at most 64).
pub(crate) fn merge_sort<'a, F>(items: &mut [Value<'a>], swap: &mut F) -> Result<()>
where
    F: FnMut(Value<'a>, Value<'a>) -> Result<bool>,
{
    if items.len() <= 1 {
        return Ok(());
    }
    let middle = items.len() / 2;
    let (left, right) = items.split_at_mut(middle);
    merge_sort(left, swap)?;
    merge_sort(right, swap)?;
    let mut merged = Vec::with_capacity(items.len());
    let (mut i, mut j) = (0, 0);
    let (left, right) = items.split_at(middle);
    while let (Some(&l), Some(&r)) = (left.get(i), right.get(j)) {
        if swap(l, r)? {
            merged.push(r);
            j += 1;
        } else {
            merged.push(l);
            i += 1;
        }
    }
    merged.extend_from_slice(left.get(i..).unwrap_or(&[]));
    merged.extend_from_slice(right.get(j..).unwrap_or(&[]));
    items.copy_from_slice(&merged);
    Ok(())
}

/// An order-by step over `input` (a sequence or a tuple stream).
pub(crate) fn sort_step<'a>(
    ctx: &Ctx<'a>,
    node: &'a Node,
    input: Value<'a>,
    env: &'a Frame<'a>,
) -> Result<Value<'a>> {
    let Kind::Sort(terms) = &node.kind else {
        return Ok(input);
    };
    if input.len() <= 1 {
        return Ok(input);
    }
    let tuples = input.is_tuple_stream();
    let mut items: Vec<Value<'a>> = input.items().collect();
    // sort keys, evaluated the first time a comparison needs them
    let mut keys: Vec<Vec<Option<Value<'a>>>> = vec![vec![None; terms.len()]; items.len()];
    let mut order_of: Vec<usize> = (0..items.len()).collect();
    let indexed: Vec<Value<'a>> = (0..items.len())
        .map(|i| {
            #[allow(clippy::cast_precision_loss)]
            Value::Number(i as f64)
        })
        .collect();
    let mut key = |i: usize, t: usize| -> Result<Value<'a>> {
        if let Some(Some(v)) = keys.get(i).and_then(|row| row.get(t)) {
            return Ok(*v);
        }
        let item = items.get(i).copied().unwrap_or(Value::Undefined);
        let (context, scope) = match item.as_tuple() {
            Some(tuple) if tuples => (tuple.focus, Frame::of_tuple(ctx, env, tuple)),
            _ => (item, env),
        };
        let Some(term) = terms.get(t) else {
            return Ok(Value::Undefined);
        };
        let value = eval(ctx, &term.expr, context, scope)?;
        if let Some(cell) = keys.get_mut(i).and_then(|row| row.get_mut(t)) {
            *cell = Some(value);
        }
        Ok(value)
    };
    let mut swap = |a: Value<'a>, b: Value<'a>| -> Result<bool> {
        let (Value::Number(a), Value::Number(b)) = (a, b) else {
            return Ok(false);
        };
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let (a, b) = (a as usize, b as usize);
        let mut comp = Ordering::Equal;
        for (t, term) in terms.iter().enumerate() {
            let aa = key(a, t)?;
            let bb = key(b, t)?;
            comp = compare_keys(ctx, node, aa, bb)?;
            if comp == Ordering::Equal {
                continue;
            }
            let undefined_involved = aa.is_undefined() || bb.is_undefined();
            if term.descending && !undefined_involved {
                comp = comp.reverse();
            }
            break;
        }
        Ok(comp == Ordering::Greater)
    };
    let mut positions = indexed;
    merge_sort(&mut positions, &mut swap)?;
    for (slot, position) in order_of.iter_mut().zip(&positions) {
        if let Value::Number(p) = position {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            {
                *slot = *p as usize;
            }
        }
    }
    let sorted: Vec<Value<'a>> = order_of
        .iter()
        .map(|&i| items.get(i).copied().unwrap_or(Value::Undefined))
        .collect();
    items.clear();
    let mut out = ArrayBuilder::with_capacity(ctx.bump, sorted.len());
    out.extend(sorted);
    Ok(out.finish(if tuples {
        flags::SEQUENCE | flags::TUPLE_STREAM
    } else {
        0
    }))
}

/// Compares two order-by keys: undefined last, then numbers or strings of
/// the same type.
fn compare_keys<'v>(ctx: &Ctx<'_>, node: &Node, a: Value<'v>, b: Value<'v>) -> Result<Ordering> {
    match (a, b) {
        (Value::Undefined, Value::Undefined) => return Ok(Ordering::Equal),
        (Value::Undefined, _) => return Ok(Ordering::Greater),
        (_, Value::Undefined) => return Ok(Ordering::Less),
        _ => {}
    }
    let sortable = |v: Value<'_>| matches!(v, Value::String(_) | Value::Number(_));
    if !sortable(a) || !sortable(b) {
        let bad = if sortable(a) { b } else { a };
        return Err(Fault::new("T2008")
            .at(node.position)
            .value(ctx.describe(bad)));
    }
    match (a, b) {
        // as JavaScript: equal, less, or else greater (NaN sorts last)
        (Value::Number(x), Value::Number(y)) => Ok(if x == y {
            Ordering::Equal
        } else if x < y {
            Ordering::Less
        } else {
            Ordering::Greater
        }),
        (Value::String(x), Value::String(y)) => Ok(order::compare_strings(x, y)),
        _ => Err(Fault::new("T2007")
            .at(node.position)
            .value(ctx.describe(a))
            .value2(ctx.describe(b))),
    }
}

/// A sort node evaluated on its own: sorts the context.
pub(crate) fn eval_sort_step<'a>(
    ctx: &Ctx<'a>,
    node: &'a Node,
    input: Value<'a>,
    env: &'a Frame<'a>,
) -> Result<Value<'a>> {
    sort_step(ctx, node, input, env)
}
