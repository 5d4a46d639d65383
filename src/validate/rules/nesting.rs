//! A definition built in code can nest deeper than any JSON text AWS (or the
//! reader) accepts: more than [`MAX_NESTING_DEPTH`] levels of objects and
//! arrays (G13). Reported once, at the first place too deep.

use crate::model::State;
use crate::read::MAX_NESTING_DEPTH;
use crate::validate::at::At;
use crate::validate::conditions::for_each_condition;
use crate::validate::cx::Cx;
use crate::validate::payloads::{extend, for_each_payload, walk, Field};
use crate::validate::walk::{Entry, Index};
use crate::Code;

pub(crate) fn check(cx: &mut Cx<'_>, ix: &Index<'_>, entry: usize, e: &Entry<'_>) {
    if cx.too_deep {
        return;
    }
    if let Some(at) = too_deep(ix, entry, e) {
        cx.too_deep = true;
        cx.error(
            at,
            Code::TooDeeplyNested,
            format!(
                "the definition nests more than {MAX_NESTING_DEPTH} levels of objects and arrays \
                 here: flatten it, or move the inner part into a child state machine"
            ),
        );
    }
}

/// The first place in state `entry` nested too deeply, if any.
fn too_deep(ix: &Index<'_>, entry: usize, e: &Entry<'_>) -> Option<At> {
    // A container's depth is the number of steps to it plus one.
    let state = ix.state_steps(entry);
    if state + 1 > MAX_NESTING_DEPTH {
        return Some(ix.state_at(entry));
    }
    let mut found = None;
    for_each_payload(e.state, e.language, |field, payload, _| {
        if found.is_some() {
            return;
        }
        let field_steps = match field {
            Field::Top(_) => 1,
            Field::Sub(..) => 2,
            Field::Rule(..) | Field::Catch(..) => 3,
        };
        walk(payload, |steps, node| {
            if found.is_none()
                && node.is_container()
                && state + field_steps + steps.len() + 1 > MAX_NESTING_DEPTH
            {
                found = Some(extend(field.at(ix.state_at(entry)), steps));
            }
        });
    });
    if let (None, State::Choice(choice)) = (&found, e.state) {
        for_each_condition(choice, |steps, _| {
            if found.is_none() && state + steps.len() + 1 > MAX_NESTING_DEPTH {
                found = Some(extend(ix.state_at(entry), steps));
            }
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use crate::model::{Json, JsonObject, Pass, State, StateMachine, States, Transition};
    use crate::validate::Validator;
    use crate::Code;

    #[test]
    fn a_model_nested_beyond_what_json_text_allows_is_an_error_not_a_crash() {
        let mut payload = Json::Null;
        for _ in 0..100_000 {
            payload = Json::Array(vec![payload]);
        }
        let pass = Pass {
            comment: None,
            query_language: None,
            input_path: None,
            parameters: Some(Json::Object(JsonObject::from_iter([(
                "deep".to_owned(),
                payload,
            )]))),
            result: None,
            result_path: None,
            output_path: None,
            output: None,
            assign: None,
            transition: Transition::End,
        };
        let mut states = States::new();
        states.insert("P".to_owned(), State::from(pass));
        let machine = StateMachine::new("P", states);
        let report = Validator::new().check(&machine);
        assert_eq!(report.errors().len(), 1, "{:?}", report.errors());
        assert_eq!(report.errors()[0].code(), Code::TooDeeplyNested);
        // Dropping 100,000 nested arrays recurses in std: leak them instead.
        std::mem::forget(machine);
    }
}
