//! A chain becoming a nested scope: a Parallel branch or a Map processor.
//!
//! Nesting is bounded here, as each level is built: a chain whose states
//! already nest as deep as a definition can be written is refused and
//! dropped (it is at most that deep, so dropping it is safe), so no builder
//! value ever nests deep enough for cloning, dropping or writing it to
//! exhaust the stack.

use crate::model::graph::nesting;
use crate::model::{State, States, Succeed};
use crate::problem::{Code, Path};
use crate::read::MAX_NESTING_DEPTH;

use super::graph::Pending;
use super::IntoChain;

/// The most levels of Parallel branches and Map processors a built machine
/// may nest: each level takes at least three levels of JSON objects (the
/// state, its `ItemProcessor`, its `States`), and JSON text nests at most
/// [`MAX_NESTING_DEPTH`] levels.
pub(crate) const MAX_SCOPE_NESTING: usize = MAX_NESTING_DEPTH / 3;

/// The start and states of a nested scope built from `chain`, and its
/// problems; `owner` and `field` place a problem of nesting too deep.
pub(crate) fn nested_scope<C: IntoChain>(
    chain: C,
    owner: &str,
    field: Path,
) -> (String, States, Vec<Pending>) {
    let (start_at, states, mut problems) = chain.into_piece().into_states();
    if nesting(&states) + 1 < MAX_SCOPE_NESTING {
        return (start_at, states, problems);
    }
    drop(states);
    problems.push(Pending::new(
        owner,
        field,
        Code::TooDeeplyNested,
        format!(
            "Parallel branches and Map processors nest more than {MAX_SCOPE_NESTING} levels deep \
             here: no definition can be written that deep; move the inner part into a child \
             state machine"
        ),
    ));
    // A stand-in, so the refusal is the only problem reported.
    let mut stand_in = States::with_capacity_and_hasher(1, crate::model::NameHasher::default());
    stand_in.insert(start_at.clone(), State::from(Succeed::default()));
    (start_at, stand_in, problems)
}
