//! Task: a typed integration of `stepfn::tasks` when one renders exactly
//! the definition's `Resource` and input, else `Task::new(name, resource)`.

use crate::model::{HeartbeatSeconds, OrJsonata, Task, TimeoutSeconds};

use super::super::code::Expr;
use super::super::cx::FnCx;
use super::super::fields::{
    catchers, comment, count, json, object, path, query_language, resource, retries, set,
};
use super::super::jsonata::jsonata;
use super::StateCx;

/// The Task state's expression.
pub(super) fn task(cx: &mut FnCx<'_>, at: &StateCx<'_>, task: &Task) -> Expr {
    if let Some(typed) = super::super::integrations::typed(cx, at, task) {
        return typed;
    }
    let resource = resource(cx, &task.resource);
    let e = Expr::call("Task::new", vec![Expr::str(at.name), resource]);
    let e = comment(e, task.comment.as_deref());
    let e = query_language(e, task.query_language);
    let e = object(cx, e, "credentials", task.credentials.as_ref());
    let e = path(e, "input_path", task.input_path.as_ref());
    let e = json(cx, e, "parameters", task.parameters.as_ref());
    let e = json(cx, e, "arguments", task.arguments.as_ref());
    after_input(cx, e, task, task.retry.as_deref())
}

/// The Task fields after its input, the same for a plain Task and a typed
/// integration: timeouts, result handling, `Assign`, `retriers` (the
/// state's, less those the integration adds itself) and `Catch`.
pub(crate) fn after_input(
    cx: &mut FnCx<'_>,
    mut e: Expr,
    task: &Task,
    retriers: Option<&[crate::model::Retrier]>,
) -> Expr {
    e = match &task.timeout {
        Some(TimeoutSeconds::Value(OrJsonata::Value(n))) => set(e, "timeout_seconds", count(*n)),
        Some(TimeoutSeconds::Value(OrJsonata::Jsonata(text))) => {
            let expression = jsonata(cx, text);
            set(e, "timeout_seconds_jsonata", expression)
        }
        Some(TimeoutSeconds::Path(p)) => set(e, "timeout_seconds_path", Expr::str(p)),
        None => e,
    };
    e = match &task.heartbeat {
        Some(HeartbeatSeconds::Value(OrJsonata::Value(n))) => {
            set(e, "heartbeat_seconds", count(*n))
        }
        Some(HeartbeatSeconds::Value(OrJsonata::Jsonata(text))) => {
            let expression = jsonata(cx, text);
            set(e, "heartbeat_seconds_jsonata", expression)
        }
        Some(HeartbeatSeconds::Path(p)) => set(e, "heartbeat_seconds_path", Expr::str(p)),
        None => e,
    };
    e = object(cx, e, "result_selector", task.result_selector.as_ref());
    e = path(e, "result_path", task.result_path.as_ref());
    e = path(e, "output_path", task.output_path.as_ref());
    e = json(cx, e, "output", task.output.as_ref());
    e = object(cx, e, "assign", task.assign.as_ref());
    e = retries(cx, e, retriers);
    catchers(cx, e, task.catch.as_deref())
}
