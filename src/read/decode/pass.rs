//! Reading a Pass state.

use super::super::decoder::Decoder;
use super::super::fields::Fields;
use super::state::StateContext;
use super::transition::transition;
use crate::model::Pass;

pub(crate) fn pass(
    decoder: &mut Decoder,
    f: &mut Fields<'_, '_>,
    s: &StateContext,
) -> Option<Box<Pass>> {
    let transition = transition(decoder, f);
    Some(Box::new(Pass {
        comment: f.get(decoder, "Comment", Decoder::string),
        query_language: s.own_language,
        input_path: f.get(decoder, "InputPath", Decoder::nullable_string),
        parameters: f.get(decoder, "Parameters", Decoder::json),
        result: f.get(decoder, "Result", Decoder::json),
        result_path: f.get(decoder, "ResultPath", Decoder::nullable_string),
        output_path: f.get(decoder, "OutputPath", Decoder::nullable_string),
        output: f.get(decoder, "Output", Decoder::json),
        assign: f.get(decoder, "Assign", Decoder::json_object),
        transition: transition?,
    }))
}
