//! Every state must be reachable from its `StartAt` (G6). Skipped for a
//! `States` object with no terminal state or a dangling `StartAt`, as AWS does.

use crate::validate::cx::Cx;
use crate::validate::edges::for_each_edge;
use crate::validate::walk::Index;
use crate::Code;

pub(crate) fn check(cx: &mut Cx<'_>, ix: &Index<'_>) {
    for scope in &ix.scopes {
        let Some(start) = scope.states.get_index_of(scope.start_at) else {
            continue;
        };
        if !scope.has_terminal {
            continue;
        }
        let first = scope.members.start;
        let mut seen = vec![false; scope.members.len()];
        let mut stack = vec![start];
        seen[start] = true;
        while let Some(local) = stack.pop() {
            let state = ix.states[first + local].state;
            for_each_edge(state, |_, target| {
                if let Some(t) = scope.states.get_index_of(target) {
                    if !seen[t] {
                        seen[t] = true;
                        stack.push(t);
                    }
                }
            });
        }
        for (local, reached) in seen.iter().enumerate() {
            if !reached {
                cx.error(
                    ix.state_at(first + local),
                    Code::UnreachableState,
                    "no transition leads to this state from `StartAt`: add a `Next`, `Default` \
                     or `Catch` that points here, or remove it",
                );
            }
        }
    }
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
