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
use crate::model::graph::{StateId, StateNode};

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

const STATE_RULES: &[StateRule] = &[
    nesting::check,
    query_language_scope::check,
    query_language_fields::check,
    state_name::check,
    transition_target::check,
    resource::check,
    integration_pattern::check,
    sdk_names::check,
    express::check,
    io_paths::check,
    result_path::check,
    reference_path_fields::check,
    timeout_seconds::check,
    heartbeat_below_timeout::check,
    wait_seconds::check,
    wait_timestamp::check,
    fail_paths::check,
    empty_arrays::check,
    choice_conditions::check,
    error_equals::check,
    states_all::check,
    retrier_numbers::check,
    template_values::check,
    template_duplicate_keys::check,
    path_like_values::check,
    variable_names::check,
    map_items::check,
    tolerated_failure::check,
    item_batcher::check,
    result_writer::check,
    map_label::check,
    distributed_map::check,
    jsonata_delimiters::check,
    jsonata_expressions::check,
    item_reader_resource::check,
    task_timeout::check,
    task_heartbeat::check,
    lambda_retry::check,
    static_payload_size::check,
];

/// Runs every rule: machine rules, then state rules state by state, then the
/// size limit (which needs to know whether the machine nests too deeply).
pub(crate) fn run(found: &mut Findings<'_>, machine: &Definition<'_>) {
    for rule in MACHINE_RULES {
        rule(found, machine);
    }
    for (id, node) in machine.graph.state_ids().zip(machine.graph.states()) {
        for rule in STATE_RULES {
            rule(found, machine, id, node);
        }
    }
    definition_size::check(found, machine);
}
