//! Reading a Task state.

use super::super::cx::Cx;
use super::super::fields::Fields;
use super::common::{catch, resource, retry, transition};
use super::state::StateCx;
use crate::model::{HeartbeatSeconds, Task, TimeoutSeconds};

pub(crate) fn task(cx: &mut Cx, f: &mut Fields<'_, '_>, s: &StateCx) -> Option<Task> {
    let language = s.language;
    let resource = f.required(cx, "Resource", resource);
    let transition = transition(cx, f);
    Some(Task {
        comment: f.get(cx, "Comment", Cx::string),
        query_language: s.own_language,
        credentials: f.get(cx, "Credentials", Cx::json_object),
        input_path: f.get(cx, "InputPath", Cx::nullable_string),
        parameters: f.get(cx, "Parameters", Cx::json),
        arguments: f.get(cx, "Arguments", Cx::json),
        timeout: f.either(
            cx,
            ("TimeoutSeconds", |cx: &mut Cx, n, l: &_| {
                cx.or_jsonata(n, l, language, Cx::u64)
                    .map(TimeoutSeconds::Value)
            }),
            ("TimeoutSecondsPath", |cx: &mut Cx, n, l: &_| {
                cx.string(n, l).map(TimeoutSeconds::Path)
            }),
        ),
        heartbeat: f.either(
            cx,
            ("HeartbeatSeconds", |cx: &mut Cx, n, l: &_| {
                cx.or_jsonata(n, l, language, Cx::u64)
                    .map(HeartbeatSeconds::Value)
            }),
            ("HeartbeatSecondsPath", |cx: &mut Cx, n, l: &_| {
                cx.string(n, l).map(HeartbeatSeconds::Path)
            }),
        ),
        result_selector: f.get(cx, "ResultSelector", Cx::json_object),
        result_path: f.get(cx, "ResultPath", Cx::nullable_string),
        output_path: f.get(cx, "OutputPath", Cx::nullable_string),
        output: f.get(cx, "Output", Cx::json),
        assign: f.get(cx, "Assign", Cx::json_object),
        retry: f.get(cx, "Retry", retry),
        catch: f.get(cx, "Catch", |cx, n, l| catch(cx, n, l, language)),
        resource: resource?,
        transition: transition?,
    })
}
