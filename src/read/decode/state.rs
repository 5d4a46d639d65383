//! Reading one state: its `Type`, its language, and which fields it may carry.

use super::super::cx::Cx;
use super::super::fields::{Fields, Slot};
use super::super::location::Loc;
use super::super::parse::{Member, Node};
use super::{choice, map, other_states, parallel, task};
use crate::model::{QueryLanguage, State};
use crate::problem::suggest::closest;
use crate::problem::Code;

/// The eight state types as bits, to say which types take a field.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct Kind(u8);

impl Kind {
    pub(crate) const TASK: Kind = Kind(1);
    pub(crate) const PASS: Kind = Kind(2);
    pub(crate) const WAIT: Kind = Kind(4);
    pub(crate) const CHOICE: Kind = Kind(8);
    pub(crate) const PARALLEL: Kind = Kind(16);
    pub(crate) const MAP: Kind = Kind(32);
    pub(crate) const SUCCEED: Kind = Kind(64);
    pub(crate) const FAIL: Kind = Kind(128);
    const ALL: u8 = 255;
    const NAMES: [&'static str; 8] = [
        "Task", "Pass", "Wait", "Choice", "Parallel", "Map", "Succeed", "Fail",
    ];

    fn parse(name: &str) -> Option<Kind> {
        let i = Kind::NAMES.iter().position(|n| *n == name)?;
        Some(Kind(1 << i))
    }

    fn name(self) -> &'static str {
        Kind::NAMES[self.0.trailing_zeros() as usize]
    }
}

const ALL: u8 = Kind::ALL;
const NOT_FAIL: u8 = ALL & !Kind::FAIL.0;
const FLOWING: u8 = Kind::TASK.0 | Kind::PASS.0 | Kind::WAIT.0 | Kind::PARALLEL.0 | Kind::MAP.0;
const TPM: u8 = Kind::TASK.0 | Kind::PARALLEL.0 | Kind::MAP.0;
const TPPM: u8 = TPM | Kind::PASS.0;
const JP: Option<QueryLanguage> = Some(QueryLanguage::JsonPath);
const JA: Option<QueryLanguage> = Some(QueryLanguage::Jsonata);
const T: u8 = Kind::TASK.0;
const W: u8 = Kind::WAIT.0;
const F: u8 = Kind::FAIL.0;
const M: u8 = Kind::MAP.0;

/// Every field a state may carry: its name, the types that take it, and the one
/// query language it belongs to (`None`: both).
const STATE_FIELDS: &[(&str, u8, Option<QueryLanguage>)] = &[
    ("Type", ALL, None),
    ("Comment", ALL, None),
    ("QueryLanguage", ALL, None),
    ("Next", FLOWING, None),
    ("End", FLOWING, None),
    ("Resource", T, None),
    ("InputPath", NOT_FAIL, JP),
    ("OutputPath", NOT_FAIL, JP),
    ("Parameters", TPPM, JP),
    ("ResultSelector", TPM, JP),
    ("ResultPath", TPPM, JP),
    ("Result", Kind::PASS.0, JP),
    ("Arguments", T | Kind::PARALLEL.0, JA),
    ("Output", NOT_FAIL, JA),
    ("Assign", ALL & !Kind::SUCCEED.0 & !F, None),
    ("Retry", TPM, None),
    ("Catch", TPM, None),
    ("Credentials", T, None),
    ("TimeoutSeconds", T, None),
    ("TimeoutSecondsPath", T, JP),
    ("HeartbeatSeconds", T, None),
    ("HeartbeatSecondsPath", T, JP),
    ("Choices", Kind::CHOICE.0, None),
    ("Default", Kind::CHOICE.0, None),
    ("Seconds", W, None),
    ("SecondsPath", W, JP),
    ("Timestamp", W, None),
    ("TimestampPath", W, JP),
    ("Error", F, None),
    ("ErrorPath", F, JP),
    ("Cause", F, None),
    ("CausePath", F, JP),
    ("Branches", Kind::PARALLEL.0, None),
    ("ItemProcessor", M, None),
    ("Iterator", M, None),
    ("ItemsPath", M, JP),
    ("Items", M, JA),
    ("ItemSelector", M, None),
    ("ItemReader", M, None),
    ("ItemBatcher", M, None),
    ("ResultWriter", M, None),
    ("MaxConcurrency", M, None),
    ("MaxConcurrencyPath", M, JP),
    ("ToleratedFailurePercentage", M, None),
    ("ToleratedFailurePercentagePath", M, JP),
    ("ToleratedFailureCount", M, None),
    ("ToleratedFailureCountPath", M, JP),
    ("Label", M, None),
];

/// Which types take a field, for messages: `Task, Parallel and Map states`.
fn owners(types: u8) -> String {
    let names: Vec<&str> = (0..8)
        .filter(|i| types & (1 << i) != 0)
        .map(|i| Kind::NAMES[i])
        .collect();
    match names.split_last() {
        Some((last, [])) => format!("{last} states"),
        Some((last, rest)) => format!("{} and {last} states", rest.join(", ")),
        None => "no state".to_owned(),
    }
}

