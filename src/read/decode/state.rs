//! Reading one state: its `Type`, its language, and which fields it may carry.

use std::borrow::Cow;

use super::super::decoder::Decoder;
use super::super::fields::Fields;
use super::super::location::Loc;
use super::super::parse::{Member, Node, Value};
use super::{choice, fail, map, parallel, pass, succeed, task, wait};
use crate::model::fields::{owners, state_field, StateType, STATE_FIELDS};
use crate::model::{QueryLanguage, State};
use crate::problem::suggest::closest;
use crate::problem::Code;

/// Reads the state at `loc`; `None` after reporting its problems.
pub(crate) fn state(decoder: &mut Decoder, node: Node<'_>, loc: &Loc<'_>) -> Option<State> {
    state_reusing(decoder, node, loc, &mut Vec::new())
}

/// As [`state`], leaving in `spare` the emptied list that held the state's
/// fields, so that the parser can read the next state into it without
/// allocating.
pub(crate) fn state_reusing<'s>(
    decoder: &mut Decoder,
    node: Node<'s>,
    loc: &Loc<'_>,
    spare: &mut Vec<Member<'s>>,
) -> Option<State> {
    let at = node.at;
    let mut members = decoder.object(node, loc)?;
    let kind = state_type(decoder, &members, at, loc);
    let own_language = own_language(decoder, &members, loc);
    let language = own_language.unwrap_or(decoder.machine_language);
    members.retain_mut(|Member { key_at, key, .. }| {
        let key_at = *key_at;
        let Some(field) = state_field(key) else {
            let mut message = format!("`{key}` is not an ASL state field");
            if let Some(best) = closest(key, STATE_FIELDS.iter().map(|f| f.name)) {
                message.push_str(&format!("; did you mean `{best}`?"));
            }
            decoder.report(key_at, &loc.key(key), Code::UnknownField, message);
            return false;
        };
        let name = field.name;
        if name == "Type" || name == "QueryLanguage" {
            return false;
        }
        // The table's own name, which the decoders' names mostly are.
        *key = Cow::Borrowed(name);
        if let Some(kind) = kind {
            if !field.allowed_on(kind) {
                let message = format!(
                    "`{name}` is not allowed on a {} state; it belongs on {}",
                    kind.name(),
                    owners(field)
                );
                decoder.report(key_at, &loc.key(name), Code::FieldNotAllowed, message);
                return false;
            }
        }
        if let Some(field_language) = field.language {
            if field_language != language {
                report_language(decoder, key_at, &loc.key(name), name, language);
                return false;
            }
        }
        true
    });
    let kind = kind?;
    let mut fields = Fields::from_members(at, loc, members);
    let context = StateContext {
        language,
        own_language,
    };
    let state = match kind {
        StateType::Task => task::task(decoder, &mut fields, &context).map(State::Task),
        StateType::Pass => pass::pass(decoder, &mut fields, &context).map(State::Pass),
        StateType::Wait => wait::wait(decoder, &mut fields, &context).map(State::Wait),
        StateType::Choice => choice::choice(decoder, &mut fields, &context).map(State::Choice),
        StateType::Parallel => {
            parallel::parallel(decoder, &mut fields, &context).map(State::Parallel)
        }
        StateType::Map => map::map(decoder, &mut fields, &context).map(State::Map),
        StateType::Succeed => succeed::succeed(decoder, &mut fields, &context).map(State::Succeed),
        StateType::Fail => fail::fail(decoder, &mut fields, &context).map(State::from),
    };
    *spare = fields.finish_with(decoder, || format!("a {} state", kind.name()));
    state
}

/// What a state's fields are read against.
pub(crate) struct StateContext {
    /// The language the state's own fields are in.
    pub(crate) language: QueryLanguage,
    /// The state's `QueryLanguage` field, if written.
    pub(crate) own_language: Option<QueryLanguage>,
}

pub(crate) fn report_language(
    decoder: &mut Decoder,
    at: u32,
    loc: &Loc<'_>,
    name: &str,
    language: QueryLanguage,
) {
    let (code, other) = match language {
        QueryLanguage::Jsonata => (Code::JsonpathFieldInJsonataState, "JSONPath"),
        QueryLanguage::JsonPath => (Code::JsonataFieldInJsonpathState, "JSONata"),
    };
    let message = format!(
        "`{name}` is only supported in {other} states, and this state's query language is {}",
        language.as_str()
    );
    decoder.report(at, loc, code, message);
}

fn state_type(
    decoder: &mut Decoder,
    members: &[Member<'_>],
    at: u32,
    loc: &Loc<'_>,
) -> Option<StateType> {
    let Some(member) = members.iter().find(|m| m.key == "Type") else {
        let message = "the required field `Type` is missing: one of Task, Pass, Wait, Choice, \
                       Parallel, Map, Succeed, Fail";
        decoder.report(at, &loc.key("Type"), Code::MissingField, message);
        return None;
    };
    let loc = loc.key("Type");
    let Value::String(name) = &member.value.value else {
        decoder.wrong_type(&member.value, &loc, "a string");
        return None;
    };
    let kind = StateType::parse(name);
    if kind.is_none() {
        let mut message = format!(
            "`{name}` is not a state type: use one of Task, Pass, Wait, Choice, Parallel, Map, \
             Succeed, Fail"
        );
        if let Some(best) = closest(name, StateType::ALL.map(StateType::name)) {
            message = format!("`{name}` is not a state type; did you mean `{best}`?");
        }
        decoder.report(member.value.at, &loc, Code::InvalidStateType, message);
    }
    kind
}

fn own_language(
    decoder: &mut Decoder,
    members: &[Member<'_>],
    loc: &Loc<'_>,
) -> Option<QueryLanguage> {
    let member = members.iter().find(|m| m.key == "QueryLanguage")?;
    query_language(decoder, member.value.clone(), &loc.key("QueryLanguage"))
}

/// Reads a `QueryLanguage` value.
pub(crate) fn query_language(
    decoder: &mut Decoder,
    node: Node<'_>,
    loc: &Loc<'_>,
) -> Option<QueryLanguage> {
    let at = node.at;
    let name = decoder.string(node, loc)?;
    let language = QueryLanguage::parse(&name);
    if language.is_none() {
        let message = format!("`{name}` is not a query language: use \"JSONPath\" or \"JSONata\"");
        decoder.report(at, loc, Code::InvalidQueryLanguage, message);
    }
    language
}
