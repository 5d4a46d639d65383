//! A loop in a Standard workflow should have a visible bound: each turn adds
//! events to the execution's history, and past 25,000 events the execution
//! fails. A loop is bounded visibly when a Choice state in it compares a
//! number or a timestamp (a counter or a deadline). A warning, once per loop,
//! at its first state.

use crate::model::graph::StateId;
use crate::model::{Choice, ChoiceCondition, OrJsonata, State};
use crate::validate::conditions::for_each_condition;
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::Code;

pub(crate) fn check(found: &mut Findings<'_>, machine: &Definition<'_>) {
    if found.options.express {
        return; // Express executions keep no history to run out of.
    }
    for component in loops(machine) {
        let bounded = component
            .iter()
            .any(|&id| has_bound(machine.graph.state(id).state));
        let Some(&first) = component.iter().min() else {
            continue;
        };
        if !bounded {
            found.warn(
                machine.state_path(first),
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

/// The loops of the machine: its strongly connected components with a cycle
/// (more than one state, or a state that goes to itself). Transitions stay
/// in their scope, so a loop never spans two. Tarjan's algorithm, with an
/// explicit stack.
fn loops(machine: &Definition<'_>) -> Vec<Vec<StateId>> {
    // When every transition goes to a state with a higher id, every path
    // climbs through the ids and none can come back: there is no loop.
    let climbs = |id: StateId| machine.successors(id).iter().all(|&to| to > id);
    if machine.graph.state_ids().all(climbs) {
        return Vec::new();
    }
    let n = machine.graph.states().len();
    let mut index = vec![u32::MAX; n];
    let mut low = vec![0u32; n];
    let mut on_stack = vec![false; n];
    let mut stack: Vec<StateId> = Vec::with_capacity(n);
    // The depth-first walk: each state with how many of its successors have
    // been looked at. One list for every root, and a component is collected
    // only when it is a loop, so a state outside loops costs no allocation.
    let mut work: Vec<(StateId, usize)> = Vec::with_capacity(n);
    let mut next_index = 0u32;
    let mut components = Vec::new();
    for root in machine.graph.state_ids() {
        if index[root.index()] != u32::MAX {
            continue;
        }
        let mut visit = Some(root);
        loop {
            if let Some(w) = visit.take() {
                index[w.index()] = next_index;
                low[w.index()] = next_index;
                next_index += 1;
                stack.push(w);
                on_stack[w.index()] = true;
                work.push((w, 0));
            }
            let Some(top) = work.last_mut() else {
                break;
            };
            let v = top.0;
            if let Some(&w) = machine.successors(v).get(top.1) {
                top.1 += 1;
                if index[w.index()] == u32::MAX {
                    visit = Some(w);
                } else if on_stack[w.index()] {
                    low[v.index()] = low[v.index()].min(index[w.index()]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent.index()] = low[parent.index()].min(low[v.index()]);
            }
            if low[v.index()] != index[v.index()] {
                continue;
            }
            // `v` roots a component: itself and the states above it on the stack.
            let from = stack.iter().rposition(|&w| w == v).unwrap_or(0);
            for &w in &stack[from..] {
                on_stack[w.index()] = false;
            }
            if stack.len() - from > 1 || machine.successors(v).contains(&v) {
                components.push(stack.drain(from..).collect());
            } else {
                stack.truncate(from);
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