/// Reads the state at `loc`; `None` after reporting its problems.
pub(crate) fn state(cx: &mut Cx, node: Node<'_>, loc: &Loc<'_>) -> Option<State> {
    let at = node.at;
    let members = cx.object(node, loc)?;
    let kind = state_type(cx, &members, at, loc);
    let own_language = own_language(cx, &members, loc);
    let language = own_language.unwrap_or(cx.machine_language);
    let mut present = Vec::with_capacity(members.len());
    for Member { key_at, key, value } in members {
        let Some(&(name, types, field_language)) = STATE_FIELDS.iter().find(|f| f.0 == key) else {
            let mut message = format!("`{key}` is not an ASL state field");
            if let Some(best) = closest(&key, STATE_FIELDS.iter().map(|f| f.0)) {
                message.push_str(&format!("; did you mean `{best}`?"));
            }
            cx.report(key_at, &loc.key(&key), Code::UnknownField, message);
            continue;
        };
        if name == "Type" || name == "QueryLanguage" {
            continue;
        }
        if let Some(kind) = kind {
            if types & kind.0 == 0 {
                let message = format!(
                    "`{name}` is not allowed on a {} state; it belongs on {}",
                    kind.name(),
                    owners(types)
                );
                cx.report(key_at, &loc.key(name), Code::FieldNotAllowed, message);
                continue;
            }
        }
        if let Some(field_language) = field_language {
            if field_language != language {
                report_language(cx, key_at, &loc.key(name), name, language);
                continue;
            }
        }
        present.push((
            name,
            Some(Slot {
                key_at,
                node: value,
            }),
        ));
    }
    let kind = kind?;
    let mut fields = Fields::from_slots(at, loc, present);
    let context = StateCx {
        language,
        own_language,
    };
    let state = match kind {
        Kind::TASK => task::task(cx, &mut fields, &context).map(State::from),
        Kind::PASS => other_states::pass(cx, &mut fields, &context).map(State::from),
        Kind::WAIT => other_states::wait(cx, &mut fields, &context).map(State::from),
        Kind::CHOICE => choice::choice(cx, &mut fields, &context).map(State::from),
        Kind::PARALLEL => parallel::parallel(cx, &mut fields, &context).map(State::from),
        Kind::MAP => map::map(cx, &mut fields, &context).map(State::from),
        Kind::SUCCEED => other_states::succeed(cx, &mut fields, &context).map(State::from),
        _ => other_states::fail(cx, &mut fields, &context).map(State::from),
    };
    fields.finish(cx, &format!("a {} state", kind.name()));
    state
}

/// What a state's fields are read against.
pub(crate) struct StateCx {
    /// The language the state's own fields are in.
    pub(crate) language: QueryLanguage,
    /// The state's `QueryLanguage` field, if written.
    pub(crate) own_language: Option<QueryLanguage>,
}

pub(crate) fn report_language(
    cx: &mut Cx,
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
    cx.report(at, loc, code, message);
}

fn state_type(cx: &mut Cx, members: &[Member<'_>], at: u32, loc: &Loc<'_>) -> Option<Kind> {
    let Some(member) = members.iter().find(|m| m.key == "Type") else {
        let message = "the required field `Type` is missing: one of Task, Pass, Wait, Choice, \
                       Parallel, Map, Succeed, Fail";
        cx.report(at, &loc.key("Type"), Code::MissingField, message);
        return None;
    };
    let loc = loc.key("Type");
    let name = cx.string(member.value.clone(), &loc)?;
    let kind = Kind::parse(&name);
    if kind.is_none() {
        let mut message = format!(
            "`{name}` is not a state type: use one of Task, Pass, Wait, Choice, Parallel, Map, \
             Succeed, Fail"
        );
        if let Some(best) = closest(&name, Kind::NAMES) {
            message = format!("`{name}` is not a state type; did you mean `{best}`?");
        }
        cx.report(member.value.at, &loc, Code::InvalidStateType, message);
    }
    kind
}

fn own_language(cx: &mut Cx, members: &[Member<'_>], loc: &Loc<'_>) -> Option<QueryLanguage> {
    let member = members.iter().find(|m| m.key == "QueryLanguage")?;
    query_language(cx, member.value.clone(), &loc.key("QueryLanguage"))
}

/// Reads a `QueryLanguage` value.
pub(crate) fn query_language(cx: &mut Cx, node: Node<'_>, loc: &Loc<'_>) -> Option<QueryLanguage> {
    let at = node.at;
    let name = cx.string(node, loc)?;
    let language = QueryLanguage::parse(&name);
    if language.is_none() {
        let message = format!("`{name}` is not a query language: use \"JSONPath\" or \"JSONata\"");
        cx.report(at, loc, Code::InvalidQueryLanguage, message);
    }
    language
}
