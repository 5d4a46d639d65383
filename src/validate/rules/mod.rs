//! The rules, one per file, each with its tests beside it.

mod choice_conditions;
pub(crate) mod definition_size;
mod distributed_map;
mod empty_arrays;
mod error_equals;
mod express;
mod fail_paths;
mod heartbeat_below_timeout;
mod integration_pattern;
mod io_paths;
mod item_batcher;
mod item_reader_resource;
mod jsonata_delimiters;
mod jsonata_expressions;
mod lambda_retry;
mod machine_timeout;
mod map_items;
mod map_label;
pub(crate) mod nesting;
mod path_like_values;
mod query_language_fields;
mod query_language_scope;
mod reachable;
mod reference_path_fields;
pub(crate) mod resource;
mod result_path;
mod result_writer;
mod retrier_numbers;
mod sdk_names;
mod start_at;
mod state_name;
mod states_all;
mod static_payload_size;
mod task_heartbeat;
mod task_timeout;
mod template_duplicate_keys;
mod template_values;
mod terminal_state;
mod timeout_seconds;
mod tolerated_failure;
mod transition_target;
mod unbounded_loop;
mod unique_names;
mod variable_names;
mod variable_reads;
mod variable_scope;
mod wait_seconds;
mod wait_timestamp;

#[cfg(test)]
pub(crate) mod test_util;

use super::definition::Definition;
use super::findings::Findings;
use super::payloads::for_each_payload;
use crate::model::fields::StateType;
use crate::model::graph::{StateId, StateNode};
use crate::model::QueryLanguage;

/// A rule over the whole machine.
type MachineRule = fn(&mut Findings<'_>, &Definition<'_>);

/// A rule over one state. All of them run on a state before the next state,
/// so each state is read from memory once.
type StateRule = fn(&mut Findings<'_>, &Definition<'_>, StateId, &StateNode<'_>);

const MACHINE_RULES: &[MachineRule] = &[
    machine_timeout::check,
    start_at::check,
    unique_names::check,
    terminal_state::check,
    reachable::check,
    variable_scope::check,
    variable_reads::check,
    unbounded_loop::check,
];

/// The state types a state rule can find something on: the runner calls it
/// for states of these types only (for any other it would return at once).
#[derive(Clone, Copy)]
struct Types(u8);

impl Types {
    const fn of(types: &[StateType]) -> Types {
        let mut bits = 0;
        let mut i = 0;
        while i < types.len() {
            bits |= 1 << types[i] as u8;
            i += 1;
        }
        Types(bits)
    }

    fn has(self, state_type: StateType) -> bool {
        self.0 & (1 << state_type as u8) != 0
    }
}

const ANY: Types = Types(u8::MAX);
const TASK: Types = Types::of(&[StateType::Task]);
const WAIT: Types = Types::of(&[StateType::Wait]);
const CHOICE: Types = Types::of(&[StateType::Choice]);
const MAP: Types = Types::of(&[StateType::Map]);
const FAIL: Types = Types::of(&[StateType::Fail]);
/// The states with `Retry` and `Catch`.
const RETRYING: Types = Types::of(&[StateType::Task, StateType::Parallel, StateType::Map]);

/// Besides its state types, what a state must have for a state rule to find
/// anything on it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Needs {
    Nothing,
    /// A payload (`Parameters`, `Assign`, ... as `payloads::for_each_payload`
    /// lists them): the rule looks at payloads only.
    Payloads,
    /// JSONata as its query language: the rule looks at expressions only.
    Jsonata,
}

