//! Turning a parsed JSON tree into the model, one ASL object type per file.

mod choice;
mod common;
mod machine;
mod map;
mod map_distributed;
mod other_states;
mod parallel;
mod state;
mod task;

pub(crate) use machine::machine;
pub(crate) use state::state;
