//! An activity or `.waitForTaskToken` Task should have `HeartbeatSeconds`:
//! its worker runs outside Step Functions, and without heartbeats a worker
//! that dies is only noticed when the task times out. A warning.

use crate::model::graph::{StateId, StateNode};
use crate::model::{Resource, State};
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
    let (Resource::Uri(uri), Some(arn)) = (&task.resource, machine.task_arn(id)) else {
        return;
    };
    let what = if is_activity(arn.as_slice()) {
        "an activity"
    } else if uri.ends_with(".waitForTaskToken") {
        "a `.waitForTaskToken` task"
    } else {
        return;
    };
    if task.heartbeat.is_none() {
        found.warn(
            machine.state_path(id),
            Code::TaskWithoutHeartbeat,
            format!(
                "{what} has no `HeartbeatSeconds`: if its worker dies, the execution only \
                 notices at the task's timeout; add `\"HeartbeatSeconds\"` and have the worker \
                 send heartbeats more often than that"
            ),
        );
    }
}

/// Whether a `Resource` ARN (split at its first five colons) is an
/// activity ARN (`arn:aws:states:region:account:activity:name`): its sixth
/// part is `activity`.
pub(crate) fn is_activity(arn: &[&str]) -> bool {
    let ["arn", _, _, _, _, rest] = arn else {
        return false;
    };
    rest.split_once(':').map_or(*rest, |(kind, _)| kind) == "activity"
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::{one_state, paths};
    use crate::Code;

    #[test]
    fn warns_about_callbacks_and_activities_without_heartbeats() {
        for resource in [
            "arn:aws:states:us-east-1:123456789012:activity:approve",
            "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        ] {
            let bare = one_state(&format!(
                r#"{{"Type": "Task", "Resource": "{resource}", "TimeoutSeconds": 600, "Next": "Done"}}"#
            ));
            assert_eq!(
                paths(&bare, Code::TaskWithoutHeartbeat),
                ["States.S"],
                "{resource}"
            );
            let beating = one_state(&format!(
                r#"{{"Type": "Task", "Resource": "{resource}", "TimeoutSeconds": 600, "HeartbeatSeconds": 60, "Next": "Done"}}"#
            ));
            assert!(paths(&beating, Code::TaskWithoutHeartbeat).is_empty());
        }
        let request = one_state(
            r#"{"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "Next": "Done"}"#,
        );
        assert!(paths(&request, Code::TaskWithoutHeartbeat).is_empty());
    }
}
