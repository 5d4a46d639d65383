//! A Task's `TimeoutSeconds` and `HeartbeatSeconds` are 1 to 99,999,999.

use crate::model::graph::{StateId, StateNode};
use crate::model::{HeartbeatSeconds, OrJsonata, State, TimeoutSeconds};
use crate::problem::Path;
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::Code;

const MAX: u64 = 99_999_999;

pub(crate) fn check(
    found: &mut Findings<'_>,
    machine: &Definition<'_>,
    id: StateId,
    node: &StateNode<'_>,
) {
    let State::Task(task) = node.state else {
        return;
    };
    if let Some(TimeoutSeconds::Value(OrJsonata::Value(v))) = task.timeout {
        check_task(found, || machine.state_path(id), "TimeoutSeconds", v);
    }
    if let Some(HeartbeatSeconds::Value(OrJsonata::Value(v))) = task.heartbeat {
        check_task(found, || machine.state_path(id), "HeartbeatSeconds", v);
    }
}

fn check_task(found: &mut Findings<'_>, state: impl Fn() -> Path, field: &str, v: u64) {
    if v == 0 || v > MAX {
        found.error(
            state().key(field),
            Code::ValueOutOfRange,
            format!("`{field}` is {v}; it must be 1 to {MAX}"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::{one_state, paths};
    use crate::Code;

    #[test]
    fn flags_zero_and_too_large() {
        let text = r#"{"StartAt": "S", "States": {"S": {"Type": "Task",
            "Resource": "arn:aws:states:::lambda:invoke", "End": true,
            "TimeoutSeconds": 100000000, "HeartbeatSeconds": 0}}}"#;
        assert_eq!(
            paths(text, Code::ValueOutOfRange),
            ["States.S.TimeoutSeconds", "States.S.HeartbeatSeconds"]
        );
    }

    #[test]
    fn accepts_task_bounds() {
        let text = one_state(
            r#"{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
                "TimeoutSeconds": 99999999, "HeartbeatSeconds": 1}"#,
        );
        assert!(paths(&text, Code::ValueOutOfRange).is_empty());
    }
}
