//! `State`: one of the eight state types, tagged by `Type`.

use serde::Serialize;

use super::{Choice, Fail, Map, Parallel, Pass, QueryLanguage, Succeed, Task, Wait};

/// A state, written with `"Type"` first.
///
/// Every state type but the small `Fail` is boxed, so that a `State` is small
/// (a `States` map of many states stays compact); `From` builds any variant
/// from its state type.
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
    Fail(Fail),
}

impl State {
    /// The `Type` as written in ASL: `"Task"`, `"Pass"`, ...
    #[must_use]
    pub fn type_name(&self) -> &'static str {
        match self {
            State::Task(_) => "Task",
            State::Pass(_) => "Pass",
            State::Wait(_) => "Wait",
            State::Choice(_) => "Choice",
            State::Parallel(_) => "Parallel",
            State::Map(_) => "Map",
            State::Succeed(_) => "Succeed",
            State::Fail(_) => "Fail",
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
            Wait => Box::new, Choice => Box::new, Succeed => Box::new,
            Fail => std::convert::identity);
