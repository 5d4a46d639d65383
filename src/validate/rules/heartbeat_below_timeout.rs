//! A Task's `HeartbeatSeconds` must be less than its `TimeoutSeconds`.

use crate::model::graph::{StateId, StateNode};
use crate::model::{HeartbeatSeconds, OrJsonata, State, TimeoutSeconds};
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
    if let (
        Some(TimeoutSeconds::Value(OrJsonata::Value(timeout))),
        Some(HeartbeatSeconds::Value(OrJsonata::Value(heartbeat))),
    ) = (&task.timeout, &task.heartbeat)
    {
        if heartbeat >= timeout {
            found.error(
                machine.state_path(id).key("HeartbeatSeconds"),
                Code::HeartbeatNotBelowTimeout,
                format!(
                    "`HeartbeatSeconds` ({heartbeat}) must be less than `TimeoutSeconds` \
                     ({timeout}), or no heartbeat could ever arrive in time"
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::{one_state, paths};
    use crate::Code;

    #[test]
    fn flags_a_heartbeat_not_below_the_timeout() {
        let state = |h: u32| {
            one_state(&format!(
                r#"{{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
                    "TimeoutSeconds": 60, "HeartbeatSeconds": {h}}}"#
            ))
        };
        assert_eq!(
            paths(&state(60), Code::HeartbeatNotBelowTimeout),
            ["States.S.HeartbeatSeconds"]
        );
        assert!(paths(&state(59), Code::HeartbeatNotBelowTimeout).is_empty());
    }
}
