//! The rules, one per file, each with its tests beside it.

mod choice_conditions;
mod definition_size;
mod distributed_map;
mod empty_arrays;
mod error_equals;
mod express;
mod fail_paths;
mod heartbeat_below_timeout;
mod io_paths;
mod item_batcher;
mod jsonata_delimiters;
mod jsonata_expressions;
mod map_items;
mod map_label;
mod nesting;
mod path_like_values;
mod query_language_scope;
mod reachable;
mod reference_path_fields;
mod resource;
mod result_path;
mod result_writer;
mod retrier_numbers;
mod start_at;
mod state_name;
mod states_all;
mod template_duplicate_keys;
mod template_values;
mod terminal_state;
mod timeout_seconds;
mod tolerated_failure;
mod transition_target;
mod unique_names;
mod variable_names;
mod variable_scope;
mod wait_seconds;
mod wait_timestamp;

#[cfg(test)]
pub(crate) mod test_util;

use super::cx::Cx;
use super::walk::Index;

/// A rule: reads the index, reports into the context.
type Rule = fn(&mut Cx<'_>, &Index<'_>);

/// Every rule, in the order their problems are listed for a model.
const RULES: &[Rule] = &[
    nesting::check,
    definition_size::check,
    query_language_scope::check,
    start_at::check,
    unique_names::check,
    state_name::check,
    transition_target::check,
    terminal_state::check,
    reachable::check,
    resource::check,
    express::check,
    timeout_seconds::check,
    heartbeat_below_timeout::check,
    wait_seconds::check,
    empty_arrays::check,
    error_equals::check,
    states_all::check,
    retrier_numbers::check,
    tolerated_failure::check,
    item_batcher::check,
    result_writer::check,
    map_label::check,
    distributed_map::check,
    variable_names::check,
    variable_scope::check,
    io_paths::check,
    result_path::check,
    reference_path_fields::check,
    fail_paths::check,
    choice_conditions::check,
    wait_timestamp::check,
    template_values::check,
    template_duplicate_keys::check,
    path_like_values::check,
    map_items::check,
    jsonata_delimiters::check,
    jsonata_expressions::check,
];

/// Runs every rule.
pub(crate) fn run(cx: &mut Cx<'_>, ix: &Index<'_>) {
    for rule in RULES {
        rule(cx, ix);
    }
}
