//! A retrier's or catcher's `ErrorEquals` must not be empty.

use crate::model::graph::{StateId, StateNode};
use crate::validate::definition::Definition;
use crate::validate::error_names::error_lists;
use crate::validate::findings::Findings;
use crate::Code;

pub(crate) fn check(
    found: &mut Findings<'_>,
    machine: &Definition<'_>,
    id: StateId,
    node: &StateNode<'_>,
) {
    for list in error_lists(node.state) {
        if list.names.is_empty() {
            found.error(
                machine
                    .state_path(id)
                    .key(list.field)
                    .index(list.index)
                    .key("ErrorEquals"),
                Code::EmptyErrorEquals,
                "`ErrorEquals` needs at least one error name, e.g. [\"States.ALL\"]",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::{one_state, paths};
    use crate::Code;

    #[test]
    fn flags_empty_lists_in_retry_and_catch() {
        let text = one_state(
            r#"{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
                "Retry": [{"ErrorEquals": ["X"]}, {"ErrorEquals": []}],
                "Catch": [{"ErrorEquals": [], "Next": "Done"}]}"#,
        );
        assert_eq!(
            paths(&text, Code::EmptyErrorEquals),
            [
                "States.S.Retry[1].ErrorEquals",
                "States.S.Catch[0].ErrorEquals"
            ]
        );
    }
}
