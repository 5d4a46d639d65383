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
    /// The items, in order.
    items: Vec<Value<'a>>,
    /// Index of the key/value pair that produced the key.
    pair: usize,
}

impl<'a> Bucket<'a> {
    /// What jsonata-js groups: the item alone, or all the items appended
    /// together (arrays among them spread), built in one pass.
    fn data(&self, ctx: &Ctx<'a>) -> Result<Value<'a>> {
        if let [only] = self.items.as_slice() {
            return Ok(*only);
        }
        let mut out = ArrayBuilder::with_capacity(ctx.bump, self.items.len());
        for item in &self.items {
            if item.is_array() {
                ctx.steps_n(item.len() as u64)?;
                out.extend(item.items());
            } else {
                out.push(*item);
            }
        }
        Ok(out.finish(0))
    }
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
    if !input.is_array() {
        return single_object(ctx, group, input, env);
    }
    let tuples = input.is_tuple_stream();
    let single = [input];
    let items: Vec<Value<'a>> = if input.is_array() {
        input.items().collect()
    } else {
        single.to_vec()
    };
    let items = if items.is_empty() {
        if tuples {
            // jsonata-js reads the context of a missing tuple here and fails
            return Err(Fault::new("D1011").at(group.position).detail(
                "A group-by over a path with variable bindings (`@`, `#`, `%`) that selected nothing fails in jsonata-js 2.0.6",
            ));
        }
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
                    bucket.items.push(item);
                }
                None => {
                    positions.insert(key, buckets.len());
                    buckets.push(Bucket {
                        key,
                        items: vec![item],
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
            let tuple = reduce_tuples(ctx, &bucket.items)?;
            (tuple.focus, Frame::of_tuple(ctx, env, tuple))
        } else {
            (bucket.data(ctx)?, env)
        };
        let value = eval(ctx, value_expr, context, scope)?;
        if !value.is_undefined() {
            out.insert(bucket.key, value);
        }
    }
    Ok(out.finish())
}

/// An object constructor over one value (the usual case): every key, then
/// every value, evaluated against it.
fn single_object<'a>(
    ctx: &Ctx<'a>,
    group: &'a Group,
    input: Value<'a>,
    env: &'a Frame<'a>,
) -> Result<Value<'a>> {
    if group.literal_keys {
        // distinct literal keys: nothing to evaluate or check before the values
        let mut out = ObjectBuilder::with_capacity(ctx.bump, group.pairs.len());
        for (key_expr, value_expr) in &group.pairs {
            let Kind::String(key) = &key_expr.kind else {
                continue;
            };
            let value = eval(ctx, value_expr, input, env)?;
            if !value.is_undefined() {
                out.push_new(key, value);
            }
        }
        return Ok(out.finish());
    }
    let mut keys = bumpalo::collections::Vec::with_capacity_in(group.pairs.len(), ctx.bump);
    for (key_expr, value_expr) in &group.pairs {
        let key = match eval(ctx, key_expr, input, env)? {
            Value::Undefined => continue,
            Value::String(s) => s,
            other => {
                return Err(Fault::new("T1003")
                    .at(group.position)
                    .value(ctx.describe(other)))
            }
        };
        if keys.iter().any(|(k, _): &(&str, &Node)| *k == key) {
            return Err(Fault::new("D1009")
                .at(group.position)
                .value(ctx.describe(Value::String(key))));
        }
        keys.push((key, value_expr));
    }
    let mut out = ObjectBuilder::with_capacity(ctx.bump, keys.len());
    for (key, value_expr) in keys {
        let value = eval(ctx, value_expr, input, env)?;
        if !value.is_undefined() {
            out.push_new(key, value);
        }
    }
    Ok(out.finish())
}

/// Merges the tuples of a group into one: each binding (and the context)
/// becomes the values of all the tuples appended together.
fn reduce_tuples<'a>(ctx: &Ctx<'a>, tuples: &[Value<'a>]) -> Result<&'a Tuple<'a>> {
    if let [only] = tuples {
        if let Some(tuple) = only.as_tuple() {
            return Ok(tuple);
        }
    }
    // each name with the values of every tuple that binds it, in order
    let mut names: Vec<&'a str> = vec!["@"];
    let mut values: Vec<Vec<Value<'a>>> = vec![Vec::new()];
    for item in tuples {
        let Some(tuple) = item.as_tuple() else {
            continue;
        };
        if let Some(focus) = values.first_mut() {
            focus.push(tuple.focus);
        }
        for (name, value) in tuple.vars {
            match names.iter().position(|n| n == name) {
                Some(at) => {
                    if let Some(list) = values.get_mut(at) {
                        list.push(*value);
                    }
                }
                None => {
                    names.push(name);
                    values.push(vec![*value]);
                }
            }
        }
    }
    let mut merged = Vec::with_capacity(values.len());
    for list in values {
        let bucket = Bucket {
            key: "",
            items: list.into_iter().filter(|v| !v.is_undefined()).collect(),
            pair: 0,
        };
        merged.push(if bucket.items.is_empty() {
            Value::Undefined
        } else {
            bucket.data(ctx)?
        });
    }
    let focus = merged.first().copied().unwrap_or(Value::Undefined);
    let vars: Vec<(&'a str, Value<'a>)> = names.into_iter().zip(merged).skip(1).collect();
    Ok(ctx.bump.alloc(Tuple {
        focus,
        vars: ctx.bump.alloc_slice_copy(&vars),
    }))
}
