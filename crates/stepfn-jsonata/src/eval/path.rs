//! Location paths: each step is evaluated against every item the previous
//! step produced, and the results are flattened into one sequence. Once a
//! step binds a variable (`@`, `#`, or a parent label), the path carries a
//! stream of tuples instead: each item together with its bindings.

use super::{eval, filter, sort, Ctx, Frame};
use crate::error::Result;
use crate::ir::{Kind, Node, Stage};
use crate::value::{array_of, flags, ArrayBuilder, Tuple, Value};

/// Evaluates a path node.
pub(crate) fn eval_path<'a>(
    ctx: &Ctx<'a>,
    node: &'a Node,
    input: Value<'a>,
    env: &'a Frame<'a>,
) -> Result<Value<'a>> {
    let Kind::Path {
        steps,
        keep_singleton,
        tuple,
    } = &node.kind
    else {
        return Ok(Value::Undefined);
    };
    // the leading steps that are bare names are followed value by value
    let (start, prefix) = plain_prefix(ctx, steps, input, env)?;
    if start == steps.len() && !*keep_singleton && !*tuple && node.group.is_none() {
        return Ok(prefix);
    }
    let first_is_variable = steps
        .first()
        .is_some_and(|s| matches!(s.kind, Kind::Variable(_)));
    // the input is iterated as a sequence (an array input as it is, unless
    // the path starts from a variable); after a plain prefix, its value is
    // what the prefix's last step produced
    let mut input_sequence = if start > 0 {
        if prefix.is_array() && !prefix.has_flag(flags::CONS) {
            prefix
        } else if prefix.is_undefined() {
            array_of(ctx.bump, &[], flags::SEQUENCE)
        } else {
            array_of(ctx.bump, &[prefix], flags::SEQUENCE)
        }
    } else if input.is_array() && !first_is_variable {
        input
    } else {
        array_of(ctx.bump, &[input], flags::SEQUENCE)
    };
    let mut result = Value::Undefined;
    let mut tuples: Option<Value<'a>> = None;
    let mut in_tuples = false;
    let last = steps.len().saturating_sub(1);
    if start > 0 {
        result = input_sequence;
    }
    // a prefix that reached nothing ends the path: nothing follows
    let rest = if start > 0 && prefix.is_undefined() {
        steps.len()
    } else {
        start
    };
    for (i, step) in steps.iter().enumerate().skip(rest) {
        if step.step.tuple {
            in_tuples = true;
        }
        if i == 0 && step.step.consarray {
            result = eval(ctx, step, input_sequence, env)?;
        } else if in_tuples {
            tuples = Some(tuple_step(ctx, step, input_sequence, tuples, env)?);
        } else {
            result = eval_step(ctx, step, input_sequence, env, i == last)?;
        }
        if !in_tuples && (result.is_undefined() || (result.is_array() && result.len() == 0)) {
            break;
        }
        if step.step.focus.is_none() {
            input_sequence = result;
        }
    }
    if in_tuples {
        let stream = tuples.unwrap_or(Value::Undefined);
        if *tuple {
            // the tuples carry parent bindings upwards
            result = stream;
        } else {
            let mut out = ArrayBuilder::with_capacity(ctx.bump, stream.len());
            out.extend(
                stream
                    .items()
                    .map(|t| t.as_tuple().map_or(Value::Undefined, |t| t.focus)),
            );
            result = out.finish(flags::SEQUENCE);
        }
    }
    if *keep_singleton {
        if result.has_flag(flags::CONS) && !result.is_sequence() {
            result = array_of(ctx.bump, &[result], flags::SEQUENCE);
        }
        result.set_flag(flags::KEEP_SINGLETON);
    }
    if let Some(group) = &node.group {
        let grouped_input = if in_tuples {
            tuples.unwrap_or(Value::Undefined)
        } else {
            result
        };
        result = super::construct::group(ctx, group, grouped_input, env)?;
    }
    Ok(result)
}

/// Whether a step is a bare name (or variable) with nothing attached.
#[inline]
pub(super) fn is_plain(step: &Node) -> bool {
    matches!(step.kind, Kind::Name(_) | Kind::Variable(_))
        && !step.keep_array
        && step.predicate.is_empty()
        && step.group.is_none()
        && step.step.stages.is_empty()
        && step.step.focus.is_none()
        && step.step.index.is_none()
        && !step.step.tuple
        && step.step.ancestor.is_none()
}

