//! One expression per state: its builder, with a setter for each field the
//! definition gives it, in ASL's canonical order. Transitions are not
//! here: a state's `Next` is written where the states are put together
//! (`scope`), Choice, Catch and Default targets as `Goto::new("...")`.

mod choice;
mod flow;
mod map;
mod parallel;
mod task;

pub(crate) use map::map_builder;
pub(crate) use task::after_input;

use crate::model::{QueryLanguage, State};

use super::code::Expr;
use super::cx::FnCx;

/// What writing one state needs besides the state.
pub(crate) struct StateCx<'a> {
    /// The state's name.
    pub(crate) name: &'a str,
    /// The query language the state's fields are written in.
    pub(crate) language: QueryLanguage,
    /// The functions giving its Parallel branches or Map processor, in order.
    pub(crate) scopes: &'a [String],
}

/// The builder expression of `state`.
pub(crate) fn state(cx: &mut FnCx<'_>, at: &StateCx<'_>, state: &State) -> Expr {
    match state {
        State::Task(task) => task::task(cx, at, task),
        State::Pass(pass) => flow::pass(cx, at, pass),
        State::Wait(wait) => flow::wait(cx, at, wait),
        State::Succeed(succeed) => flow::succeed(cx, at, succeed),
        State::Fail(fail) => flow::fail(at, fail),
        State::Choice(choice) => choice::choice(cx, at, choice),
        State::Parallel(parallel) => parallel::parallel(cx, at, parallel),
        State::Map(map) => map::map(cx, at, map, state),
    }
}
