//! Reading a Task state.

use super::super::decoder::Decoder;
use super::super::fields::Fields;
use super::catch::catch;
use super::resource::resource;
use super::retry::retry;
use super::state::StateContext;
use super::transition::transition;
use crate::model::{HeartbeatSeconds, Task, TimeoutSeconds};

pub(crate) fn task(
    decoder: &mut Decoder,
    f: &mut Fields<'_, '_>,
    s: &StateContext,
) -> Option<Box<Task>> {
    let language = s.language;
    let resource = f.required(decoder, "Resource", resource);
    let transition = transition(decoder, f);
    Some(Box::new(Task {
        comment: f.get(decoder, "Comment", Decoder::string),
        query_language: s.own_language,
        credentials: f.get(decoder, "Credentials", Decoder::json_object),
        input_path: f.get(decoder, "InputPath", Decoder::nullable_string),
        parameters: f.get(decoder, "Parameters", Decoder::json),
        arguments: f.get(decoder, "Arguments", Decoder::json),
        timeout: f.either(
            decoder,
            ("TimeoutSeconds", |decoder: &mut Decoder, n, l: &_| {
                decoder
                    .or_jsonata(n, l, language, Decoder::u64)
                    .map(TimeoutSeconds::Value)
            }),
            ("TimeoutSecondsPath", |decoder: &mut Decoder, n, l: &_| {
                decoder.string(n, l).map(TimeoutSeconds::Path)
            }),
        ),
        heartbeat: f.either(
            decoder,
            ("HeartbeatSeconds", |decoder: &mut Decoder, n, l: &_| {
                decoder
                    .or_jsonata(n, l, language, Decoder::u64)
                    .map(HeartbeatSeconds::Value)
            }),
            ("HeartbeatSecondsPath", |decoder: &mut Decoder, n, l: &_| {
                decoder.string(n, l).map(HeartbeatSeconds::Path)
            }),
        ),
        result_selector: f.get(decoder, "ResultSelector", Decoder::json_object),
        result_path: f.get(decoder, "ResultPath", Decoder::nullable_string),
        output_path: f.get(decoder, "OutputPath", Decoder::nullable_string),
        output: f.get(decoder, "Output", Decoder::json),
        assign: f.get(decoder, "Assign", Decoder::json_object),
        retry: f.get(decoder, "Retry", retry),
        catch: f.get(decoder, "Catch", |decoder, n, l| {
            catch(decoder, n, l, language)
        }),
        resource: resource?,
        transition: transition?,
    }))
}