/// Follows the leading steps of a path that are bare names (the first may
/// be a variable) value by value, without sequences, while the value is not
/// an array: `$states.input.a.b`. Returns how many steps it took and the
/// value they reached (0 steps: the general evaluation starts from the
/// input).
fn plain_prefix<'a>(
    ctx: &Ctx<'a>,
    steps: &'a [Node],
    input: Value<'a>,
    env: &'a Frame<'a>,
) -> Result<(usize, Value<'a>)> {
    let Some(first) = steps.first() else {
        return Ok((0, input));
    };
    if !is_plain(first) {
        return Ok((0, input));
    }
    let mut value = match &first.kind {
        Kind::Variable(name) if !name.is_empty() => {
            super::call::resolve_node(ctx, env, first, name).unwrap_or(Value::Undefined)
        }
        Kind::Name(name) if !input.is_array() => input.field(name).unwrap_or(Value::Undefined),
        _ => return Ok((0, input)),
    };
    let mut taken = 1;
    for step in steps.get(1..).unwrap_or(&[]) {
        if value.is_array() || value.is_undefined() || !is_plain(step) {
            break;
        }
        let Kind::Name(name) = &step.kind else {
            break;
        };
        value = value.field(name).unwrap_or(Value::Undefined);
        taken += 1;
    }
    ctx.steps_n(taken as u64)?;
    Ok((taken, value))
}

/// One step over every item of `input`, results flattened.
fn eval_step<'a>(
    ctx: &Ctx<'a>,
    step: &'a Node,
    input: Value<'a>,
    env: &'a Frame<'a>,
    last_step: bool,
) -> Result<Value<'a>> {
    if let Kind::Sort(_) = step.kind {
        let mut result = sort::sort_step(ctx, step, input, env)?;
        result = stages(ctx, &step.step.stages, result, env)?;
        return Ok(result);
    }
    let mut results = ArrayBuilder::with_capacity(ctx.bump, input.len());
    for item in input.items() {
        let mut res = eval(ctx, step, item, env)?;
        for stage in &step.step.stages {
            if let Stage::Filter(predicate) = stage {
                res = filter::filter(ctx, predicate, res, env)?;
            }
        }
        if !res.is_undefined() {
            results.push(res);
        }
    }
    let results = results.as_slice();
    if last_step && results.len() == 1 {
        if let Some(only) = results.first() {
            if only.is_array() && !only.is_sequence() {
                return Ok(*only);
            }
        }
    }
    let mut out = ArrayBuilder::with_capacity(ctx.bump, results.len());
    for res in results {
        if !res.is_array() || res.has_flag(flags::CONS) {
            out.push(*res);
        } else {
            ctx.steps_n(res.len() as u64)?;
            out.extend(res.items());
        }
    }
    Ok(out.finish(flags::SEQUENCE))
}

/// Applies a step's stages (predicates and `#` bindings) to a tuple stream
/// or sequence.
pub(crate) fn stages<'a>(
    ctx: &Ctx<'a>,
    stages: &'a [Stage],
    input: Value<'a>,
    env: &'a Frame<'a>,
) -> Result<Value<'a>> {
    let mut result = input;
    for stage in stages {
        match stage {
            Stage::Filter(predicate) => result = filter::filter(ctx, predicate, result, env)?,
            Stage::Index(name) => {
                let mut out = ArrayBuilder::with_capacity(ctx.bump, result.len());
                for (i, item) in result.items().enumerate() {
                    match item.as_tuple() {
                        Some(tuple) => out.push(with_binding(ctx, tuple, name, position(i))),
                        None => out.push(item),
                    }
                }
                result = out.finish(result.flags());
            }
        }
    }
    Ok(result)
}

/// A position as a number value.
#[allow(clippy::cast_precision_loss)]
fn position<'a>(i: usize) -> Value<'a> {
    Value::Number(i as f64)
}

