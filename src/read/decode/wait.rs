//! Reading a Wait state: exactly one of `Seconds`, `SecondsPath`,
//! `Timestamp`, `TimestampPath`.

use super::super::decoder::Decoder;
use super::super::fields::Fields;
use super::state::StateContext;
use super::transition::transition;
use crate::model::{Wait, WaitFor};
use crate::problem::Code;

const WAIT_FIELDS: [&str; 4] = ["Seconds", "SecondsPath", "Timestamp", "TimestampPath"];

pub(crate) fn wait(
    decoder: &mut Decoder,
    f: &mut Fields<'_, '_>,
    s: &StateContext,
) -> Option<Box<Wait>> {
    let language = s.language;
    let given: Vec<&str> = WAIT_FIELDS.into_iter().filter(|n| f.has(n)).collect();
    let wait_for = if let [name] = given[..] {
        let slot = f.take(name)?;
        let loc = f.loc.key(name);
        match name {
            "Seconds" => decoder
                .or_jsonata(slot.node, &loc, language, Decoder::u64)
                .map(WaitFor::Seconds),
            "SecondsPath" => decoder.string(slot.node, &loc).map(WaitFor::SecondsPath),
            "Timestamp" => decoder.string(slot.node, &loc).map(WaitFor::Timestamp),
            _ => decoder.string(slot.node, &loc).map(WaitFor::TimestampPath),
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
        decoder.report(f.at, f.loc, Code::WaitNeedsExactlyOne, message);
        None
    };
    let transition = transition(decoder, f);
    Some(Box::new(Wait {
        comment: f.get(decoder, "Comment", Decoder::string),
        query_language: s.own_language,
        input_path: f.get(decoder, "InputPath", Decoder::nullable_string),
        output_path: f.get(decoder, "OutputPath", Decoder::nullable_string),
        output: f.get(decoder, "Output", Decoder::json),
        assign: f.get(decoder, "Assign", Decoder::json_object),
        wait_for: wait_for?,
        transition: transition?,
    }))
}
