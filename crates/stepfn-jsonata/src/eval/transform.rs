//! Transforms `| pattern | update, delete |`: a copy of the input in which
//! every value the pattern selects is merged with the update object and
//! loses the deleted fields.
//!
//! jsonata-js clones the input and changes the selected objects in place.
//! Here the clone's objects are fresh, so each has an identity (its
//! address); the changes are recorded per identity, in order, and the
//! result is the clone rebuilt with them. An object selected twice sees its
//! earlier change, as in place.

use std::collections::HashMap;

use super::{call::resolve, eval, Ctx, Frame};
use crate::error::{Fault, FaultExt, Result};
use crate::ir::{Kind, Node};
use crate::value::{number::to_precision, order, Object, ObjectBuilder, Value};

/// The address of an object, its identity.
fn identity(object: &Object<'_>) -> usize {
    std::ptr::from_ref(object) as usize
}

/// A transform node evaluated: a function that applies it.
pub(crate) fn closure<'a>(
    ctx: &Ctx<'a>,
    node: &'a Node,
    _: Value<'a>,
    env: &'a Frame<'a>,
) -> Result<Value<'a>> {
    Ok(Value::Function(ctx.bump.alloc(
        crate::eval::call::Function::Transform { node, env },
    )))
}

/// Applies the transform `node` (made in `env`) to `input`.
pub(crate) fn transform<'a>(
    ctx: &Ctx<'a>,
    node: &'a Node,
    input: Value<'a>,
    env: &'a Frame<'a>,
) -> Result<Value<'a>> {
    let Kind::Transform {
        pattern,
        update,
        delete,
    } = &node.kind
    else {
        return Ok(Value::Undefined);
    };
    if input.is_undefined() {
        return Ok(Value::Undefined);
    }
    if let Some(clone) = env.lookup("clone") {
        if !clone.is_function() {
            return Err(Fault::new("T2013").at(node.position));
        }
    }
    let copy = match resolve(ctx, env, "clone") {
        Some(f @ Value::Function(crate::eval::call::Function::Lambda(_))) => {
            super::apply(ctx, f, &[input], Value::Undefined, node.position)?
        }
        _ => deep_clone(ctx, input, 0)?,
    };
    let matches = eval(ctx, pattern, copy, env)?;
    let single = [matches];
    let matches: Vec<Value<'a>> = if matches.is_undefined() {
        Vec::new()
    } else if matches.is_array() {
        matches.items().collect()
    } else {
        single.to_vec()
    };
    let mut edits: HashMap<usize, Value<'a>> = HashMap::new();
    for matched in matches {
        ctx.step()?;
        let key = match matched {
            Value::Object(object) => Some(identity(object)),
            _ => None,
        };
        let current = key.and_then(|k| edits.get(&k).copied()).unwrap_or(matched);
        let changes = eval(ctx, update, current, env)?;
        let mut changed = current;
        if !changes.is_undefined() {
            if !changes.is_object() {
                return Err(Fault::new("T2011")
                    .at(update.position)
                    .value(ctx.describe(changes)));
            }
            if !current.is_object()
                && !current.is_array()
                && !order::object_keys(changes).is_empty()
            {
                // jsonata-js cannot set fields on a string, number, boolean or null
                return Err(Fault::new("D1011").at(update.position).detail(format!(
                    "A transform can only update objects; its pattern selected {}",
                    ctx.describe(current)
                )));
            }
            if current.is_object() {
                let mut builder = ObjectBuilder::new(ctx.bump);
                copy_entries(current, &mut builder);
                copy_entries(changes, &mut builder);
                changed = builder.finish();
            }
        }
        if let Some(delete) = delete {
            let deletions = eval(ctx, delete, changed, env)?;
            if !deletions.is_undefined() {
                let names: Vec<Value<'a>> = if deletions.is_array() {
                    deletions.items().collect()
                } else {
                    vec![deletions]
                };
                if !names.iter().all(|n| matches!(n, Value::String(_))) {
                    return Err(Fault::new("T2012")
                        .at(delete.position)
                        .value(ctx.describe(deletions)));
                }
                if changed.is_object() {
                    let mut builder = ObjectBuilder::new(ctx.bump);
                    copy_entries(changed, &mut builder);
                    for name in names {
                        if let Value::String(name) = name {
                            builder.remove(name);
                        }
                    }
                    changed = builder.finish();
                }
            }
        }
        if let Some(key) = key {
            edits.insert(key, changed);
        }
    }
    if edits.is_empty() {
        return Ok(copy);
    }
    rebuild(ctx, copy, &edits, 0)
}

