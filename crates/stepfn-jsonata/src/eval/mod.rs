//! The evaluator: one function per kind of compiled node, following
//! jsonata-js 2.0.6's evaluator.
//!
//! [`eval`] is the only way into a node: it counts the depth of nested
//! evaluations and the steps taken, checking both against the limits
//! before going further, and applies what jsonata-js applies to every
//! result (predicates, group-by, `[]`, and collapsing a sequence of one item
//! to that item). Lists of items and path steps are walked in loops, never
//! by recursion.

pub(crate) mod call;
mod construct;
mod ctx;
mod filter;
mod frame;
pub(crate) mod ops;
mod partial;
mod path;
pub(crate) mod sort;
pub(crate) mod transform;

use crate::error::{Fault, FaultExt, Result};
use crate::ir::{Kind, Node};
use crate::value::{flags, ArrayBuilder, Value};

pub(crate) use call::{apply, function_arity};
pub(crate) use construct::append;
pub(crate) use ctx::{Ctx, Limits};
pub(crate) use frame::Frame;

/// Evaluates `node` against the context value `input` in `env`.
pub(crate) fn eval<'a>(
    ctx: &Ctx<'a>,
    node: &'a Node,
    input: Value<'a>,
    env: &'a Frame<'a>,
) -> Result<Value<'a>> {
    if let Some(value) = leaf(node, input) {
        ctx.step().map_err(|f| f.at(node.position))?;
        return Ok(collapse(value, false));
    }
    ctx.enter(node.position)?;
    let result = eval_node(ctx, node, input, env);
    ctx.leave();
    result
}

/// The value of a node that needs no evaluation below it (a string
/// literal, or a one-name path over an object), found without entering a
/// level; `None` for any other node.
#[inline]
fn leaf<'a>(node: &'a Node, input: Value<'a>) -> Option<Value<'a>> {
    if !node.predicate.is_empty() || node.group.is_some() || node.keep_array {
        return None;
    }
    match &node.kind {
        Kind::String(s) => Some(Value::String(s)),
        Kind::Path {
            steps,
            keep_singleton: false,
            tuple: false,
        } => match (steps.as_slice(), input) {
            ([step], Value::Object(_) | Value::JObject(_)) if path::is_plain(step) => {
                let Kind::Name(name) = &step.kind else {
                    return None;
                };
                Some(input.field(name).unwrap_or(Value::Undefined))
            }
            _ => None,
        },
        _ => None,
    }
}

/// The body of [`eval`]: the node's own evaluation, then what jsonata-js
/// applies to every result. The work for each kind of node is in its own
/// function, so this frame stays small (it is on the stack once per level).
fn eval_node<'a>(
    ctx: &Ctx<'a>,
    node: &'a Node,
    input: Value<'a>,
    env: &'a Frame<'a>,
) -> Result<Value<'a>> {
    let result = dispatch(ctx, node, input, env)?;
    if node.predicate.is_empty() && (node.group.is_none() || node.is_path()) {
        return Ok(collapse(result, node.keep_array));
    }
    post(ctx, node, result, env)
}

/// Predicates and group-by attached to a node that is not a path step.
fn post<'a>(
    ctx: &Ctx<'a>,
    node: &'a Node,
    mut result: Value<'a>,
    env: &'a Frame<'a>,
) -> Result<Value<'a>> {
    for predicate in &node.predicate {
        result = filter::filter(ctx, predicate, result, env)?;
    }
    if !node.is_path() {
        if let Some(group) = &node.group {
            result = construct::group(ctx, group, result, env)?;
        }
    }
    Ok(collapse(result, node.keep_array))
}

/// How a kind of node is evaluated.
type Handler = for<'a> fn(&Ctx<'a>, &'a Node, Value<'a>, &'a Frame<'a>) -> Result<Value<'a>>;

/// Evaluates the node itself, through the handler for its kind (choosing
/// a function, then calling it, keeps this frame to a pointer).
fn dispatch<'a>(
    ctx: &Ctx<'a>,
    node: &'a Node,
    input: Value<'a>,
    env: &'a Frame<'a>,
) -> Result<Value<'a>> {
    let handler: Handler = match &node.kind {
        Kind::Path { .. } => path::eval_path,
        Kind::Name(_) => name,
        Kind::String(_) | Kind::Number(_) | Kind::Bool(_) | Kind::Null | Kind::Placeholder => {
            literal
        }
        Kind::Regex(_) => regex,
        Kind::Variable(_) => variable,
        Kind::Wildcard => wildcard,
        Kind::Descendant => descendants,
        Kind::Parent(_) => parent,
        Kind::Negate(_) => negate,
        Kind::ArrayConstructor(_) => construct::array,
        Kind::ObjectConstructor(_) => construct::object,
        Kind::Range(..) => ops::range,
        Kind::Binary(..) => ops::binary,
        Kind::Apply(..) => call::eval_apply,
        Kind::Condition(..) => condition,
        Kind::Block(_) => block,
        Kind::Bind(..) => bind,
        Kind::Call { partial: true, .. } => partial::eval_partial,
        Kind::Call { .. } => call::eval_call,
        Kind::Lambda(_) => call::lambda,
        Kind::Transform { .. } => transform::closure,
        Kind::Sort(_) => sort::eval_sort_step,
    };
    handler(ctx, node, input, env)
}

