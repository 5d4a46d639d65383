//! Reading a Parallel state.

use super::super::cx::Cx;
use super::super::fields::Fields;
use super::common::{catch, retry, transition};
use super::machine::branch;
use super::state::StateCx;
use crate::model::Parallel;

pub(crate) fn parallel(cx: &mut Cx, f: &mut Fields<'_, '_>, s: &StateCx) -> Option<Parallel> {
    let language = s.language;
    let branches = f.required(cx, "Branches", |cx, node, loc| {
        cx.array_of(node, loc, branch)
    });
    let transition = transition(cx, f);
    Some(Parallel {
        comment: f.get(cx, "Comment", Cx::string),
        query_language: s.own_language,
        input_path: f.get(cx, "InputPath", Cx::nullable_string),
        parameters: f.get(cx, "Parameters", Cx::json),
        arguments: f.get(cx, "Arguments", Cx::json),
        result_selector: f.get(cx, "ResultSelector", Cx::json_object),
        result_path: f.get(cx, "ResultPath", Cx::nullable_string),
        output_path: f.get(cx, "OutputPath", Cx::nullable_string),
        output: f.get(cx, "Output", Cx::json),
        assign: f.get(cx, "Assign", Cx::json_object),
        retry: f.get(cx, "Retry", retry),
        catch: f.get(cx, "Catch", |cx, n, l| catch(cx, n, l, language)),
        branches: branches?,
        transition: transition?,
    })
}
