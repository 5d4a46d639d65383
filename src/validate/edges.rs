//! The transitions out of a state: `Next`, `Default`, Choice rule `Next`s and
//! Catcher `Next`s, each with the path of the field that names the target.

use super::at::At;
use crate::model::State;

/// Which field names a transition's target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EdgeField {
    /// The state's `Next`.
    Next,
    /// A Choice state's `Default`.
    Default,
    /// `Choices[i].Next`.
    Choice(usize),
    /// `Catch[i].Next`.
    Catch(usize),
}

impl EdgeField {
    /// The field's path below the state's path.
    pub(crate) fn at(self, state: At) -> At {
        match self {
            EdgeField::Next => state.key("Next"),
            EdgeField::Default => state.key("Default"),
            EdgeField::Choice(i) => state.key("Choices").index(i).key("Next"),
            EdgeField::Catch(i) => state.key("Catch").index(i).key("Next"),
        }
    }
}

/// Calls `f` with every transition of `state`, in document order.
pub(crate) fn for_each_edge<'m>(state: &'m State, mut f: impl FnMut(EdgeField, &'m str)) {
    let (next, catch) = match state {
        State::Task(s) => (s.transition.next(), s.catch.as_deref()),
        State::Parallel(s) => (s.transition.next(), s.catch.as_deref()),
        State::Map(s) => (s.transition.next(), s.catch.as_deref()),
        State::Pass(s) => (s.transition.next(), None),
        State::Wait(s) => (s.transition.next(), None),
        State::Choice(s) => {
            for (i, rule) in s.choices.iter().enumerate() {
                f(EdgeField::Choice(i), &rule.next);
            }
            (s.default.as_deref(), None)
        }
        State::Succeed(_) | State::Fail(_) => (None, None),
    };
    if let Some(next) = next {
        let field = if matches!(state, State::Choice(_)) {
            EdgeField::Default
        } else {
            EdgeField::Next
        };
        f(field, next);
    }
    for (i, catcher) in catch.unwrap_or_default().iter().enumerate() {
        f(EdgeField::Catch(i), &catcher.next);
    }
}

/// Whether `state` can end its `States` object: `"End": true`, Succeed or Fail.
pub(crate) fn is_terminal(state: &State) -> bool {
    match state {
        State::Task(s) => s.transition.next().is_none(),
        State::Parallel(s) => s.transition.next().is_none(),
        State::Map(s) => s.transition.next().is_none(),
        State::Pass(s) => s.transition.next().is_none(),
        State::Wait(s) => s.transition.next().is_none(),
        State::Succeed(_) | State::Fail(_) => true,
        State::Choice(_) => false,
    }
}

/// The `Retry` and `Catch` arrays of a Task, Parallel or Map state.
pub(crate) fn retry_and_catch(
    state: &State,
) -> (&[crate::model::Retrier], &[crate::model::Catcher]) {
    let (retry, catch) = match state {
        State::Task(s) => (s.retry.as_deref(), s.catch.as_deref()),
        State::Parallel(s) => (s.retry.as_deref(), s.catch.as_deref()),
        State::Map(s) => (s.retry.as_deref(), s.catch.as_deref()),
        _ => (None, None),
    };
    (retry.unwrap_or_default(), catch.unwrap_or_default())
}

/// The `ErrorEquals` lists of a state's retriers and catchers, by field name.
pub(crate) fn error_lists(state: &State) -> [(&'static str, Vec<&[String]>); 2] {
    let (retry, catch) = retry_and_catch(state);
    [
        (
            "Retry",
            retry.iter().map(|r| r.error_equals.as_slice()).collect(),
        ),
        (
            "Catch",
            catch.iter().map(|c| c.error_equals.as_slice()).collect(),
        ),
    ]
}
