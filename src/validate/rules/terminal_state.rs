//! Every `States` object needs a terminal state: `"End": true`, Succeed or Fail (G5).

use crate::validate::cx::Cx;
use crate::validate::walk::Index;
use crate::Code;

pub(crate) fn check(cx: &mut Cx<'_>, ix: &Index<'_>) {
    for (i, scope) in ix.scopes.iter().enumerate() {
        if !scope.has_terminal {
            cx.error(
                ix.scope_at(i).key("States"),
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
