//! Reading Pass, Wait, Succeed and Fail states.

use super::super::cx::Cx;
use super::super::fields::Fields;
use super::common::transition;
use super::state::StateCx;
use crate::model::{Fail, FailCause, FailError, Pass, Succeed, Wait, WaitFor};
use crate::problem::Code;

pub(crate) fn pass(cx: &mut Cx, f: &mut Fields<'_, '_>, s: &StateCx) -> Option<Pass> {
    let transition = transition(cx, f);
    Some(Pass {
        comment: f.get(cx, "Comment", Cx::string),
        query_language: s.own_language,
        input_path: f.get(cx, "InputPath", Cx::nullable_string),
        parameters: f.get(cx, "Parameters", Cx::json),
        result: f.get(cx, "Result", Cx::json),
        result_path: f.get(cx, "ResultPath", Cx::nullable_string),
        output_path: f.get(cx, "OutputPath", Cx::nullable_string),
        output: f.get(cx, "Output", Cx::json),
        assign: f.get(cx, "Assign", Cx::json_object),
        transition: transition?,
    })
}

const WAIT_FIELDS: [&str; 4] = ["Seconds", "SecondsPath", "Timestamp", "TimestampPath"];

pub(crate) fn wait(cx: &mut Cx, f: &mut Fields<'_, '_>, s: &StateCx) -> Option<Wait> {
    let language = s.language;
    let given: Vec<&str> = WAIT_FIELDS.into_iter().filter(|n| f.has(n)).collect();
    let wait_for = if let [name] = given[..] {
        let slot = f.take(name)?;
        let loc = f.loc.key(name);
        match name {
            "Seconds" => cx
                .or_jsonata(slot.node, &loc, language, Cx::u64)
                .map(WaitFor::Seconds),
            "SecondsPath" => cx.string(slot.node, &loc).map(WaitFor::SecondsPath),
            "Timestamp" => cx.string(slot.node, &loc).map(WaitFor::Timestamp),
            _ => cx.string(slot.node, &loc).map(WaitFor::TimestampPath),
        }
    } else {
        for name in &given {
            f.take(name);
        }
        let message = if given.is_empty() {
            "a Wait state needs one of `Seconds`, `SecondsPath`, `Timestamp`, `TimestampPath`"
                .to_owned()
        } else {
            format!(
                "a Wait state takes exactly one duration field, found {}: keep one",
                given.join(", ")
            )
        };
        cx.report(f.at, f.loc, Code::WaitNeedsExactlyOne, message);
        None
    };
    let transition = transition(cx, f);
    Some(Wait {
        comment: f.get(cx, "Comment", Cx::string),
        query_language: s.own_language,
        input_path: f.get(cx, "InputPath", Cx::nullable_string),
        output_path: f.get(cx, "OutputPath", Cx::nullable_string),
        output: f.get(cx, "Output", Cx::json),
        assign: f.get(cx, "Assign", Cx::json_object),
        wait_for: wait_for?,
        transition: transition?,
    })
}

pub(crate) fn succeed(cx: &mut Cx, f: &mut Fields<'_, '_>, s: &StateCx) -> Option<Succeed> {
    Some(Succeed {
        comment: f.get(cx, "Comment", Cx::string),
        query_language: s.own_language,
        input_path: f.get(cx, "InputPath", Cx::nullable_string),
        output_path: f.get(cx, "OutputPath", Cx::nullable_string),
        output: f.get(cx, "Output", Cx::json),
    })
}

pub(crate) fn fail(cx: &mut Cx, f: &mut Fields<'_, '_>, s: &StateCx) -> Option<Fail> {
    Some(Fail {
        comment: f.get(cx, "Comment", Cx::string),
        query_language: s.own_language,
        error: f.either(
            cx,
            ("Error", |cx: &mut Cx, n, l: &_| {
                cx.string(n, l).map(FailError::Value)
            }),
            ("ErrorPath", |cx: &mut Cx, n, l: &_| {
                cx.string(n, l).map(FailError::Path)
            }),
        ),
        cause: f.either(
            cx,
            ("Cause", |cx: &mut Cx, n, l: &_| {
                cx.string(n, l).map(FailCause::Value)
            }),
            ("CausePath", |cx: &mut Cx, n, l: &_| {
                cx.string(n, l).map(FailCause::Path)
            }),
        ),
    })
}