/// A copy of `tuple` with `name` bound to `value`.
fn with_binding<'a>(
    ctx: &Ctx<'a>,
    tuple: &'a Tuple<'a>,
    name: &'a str,
    value: Value<'a>,
) -> Value<'a> {
    let mut vars = Vec::with_capacity(tuple.vars.len() + 1);
    vars.extend(tuple.vars.iter().filter(|(n, _)| *n != name).copied());
    vars.push((name, value));
    Value::Tuple(ctx.bump.alloc(Tuple {
        focus: tuple.focus,
        vars: ctx.bump.alloc_slice_copy(&vars),
    }))
}

/// One step of a tuple stream: for every tuple, the step is evaluated with
/// the tuple's bindings in scope, and each result becomes a new tuple.
fn tuple_step<'a>(
    ctx: &Ctx<'a>,
    step: &'a Node,
    input: Value<'a>,
    tuples: Option<Value<'a>>,
    env: &'a Frame<'a>,
) -> Result<Value<'a>> {
    if let Kind::Sort(_) = step.kind {
        let result = match tuples {
            Some(stream) => sort::sort_step(ctx, step, stream, env)?,
            None => {
                let sorted = sort::sort_step(ctx, step, input, env)?;
                let mut out = ArrayBuilder::with_capacity(ctx.bump, sorted.len());
                for (i, item) in sorted.items().enumerate() {
                    let mut vars: Vec<(&'a str, Value<'a>)> = Vec::new();
                    if let Some(index) = &step.step.index {
                        vars.push((index.as_str(), position(i)));
                    }
                    out.push(Value::Tuple(ctx.bump.alloc(Tuple {
                        focus: item,
                        vars: ctx.bump.alloc_slice_copy(&vars),
                    })));
                }
                out.finish(flags::SEQUENCE | flags::TUPLE_STREAM)
            }
        };
        return stages(ctx, &step.step.stages, result, env);
    }
    let stream = match tuples {
        Some(stream) => stream,
        None => {
            let mut out = ArrayBuilder::with_capacity(ctx.bump, input.len());
            for item in input.items() {
                out.push(Value::Tuple(ctx.bump.alloc(Tuple {
                    focus: item,
                    vars: &[],
                })));
            }
            out.finish(flags::SEQUENCE | flags::TUPLE_STREAM)
        }
    };
    let mut out = ArrayBuilder::new(ctx.bump);
    for entry in stream.items() {
        let Some(tuple) = entry.as_tuple() else {
            continue;
        };
        let step_env = Frame::of_tuple(ctx, env, tuple);
        let res = eval(ctx, step, tuple.focus, step_env)?;
        if res.is_undefined() {
            continue;
        }
        let single = [res];
        let (items, carried): (Vec<Value<'a>>, bool) = if res.is_array() {
            (res.items().collect(), res.is_tuple_stream())
        } else {
            (single.to_vec(), false)
        };
        for (bb, item) in items.into_iter().enumerate() {
            ctx.step()?;
            let mut vars: Vec<(&'a str, Value<'a>)> = tuple.vars.to_vec();
            let mut focus = tuple.focus;
            if carried {
                if let Some(inner) = item.as_tuple() {
                    merge(&mut vars, inner.vars);
                    focus = inner.focus;
                }
            } else {
                match &step.step.focus {
                    Some(name) => set(&mut vars, name, item),
                    None => focus = item,
                }
                if let Some(index) = &step.step.index {
                    set(&mut vars, index, position(bb));
                }
                if let Some(slot) = step.step.ancestor {
                    set(&mut vars, ctx.label(slot), tuple.focus);
                }
            }
            out.push(Value::Tuple(ctx.bump.alloc(Tuple {
                focus,
                vars: ctx.bump.alloc_slice_copy(&vars),
            })));
        }
    }
    let result = out.finish(flags::SEQUENCE | flags::TUPLE_STREAM);
    stages(ctx, &step.step.stages, result, env)
}

/// Binds `name` to `value` in `vars`, replacing an earlier binding.
fn set<'a>(vars: &mut Vec<(&'a str, Value<'a>)>, name: &'a str, value: Value<'a>) {
    match vars.iter_mut().find(|(n, _)| *n == name) {
        Some(slot) => slot.1 = value,
        None => vars.push((name, value)),
    }
}

/// Copies every binding of `more` into `vars`.
fn merge<'a>(vars: &mut Vec<(&'a str, Value<'a>)>, more: &[(&'a str, Value<'a>)]) {
    for (name, value) in more {
        set(vars, name, *value);
    }
}
