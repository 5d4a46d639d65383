//! Every `States` object needs a terminal state: `"End": true`, Succeed or Fail.

use crate::model::State;
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::Code;

pub(crate) fn check(found: &mut Findings<'_>, machine: &Definition<'_>) {
    for (id, scope) in machine.graph.scope_ids().zip(machine.graph.scopes()) {
        let ends = scope.states.values().any(State::is_terminal);
        // A state that could not be read may be the one that ends the scope.
        if !ends && !machine.has_unreadable_states(id) {
            found.error(
                machine.scope_path(id).key("States"),
                Code::NoTerminalState,
                "no state here ends the workflow: give one state `\"End\": true` or add a \
                 Succeed or Fail state",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::paths;
    use crate::Code;

    #[test]
    fn flags_a_loop_with_no_way_out_at_any_level() {
        let text = r#"{"StartAt": "A", "States": {
            "A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Pass", "Next": "A"}}}"#;
        assert_eq!(paths(text, Code::NoTerminalState), ["States"]);
        let nested = r#"{"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
            "ItemProcessor": {"StartAt": "L", "States": {"L": {"Type": "Wait", "Seconds": 1, "Next": "L"}}}}}}"#;
        assert_eq!(
            paths(nested, Code::NoTerminalState),
            ["States.M.ItemProcessor.States"]
        );
    }

    #[test]
    fn accepts_succeed_fail_and_end() {
        for last in [
            r#"{"Type": "Succeed"}"#,
            r#"{"Type": "Fail"}"#,
            r#"{"Type": "Pass", "End": true}"#,
        ] {
            let text = format!(r#"{{"StartAt": "A", "States": {{"A": {last}}}}}"#);
            assert!(paths(&text, Code::NoTerminalState).is_empty(), "{last}");
        }
    }
}
