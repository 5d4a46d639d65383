//! Functions: lambdas and closures, calls, `~>`, and
//! the trampoline that runs tail calls without growing the stack.

use stepfn::syntax::jsonata::Signature;

use super::{eval, Ctx, Frame};
use crate::error::{Fault, FaultExt, Result};
use crate::functions::{self, Builtin};
use crate::ir::{self, Kind, Node};
use crate::regex::CompiledRegex;
use crate::signature;
use crate::value::Value;

/// A function value.
#[derive(Debug)]
pub(crate) enum Function<'a> {
    /// A lambda (or a partial application of one) with its closure.
    Lambda(Closure<'a>),
    /// A built-in function.
    Native(&'static Builtin),
    /// A regular-expression literal: called with a string, it returns the
    /// first match.
    Regex(&'a CompiledRegex),
    /// The `next` function of a match: the following match.
    RegexNext {
        /// The pattern.
        regex: &'a CompiledRegex,
        /// The string searched.
        text: &'a str,
        /// Byte offset where the previous match ended.
        from: usize,
    },
    /// A transform `| … |` with the scope it was made in.
    Transform {
        /// The transform node.
        node: &'a Node,
        /// Its scope.
        env: &'a Frame<'a>,
    },
    /// `f ~> g` for two functions: `g(f(x))`.
    Chain(Value<'a>, Value<'a>),
}

/// A lambda with its scope.
#[derive(Debug)]
pub(crate) struct Closure<'a> {
    /// Names of the parameters still to be given.
    pub(crate) params: &'a [&'a str],
    /// What to run.
    pub(crate) body: Body<'a>,
    /// The signature arguments are checked against.
    pub(crate) signature: Option<&'a Signature>,
    /// The scope the lambda was made in (plus partial arguments).
    pub(crate) env: &'a Frame<'a>,
    /// The context value where the lambda was made.
    pub(crate) input: Value<'a>,
    /// A tail-call thunk.
    pub(crate) thunk: bool,
}

/// What a closure runs.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Body<'a> {
    /// An expression.
    Expr(&'a Node),
    /// A function given in full by partial application: its arguments are
    /// the first `count` of [`PARAM_NAMES`], bound in the closure's scope.
    Native(&'a Function<'a>, usize),
}

/// Internal names of the parameters of a partially applied built-in.
pub(super) const PARAM_NAMES: [&str; 8] = ["#0", "#1", "#2", "#3", "#4", "#5", "#6", "#7"];

impl std::fmt::Debug for Frame<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Frame")
    }
}

/// A lambda definition evaluated in `env`: a closure.
pub(crate) fn lambda<'a>(
    ctx: &Ctx<'a>,
    node: &'a Node,
    input: Value<'a>,
    env: &'a Frame<'a>,
) -> Result<Value<'a>> {
    let Kind::Lambda(lambda) = &node.kind else {
        return Ok(Value::Undefined);
    };
    Ok(make_closure(ctx, lambda, input, env))
}

/// The closure of `lambda` in `env`.
fn make_closure<'a>(
    ctx: &Ctx<'a>,
    lambda: &'a ir::Lambda,
    input: Value<'a>,
    env: &'a Frame<'a>,
) -> Value<'a> {
    let params = ctx
        .bump
        .alloc_slice_fill_iter(lambda.params.iter().map(String::as_str));
    Value::Function(ctx.bump.alloc(Function::Lambda(Closure {
        params,
        body: Body::Expr(&lambda.body),
        signature: lambda.signature.as_ref(),
        env,
        input,
        thunk: lambda.thunk,
    })))
}

/// The number of arguments a function takes, as jsonata-js counts them for
/// higher-order functions (which pass the index and array only to
/// functions that take them).
pub(crate) fn function_arity(f: &Function<'_>) -> usize {
    match f {
        Function::Lambda(closure) => closure.params.len(),
        Function::Native(builtin) => builtin.arity,
        Function::Regex(_) => 2,
        Function::RegexNext { .. } => 0,
        Function::Transform { .. } | Function::Chain(..) => 1,
    }
}

/// The variable name a call's procedure is known by, for messages.
pub(super) fn procedure_name(procedure: &Node) -> String {
    match &procedure.kind {
        Kind::Path { steps, .. } => match steps.first().map(|s| &s.kind) {
            Some(Kind::Name(name)) => name.clone(),
            _ => String::new(),
        },
        Kind::Variable(name) => name.clone(),
        _ => String::new(),
    }
}

/// The value of a variable node: its binding, or the built-in of its name.
pub(crate) fn resolve_node<'a>(
    ctx: &Ctx<'a>,
    env: &'a Frame<'a>,
    node: &'a Node,
    name: &str,
) -> Option<Value<'a>> {
    env.lookup(name).or_else(|| {
        node.builtin
            .map(|b| Value::Function(ctx.bump.alloc(Function::Native(b))))
    })
}

