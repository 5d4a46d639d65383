//! The `ErrorEquals` lists of a state's retriers and catchers.

use crate::model::State;

/// The `ErrorEquals` lists of `state`'s `Retry` and `Catch`, by field name.
pub(crate) fn error_lists(state: &State) -> [(&'static str, Vec<&[String]>); 2] {
    [
        (
            "Retry",
            state
                .retriers()
                .iter()
                .map(|r| r.error_equals.as_slice())
                .collect(),
        ),
        (
            "Catch",
            state
                .catchers()
                .iter()
                .map(|c| c.error_equals.as_slice())
                .collect(),
        ),
    ]
}
