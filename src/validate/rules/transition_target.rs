//! Every `Next`, `Default`, Choice rule `Next` and Catcher `Next` must name a
//! state of the same `States` object: no jumps into or out of Parallel
//! branches and Map processors.

use crate::model::graph::{StateId, StateNode};
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::Code;

pub(crate) fn check(
    found: &mut Findings<'_>,
    machine: &Definition<'_>,
    id: StateId,
    node: &StateNode<'_>,
) {
    if machine.all_transitions_resolve(id) {
        return;
    }
    let scope = machine.graph.scope(node.scope);
    for edge in machine.graph.edges(id) {
        if edge.to.is_some() || machine.unreadable_state(node.scope, edge.target).is_some() {
            continue;
        }
        let target = edge.target;
        let at = edge.field.path(machine.state_path(id));
        if machine.names().contains(target) {
            found.error(
                at,
                Code::NextOutOfScope,
                format!(
                    "`{target}` is in another `States` object: a state can only go to states \
                     of its own `States` (not into or out of a Parallel branch or Map processor)"
                ),
            );
        } else {
            let hint = found
                .suggestions
                .closest(target, scope.states.keys().map(String::as_str))
                .map_or_else(String::new, |s| format!("; did you mean `{s}`?"));
            found.error(
                at,
                Code::DanglingNext,
                format!("there is no state named `{target}`{hint}"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::{messages, paths};
    use crate::Code;

    #[test]
    fn flags_every_kind_of_dangling_target() {
        let text = r#"{"StartAt": "C", "States": {
            "C": {"Type": "Choice", "Default": "Nowhere",
                  "Choices": [{"Variable": "$.x", "IsNull": true, "Next": "Donee"}]},
            "T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "Gone",
                  "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Lost"}]},
            "Done": {"Type": "Succeed"}}}"#;
        assert_eq!(
            paths(text, Code::DanglingNext),
            [
                "States.C.Default",
                "States.C.Choices[0].Next",
                "States.T.Next",
                "States.T.Catch[0].Next"
            ]
        );
        assert_eq!(
            messages(text, Code::DanglingNext)[1],
            "there is no state named `Donee`; did you mean `Done`?"
        );
    }

    #[test]
    fn flags_jumps_into_and_out_of_branches() {
        let text = r#"{"StartAt": "P", "States": {
            "P": {"Type": "Parallel", "Next": "Inside", "Branches": [
                {"StartAt": "Inside", "States": {"Inside": {"Type": "Pass", "Next": "After"}}}]},
            "After": {"Type": "Succeed"}}}"#;
        assert_eq!(
            paths(text, Code::NextOutOfScope),
            ["States.P.Next", "States.P.Branches[0].States.Inside.Next"]
        );
        assert!(paths(text, Code::DanglingNext).is_empty());
    }
}
