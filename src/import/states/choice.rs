//! Choice: a rule per `.when(condition, Goto::new(next))` (a `When` for a
//! rule with `Assign` or `Output`), `Default` as `.otherwise(Goto::new(...))`.

use crate::model::Choice;

use super::super::code::Expr;
use super::super::condition::condition;
use super::super::cx::FnCx;
use super::super::fields::{comment, goto, json, object, path, query_language, set};
use super::StateCx;

/// `Choice::new(...)` with its rules.
pub(super) fn choice(cx: &mut FnCx<'_>, at: &StateCx<'_>, choice: &Choice) -> Expr {
    let mut e = Expr::call("Choice::new", vec![Expr::str(at.name)]);
    e = comment(e, choice.comment.as_deref());
    e = query_language(e, choice.query_language);
    e = path(e, "input_path", choice.input_path.as_ref());
    for rule in &choice.choices {
        let mut when = condition(cx, &rule.condition);
        // The rule's comment goes on its condition, unless `When` is needed.
        if rule.assign.is_some() || rule.output.is_some() {
            when = Expr::call("When::new", vec![when]);
        }
        when = comment(when, rule.comment.as_deref());
        when = object(cx, when, "assign", rule.assign.as_ref());
        when = json(cx, when, "output", rule.output.as_ref());
        e = e.method("when", vec![when, goto(&rule.next)]);
    }
    if let Some(default) = &choice.default {
        e = set(e, "otherwise", goto(default));
    }
    e = path(e, "output_path", choice.output_path.as_ref());
    e = json(cx, e, "output", choice.output.as_ref());
    object(cx, e, "assign", choice.assign.as_ref())
}
