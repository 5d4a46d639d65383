//! Reading `Next` / `End`: the one transition a flowing state has.

use super::super::decoder::Decoder;
use super::super::fields::Fields;
use crate::model::Transition;
use crate::problem::Code;

/// Reads `Next` / `End` into the one transition a state must have.
pub(crate) fn transition(decoder: &mut Decoder, f: &mut Fields<'_, '_>) -> Option<Transition> {
    let next_slot = f.take("Next");
    let next_given = next_slot.is_some();
    let next = next_slot.and_then(|slot| decoder.string(slot.node, &f.loc.key("Next")));
    let end = f
        .take("End")
        .map(|slot| (slot.key_at, decoder.boolean(slot.node, &f.loc.key("End"))));
    match (next_given, end) {
        (false, None) => {
            let message = "the state has neither `Next` nor `\"End\": true`: add one";
            decoder.report(f.at, f.loc, Code::MissingNextOrEnd, message);
            None
        }
        (true, None) => next.map(Transition::Next),
        (false, Some((_, Some(true)))) => Some(Transition::End),
        (false, Some((at, Some(false)))) => {
            let message = "`\"End\": false` does not end the state and there is no `Next`: \
                           add `Next` or set `End` to true";
            decoder.report(at, &f.loc.key("End"), Code::MissingNextOrEnd, message);
            None
        }
        (true, Some((at, Some(true)))) => {
            let message = "the state has both `Next` and `\"End\": true`: keep one";
            decoder.report(at, &f.loc.key("End"), Code::NextAndEnd, message);
            None
        }
        (true, Some((at, Some(false)))) => {
            let message = "`\"End\": false` next to `Next` has no effect: remove it";
            decoder.report(at, &f.loc.key("End"), Code::InvalidValue, message);
            None
        }
        (_, Some((_, None))) => None,
    }
}
