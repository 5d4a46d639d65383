//! One file per state type: what the state does between entering and
//! leaving, in JSONPath and JSONata states.

mod choice;
mod map;
mod map_item_reader;
mod map_result_writer;
mod parallel;
mod pass;
mod result;
pub(crate) mod task;
mod terminal;
mod wait;

use stepfn::model::Json;

use super::{io, StateRoots};
use crate::eval::Roots;
use crate::jsonata;

/// The `$states` object and scope of a JSONata evaluation, built together
/// because the scope borrows the object.
pub(crate) struct JsonataEnv {
    pub(crate) states: Json,
}

impl JsonataEnv {
    /// `$states` with `input` and the Context Object, and `result` when
    /// given.
    pub(crate) fn new(roots: &StateRoots<'_>, input: &Json, result: Option<&Json>) -> JsonataEnv {
        JsonataEnv {
            states: io::states_object(input, roots.context(), result, None),
        }
    }

    /// The scope to evaluate in.
    pub(crate) fn scope<'s>(
        &'s self,
        roots: &'s StateRoots<'_>,
        millis: i64,
    ) -> jsonata::Scope<'s> {
        jsonata::Scope {
            states: &self.states,
            variables: roots.variables(),
            millis,
            seed: roots.random(),
        }
    }
}
