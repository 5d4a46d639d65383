//! Decoders shared by several state types: `Next`/`End`, `Resource`, `Retry`,
//! `Catch`, and the language check of nested fields.

use super::super::cx::Cx;
use super::super::fields::{Fields, Shape};
use super::super::location::Loc;
use super::super::parse::{Node, Value};
use super::state::report_language;
use crate::model::{Catcher, JitterStrategy, QueryLanguage, Resource, Retrier, Transition};
use crate::problem::Code;

/// Reads `Next` / `End` into the one transition a state must have.
pub(crate) fn transition(cx: &mut Cx, f: &mut Fields<'_, '_>) -> Option<Transition> {
    let next_given = f.has("Next");
    let next = f.get(cx, "Next", Cx::string);
    let end = f
        .take("End")
        .map(|slot| (slot.key_at, cx.boolean(slot.node, &f.loc.key("End"))));
    match (next_given, end) {
        (false, None) => {
            let message = "the state has neither `Next` nor `\"End\": true`: add one";
            cx.report(f.at, f.loc, Code::MissingNextOrEnd, message);
            None
        }
        (true, None) => next.map(Transition::Next),
        (false, Some((_, Some(true)))) => Some(Transition::End),
        (false, Some((at, Some(false)))) => {
            let message = "`\"End\": false` does not end the state and there is no `Next`: \
                           add `Next` or set `End` to true";
            cx.report(at, &f.loc.key("End"), Code::MissingNextOrEnd, message);
            None
        }
        (true, Some((at, Some(true)))) => {
            let message = "the state has both `Next` and `\"End\": true`: keep one";
            cx.report(at, &f.loc.key("End"), Code::NextAndEnd, message);
            None
        }
        (true, Some((at, Some(false)))) => {
            let message = "`\"End\": false` next to `Next` has no effect: remove it";
            cx.report(at, &f.loc.key("End"), Code::InvalidValue, message);
            None
        }
        (_, Some((_, None))) => None,
    }
}

/// Reads a `Resource`: an ARN string, or a `Ref` / `Fn::...` template object.
pub(crate) fn resource(cx: &mut Cx, node: Node<'_>, loc: &Loc<'_>) -> Option<Resource> {
    match &node.value {
        Value::String(_) => cx.string(node, loc).map(Resource::Uri),
        Value::Object(members)
            if members.len() == 1
                && (members[0].key == "Ref" || members[0].key.starts_with("Fn::")) =>
        {
            cx.json_object(node, loc).map(Resource::Template)
        }
        _ => {
            cx.wrong_type(&node, loc, "an ARN string");
            None
        }
    }
}

/// Drops a field of the wrong query language from `f`, reporting it.
pub(crate) fn check_language(
    cx: &mut Cx,
    f: &mut Fields<'_, '_>,
    name: &'static str,
    field_language: QueryLanguage,
    language: QueryLanguage,
) {
    if field_language != language {
        if let Some(slot) = f.take(name) {
            report_language(cx, slot.key_at, &f.loc.key(name), name, language);
        }
    }
}

const RETRIER: Shape = Shape {
    what: "a retrier",
    names: &[
        "ErrorEquals",
        "IntervalSeconds",
        "MaxAttempts",
        "BackoffRate",
        "MaxDelaySeconds",
        "JitterStrategy",
        "Comment",
    ],
    elsewhere: &[
        (
            "Next",
            "retriers retry the same state; use `Catch` to go elsewhere",
        ),
        ("ResultPath", "it belongs on catchers"),
    ],
};

/// Reads `Retry`.
pub(crate) fn retry(cx: &mut Cx, node: Node<'_>, loc: &Loc<'_>) -> Option<Vec<Retrier>> {
    cx.array_of(node, loc, retrier)
}

fn retrier(cx: &mut Cx, node: Node<'_>, loc: &Loc<'_>) -> Option<Retrier> {
    let mut f = Fields::read(cx, node, loc, RETRIER)?;
    let error_equals = f.required(cx, "ErrorEquals", Cx::string_array);
    let retrier = Retrier {
        comment: f.get(cx, "Comment", Cx::string),
        interval_seconds: f.get(cx, "IntervalSeconds", Cx::u64),
        max_attempts: f.get(cx, "MaxAttempts", Cx::u64),
        backoff_rate: f.get(cx, "BackoffRate", Cx::number),
        max_delay_seconds: f.get(cx, "MaxDelaySeconds", Cx::u64),
        jitter_strategy: f.get(cx, "JitterStrategy", jitter_strategy),
        error_equals: error_equals?,
    };
    f.finish(cx, RETRIER.what);
    Some(retrier)
}

fn jitter_strategy(cx: &mut Cx, node: Node<'_>, loc: &Loc<'_>) -> Option<JitterStrategy> {
    let at = node.at;
    let name = cx.string(node, loc)?;
    let strategy = JitterStrategy::parse(&name);
    if strategy.is_none() {
        let message = format!("`{name}` is not a jitter strategy: use \"FULL\" or \"NONE\"");
        cx.report(at, loc, Code::InvalidValue, message);
    }
    strategy
}

const CATCHER: Shape = Shape {
    what: "a catcher",
    names: &[
        "ErrorEquals",
        "Next",
        "ResultPath",
        "Output",
        "Assign",
        "Comment",
    ],
    elsewhere: &[
        ("End", "a catcher must name a `Next` state"),
        ("MaxAttempts", "it belongs on retriers (`Retry`)"),
        ("IntervalSeconds", "it belongs on retriers (`Retry`)"),
        ("BackoffRate", "it belongs on retriers (`Retry`)"),
    ],
};

/// Reads `Catch` for a state in `language`.
pub(crate) fn catch(
    cx: &mut Cx,
    node: Node<'_>,
    loc: &Loc<'_>,
    language: QueryLanguage,
) -> Option<Vec<Catcher>> {
    cx.array_of(node, loc, |cx, node, loc| catcher(cx, node, loc, language))
}

fn catcher(cx: &mut Cx, node: Node<'_>, loc: &Loc<'_>, language: QueryLanguage) -> Option<Catcher> {
    let mut f = Fields::read(cx, node, loc, CATCHER)?;
    check_language(cx, &mut f, "ResultPath", QueryLanguage::JsonPath, language);
    check_language(cx, &mut f, "Output", QueryLanguage::Jsonata, language);
    let error_equals = f.required(cx, "ErrorEquals", Cx::string_array);
    let next = f.required(cx, "Next", Cx::string);
    let catcher = Catcher {
        comment: f.get(cx, "Comment", Cx::string),
        result_path: f.get(cx, "ResultPath", Cx::nullable_string),
        output: f.get(cx, "Output", Cx::json),
        assign: f.get(cx, "Assign", Cx::json_object),
        error_equals: error_equals?,
        next: next?,
    };
    f.finish(cx, CATCHER.what);
    Some(catcher)
}
