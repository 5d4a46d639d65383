//! Every state must be reachable from its `StartAt`. Skipped for a
//! `States` object with no terminal state or a dangling `StartAt`, as AWS does.

use crate::fast_hash::FastSet;

use crate::model::graph::{transitions, ScopeId, StateId};
use crate::model::State;
use crate::read::UnreadableState;
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::Code;

pub(crate) fn check<'m>(found: &mut Findings<'_>, machine: &Definition<'m>) {
    let graph = &machine.graph;
    for (id, scope) in graph.scope_ids().zip(graph.scopes()) {
        // With no way out of the scope, NO_TERMINAL_STATE says what matters.
        let ends = scope.states.values().any(State::is_terminal);
        if !ends && !machine.has_unreadable_states(id) {
            continue;
        }
        if !machine.has_unreadable_states(id) {
            let seen = reached_by_id(machine, id);
            report(found, machine, id, &seen);
            continue;
        }
        let mut seen = vec![false; scope.states.len()];
        let mut seen_unreadable: FastSet<&str> = FastSet::default();
        let mut stack: Vec<Reached<'m>> = Vec::new();
        let mut visit = |target: &str, stack: &mut Vec<Reached<'m>>| {
            if let Some(i) = scope.states.get_index_of(target) {
                if let Some(false) = seen.get(i) {
                    seen[i] = true;
                    stack.push(Reached::State(i));
                }
            } else if let Some(unreadable) = machine.unreadable_state(id, target) {
                if seen_unreadable.insert(&unreadable.name) {
                    stack.push(Reached::Unreadable(unreadable));
                }
            }
        };
        visit(scope.start_at, &mut stack);
        if stack.is_empty() {
            continue; // a dangling or unreadable `StartAt` is reported elsewhere
        }
        let mut anywhere = false;
        while let Some(reached) = stack.pop() {
            match reached {
                Reached::State(i) => {
                    if let Some((_, state)) = scope.states.get_index(i) {
                        for (_, target) in transitions(state) {
                            visit(target, &mut stack);
                        }
                    }
                }
                Reached::Unreadable(unreadable) => {
                    anywhere |= !unreadable.targets_complete;
                    for target in &unreadable.targets {
                        visit(target, &mut stack);
                    }
                }
            }
        }
        if anywhere {
            continue; // a state that could not be read may lead to any other
        }
        report(found, machine, id, &seen);
    }
}

/// Which states of a scope with every state decoded are reached from its
/// `StartAt`, by their position in the scope.
fn reached_by_id(machine: &Definition<'_>, scope: ScopeId) -> Vec<bool> {
    let graph = &machine.graph;
    let members = graph.scope(scope).member_ids();
    let mut seen = vec![false; members.len()];
    let Some(first) = graph.scope(scope).member_ids().next() else {
        return seen;
    };
    let local = |id: StateId| id.index() - first.index();
    let Some(start) = graph.start(scope) else {
        // a dangling `StartAt` is reported elsewhere; reach nothing
        return vec![true; seen.len()];
    };
    seen[local(start)] = true;
    let mut stack = vec![start];
    while let Some(state) = stack.pop() {
        for &next in machine.successors(state) {
            if let Some(slot) = seen.get_mut(local(next)) {
                if !*slot {
                    *slot = true;
                    stack.push(next);
                }
            }
        }
    }
    seen
}

/// Reports the states of `scope` not `seen`.
fn report(found: &mut Findings<'_>, machine: &Definition<'_>, scope: ScopeId, seen: &[bool]) {
    for (state, reached) in machine.graph.scope(scope).member_ids().zip(seen) {
        if !reached {
            found.error(
                machine.state_path(state),
                Code::UnreachableState,
                "no transition leads to this state from `StartAt`: add a `Next`, `Default` \
                 or `Catch` that points here, or remove it",
            );
        }
    }
}

/// A state the walk has reached.
enum Reached<'m> {
    /// A decoded state, by its position in the scope.
    State(usize),
    /// A state that could not be decoded.
    Unreadable(&'m UnreadableState),
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::paths;
    use crate::Code;

    #[test]
    fn flags_states_no_path_reaches() {
        let text = r#"{"StartAt": "A", "States": {
            "A": {"Type": "Pass", "Next": "C"},
            "B": {"Type": "Pass", "Next": "C"},
            "C": {"Type": "Succeed"}}}"#;
        assert_eq!(paths(text, Code::UnreachableState), ["States.B"]);
    }

    #[test]
    fn follows_choices_defaults_and_catchers() {
        let text = r#"{"StartAt": "C", "States": {
            "C": {"Type": "Choice", "Default": "T",
                  "Choices": [{"Variable": "$.x", "IsNull": true, "Next": "D"}]},
            "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
                  "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "F"}]},
            "D": {"Type": "Succeed"}, "F": {"Type": "Fail"}}}"#;
        assert!(paths(text, Code::UnreachableState).is_empty());
    }
}