/// Copies the entries of an object into `builder`.
fn copy_entries<'a>(object: Value<'a>, builder: &mut ObjectBuilder<'a>) {
    match object {
        Value::Object(o) => {
            for (k, v) in o.entries {
                builder.insert(k, *v);
            }
        }
        Value::JObject(map) => {
            for (k, v) in map {
                builder.insert(k, Value::of_json(v));
            }
        }
        _ => {}
    }
}

/// A deep copy with fresh objects, written the way `$clone` writes it (via
/// JSON text: numbers to 15 significant digits, functions as `""`).
pub(crate) fn deep_clone<'a>(ctx: &Ctx<'a>, value: Value<'a>, depth: usize) -> Result<Value<'a>> {
    if depth > ctx.limits.value_depth {
        return Err(Fault::new("U1001").detail("value depth"));
    }
    ctx.check_stack(0).map_err(|f| f.detail("value depth"))?;
    ctx.step()?;
    Ok(match value {
        Value::Number(n) => Value::Number(to_precision(n, 15)),
        Value::Function(_) => Value::String(""),
        Value::Array(_) | Value::JArray(_) => {
            let mut out = crate::value::ArrayBuilder::with_capacity(ctx.bump, value.len());
            for item in value.items() {
                out.push(match item {
                    Value::Undefined => Value::Null,
                    other => deep_clone(ctx, other, depth + 1)?,
                });
            }
            out.finish(0)
        }
        Value::Object(_) | Value::JObject(_) | Value::Tuple(_) => {
            let mut out = ObjectBuilder::new(ctx.bump);
            let mut entries: Vec<(&'a str, Value<'a>)> = Vec::new();
            match value {
                Value::Object(o) => entries.extend_from_slice(o.entries),
                Value::JObject(map) => {
                    entries.extend(map.iter().map(|(k, v)| (k.as_str(), Value::of_json(v))));
                }
                _ => {}
            }
            for (k, v) in entries {
                if !v.is_undefined() {
                    out.insert(k, deep_clone(ctx, v, depth + 1)?);
                }
            }
            out.finish()
        }
        other => other,
    })
}

/// The copy with every recorded change applied, at any depth.
fn rebuild<'a>(
    ctx: &Ctx<'a>,
    value: Value<'a>,
    edits: &HashMap<usize, Value<'a>>,
    depth: usize,
) -> Result<Value<'a>> {
    if depth > ctx.limits.value_depth {
        return Err(Fault::new("U1001").detail("value depth"));
    }
    ctx.check_stack(0).map_err(|f| f.detail("value depth"))?;
    ctx.step()?;
    match value {
        Value::Object(object) => {
            let base = edits.get(&identity(object)).copied().unwrap_or(value);
            let mut out = ObjectBuilder::new(ctx.bump);
            let mut entries: Vec<(&'a str, Value<'a>)> = Vec::new();
            match base {
                Value::Object(o) => entries.extend_from_slice(o.entries),
                Value::JObject(map) => {
                    entries.extend(map.iter().map(|(k, v)| (k.as_str(), Value::of_json(v))));
                }
                _ => {}
            }
            for (k, v) in entries {
                out.insert(k, rebuild(ctx, v, edits, depth + 1)?);
            }
            Ok(out.finish())
        }
        Value::Array(_) => {
            let mut out = crate::value::ArrayBuilder::with_capacity(ctx.bump, value.len());
            for item in value.items() {
                out.push(rebuild(ctx, item, edits, depth + 1)?);
            }
            Ok(out.finish(value.flags()))
        }
        other => Ok(other),
    }
}
