//! A Wait state's literal `Seconds` is at most 99,999,999.

use crate::model::graph::{StateId, StateNode};
use crate::model::{OrJsonata, State, WaitFor};
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
    if let State::Wait(wait) = node.state {
        if let WaitFor::Seconds(OrJsonata::Value(v)) = wait.wait_for {
            if v > MAX {
                found.error(
                    machine.state_path(id).key("Seconds"),
                    Code::ValueOutOfRange,
                    format!("`Seconds` is {v}; it must be 0 to {MAX}"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::{one_state, paths};
    use crate::Code;

    #[test]
    fn allows_zero_and_rejects_too_long() {
        let wait = |s: u64| {
            one_state(&format!(
                r#"{{"Type": "Wait", "Seconds": {s}, "Next": "Done"}}"#
            ))
        };
        assert!(paths(&wait(0), Code::ValueOutOfRange).is_empty());
        assert_eq!(
            paths(&wait(100_000_000), Code::ValueOutOfRange),
            ["States.S.Seconds"]
        );
    }
}
