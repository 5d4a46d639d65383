//! A retrier's or catcher's `ErrorEquals` must not be empty (F5).

use crate::validate::cx::Cx;
use crate::validate::edges::error_lists;
use crate::validate::walk::{Entry, Index};
use crate::Code;

pub(crate) fn check(cx: &mut Cx<'_>, ix: &Index<'_>, entry: usize, e: &Entry<'_>) {
    for (field, lists) in error_lists(e.state) {
        for (i, list) in lists.iter().enumerate() {
            if list.is_empty() {
                cx.error(
                    ix.state_at(entry).key(field).index(i).key("ErrorEquals"),
                    Code::EmptyErrorEquals,
                    "`ErrorEquals` needs at least one error name, e.g. [\"States.ALL\"]",
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
