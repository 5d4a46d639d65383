//! Reading a Succeed state.

use super::super::decoder::Decoder;
use super::super::fields::Fields;
use super::state::StateContext;
use crate::model::Succeed;

pub(crate) fn succeed(
    decoder: &mut Decoder,
    f: &mut Fields<'_, '_>,
    s: &StateContext,
) -> Option<Box<Succeed>> {
    Some(Box::new(Succeed {
        comment: f.get(decoder, "Comment", Decoder::string),
        query_language: s.own_language,
        input_path: f.get(decoder, "InputPath", Decoder::nullable_string),
        output_path: f.get(decoder, "OutputPath", Decoder::nullable_string),
        output: f.get(decoder, "Output", Decoder::json),
    }))
}