/// The value of the variable `name` (or the built-in of that name).
pub(crate) fn resolve<'a>(ctx: &Ctx<'a>, env: &'a Frame<'a>, name: &str) -> Option<Value<'a>> {
    env.lookup(name).or_else(|| {
        functions::builtin(name).map(|b| Value::Function(ctx.bump.alloc(Function::Native(b))))
    })
}

/// T1005/T1007: the procedure is a bare name that is also a variable, so
/// the `$` was probably forgotten.
pub(super) fn forgot_dollar<'a>(
    ctx: &Ctx<'a>,
    procedure: &Node,
    env: &'a Frame<'a>,
    code: &'static str,
    position: usize,
) -> Result<()> {
    if let Kind::Path { steps, .. } = &procedure.kind {
        if let Some(Kind::Name(name)) = steps.first().map(|s| &s.kind) {
            if resolve(ctx, env, name).is_some_and(|v| !v.is_undefined()) {
                return Err(Fault::new(code).at(position).token(name.clone()));
            }
        }
    }
    Ok(())
}

/// A call `f(args)`.
pub(crate) fn eval_call<'a>(
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
    call_with(ctx, node, procedure, args, input, env, None)
}

/// A call `f(args)`; `first` is the left side of `~>`, passed first.
fn call_with<'a>(
    ctx: &Ctx<'a>,
    node: &'a Node,
    procedure: &'a Node,
    args: &'a [Node],
    input: Value<'a>,
    env: &'a Frame<'a>,
    first: Option<Value<'a>>,
) -> Result<Value<'a>> {
    let proc = eval(ctx, procedure, input, env)?;
    if proc.is_undefined() {
        forgot_dollar(ctx, procedure, env, "T1005", node.position)?;
    }
    let mut values = bumpalo::collections::Vec::with_capacity_in(args.len() + 1, ctx.bump);
    if let Some(first) = first {
        values.push(first);
    }
    for arg in args {
        values.push(eval(ctx, arg, input, env)?);
    }
    apply(ctx, proc, &values, input, node.position).map_err(|f| {
        let name = procedure_name(procedure);
        f.at_if_unset(node.position).token_if_unset(&name)
    })
}

/// `lhs ~> rhs`.
pub(crate) fn eval_apply<'a>(
    ctx: &Ctx<'a>,
    node: &'a Node,
    input: Value<'a>,
    env: &'a Frame<'a>,
) -> Result<Value<'a>> {
    let Kind::Apply(lhs, rhs) = &node.kind else {
        return Ok(Value::Undefined);
    };
    let left = eval(ctx, lhs, input, env)?;
    if let Kind::Call {
        procedure,
        args,
        partial: false,
    } = &rhs.kind
    {
        return call_with(ctx, rhs, procedure, args, input, env, Some(left));
    }
    let func = eval(ctx, rhs, input, env)?;
    if !func.is_function() {
        return Err(Fault::new("T2006")
            .at(node.position)
            .value(ctx.describe(func)));
    }
    if left.is_function() {
        return Ok(Value::Function(ctx.bump.alloc(Function::Chain(left, func))));
    }
    apply(ctx, func, &[left], Value::Undefined, node.position)
}

/// Calls `proc` with `args`, running tail-call thunks until a value comes back.
pub(crate) fn apply<'a>(
    ctx: &Ctx<'a>,
    proc: Value<'a>,
    args: &[Value<'a>],
    input: Value<'a>,
    position: usize,
) -> Result<Value<'a>> {
    ctx.enter_call(position)?;
    let result = trampoline(ctx, proc, args, input, position);
    ctx.leave_call();
    result
}

/// The body of [`apply`]: the call, then the tail calls it returns.
fn trampoline<'a>(
    ctx: &Ctx<'a>,
    proc: Value<'a>,
    args: &[Value<'a>],
    input: Value<'a>,
    position: usize,
) -> Result<Value<'a>> {
    let mut result = apply_inner(ctx, proc, args, input, position)?;
    while let Value::Function(Function::Lambda(closure)) = result {
        if !closure.thunk {
            break;
        }
        result = run_thunk(ctx, closure, input)?;
    }
    Ok(result)
}