const STATE_RULES: &[(StateRule, Types, Needs)] = &[
    (nesting::check, ANY, Needs::Nothing),
    (query_language_scope::check, ANY, Needs::Nothing),
    (query_language_fields::check, ANY, Needs::Nothing),
    (state_name::check, ANY, Needs::Nothing),
    (transition_target::check, ANY, Needs::Nothing),
    (
        resource::check,
        Types::of(&[StateType::Task, StateType::Map]),
        Needs::Nothing,
    ),
    (integration_pattern::check, TASK, Needs::Nothing),
    (sdk_names::check, TASK, Needs::Nothing),
    (express::check, TASK, Needs::Nothing),
    (io_paths::check, ANY, Needs::Nothing),
    (result_path::check, ANY, Needs::Nothing),
    (
        reference_path_fields::check,
        Types::of(&[StateType::Task, StateType::Wait, StateType::Map]),
        Needs::Nothing,
    ),
    (timeout_seconds::check, TASK, Needs::Nothing),
    (heartbeat_below_timeout::check, TASK, Needs::Nothing),
    (wait_seconds::check, WAIT, Needs::Nothing),
    (wait_timestamp::check, WAIT, Needs::Nothing),
    (fail_paths::check, FAIL, Needs::Nothing),
    (
        empty_arrays::check,
        Types::of(&[StateType::Choice, StateType::Parallel]),
        Needs::Nothing,
    ),
    (choice_conditions::check, CHOICE, Needs::Nothing),
    (error_equals::check, RETRYING, Needs::Nothing),
    (states_all::check, RETRYING, Needs::Nothing),
    (retrier_numbers::check, RETRYING, Needs::Nothing),
    (template_values::check, ANY, Needs::Payloads),
    (template_duplicate_keys::check, ANY, Needs::Payloads),
    (path_like_values::check, ANY, Needs::Payloads),
    (variable_names::check, ANY, Needs::Payloads),
    (map_items::check, MAP, Needs::Nothing),
    (tolerated_failure::check, MAP, Needs::Nothing),
    (item_batcher::check, MAP, Needs::Nothing),
    (result_writer::check, MAP, Needs::Nothing),
    (map_label::check, MAP, Needs::Nothing),
    (distributed_map::check, MAP, Needs::Nothing),
    (jsonata_delimiters::check, ANY, Needs::Jsonata),
    (jsonata_expressions::check, ANY, Needs::Jsonata),
    (item_reader_resource::check, MAP, Needs::Nothing),
    (task_timeout::check, TASK, Needs::Nothing),
    (task_heartbeat::check, TASK, Needs::Nothing),
    (lambda_retry::check, TASK, Needs::Nothing),
    (static_payload_size::check, ANY, Needs::Payloads),
];

/// The state rules that apply to a state of `state_type`, given whether it
/// has payloads and whether it uses JSONata, in the order listed.
fn rules_for(state_type: StateType, payloads: bool, jsonata: bool) -> Vec<StateRule> {
    STATE_RULES
        .iter()
        .filter(|(_, types, needs)| {
            types.has(state_type)
                && match needs {
                    Needs::Nothing => true,
                    Needs::Payloads => payloads,
                    Needs::Jsonata => jsonata,
                }
        })
        .map(|&(rule, _, _)| rule)
        .collect()
}

/// Runs every rule: machine rules, then state rules state by state, then the
/// size limit (which needs to know whether the machine nests too deeply).
pub(crate) fn run(found: &mut Findings<'_>, machine: &Definition<'_>) {
    for rule in MACHINE_RULES {
        rule(found, machine);
    }
    // The state rules for each state type and each combination of what a
    // state may have (payloads, JSONata), in the order listed, each list
    // made when a state first needs it: a state runs its list through, with
    // nothing left to test per rule.
    let mut lists: [[Option<Vec<StateRule>>; 4]; StateType::ALL.len()] = Default::default();
    for (id, node) in machine.graph.state_ids().zip(machine.graph.states()) {
        let mut payloads = false;
        for_each_payload(node.state, node.language, |_, _, _| payloads = true);
        let jsonata = node.language == QueryLanguage::Jsonata;
        let state_type = node.state.state_type();
        let list = lists[state_type as usize][usize::from(payloads) + 2 * usize::from(jsonata)]
            .get_or_insert_with(|| rules_for(state_type, payloads, jsonata));
        for rule in list.iter() {
            rule(found, machine, id, node);
        }
    }
    definition_size::check(found, machine);
}
