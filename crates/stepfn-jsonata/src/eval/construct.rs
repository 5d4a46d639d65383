//! Array constructors `[…]`, object constructors `{…}` and group-by.

use std::collections::HashMap;

use super::{eval, Ctx, Frame};
use crate::error::{Fault, FaultExt, Result};
use crate::ir::{Group, Kind, Node};
use crate::value::{flags, ArrayBuilder, ObjectBuilder, Tuple, Value};

/// `[a, b, …]`: array items are flattened in, except items that are array
/// constructors themselves.
pub(crate) fn array<'a>(
    ctx: &Ctx<'a>,
    node: &'a Node,
    input: Value<'a>,
    env: &'a Frame<'a>,
) -> Result<Value<'a>> {
    let Kind::ArrayConstructor(items) = &node.kind else {
        return Ok(Value::Undefined);
    };
    let mut out = ArrayBuilder::with_capacity(ctx.bump, items.len());
    for item in items {
        let value = eval(ctx, item, input, env)?;
        if value.is_undefined() {
            continue;
        }
        if item.is_array_constructor() || !value.is_array() {
            out.push(value);
        } else {
            ctx.steps_n(value.len() as u64)?;
            out.extend(value.items());
        }
    }
    Ok(out.finish(if node.step.consarray { flags::CONS } else { 0 }))
}

/// `{k: v, …}` as an operand: the constructor over the context.
pub(crate) fn object<'a>(
    ctx: &Ctx<'a>,
    node: &'a Node,
    input: Value<'a>,
    env: &'a Frame<'a>,
) -> Result<Value<'a>> {
    match &node.kind {
        Kind::ObjectConstructor(g) => group(ctx, g, input, env),
        _ => Ok(Value::Undefined),
    }
}

/// jsonata-js's `append`: `b` added to `a`, either side an array or not;
/// undefined on either side gives the other. The result is a plain array.
pub(crate) fn append<'a>(ctx: &Ctx<'a>, a: Value<'a>, b: Value<'a>) -> Result<Value<'a>> {
    if a.is_undefined() {
        return Ok(b);
    }
    if b.is_undefined() {
        return Ok(a);
    }
    let mut out = ArrayBuilder::with_capacity(ctx.bump, a.len().max(1) + b.len().max(1));
    for side in [a, b] {
        if side.is_array() {
            ctx.steps_n(side.len() as u64)?;
            out.extend(side.items());
        } else {
            out.push(side);
        }
    }
    Ok(out.finish(0))
}

/// One group while grouping: its items and which key expression made it.
struct Bucket<'a> {
    /// The key.
    key: &'a str,
    /// The item, or the items appended together.
    data: Value<'a>,
    /// Index of the key/value pair that produced the key.
    pair: usize,
}

/// An object constructor or group-by over `input`: each item is put in the
/// group its key expression names, then each group's value expression is
/// evaluated against the group.
pub(crate) fn group<'a>(
    ctx: &Ctx<'a>,
    group: &'a Group,
    input: Value<'a>,
    env: &'a Frame<'a>,
) -> Result<Value<'a>> {
    let tuples = input.is_tuple_stream();
    let single = [input];
    let items: Vec<Value<'a>> = if input.is_array() {
        input.items().collect()
    } else {
        single.to_vec()
    };
    let items = if items.is_empty() {
        vec![Value::Undefined]
    } else {
        items
    };
    let mut buckets: Vec<Bucket<'a>> = Vec::new();
    let mut positions: HashMap<&'a str, usize> = HashMap::new();
    for item in items {
        let (context, scope) = match item.as_tuple() {
            Some(tuple) if tuples => (tuple.focus, Frame::of_tuple(ctx, env, tuple)),
            _ => (item, env),
        };
        for (pair, (key_expr, _)) in group.pairs.iter().enumerate() {
            let key = match eval(ctx, key_expr, context, scope)? {
                Value::Undefined => continue,
                Value::String(s) => s,
                other => {
                    return Err(Fault::new("T1003")
                        .at(group.position)
                        .value(ctx.describe(other)))
                }
            };
            match positions.get(key) {
                Some(&at) => {
                    let Some(bucket) = buckets.get_mut(at) else {
                        continue;
                    };
                    if bucket.pair != pair {
                        return Err(Fault::new("D1009")
                            .at(group.position)
                            .value(ctx.describe(Value::String(key))));
                    }
                    bucket.data = append(ctx, bucket.data, item)?;
                }
                None => {
                    positions.insert(key, buckets.len());
                    buckets.push(Bucket {
                        key,
                        data: item,
                        pair,
                    });
                }
            }
        }
    }
    let mut out = ObjectBuilder::new(ctx.bump);
    for bucket in buckets {
        let Some((_, value_expr)) = group.pairs.get(bucket.pair) else {
            continue;
        };
        let (context, scope) = if tuples {
            let tuple = reduce_tuples(ctx, bucket.data)?;
            (tuple.focus, Frame::of_tuple(ctx, env, tuple))
        } else {
            (bucket.data, env)
        };
        let value = eval(ctx, value_expr, context, scope)?;
        if !value.is_undefined() {
            out.insert(bucket.key, value);
        }
    }
    Ok(out.finish())
}

/// Merges the tuples of a group into one: each binding (and the context)
/// becomes the values of all the tuples appended together.
fn reduce_tuples<'a>(ctx: &Ctx<'a>, data: Value<'a>) -> Result<&'a Tuple<'a>> {
    if let Some(tuple) = data.as_tuple() {
        return Ok(tuple);
    }
    let mut focus = Value::Undefined;
    let mut vars: Vec<(&'a str, Value<'a>)> = Vec::new();
    for (i, item) in data.items().enumerate() {
        let Some(tuple) = item.as_tuple() else {
            continue;
        };
        if i == 0 {
            focus = tuple.focus;
            vars.extend_from_slice(tuple.vars);
            continue;
        }
        focus = append(ctx, focus, tuple.focus)?;
        for (name, value) in tuple.vars {
            match vars.iter_mut().find(|(n, _)| n == name) {
                Some(slot) => slot.1 = append(ctx, slot.1, *value)?,
                None => vars.push((name, *value)),
            }
        }
    }
    Ok(ctx.bump.alloc(Tuple {
        focus,
        vars: ctx.bump.alloc_slice_copy(&vars),
    }))
}
