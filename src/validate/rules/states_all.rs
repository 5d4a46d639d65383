//! `States.ALL` must be alone in its `ErrorEquals` and in the last retrier or
//! catcher. A build never reorders them: which rule matches first is the
//! author's choice.

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
        let Some(j) = list.names.iter().position(|name| name == "States.ALL") else {
            continue;
        };
        let at = || {
            machine
                .state_path(id)
                .key(list.field)
                .index(list.index)
                .key("ErrorEquals")
        };
        if list.names.len() > 1 {
            found.error(
                at().index(j),
                Code::StatesAllNotAloneOrLast,
                "`States.ALL` must be the only name in its `ErrorEquals`: move the other \
                 names to a rule of their own before this one",
            );
        } else if list.index + 1 != list.rules {
            let kind = if list.field == "Retry" {
                "retrier"
            } else {
                "catcher"
            };
            found.error(
                at(),
                Code::StatesAllNotAloneOrLast,
                format!(
                    "the {kind} with `States.ALL` must be the last one: move it after \
                     the others, which it would otherwise hide"
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::{one_state, paths};
    use crate::Code;

    #[test]
    fn flags_states_all_not_alone_or_not_last() {
        let text = one_state(
            r#"{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
                "Retry": [{"ErrorEquals": ["States.ALL"]}, {"ErrorEquals": ["X"]}],
                "Catch": [{"ErrorEquals": ["X", "States.ALL"], "Next": "Done"}]}"#,
        );
        assert_eq!(
            paths(&text, Code::StatesAllNotAloneOrLast),
            [
                "States.S.Retry[0].ErrorEquals",
                "States.S.Catch[0].ErrorEquals[1]"
            ]
        );
    }

    #[test]
    fn accepts_states_all_alone_and_last() {
        let text = one_state(
            r#"{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
                "Retry": [{"ErrorEquals": ["X"]}, {"ErrorEquals": ["States.ALL"]}]}"#,
        );
        assert!(paths(&text, Code::StatesAllNotAloneOrLast).is_empty());
    }
}
