//! Parallel: each branch a function of its own, `.branch(f())`.

use crate::model::Parallel;

use super::super::code::Expr;
use super::super::cx::FnCx;
use super::super::fields::{catchers, comment, json, object, path, query_language, retries};
use super::StateCx;

/// `Parallel::new(...)` with its branches.
pub(super) fn parallel(cx: &mut FnCx<'_>, at: &StateCx<'_>, parallel: &Parallel) -> Expr {
    let mut e = Expr::call("Parallel::new", vec![Expr::str(at.name)]);
    e = comment(e, parallel.comment.as_deref());
    e = query_language(e, parallel.query_language);
    e = path(e, "input_path", parallel.input_path.as_ref());
    e = json(cx, e, "parameters", parallel.parameters.as_ref());
    e = json(cx, e, "arguments", parallel.arguments.as_ref());
    for (branch, function) in parallel.branches.iter().zip(at.scopes) {
        let call = Expr::call(function.clone(), Vec::new());
        e = match &branch.comment {
            Some(c) => e.method("branch_with_comment", vec![call, Expr::str(c)]),
            None => e.method("branch", vec![call]),
        };
    }
    e = object(cx, e, "result_selector", parallel.result_selector.as_ref());
    e = path(e, "result_path", parallel.result_path.as_ref());
    e = path(e, "output_path", parallel.output_path.as_ref());
    e = json(cx, e, "output", parallel.output.as_ref());
    e = object(cx, e, "assign", parallel.assign.as_ref());
    e = retries(cx, e, parallel.retry.as_deref());
    catchers(cx, e, parallel.catch.as_deref())
}
