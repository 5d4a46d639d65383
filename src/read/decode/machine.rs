//! Reading the top level, `States` objects, Parallel branches and Map processors.

use super::super::cx::Cx;
use super::super::fields::{Fields, Shape};
use super::super::location::Loc;
use super::super::parse::Node;
use super::state::{query_language, state};
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

/// Reads a whole document.
pub(crate) fn machine(cx: &mut Cx, node: Node<'_>) -> Option<StateMachine> {
    let loc = Loc::ROOT;
    let mut f = Fields::read(cx, node, &loc, MACHINE)?;
    let language = f.get(cx, "QueryLanguage", query_language);
    cx.machine_language = language.unwrap_or_default();
    let start_at = f.required(cx, "StartAt", Cx::string);
    let states = f.required(cx, "States", states);
    let machine = StateMachine {
        comment: f.get(cx, "Comment", Cx::string),
        query_language: language,
        timeout_seconds: f.get(cx, "TimeoutSeconds", Cx::u64),
        version: f.get(cx, "Version", Cx::string),
        start_at: start_at?,
        states: states?,
    };
    f.finish(cx, MACHINE.what);
    Some(machine)
}

/// Reads a `States` object. States are read one after another (never
/// recursively per state), so a machine may have any number of them.
pub(crate) fn states(cx: &mut Cx, node: Node<'_>, loc: &Loc<'_>) -> Option<States> {
    let members = cx.object(node, loc)?;
    let mut states = States::with_capacity(members.len());
    let mut ok = true;
    for member in members {
        match state(cx, member.value, &loc.key(&member.key)) {
            Some(state) => {
                states.insert(member.key.into_owned(), state);
            }
            None => ok = false,
        }
    }
    ok.then_some(states)
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
pub(crate) fn branch(cx: &mut Cx, node: Node<'_>, loc: &Loc<'_>) -> Option<Branch> {
    let mut f = Fields::read(cx, node, loc, BRANCH)?;
    let start_at = f.required(cx, "StartAt", Cx::string);
    let states = f.required(cx, "States", states);
    let branch = Branch {
        comment: f.get(cx, "Comment", Cx::string),
        start_at: start_at?,
        states: states?,
    };
    f.finish(cx, BRANCH.what);
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
pub(crate) fn item_processor(cx: &mut Cx, node: Node<'_>, loc: &Loc<'_>) -> Option<ItemProcessor> {
    let mut f = Fields::read(cx, node, loc, PROCESSOR)?;
    let start_at = f.required(cx, "StartAt", Cx::string);
    let states = f.required(cx, "States", states);
    let processor = ItemProcessor {
        comment: f.get(cx, "Comment", Cx::string),
        processor_config: f.get(cx, "ProcessorConfig", processor_config),
        start_at: start_at?,
        states: states?,
    };
    f.finish(cx, PROCESSOR.what);
    Some(processor)
}

const PROCESSOR_CONFIG: Shape = Shape {
    what: "a ProcessorConfig",
    names: &["Mode", "ExecutionType"],
    elsewhere: &[],
};

fn processor_config(cx: &mut Cx, node: Node<'_>, loc: &Loc<'_>) -> Option<ProcessorConfig> {
    use super::super::error::Code;
    use crate::model::{ExecutionType, ProcessorMode};
    let mut f = Fields::read(cx, node, loc, PROCESSOR_CONFIG)?;
    let mode = f.get(cx, "Mode", |cx, node, loc| {
        let at = node.at;
        let name = cx.string(node, loc)?;
        let mode = match &*name {
            "INLINE" => Some(ProcessorMode::Inline),
            "DISTRIBUTED" => Some(ProcessorMode::Distributed),
            _ => None,
        };
        if mode.is_none() {
            let message = format!("`{name}` is not a Map mode: use \"INLINE\" or \"DISTRIBUTED\"");
            cx.report(at, loc, Code::InvalidValue, message);
        }
        mode
    });
    let execution_type = f.get(cx, "ExecutionType", |cx, node, loc| {
        let at = node.at;
        let name = cx.string(node, loc)?;
        let kind = match &*name {
            "STANDARD" => Some(ExecutionType::Standard),
            "EXPRESS" => Some(ExecutionType::Express),
            _ => None,
        };
        if kind.is_none() {
            let message =
                format!("`{name}` is not an execution type: use \"STANDARD\" or \"EXPRESS\"");
            cx.report(at, loc, Code::InvalidValue, message);
        }
        kind
    });
    f.finish(cx, PROCESSOR_CONFIG.what);
    Some(ProcessorConfig {
        mode,
        execution_type,
    })
}
