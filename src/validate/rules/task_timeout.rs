//! A Task should have a `TimeoutSeconds` (or `TimeoutSecondsPath`): AWS sets
//! no default, so a call that hangs or a worker that is lost keeps the
//! execution waiting until the whole execution times out. A warning.

use crate::model::graph::{StateId, StateNode};
use crate::model::State;
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::Code;

pub(crate) fn check(
    found: &mut Findings<'_>,
    machine: &Definition<'_>,
    id: StateId,
    node: &StateNode<'_>,
) {
    let State::Task(task) = node.state else {
        return;
    };
    if task.timeout.is_none() {
        found.warn(
            machine.state_path(id),
            Code::TaskWithoutTimeout,
            "this Task has no `TimeoutSeconds`, and AWS sets none: if the call hangs or its \
             worker is lost, the execution waits until it times out as a whole; add \
             `\"TimeoutSeconds\"` a little above the longest the task should take",
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::{one_state, paths};
    use crate::Code;

    #[test]
    fn warns_about_a_task_without_a_timeout_only() {
        let bare = one_state(
            r#"{"Type": "Task", "Resource": "arn:aws:states:::sns:publish", "Next": "Done"}"#,
        );
        assert_eq!(paths(&bare, Code::TaskWithoutTimeout), ["States.S"]);
        for timeout in [r#""TimeoutSeconds": 30"#, r#""TimeoutSecondsPath": "$.t""#] {
            let text = one_state(&format!(
                r#"{{"Type": "Task", "Resource": "arn:aws:states:::sns:publish", {timeout}, "Next": "Done"}}"#
            ));
            assert!(
                paths(&text, Code::TaskWithoutTimeout).is_empty(),
                "{timeout}"
            );
        }
        let pass = one_state(r#"{"Type": "Pass", "Next": "Done"}"#);
        assert!(paths(&pass, Code::TaskWithoutTimeout).is_empty());
    }
}
