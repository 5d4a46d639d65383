//! A definition built in code can nest deeper than any JSON text AWS (or the
//! reader) accepts: more than [`MAX_NESTING_DEPTH`] levels of objects and
//! arrays. Reported once, at the first place too deep.

use crate::model::graph::{StateId, StateNode};
use crate::model::{State, StateMachine};
use crate::problem::Path;
use crate::read::MAX_NESTING_DEPTH;
use crate::validate::conditions::for_each_condition;
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::validate::payloads::{extend, for_each_payload, walk, Field};
use crate::Code;

pub(crate) fn check(
    found: &mut Findings<'_>,
    machine: &Definition<'_>,
    id: StateId,
    node: &StateNode<'_>,
) {
    // A definition read from text nests no deeper than the reader accepts,
    // which is this same limit: only one built in code can be too deep.
    if found.too_deep || found.source_chars.is_some() {
        return;
    }
    if let Some(at) = too_deep(machine, id, node) {
        found.too_deep = true;
        found.error(at, Code::TooDeeplyNested, message());
    }
}

/// What to do about a definition nested too deeply.
pub(crate) fn message() -> String {
    format!(
        "the definition nests more than {MAX_NESTING_DEPTH} levels of objects and arrays \
         here: flatten it, or move the inner part into a child state machine"
    )
}

/// The first place in `machine` nested deeper than JSON text may be, if any:
/// what must be refused before anything walks the machine recursively
/// (writing it, comparing it).
pub(crate) fn first_too_deep(machine: &StateMachine) -> Option<Path> {
    let unreadable = crate::read::Unreadable::default();
    let definition = Definition::new(machine, &unreadable);
    let graph = &definition.graph;
    graph
        .state_ids()
        .zip(graph.states())
        .find_map(|(id, node)| too_deep(&definition, id, node))
}

/// The first place in state `id` nested too deeply, if any.
fn too_deep(machine: &Definition<'_>, id: StateId, node: &StateNode<'_>) -> Option<Path> {
    // A container's depth is the number of steps to it plus one.
    let state = machine.state_steps(id);
    if state + 1 > MAX_NESTING_DEPTH {
        return Some(machine.state_path(id));
    }
    let mut found = None;
    for_each_payload(node.state, node.language, |field, payload, _| {
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
                found = Some(extend(field.at(machine.state_path(id)), steps));
            }
        });
    });
    if let (None, State::Choice(choice)) = (&found, node.state) {
        for_each_condition(choice, |steps, _| {
            if found.is_none() && state + steps.len() + 1 > MAX_NESTING_DEPTH {
                found = Some(extend(machine.state_path(id), steps));
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
        let mut states = States::default();
        states.insert("P".to_owned(), State::from(pass));
        let machine = StateMachine::new("P", states);
        let report = Validator::new().check(&machine);
        assert_eq!(report.errors().len(), 1, "{:?}", report.errors());
        assert_eq!(report.errors()[0].code(), Code::TooDeeplyNested);
        // Dropping 100,000 nested arrays recurses in std: leak them instead.
        std::mem::forget(machine);
    }
}
