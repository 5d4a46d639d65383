//! The `ErrorEquals` lists of a state's retriers and catchers.

use crate::model::State;

/// One `ErrorEquals` list: the field holding its rule (`Retry` or `Catch`),
/// the rule's index, how many rules that field has, and the names.
pub(crate) struct ErrorList<'s> {
    pub(crate) field: &'static str,
    pub(crate) index: usize,
    pub(crate) rules: usize,
    pub(crate) names: &'s [String],
}

/// The `ErrorEquals` lists of `state`'s `Retry`, then of its `Catch`.
pub(crate) fn error_lists(state: &State) -> impl Iterator<Item = ErrorList<'_>> {
    let retriers = state.retriers();
    let catchers = state.catchers();
    let retry = retriers.iter().enumerate().map(|(index, r)| ErrorList {
        field: "Retry",
        index,
        rules: retriers.len(),
        names: &r.error_equals,
    });
    let catch = catchers.iter().enumerate().map(|(index, c)| ErrorList {
        field: "Catch",
        index,
        rules: catchers.len(),
        names: &c.error_equals,
    });
    retry.chain(catch)
}
