//! A Wait state's literal `Timestamp` is RFC 3339; in a JSONata state it
//! may instead be a `{% expression %}`.

use crate::model::graph::{StateId, StateNode};
use crate::model::{QueryLanguage, State, WaitFor};
use crate::syntax::is_rfc3339;
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::validate::strings::looks_like_expression;
use crate::Code;

pub(crate) fn check(
    found: &mut Findings<'_>,
    machine: &Definition<'_>,
    id: StateId,
    node: &StateNode<'_>,
) {
    let State::Wait(wait) = node.state else {
        return;
    };
    let WaitFor::Timestamp(t) = &wait.wait_for else {
        return;
    };
    if node.language == QueryLanguage::Jsonata && looks_like_expression(t) {
        return;
    }
    if !is_rfc3339(t) {
        found.error(
            machine.state_path(id).key("Timestamp"),
            Code::InvalidTimestamp,
            format!("`{t}` is not an RFC 3339 timestamp such as `2024-01-31T09:30:00Z` (uppercase `T`, and `Z` or an offset like `+01:00`)"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::{one_state, paths};
    use crate::Code;

    #[test]
    fn needs_rfc3339_unless_an_expression() {
        let wait = |lang: &str, t: &str| {
            one_state(&format!(
                r#"{{"Type": "Wait", "QueryLanguage": "{lang}", "Timestamp": "{t}", "Next": "Done"}}"#
            ))
        };
        assert_eq!(
            paths(
                &wait("JSONPath", "2016-12-05 21:29:29Z"),
                Code::InvalidTimestamp
            ),
            ["States.S.Timestamp"]
        );
        assert_eq!(
            paths(
                &wait("JSONPath", "{% $states.input.t %}"),
                Code::InvalidTimestamp
            ),
            ["States.S.Timestamp"]
        );
        assert!(paths(
            &wait("JSONata", "{% $states.input.t %}"),
            Code::InvalidTimestamp
        )
        .is_empty());
        assert!(paths(
            &wait("JSONPath", "2016-12-05T21:29:29.000Z"),
            Code::InvalidTimestamp
        )
        .is_empty());
    }
}
