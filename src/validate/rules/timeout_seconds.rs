//! `TimeoutSeconds` and `HeartbeatSeconds` are positive: the machine's below
//! 99,999,999 (D9), a Task's at most 99,999,999 (F4).

use crate::model::{HeartbeatSeconds, OrJsonata, State, TimeoutSeconds};
use crate::validate::at::At;
use crate::validate::cx::Cx;
use crate::validate::walk::Index;
use crate::Code;

const MAX: u64 = 99_999_999;

pub(crate) fn check(cx: &mut Cx<'_>, ix: &Index<'_>) {
    if let Some(v) = ix.machine.timeout_seconds {
        if v == 0 || v >= MAX {
            cx.error(
                At::root().key("TimeoutSeconds"),
                Code::ValueOutOfRange,
                format!("`TimeoutSeconds` is {v}; it must be 1 to {}", MAX - 1),
            );
        }
    }
    for (entry, e) in ix.states.iter().enumerate() {
        let State::Task(task) = e.state else { continue };
        if let Some(TimeoutSeconds::Value(OrJsonata::Value(v))) = task.timeout {
            check_task(cx, ix.state_at(entry), "TimeoutSeconds", v);
        }
        if let Some(HeartbeatSeconds::Value(OrJsonata::Value(v))) = task.heartbeat {
            check_task(cx, ix.state_at(entry), "HeartbeatSeconds", v);
        }
    }
}

fn check_task(cx: &mut Cx<'_>, state: At, field: &str, v: u64) {
    if v == 0 || v > MAX {
        cx.error(
            state.key(field),
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
        let text = r#"{"StartAt": "S", "TimeoutSeconds": 0, "States": {"S": {"Type": "Task",
            "Resource": "arn:aws:states:::lambda:invoke", "End": true,
            "TimeoutSeconds": 100000000, "HeartbeatSeconds": 0}}}"#;
        assert_eq!(
            paths(text, Code::ValueOutOfRange),
            ["TimeoutSeconds", "States.S.TimeoutSeconds", "States.S.HeartbeatSeconds"]
        );
        let top = r#"{"StartAt": "S", "TimeoutSeconds": 99999999, "States": {"S": {"Type": "Succeed"}}}"#;
        assert_eq!(paths(top, Code::ValueOutOfRange), ["TimeoutSeconds"]);
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
