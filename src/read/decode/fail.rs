//! Reading a Fail state.

use super::super::decoder::Decoder;
use super::super::fields::Fields;
use super::state::StateContext;
use crate::model::{Fail, FailCause, FailError};

pub(crate) fn fail(
    decoder: &mut Decoder,
    f: &mut Fields<'_, '_>,
    s: &StateContext,
) -> Option<Fail> {
    Some(Fail {
        comment: f.get(decoder, "Comment", Decoder::string),
        query_language: s.own_language,
        error: f.either(
            decoder,
            ("Error", |decoder: &mut Decoder, n, l: &_| {
                decoder.string(n, l).map(FailError::Value)
            }),
            ("ErrorPath", |decoder: &mut Decoder, n, l: &_| {
                decoder.string(n, l).map(FailError::Path)
            }),
        ),
        cause: f.either(
            decoder,
            ("Cause", |decoder: &mut Decoder, n, l: &_| {
                decoder.string(n, l).map(FailCause::Value)
            }),
            ("CausePath", |decoder: &mut Decoder, n, l: &_| {
                decoder.string(n, l).map(FailCause::Path)
            }),
        ),
    })
}