/// Makes the tail call a thunk stands for.
fn run_thunk<'a>(ctx: &Ctx<'a>, closure: &Closure<'a>, input: Value<'a>) -> Result<Value<'a>> {
    let Body::Expr(Node {
        kind:
            Kind::Call {
                procedure,
                args: arg_nodes,
                ..
            },
        position: call_position,
        ..
    }) = closure.body
    else {
        return Ok(Value::Undefined);
    };
    ctx.step()?;
    let next = eval(ctx, procedure, closure.input, closure.env)?;
    let mut values = Vec::with_capacity(arg_nodes.len());
    for arg in arg_nodes {
        values.push(eval(ctx, arg, closure.input, closure.env)?);
    }
    if next.is_undefined() {
        forgot_dollar(ctx, procedure, closure.env, "T1005", *call_position)?;
    }
    apply_inner(ctx, next, &values, input, *call_position).map_err(|f| {
        let name = procedure_name(procedure);
        f.at_if_unset(*call_position).token_if_unset(&name)
    })
}

/// One call, without the trampoline.
fn apply_inner<'a>(
    ctx: &Ctx<'a>,
    proc: Value<'a>,
    args: &[Value<'a>],
    input: Value<'a>,
    position: usize,
) -> Result<Value<'a>> {
    let Value::Function(function) = proc else {
        return Err(Fault::new("T1006").at(position));
    };
    match function {
        Function::Lambda(closure) => apply_lambda(ctx, closure, args, input, position),
        Function::Native(builtin) => apply_native(ctx, builtin, args, input, position),
        other => apply_other(ctx, other, args, position),
    }
}

/// Calls a lambda: checks its signature, then runs its body.
fn apply_lambda<'a>(
    ctx: &Ctx<'a>,
    closure: &Closure<'a>,
    args: &[Value<'a>],
    input: Value<'a>,
    position: usize,
) -> Result<Value<'a>> {
    match closure.signature {
        Some(sig) => {
            let validated = signature::validate(ctx, sig, args, input)?;
            apply_closure(ctx, closure, &validated, position)
        }
        None => apply_closure(ctx, closure, args, position),
    }
}

/// Calls a built-in: checks its signature, then runs it.
fn apply_native<'a>(
    ctx: &Ctx<'a>,
    builtin: &'static Builtin,
    args: &[Value<'a>],
    input: Value<'a>,
    position: usize,
) -> Result<Value<'a>> {
    let validated = signature::validate(ctx, functions::signature_of(builtin), args, input)
        .map_err(|f| f.token_if_unset(builtin.name))?;
    (builtin.implementation)(ctx, &validated, position)
        .map_err(|f| f.at_if_unset(position).token_if_unset(builtin.name))
}

/// Calls a regex matcher, a match's `next`, a transform or a chain.
fn apply_other<'a>(
    ctx: &Ctx<'a>,
    function: &'a Function<'a>,
    args: &[Value<'a>],
    position: usize,
) -> Result<Value<'a>> {
    let first = args.first().copied().unwrap_or(Value::Undefined);
    match function {
        Function::Regex(regex) => {
            let from = match args.get(1) {
                Some(Value::Number(n)) if *n >= 0.0 => {
                    // a JavaScript index (UTF-16 units)
                    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                    let units = *n as usize;
                    first
                        .as_str()
                        .map_or(0, |s| crate::regex::byte_offset(s, units))
                }
                _ => 0,
            };
            functions::regex::match_at(ctx, regex, first, from, position)
        }
        Function::RegexNext { regex, text, from } => {
            functions::regex::next_match(ctx, regex, text, *from, position)
        }
        Function::Transform { node, env } => super::transform::transform(ctx, node, first, env),
        Function::Chain(f, g) => {
            let inner = apply(ctx, *f, &[first], Value::Undefined, position)?;
            apply(ctx, *g, &[inner], Value::Undefined, position)
        }
        Function::Lambda(_) | Function::Native(_) => Ok(Value::Undefined),
    }
}

/// Runs a closure's body with `args` bound to its parameters.
fn apply_closure<'a>(
    ctx: &Ctx<'a>,
    closure: &Closure<'a>,
    args: &[Value<'a>],
    position: usize,
) -> Result<Value<'a>> {
    let env = Frame::child(ctx, closure.env);
    for (i, param) in closure.params.iter().enumerate() {
        env.bind(param, args.get(i).copied().unwrap_or(Value::Undefined));
    }
    match closure.body {
        Body::Expr(body) => eval(ctx, body, closure.input, env),
        Body::Native(function, count) => {
            let values: Vec<Value<'a>> = PARAM_NAMES
                .get(..count)
                .unwrap_or(&[])
                .iter()
                .map(|name| env.lookup(name).unwrap_or(Value::Undefined))
                .collect();
            match function {
                Function::Native(builtin) => (builtin.implementation)(ctx, &values, position)
                    .map_err(|f| f.at_if_unset(position).token_if_unset(builtin.name)),
                other => apply_inner(
                    ctx,
                    Value::Function(other),
                    &values,
                    Value::Undefined,
                    position,
                ),
            }
        }
    }
}