/// A literal's value.
fn literal<'a>(_: &Ctx<'a>, node: &'a Node, _: Value<'a>, _: &'a Frame<'a>) -> Result<Value<'a>> {
    Ok(match &node.kind {
        Kind::String(s) => Value::String(s),
        Kind::Number(x) => Value::Number(*x),
        Kind::Bool(b) => Value::Bool(*b),
        Kind::Null => Value::Null,
        _ => Value::Undefined,
    })
}

/// A field name: [`lookup`] in the context.
fn name<'a>(
    ctx: &Ctx<'a>,
    node: &'a Node,
    input: Value<'a>,
    _: &'a Frame<'a>,
) -> Result<Value<'a>> {
    match &node.kind {
        Kind::Name(name) => Ok(lookup(ctx, input, name)),
        _ => Ok(Value::Undefined),
    }
}

/// A regular-expression literal: a matcher function.
fn regex<'a>(ctx: &Ctx<'a>, node: &'a Node, _: Value<'a>, _: &'a Frame<'a>) -> Result<Value<'a>> {
    match &node.kind {
        Kind::Regex(regex) => Ok(Value::Function(
            ctx.bump.alloc(call::Function::Regex(regex)),
        )),
        _ => Ok(Value::Undefined),
    }
}

/// `%`: the value bound to the parent slot's label.
fn parent<'a>(
    ctx: &Ctx<'a>,
    node: &'a Node,
    _: Value<'a>,
    env: &'a Frame<'a>,
) -> Result<Value<'a>> {
    match node.kind {
        Kind::Parent(slot) => Ok(env.lookup(ctx.label(slot)).unwrap_or(Value::Undefined)),
        _ => Ok(Value::Undefined),
    }
}

/// `cond ? then : else`.
fn condition<'a>(
    ctx: &Ctx<'a>,
    node: &'a Node,
    input: Value<'a>,
    env: &'a Frame<'a>,
) -> Result<Value<'a>> {
    let Kind::Condition(cond, then, otherwise) = &node.kind else {
        return Ok(Value::Undefined);
    };
    let test = eval(ctx, cond, input, env)?;
    if ops::truthy(ctx, test)? {
        eval(ctx, then, input, env)
    } else if let Some(otherwise) = otherwise {
        eval(ctx, otherwise, input, env)
    } else {
        Ok(Value::Undefined)
    }
}

/// `( a; b; … )`: a new scope; the value of the last expression.
fn block<'a>(
    ctx: &Ctx<'a>,
    node: &'a Node,
    input: Value<'a>,
    env: &'a Frame<'a>,
) -> Result<Value<'a>> {
    let Kind::Block(items) = &node.kind else {
        return Ok(Value::Undefined);
    };
    let frame = Frame::child(ctx, env);
    let mut last = Value::Undefined;
    for item in items {
        last = eval(ctx, item, input, frame)?;
    }
    Ok(last)
}

/// `$name := value`.
fn bind<'a>(
    ctx: &Ctx<'a>,
    node: &'a Node,
    input: Value<'a>,
    env: &'a Frame<'a>,
) -> Result<Value<'a>> {
    let Kind::Bind(name, value) = &node.kind else {
        return Ok(Value::Undefined);
    };
    let value = eval(ctx, value, input, env)?;
    env.bind(name, value);
    Ok(value)
}

/// A sequence of none is nothing and a sequence of one is its item, unless
/// `[]` asked to keep it (tuple streams are left as they are).
pub(crate) fn collapse(result: Value<'_>, keep_array: bool) -> Value<'_> {
    if !result.is_sequence() || result.is_tuple_stream() {
        return result;
    }
    if keep_array {
        result.set_flag(flags::KEEP_SINGLETON);
    }
    match result.len() {
        0 => Value::Undefined,
        1 if !result.has_flag(flags::KEEP_SINGLETON) => result.get(0).unwrap_or(Value::Undefined),
        _ => result,
    }
}

/// `$name`: `$` is the context (the input document for an outer array),
/// anything else a variable.
fn variable<'a>(
    ctx: &Ctx<'a>,
    node: &'a Node,
    input: Value<'a>,
    env: &'a Frame<'a>,
) -> Result<Value<'a>> {
    let Kind::Variable(name) = &node.kind else {
        return Ok(Value::Undefined);
    };
    if name.is_empty() {
        if input.has_flag(flags::OUTER_WRAPPER) {
            return Ok(input.get(0).unwrap_or(Value::Undefined));
        }
        return Ok(input);
    }
    Ok(call::resolve_node(ctx, env, node, name).unwrap_or(Value::Undefined))
}

