//! Reading a Parallel state.

use super::super::decoder::Decoder;
use super::super::fields::Fields;
use super::catch::catch;
use super::machine::branch;
use super::retry::retry;
use super::state::StateContext;
use super::transition::transition;
use crate::model::Parallel;

pub(crate) fn parallel(
    decoder: &mut Decoder,
    f: &mut Fields<'_, '_>,
    s: &StateContext,
) -> Option<Box<Parallel>> {
    let language = s.language;
    let branches = f.required(decoder, "Branches", |decoder, node, loc| {
        decoder.array_of(node, loc, branch)
    });
    let transition = transition(decoder, f);
    Some(Box::new(Parallel {
        comment: f.get(decoder, "Comment", Decoder::string),
        query_language: s.own_language,
        input_path: f.get(decoder, "InputPath", Decoder::nullable_string),
        parameters: f.get(decoder, "Parameters", Decoder::json),
        arguments: f.get(decoder, "Arguments", Decoder::json),
        result_selector: f.get(decoder, "ResultSelector", Decoder::json_object),
        result_path: f.get(decoder, "ResultPath", Decoder::nullable_string),
        output_path: f.get(decoder, "OutputPath", Decoder::nullable_string),
        output: f.get(decoder, "Output", Decoder::json),
        assign: f.get(decoder, "Assign", Decoder::json_object),
        retry: f.get(decoder, "Retry", retry),
        catch: f.get(decoder, "Catch", |decoder, n, l| {
            catch(decoder, n, l, language)
        }),
        branches: branches?,
        transition: transition?,
    }))
}
