//! `StartAt` must name a state of the same `States` object (G1).

use crate::validate::cx::Cx;
use crate::validate::walk::Index;
use crate::Code;

pub(crate) fn check(cx: &mut Cx<'_>, ix: &Index<'_>) {
    for (i, scope) in ix.scopes.iter().enumerate() {
        if scope.states.contains_key(scope.start_at) {
            continue;
        }
        let elsewhere = ix.states.iter().any(|e| e.name == scope.start_at);
        let message = if elsewhere {
            format!(
                "`{}` is in another `States` object; `StartAt` must name a state of its own `States`",
                scope.start_at
            )
        } else {
            let hint = crate::read::suggest::closest(
                scope.start_at,
                scope.states.keys().map(String::as_str),
            )
            .map_or_else(String::new, |s| format!("; did you mean `{s}`?"));
            format!("there is no state named `{}`{hint}", scope.start_at)
        };
        cx.error(
            ix.scope_at(i).key("StartAt"),
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
