//! The strings of a JSONata state that may hold `{% ... %}` expressions, with
//! where they are and what value AWS expects from them.

use super::definition::Definition;
use super::payloads::{extend, for_each_payload, walk, Field, Role};
use crate::model::graph::{StateId, StateNode};
use crate::model::{
    ChoiceCondition, FailCause, FailError, HeartbeatSeconds, Json, MapItems, MaxConcurrency,
    MaxInputBytesPerBatch, MaxItems, MaxItemsPerBatch, OrJsonata, QueryLanguage, State,
    TimeoutSeconds, ToleratedFailureCount, ToleratedFailurePercentage, WaitFor,
};
use crate::problem::Path;

/// What a string must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Expect {
    /// A field of a value type (a number, a boolean): only an expression fits.
    Expression,
    /// A field that takes a literal or an expression (`Fail.Error`, payload values).
    Either,
}

/// One string of a state that may be a JSONata expression.
#[derive(Debug)]
pub(crate) struct Candidate<'m> {
    pub(crate) text: &'m str,
    pub(crate) field: Field,
    /// The path of the string, built on demand.
    pub(crate) at: Path,
    pub(crate) expect: Expect,
}

/// Calls `f` with every candidate string of state `entry` when the state is a
/// JSONata state (its own fields; nested states are entries of their own).
pub(crate) fn for_each_candidate<'m>(
    machine: &Definition<'m>,
    id: StateId,
    mut f: impl FnMut(Candidate<'m>),
) {
    let node: &StateNode<'m> = machine.graph.state(id);
    if node.language != QueryLanguage::Jsonata {
        return;
    }
    let state_at = || machine.state_path(id);
    for_each_payload(node.state, node.language, |field, payload, role| {
        if !matches!(role, Role::Jsonata | Role::AssignJsonata) {
            return;
        }
        walk(payload, |steps, node| {
            if let Some(text) = node.string() {
                f(Candidate {
                    text,
                    field,
                    at: extend(field.at(state_at()), steps),
                    expect: Expect::Either,
                });
            }
        });
    });
    typed_fields(node.state, &mut |name, text, expect| {
        let field = Field::Top(name);
        let at = match name {
            "MaxItems" | "MaxItemsPath" => {
                state_at().key("ItemReader").key("ReaderConfig").key(name)
            }
            "MaxItemsPerBatch" | "MaxInputBytesPerBatch" => state_at().key("ItemBatcher").key(name),
            _ => field.at(state_at()),
        };
        f(Candidate {
            text,
            field,
            at,
            expect,
        });
    });
    if let State::Choice(choice) = node.state {
        for (i, rule) in choice.choices.iter().enumerate() {
            if let ChoiceCondition::Jsonata(OrJsonata::Jsonata(text)) = &rule.condition {
                f(Candidate {
                    text,
                    field: Field::Rule(i, "Condition"),
                    at: state_at().key("Choices").index(i).key("Condition"),
                    expect: Expect::Expression,
                });
            }
        }
    }
}

/// Calls `f(field, text, expect)` for each typed field holding a string.
fn typed_fields<'m>(state: &'m State, f: &mut dyn FnMut(&'static str, &'m str, Expect)) {
    fn jsonata<T>(value: &OrJsonata<T>) -> Option<&str> {
        match value {
            OrJsonata::Jsonata(s) => Some(s),
            OrJsonata::Value(_) => None,
        }
    }
    let mut typed = |name, s: Option<&'m str>| {
        if let Some(s) = s {
            f(name, s, Expect::Expression);
        }
    };
    match state {
        State::Task(t) => {
            if let Some(TimeoutSeconds::Value(v)) = &t.timeout {
                typed("TimeoutSeconds", jsonata(v));
            }
            if let Some(HeartbeatSeconds::Value(v)) = &t.heartbeat {
                typed("HeartbeatSeconds", jsonata(v));
            }
        }
        State::Wait(w) => match &w.wait_for {
            WaitFor::Seconds(v) => typed("Seconds", jsonata(v)),
            WaitFor::Timestamp(s) => f("Timestamp", s, Expect::Either),
            _ => {}
        },
        State::Fail(fail) => {
            if let Some(FailError::Value(s)) = &fail.error {
                f("Error", s, Expect::Either);
            }
            if let Some(FailCause::Value(s)) = &fail.cause {
                f("Cause", s, Expect::Either);
            }
        }
        State::Map(m) => {
            if let Some(MaxConcurrency::Value(v)) = &m.max_concurrency {
                typed("MaxConcurrency", jsonata(v));
            }
            if let Some(ToleratedFailurePercentage::Value(v)) = &m.tolerated_failure_percentage {
                typed("ToleratedFailurePercentage", jsonata(v));
            }
            if let Some(ToleratedFailureCount::Value(v)) = &m.tolerated_failure_count {
                typed("ToleratedFailureCount", jsonata(v));
            }
            if let Some(MaxItems::Value(v)) = m
                .item_reader
                .as_ref()
                .and_then(|r| r.reader_config.as_ref())
                .and_then(|c| c.max_items.as_ref())
            {
                typed("MaxItems", jsonata(v));
            }
            if let Some(b) = &m.item_batcher {
                if let Some(MaxItemsPerBatch::Value(v)) = &b.max_items_per_batch {
                    typed("MaxItemsPerBatch", jsonata(v));
                }
                if let Some(MaxInputBytesPerBatch::Value(v)) = &b.max_input_bytes_per_batch {
                    typed("MaxInputBytesPerBatch", jsonata(v));
                }
            }
            if let Some(MapItems::Items(Json::String(s))) = &m.items {
                f("Items", s, Expect::Expression);
            }
        }
        _ => {}
    }
}

/// The expression inside `{% ... %}`, when `text` is written as one.
pub(crate) fn expression(text: &str) -> Option<&str> {
    text.strip_prefix("{%")?.strip_suffix("%}")
}

/// Whether `text` looks like an attempt at an expression (opens `{%` or closes `%}`).
pub(crate) fn looks_like_expression(text: &str) -> bool {
    text.starts_with("{%") || text.ends_with("%}")
}
