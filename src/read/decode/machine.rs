//! Reading the top level, `States` objects, Parallel branches and Map processors.

use std::borrow::Cow;

use indexmap::map::Entry;

use super::super::decoder::Decoder;
use super::super::fields::{Fields, Shape};
use super::super::location::Loc;
use super::super::parse::{Member, Node, Value};
use super::super::unreadable::UnreadableState;
use super::state::{query_language, state_reusing};
use crate::model::{Branch, ItemProcessor, ProcessorConfig, StateMachine, States};

const NESTED_HINT: &str = "states inside branches and processors take the machine's \
                           `QueryLanguage`; set it on the machine or on each state";

const MACHINE: Shape = Shape {
    what: "a state machine",
    names: &[
        "Comment",
        "StartAt",
        "States",
        "QueryLanguage",
        "TimeoutSeconds",
        "Version",
    ],
    elsewhere: &[],
};

/// Reads a whole document. The machine is `None` only when the document is
/// not an object; otherwise every part that decodes is in it, and what does
/// not is reported and noted in [`Decoder::unreadable`].
///
/// `read_states`, when given, are the machine's `States` already read (the
/// document's text is read one state at a time); the node's `States` is then
/// an empty stand-in.
pub(crate) fn machine(
    decoder: &mut Decoder,
    node: Node<'_>,
    read_states: Option<States>,
) -> Option<StateMachine> {
    let loc = Loc::ROOT;
    let mut f = Fields::read(decoder, node, &loc, MACHINE)?;
    let language = f.get(decoder, "QueryLanguage", query_language);
    decoder.machine_language = language.unwrap_or_default();
    let (start_at, states) = scope(decoder, &mut f, &loc, read_states);
    let machine = StateMachine {
        comment: f.get(decoder, "Comment", Decoder::string),
        query_language: language,
        timeout_seconds: f.get(decoder, "TimeoutSeconds", Decoder::u64),
        version: f.get(decoder, "Version", Decoder::string),
        start_at,
        states,
    };
    f.finish(decoder, MACHINE.what);
    Some(machine)
}

/// Reads the `StartAt` and `States` of the object at `loc` (the machine, a
/// branch, a processor). What cannot be read is reported and left empty, and
/// the scope is noted as unreadable so that graph rules leave it alone.
fn scope(
    decoder: &mut Decoder,
    f: &mut Fields<'_, '_>,
    loc: &Loc<'_>,
    read_states: Option<States>,
) -> (String, States) {
    let start_at = f.required(decoder, "StartAt", Decoder::string);
    let states = f.required(decoder, "States", |decoder, node, states_loc| {
        read_states.or_else(|| states(decoder, node, loc, states_loc))
    });
    if start_at.is_none() || states.is_none() {
        decoder.unreadable.scopes.push(loc.path());
    }
    (start_at.unwrap_or_default(), states.unwrap_or_default())
}

/// Reads a `States` object. States are read one after another (never
/// recursively per state), so a machine may have any number of them. A state
/// that does not decode is left out and noted, with its transitions, in
/// [`Decoder::unreadable`].
fn states(decoder: &mut Decoder, node: Node<'_>, scope: &Loc<'_>, loc: &Loc<'_>) -> Option<States> {
    // Repeated names are found as the states are inserted, hashing each name once.
    let members = decoder.members(node, loc)?;
    let mut states =
        States::with_capacity_and_hasher(members.len(), crate::model::NameHasher::default());
    let mut targets = Vec::new();
    let mut spare = Vec::new();
    for member in members {
        state_member(
            decoder,
            &mut states,
            &mut targets,
            &mut spare,
            member,
            scope,
            loc,
        );
    }
    Some(states)
}

/// Reads one member of a `States` object at `loc` into `states`: a repeated
/// name is reported, a state that does not decode is noted in
/// [`Decoder::unreadable`] with its transitions. `targets` is scratch space:
/// one list reused for every state, so a state that reads costs no allocation.
/// The list that held the state's fields is left, emptied, in `spare`.
pub(crate) fn state_member<'s>(
    decoder: &mut Decoder,
    states: &mut States,
    targets: &mut Vec<Cow<'s, str>>,
    spare: &mut Vec<Member<'s>>,
    member: Member<'s>,
    scope: &Loc<'_>,
    loc: &Loc<'_>,
) {
    let targets_complete = targets_of(&member.value, targets);
    let state_loc = loc.key(&member.key);
    let entry = match states.entry(member.key.to_string()) {
        Entry::Occupied(entry) => {
            decoder.duplicate_key(member.key_at, &state_loc, entry.key());
            return;
        }
        Entry::Vacant(entry) => entry,
    };
    match state_reusing(decoder, member.value, &state_loc, spare) {
        Some(state) => {
            entry.insert(state);
        }
        None => decoder.unreadable.states.push(UnreadableState {
            scope: scope.path(),
            name: entry.into_key(),
            targets: targets.drain(..).map(Cow::into_owned).collect(),
            targets_complete,
        }),
    }
}

