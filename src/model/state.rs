//! `State`: one of the eight state types, tagged by `Type`.

use serde::Serialize;

use super::fields::StateType;
use super::{
    Catcher, Choice, Fail, Map, Parallel, Pass, QueryLanguage, Retrier, Succeed, Task, Wait,
};

/// A state, written with `"Type"` first.
///
/// Every state type is boxed, so that a `State` is two words (a `States`
/// map of many states stays compact); `From` builds any variant from its
/// state type.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "Type")]
pub enum State {
    /// `"Type": "Task"`
    Task(Box<Task>),
    /// `"Type": "Pass"`
    Pass(Box<Pass>),
    /// `"Type": "Wait"`
    Wait(Box<Wait>),
    /// `"Type": "Choice"`
    Choice(Box<Choice>),
    /// `"Type": "Parallel"`
    Parallel(Box<Parallel>),
    /// `"Type": "Map"`
    Map(Box<Map>),
    /// `"Type": "Succeed"`
    Succeed(Box<Succeed>),
    /// `"Type": "Fail"`
    Fail(Box<Fail>),
}

impl State {
    /// The `Type` as written in ASL: `"Task"`, `"Pass"`, ...
    ///
    /// ```
    /// let machine = stepfn::read::read_str(r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#)?;
    /// assert_eq!(machine.states["A"].type_name(), "Succeed");
    /// # Ok::<(), stepfn::problem::Problems>(())
    /// ```
    #[must_use]
    pub fn type_name(&self) -> &'static str {
        self.state_type().name()
    }

    /// The state's type.
    ///
    /// ```
    /// use stepfn::model::fields::StateType;
    /// let machine = stepfn::read::read_str(r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#)?;
    /// assert_eq!(machine.states["A"].state_type(), StateType::Succeed);
    /// # Ok::<(), stepfn::problem::Problems>(())
    /// ```
    #[must_use]
    pub fn state_type(&self) -> StateType {
        match self {
            State::Task(_) => StateType::Task,
            State::Pass(_) => StateType::Pass,
            State::Wait(_) => StateType::Wait,
            State::Choice(_) => StateType::Choice,
            State::Parallel(_) => StateType::Parallel,
            State::Map(_) => StateType::Map,
            State::Succeed(_) => StateType::Succeed,
            State::Fail(_) => StateType::Fail,
        }
    }

    /// The state's own `QueryLanguage`, if it sets one.
    #[must_use]
    pub fn query_language(&self) -> Option<QueryLanguage> {
        match self {
            State::Task(s) => s.query_language,
            State::Pass(s) => s.query_language,
            State::Wait(s) => s.query_language,
            State::Choice(s) => s.query_language,
            State::Parallel(s) => s.query_language,
            State::Map(s) => s.query_language,
            State::Succeed(s) => s.query_language,
            State::Fail(s) => s.query_language,
        }
    }

    /// The state's `Comment`, if it has one.
    #[must_use]
    pub fn comment(&self) -> Option<&str> {
        match self {
            State::Task(s) => s.comment.as_deref(),
            State::Pass(s) => s.comment.as_deref(),
            State::Wait(s) => s.comment.as_deref(),
            State::Choice(s) => s.comment.as_deref(),
            State::Parallel(s) => s.comment.as_deref(),
            State::Map(s) => s.comment.as_deref(),
            State::Succeed(s) => s.comment.as_deref(),
            State::Fail(s) => s.comment.as_deref(),
        }
    }
}

impl State {
    /// The state's `Next`, if it has one (a Choice's `Default` is not a `Next`).
    ///
    /// ```
    /// let machine = stepfn::read::read_str(r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Succeed"}}}"#)?;
    /// assert_eq!(machine.states["A"].next(), Some("B"));
    /// assert_eq!(machine.states["B"].next(), None);
    /// # Ok::<(), stepfn::problem::Problems>(())
    /// ```
    #[must_use]
    pub fn next(&self) -> Option<&str> {
        match self {
            State::Task(s) => s.transition.next(),
            State::Pass(s) => s.transition.next(),
            State::Wait(s) => s.transition.next(),
            State::Parallel(s) => s.transition.next(),
            State::Map(s) => s.transition.next(),
            State::Choice(_) | State::Succeed(_) | State::Fail(_) => None,
        }
    }

    /// Whether the state can end its `States` object: `"End": true`,
    /// Succeed or Fail.
    ///
    /// ```
    /// let machine = stepfn::read::read_str(r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}"#)?;
    /// assert!(machine.states["A"].is_terminal());
    /// # Ok::<(), stepfn::problem::Problems>(())
    /// ```
    #[must_use]
    pub fn is_terminal(&self) -> bool {
        match self {
            State::Succeed(_) | State::Fail(_) => true,
            State::Choice(_) => false,
            _ => self.next().is_none(),
        }
    }

    /// The state's `Retry` (empty for states that take none).
    ///
    /// ```
    /// let machine = stepfn::read::read_str(r#"{"StartAt": "A", "States": {"A": {"Type": "Task",
    ///     "Resource": "arn:aws:states:::lambda:invoke", "End": true,
    ///     "Retry": [{"ErrorEquals": ["States.Timeout"]}]}}}"#)?;
    /// assert_eq!(machine.states["A"].retriers()[0].error_equals, ["States.Timeout"]);
    /// # Ok::<(), stepfn::problem::Problems>(())
    /// ```
    #[must_use]
    pub fn retriers(&self) -> &[Retrier] {
        let retry = match self {
            State::Task(s) => s.retry.as_deref(),
            State::Parallel(s) => s.retry.as_deref(),
            State::Map(s) => s.retry.as_deref(),
            _ => None,
        };
        retry.unwrap_or_default()
    }

    /// The state's `Catch` (empty for states that take none).
    ///
    /// ```
    /// let machine = stepfn::read::read_str(r#"{"StartAt": "A", "States": {"A": {"Type": "Task",
    ///     "Resource": "arn:aws:states:::lambda:invoke", "End": true,
    ///     "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "A"}]}}}"#)?;
    /// assert_eq!(machine.states["A"].catchers()[0].next, "A");
    /// # Ok::<(), stepfn::problem::Problems>(())
    /// ```
    #[must_use]
    pub fn catchers(&self) -> &[Catcher] {
        let catch = match self {
            State::Task(s) => s.catch.as_deref(),
            State::Parallel(s) => s.catch.as_deref(),
            State::Map(s) => s.catch.as_deref(),
            _ => None,
        };
        catch.unwrap_or_default()
    }
}

macro_rules! state_from {
    ($($t:ident => $wrap:expr),*) => {$(
        impl From<$t> for State {
            fn from(state: $t) -> State {
                State::$t($wrap(state))
            }
        }
    )*};
}
state_from!(Task => Box::new, Pass => Box::new, Parallel => Box::new, Map => Box::new,
            Wait => Box::new, Choice => Box::new, Succeed => Box::new, Fail => Box::new);
