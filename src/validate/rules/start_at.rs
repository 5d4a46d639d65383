//! `StartAt` must name a state of the same `States` object.

use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::Code;

pub(crate) fn check(found: &mut Findings<'_>, machine: &Definition<'_>) {
    for (id, scope) in machine.graph.scope_ids().zip(machine.graph.scopes()) {
        if scope.states.contains_key(scope.start_at)
            || machine.unreadable_start_at(id)
            || machine.unreadable_state(id, scope.start_at).is_some()
        {
            continue;
        }
        let message = if machine.names().contains(scope.start_at) {
            format!(
                "`{}` is in another `States` object; `StartAt` must name a state of its own `States`",
                scope.start_at
            )
        } else {
            let hint = found
                .suggestions
                .closest(scope.start_at, scope.states.keys().map(String::as_str))
                .map_or_else(String::new, |s| format!("; did you mean `{s}`?"));
            format!("there is no state named `{}`{hint}", scope.start_at)
        };
        found.error(
            machine.scope_path(id).key("StartAt"),
            Code::DanglingStartAt,
            message,
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::paths;
    use crate::Code;

    #[test]
    fn flags_a_start_at_with_no_state_at_any_level() {
        let text = r#"{"StartAt": "Strat", "States": {"Start": {"Type": "Succeed"}}}"#;
        assert_eq!(paths(text, Code::DanglingStartAt), ["StartAt"]);
        let nested = r#"{"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true,
            "Branches": [{"StartAt": "P", "States": {"A": {"Type": "Succeed"}}}]}}}"#;
        assert_eq!(
            paths(nested, Code::DanglingStartAt),
            ["States.P.Branches[0].StartAt"]
        );
    }

    #[test]
    fn accepts_a_start_at_naming_its_own_state() {
        let text = r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#;
        assert!(paths(text, Code::DanglingStartAt).is_empty());
    }
}