/// Puts into `targets` (emptied first) the string targets of a state's `Next`,
/// `Default`, `Choices[i].Next` and `Catch[i].Next`, read before the state is
/// decoded, for when it does not; returns whether they are all its transitions.
fn targets_of<'s>(state: &Node<'s>, targets: &mut Vec<Cow<'s, str>>) -> bool {
    targets.clear();
    let Value::Object(members) = &state.value else {
        return false;
    };
    let mut complete = true;
    let mut continues = false;
    for member in members {
        match (&*member.key, &member.value.value) {
            ("Next" | "Default", Value::String(target)) => {
                targets.push(target.clone());
                continues = true;
            }
            ("End", Value::Bool(true)) => continues = true,
            ("Type", Value::String(kind)) if matches!(&**kind, "Succeed" | "Fail" | "Choice") => {
                continues = true;
            }
            ("Next" | "Default" | "End", _) => complete = false,
            ("Choices" | "Catch", Value::Array(items)) => {
                for item in items {
                    match next_of(item) {
                        Some(target) => targets.push(target.clone()),
                        None => complete = false,
                    }
                }
            }
            ("Choices" | "Catch", _) => complete = false,
            _ => {}
        }
    }
    complete && continues
}

/// The `Next` of a Choice rule or catcher, when it is a string.
fn next_of<'n, 's>(item: &'n Node<'s>) -> Option<&'n Cow<'s, str>> {
    let Value::Object(fields) = &item.value else {
        return None;
    };
    fields
        .iter()
        .find_map(|field| match (&*field.key, &field.value.value) {
            ("Next", Value::String(target)) => Some(target),
            _ => None,
        })
}

const BRANCH: Shape = Shape {
    what: "a Parallel branch",
    names: &["Comment", "StartAt", "States"],
    elsewhere: &[
        ("QueryLanguage", NESTED_HINT),
        ("Version", "only the top level of a machine has one"),
        ("TimeoutSeconds", "only the top level of a machine has one"),
        ("ProcessorConfig", "it belongs on a Map's ItemProcessor"),
    ],
};

/// Reads one of a Parallel's `Branches`.
pub(crate) fn branch(decoder: &mut Decoder, node: Node<'_>, loc: &Loc<'_>) -> Option<Branch> {
    let mut f = Fields::read(decoder, node, loc, BRANCH)?;
    let (start_at, states) = scope(decoder, &mut f, loc, None);
    let branch = Branch {
        comment: f.get(decoder, "Comment", Decoder::string),
        start_at,
        states,
    };
    f.finish(decoder, BRANCH.what);
    Some(branch)
}

const PROCESSOR: Shape = Shape {
    what: "a Map's ItemProcessor",
    names: &["Comment", "ProcessorConfig", "StartAt", "States"],
    elsewhere: &[
        ("QueryLanguage", NESTED_HINT),
        ("Version", "only the top level of a machine has one"),
        ("TimeoutSeconds", "only the top level of a machine has one"),
    ],
};

/// Reads a Map's `ItemProcessor` (or legacy `Iterator`).
pub(crate) fn item_processor(
    decoder: &mut Decoder,
    node: Node<'_>,
    loc: &Loc<'_>,
) -> Option<ItemProcessor> {
    let mut f = Fields::read(decoder, node, loc, PROCESSOR)?;
    let (start_at, states) = scope(decoder, &mut f, loc, None);
    let processor = ItemProcessor {
        comment: f.get(decoder, "Comment", Decoder::string),
        processor_config: f.get(decoder, "ProcessorConfig", processor_config),
        start_at,
        states,
    };
    f.finish(decoder, PROCESSOR.what);
    Some(processor)
}

const PROCESSOR_CONFIG: Shape = Shape {
    what: "a ProcessorConfig",
    names: &["Mode", "ExecutionType"],
    elsewhere: &[],
};

fn processor_config(
    decoder: &mut Decoder,
    node: Node<'_>,
    loc: &Loc<'_>,
) -> Option<ProcessorConfig> {
    use crate::model::{ExecutionType, ProcessorMode};
    use crate::problem::Code;
    let mut f = Fields::read(decoder, node, loc, PROCESSOR_CONFIG)?;
    let mode = f.get(decoder, "Mode", |decoder, node, loc| {
        let at = node.at;
        let name = decoder.string(node, loc)?;
        let mode = match &*name {
            "INLINE" => Some(ProcessorMode::Inline),
            "DISTRIBUTED" => Some(ProcessorMode::Distributed),
            _ => None,
        };
        if mode.is_none() {
            let message = format!("`{name}` is not a Map mode: use \"INLINE\" or \"DISTRIBUTED\"");
            decoder.report(at, loc, Code::InvalidValue, message);
        }
        mode
    });
    let execution_type = f.get(decoder, "ExecutionType", |decoder, node, loc| {
        let at = node.at;
        let name = decoder.string(node, loc)?;
        let kind = match &*name {
            "STANDARD" => Some(ExecutionType::Standard),
            "EXPRESS" => Some(ExecutionType::Express),
            _ => None,
        };
        if kind.is_none() {
            let message =
                format!("`{name}` is not an execution type: use \"STANDARD\" or \"EXPRESS\"");
            decoder.report(at, loc, Code::InvalidValue, message);
        }
        kind
    });
    f.finish(decoder, PROCESSOR_CONFIG.what);
    Some(ProcessorConfig {
        mode,
        execution_type,
    })
}
