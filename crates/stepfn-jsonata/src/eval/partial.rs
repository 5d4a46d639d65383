//! Partial application, `f(?, x)`: a closure binding the arguments given and
//! taking the ones marked `?`, for lambdas and built-in functions alike.

use super::call::{
    forgot_dollar, function_arity, procedure_name, Body, Closure, Function, PARAM_NAMES,
};
use super::{eval, Ctx, Frame};
use crate::error::{Fault, FaultExt, Result};
use crate::ir::{Kind, Node};
use crate::value::Value;

/// A partial application `f(?, x)`.
pub(crate) fn eval_partial<'a>(
    ctx: &Ctx<'a>,
    node: &'a Node,
    input: Value<'a>,
    env: &'a Frame<'a>,
) -> Result<Value<'a>> {
    let Kind::Call {
        procedure, args, ..
    } = &node.kind
    else {
        return Ok(Value::Undefined);
    };
    // `None` marks a placeholder
    let mut values: Vec<Option<Value<'a>>> = Vec::with_capacity(args.len());
    for arg in args {
        if matches!(arg.kind, Kind::Placeholder) {
            values.push(None);
        } else {
            values.push(Some(eval(ctx, arg, input, env)?));
        }
    }
    let proc = eval(ctx, procedure, input, env)?;
    if proc.is_undefined() {
        forgot_dollar(ctx, procedure, env, "T1007", node.position)?;
    }
    let Value::Function(function) = proc else {
        return Err(Fault::new("T1008")
            .at(node.position)
            .token(procedure_name(procedure)));
    };
    let closure = match function {
        Function::Lambda(closure) => partial_closure(ctx, closure, &values),
        other => {
            // a built-in (or other native function) becomes a closure over
            // all its arguments, then is applied partially like a lambda
            let count = match other {
                Function::Native(builtin) => builtin.params,
                _ => function_arity(other),
            }
            .min(PARAM_NAMES.len());
            let whole = Closure {
                params: PARAM_NAMES.get(..count).unwrap_or(&[]),
                body: Body::Native(other, count),
                signature: None,
                env: Frame::root(ctx),
                input: Value::Undefined,
                thunk: false,
            };
            partial_closure(ctx, &whole, &values)
        }
    };
    Ok(Value::Function(ctx.bump.alloc(Function::Lambda(closure))))
}

/// A closure binding the given arguments of `closure` and taking the ones
/// marked as placeholders.
fn partial_closure<'a>(
    ctx: &Ctx<'a>,
    closure: &Closure<'a>,
    values: &[Option<Value<'a>>],
) -> Closure<'a> {
    let env = Frame::child(ctx, closure.env);
    let mut unbound = Vec::new();
    for (i, param) in closure.params.iter().enumerate() {
        match values.get(i) {
            Some(None) => unbound.push(*param),
            Some(Some(value)) => env.bind(param, *value),
            None => env.bind(param, Value::Undefined),
        }
    }
    Closure {
        params: ctx.bump.alloc_slice_copy(&unbound),
        body: closure.body,
        signature: None,
        env,
        input: closure.input,
        thunk: false,
    }
}