/// A field of the context: the value of `name` in an object; over an array,
/// the values in every item (arrays among them flattened one level).
pub(crate) fn lookup<'a>(ctx: &Ctx<'a>, input: Value<'a>, name: &str) -> Value<'a> {
    if !input.is_array() {
        return input.field(name).unwrap_or(Value::Undefined);
    }
    let mut out = ArrayBuilder::new(ctx.bump);
    // nested arrays are walked with a stack of (array, next index)
    let mut stack: Vec<(Value<'a>, usize)> = vec![(input, 0)];
    while let Some((array, index)) = stack.pop() {
        let Some(item) = array.get(index) else {
            continue;
        };
        stack.push((array, index + 1));
        if item.is_array() {
            stack.push((item, 0));
            continue;
        }
        match item.field(name) {
            Some(value) if value.is_array() => out.extend(value.items()),
            Some(Value::Undefined) | None => {}
            Some(value) => out.push(value),
        }
    }
    out.finish(flags::SEQUENCE)
}

/// `-x`.
fn negate<'a>(
    ctx: &Ctx<'a>,
    node: &'a Node,
    input: Value<'a>,
    env: &'a Frame<'a>,
) -> Result<Value<'a>> {
    let Kind::Negate(inner) = &node.kind else {
        return Ok(Value::Undefined);
    };
    match eval(ctx, inner, input, env)? {
        Value::Undefined => Ok(Value::Undefined),
        Value::Number(x) if !x.is_nan() => {
            if x.is_infinite() {
                return Err(Fault::new("D1001")
                    .at(node.position)
                    .value(ctx.describe(Value::Number(x))));
            }
            Ok(Value::Number(-x))
        }
        other => Err(Fault::new("D1002")
            .at(node.position)
            .token("-")
            .value(ctx.describe(other))),
    }
}

/// `*`: the values of every field of the context, arrays flattened.
fn wildcard<'a>(
    ctx: &Ctx<'a>,
    _: &'a Node,
    input: Value<'a>,
    _: &'a Frame<'a>,
) -> Result<Value<'a>> {
    let mut input = input;
    if input.has_flag(flags::OUTER_WRAPPER) && input.len() > 0 {
        input = input.get(0).unwrap_or(Value::Undefined);
    }
    let mut out = ArrayBuilder::new(ctx.bump);
    // appending an array makes the result a plain array, as in jsonata-js
    let mut plain = false;
    let mut add = |value: Value<'a>, out: &mut ArrayBuilder<'a>| -> Result<()> {
        if value.is_array() {
            plain = true;
            flatten_into(ctx, value, out)
        } else {
            out.push(value);
            Ok(())
        }
    };
    match input {
        Value::Object(object) => {
            for (_, value) in object.entries {
                add(*value, &mut out)?;
            }
        }
        Value::JObject(map) => {
            for value in map.values() {
                add(Value::of_json(value), &mut out)?;
            }
        }
        Value::Array(_) | Value::JArray(_) => {
            for value in input.items() {
                add(value, &mut out)?;
            }
        }
        _ => {}
    }
    Ok(out.finish(if plain { 0 } else { flags::SEQUENCE }))
}

/// Pushes the leaves of nested arrays, in order, without recursion.
pub(crate) fn flatten_into<'a>(
    ctx: &Ctx<'a>,
    value: Value<'a>,
    out: &mut ArrayBuilder<'a>,
) -> Result<()> {
    let mut stack: Vec<(Value<'a>, usize)> = vec![(value, 0)];
    while let Some((array, index)) = stack.pop() {
        let Some(item) = array.get(index) else {
            continue;
        };
        ctx.step()?;
        stack.push((array, index + 1));
        if item.is_array() {
            stack.push((item, 0));
        } else {
            out.push(item);
        }
    }
    Ok(())
}

/// `**`: the context and everything below it, depth first (arrays are
/// looked through, not included).
fn descendants<'a>(
    ctx: &Ctx<'a>,
    _: &'a Node,
    input: Value<'a>,
    _: &'a Frame<'a>,
) -> Result<Value<'a>> {
    if input.is_undefined() {
        return Ok(Value::Undefined);
    }
    let mut out = ArrayBuilder::new(ctx.bump);
    let mut stack = vec![input];
    while let Some(value) = stack.pop() {
        ctx.step()?;
        if !value.is_array() {
            out.push(value);
        }
        match value {
            Value::Array(_) | Value::JArray(_) => stack.extend(value.items().rev()),
            Value::Object(object) => stack.extend(object.entries.iter().rev().map(|(_, v)| *v)),
            Value::JObject(map) => stack.extend(map.values().rev().map(Value::of_json)),
            _ => {}
        }
    }
    if out.len() == 1 {
        return Ok(out.as_slice().first().copied().unwrap_or(Value::Undefined));
    }
    Ok(out.finish(flags::SEQUENCE))
}
