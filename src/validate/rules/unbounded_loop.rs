//! A loop in a Standard workflow should have a visible bound: each turn adds
//! events to the execution's history, and past 25,000 events the execution
//! fails. A loop is bounded visibly when a Choice state in it compares a
//! number or a timestamp (a counter or a deadline). A warning, once per loop,
//! at its first state.

use crate::model::graph::{transitions, ScopeId};
use crate::model::{Choice, ChoiceCondition, OrJsonata, State};
use crate::validate::conditions::for_each_condition;
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::Code;

pub(crate) fn check(found: &mut Findings<'_>, machine: &Definition<'_>) {
    if found.options.express {
        return; // Express executions keep no history to run out of.
    }
    for scope in machine.graph.scope_ids() {
        for component in loops(machine, scope) {
            let bounded = component.iter().any(|&i| {
                machine
                    .graph
                    .scope(scope)
                    .states
                    .get_index(i)
                    .is_some_and(|(_, state)| has_bound(state))
            });
            let Some(&first) = component.iter().min() else {
                continue;
            };
            let Some(id) = machine.graph.scope(scope).member_ids().nth(first) else {
                continue;
            };
            if !bounded {
                found.warn(
                    machine.state_path(id),
                    Code::UnboundedLoop,
                    format!(
                        "this state is in a loop of {} state(s) with no visible bound: a Standard \
                         execution fails after 25,000 history events; count the turns (for \
                         example with `States.MathAdd`) and leave the loop from a Choice that \
                         compares the count, or run the loop in a child Express workflow",
                        component.len()
                    ),
                );
            }
        }
    }
}

/// Whether `state` is a Choice with a rule comparing a number or a timestamp.
fn has_bound(state: &State) -> bool {
    let State::Choice(choice) = state else {
        return false;
    };
    compares_numbers_or_times(choice)
}

fn compares_numbers_or_times(choice: &Choice) -> bool {
    let mut found = false;
    for_each_condition(choice, |_, condition| match condition {
        ChoiceCondition::Data(test) => {
            let operator = test.comparison.operator();
            found |= operator.starts_with("Numeric") || operator.starts_with("Timestamp");
        }
        ChoiceCondition::Jsonata(OrJsonata::Jsonata(expression)) => {
            found |= expression.contains(['<', '>']);
        }
        _ => {}
    });
    found
}

/// The loops of `scope`: its strongly connected components with a cycle
/// (more than one state, or a state that goes to itself), as positions in
/// the scope's `States`. Tarjan's algorithm, with an explicit stack.
fn loops(machine: &Definition<'_>, scope: ScopeId) -> Vec<Vec<usize>> {
    let states = machine.graph.scope(scope).states;
    let n = states.len();
    let successors: Vec<Vec<usize>> = states
        .values()
        .map(|state| {
            transitions(state)
                .filter_map(|(_, target)| states.get_index_of(target))
                .collect()
        })
        .collect();
    let mut index = vec![usize::MAX; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut next_index = 0;
    let mut components = Vec::new();
    for root in 0..n {
        if index[root] != usize::MAX {
            continue;
        }
        // (state, position in its successors)
        let mut work = vec![(root, 0)];
        index[root] = next_index;
        low[root] = next_index;
        next_index += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(top) = work.last_mut() {
            let v = top.0;
            if let Some(&w) = successors[v].get(top.1) {
                top.1 += 1;
                if index[w] == usize::MAX {
                    index[w] = next_index;
                    low[w] = next_index;
                    next_index += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let mut component = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    component.push(w);
                    if w == v {
                        break;
                    }
                }
                let cycle = component.len() > 1 || successors[v].contains(&v);
                if cycle {
                    components.push(component);
                }
            }
        }
    }
    components
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::{paths, paths_with};
    use crate::validate::Validator;
    use crate::Code;

    const POLLER: &str = r#"{"StartAt": "Wait", "States": {
        "Wait": {"Type": "Wait", "Seconds": 5, "Next": "Check"},
        "Check": {"Type": "Choice", "Default": "Wait",
                  "Choices": [{"Variable": "$.status", "StringEquals": "DONE", "Next": "Done"}]},
        "Done": {"Type": "Succeed"}}}"#;

    #[test]
    fn warns_about_a_polling_loop_with_no_bound_once() {
        assert_eq!(paths(POLLER, Code::UnboundedLoop), ["States.Wait"]);
        let express = Validator::new().express(true);
        assert!(paths_with(&express, POLLER, Code::UnboundedLoop).is_empty());
    }

    #[test]
    fn a_counter_or_deadline_is_a_visible_bound() {
        let counted = POLLER.replace(
            r#"[{"Variable": "$.status", "StringEquals": "DONE", "Next": "Done"}]"#,
            r#"[{"Variable": "$.status", "StringEquals": "DONE", "Next": "Done"},
                {"Variable": "$.attempts", "NumericGreaterThan": 20, "Next": "Done"}]"#,
        );
        assert!(paths(&counted, Code::UnboundedLoop).is_empty());
        let no_loop = r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"},
            "B": {"Type": "Succeed"}}}"#;
        assert!(paths(no_loop, Code::UnboundedLoop).is_empty());
    }

    #[test]
    fn a_state_that_goes_to_itself_is_a_loop() {
        let text = r#"{"StartAt": "T", "States": {
            "T": {"Type": "Task", "Resource": "arn:aws:states:::sns:publish", "TimeoutSeconds": 5,
                  "Next": "T", "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Done"}]},
            "Done": {"Type": "Succeed"}}}"#;
        assert_eq!(paths(text, Code::UnboundedLoop), ["States.T"]);
    }
}
