//! Pass, Wait, Succeed and Fail.

use crate::model::{Fail, FailCause, FailError, OrJsonata, Pass, Succeed, Wait, WaitFor};

use super::super::code::Expr;
use super::super::cx::FnCx;
use super::super::fields::{comment, count, json, object, path, query_language, set};
use super::super::json::{value, Place};
use super::super::jsonata::jsonata;
use super::StateCx;

/// `Pass::new(...)`.
pub(super) fn pass(cx: &mut FnCx<'_>, at: &StateCx<'_>, pass: &Pass) -> Expr {
    let mut e = Expr::call("Pass::new", vec![Expr::str(at.name)]);
    e = comment(e, pass.comment.as_deref());
    e = query_language(e, pass.query_language);
    e = path(e, "input_path", pass.input_path.as_ref());
    e = json(cx, e, "parameters", pass.parameters.as_ref());
    if let Some(result) = &pass.result {
        let arg = value(cx, result, Place::Value);
        e = set(e, "result", arg);
    }
    e = path(e, "result_path", pass.result_path.as_ref());
    e = path(e, "output_path", pass.output_path.as_ref());
    e = json(cx, e, "output", pass.output.as_ref());
    object(cx, e, "assign", pass.assign.as_ref())
}

/// `Wait::seconds(...)` and the other durations.
pub(super) fn wait(cx: &mut FnCx<'_>, at: &StateCx<'_>, wait: &Wait) -> Expr {
    let name = Expr::str(at.name);
    let mut e = match &wait.wait_for {
        WaitFor::Seconds(OrJsonata::Value(n)) => Expr::call("Wait::seconds", vec![name, count(*n)]),
        WaitFor::Seconds(OrJsonata::Jsonata(text)) => {
            let expression = jsonata(cx, text);
            Expr::call("Wait::seconds_jsonata", vec![name, expression])
        }
        WaitFor::SecondsPath(p) => Expr::call("Wait::seconds_path", vec![name, Expr::str(p)]),
        WaitFor::Timestamp(t) => Expr::call("Wait::timestamp", vec![name, Expr::str(t)]),
        WaitFor::TimestampPath(p) => Expr::call("Wait::timestamp_path", vec![name, Expr::str(p)]),
    };
    e = comment(e, wait.comment.as_deref());
    e = query_language(e, wait.query_language);
    e = path(e, "input_path", wait.input_path.as_ref());
    e = path(e, "output_path", wait.output_path.as_ref());
    e = json(cx, e, "output", wait.output.as_ref());
    object(cx, e, "assign", wait.assign.as_ref())
}

/// `Succeed::new(...)`.
pub(super) fn succeed(cx: &mut FnCx<'_>, at: &StateCx<'_>, succeed: &Succeed) -> Expr {
    let mut e = Expr::call("Succeed::new", vec![Expr::str(at.name)]);
    e = comment(e, succeed.comment.as_deref());
    e = query_language(e, succeed.query_language);
    e = path(e, "input_path", succeed.input_path.as_ref());
    e = path(e, "output_path", succeed.output_path.as_ref());
    json(cx, e, "output", succeed.output.as_ref())
}

/// `Fail::new(...)` with its error and cause, given or at a path.
pub(super) fn fail(at: &StateCx<'_>, fail: &Fail) -> Expr {
    let mut e = Expr::call("Fail::new", vec![Expr::str(at.name)]);
    e = comment(e, fail.comment.as_deref());
    e = query_language(e, fail.query_language);
    e = match &fail.error {
        Some(FailError::Value(v)) => set(e, "error", Expr::str(v)),
        Some(FailError::Path(p)) => set(e, "error_path", Expr::str(p)),
        None => e,
    };
    match &fail.cause {
        Some(FailCause::Value(v)) => set(e, "cause", Expr::str(v)),
        Some(FailCause::Path(p)) => set(e, "cause_path", Expr::str(p)),
        None => e,
    }
}
