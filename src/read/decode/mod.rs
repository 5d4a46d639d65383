//! Turning a parsed JSON tree into the model, one ASL object type per file.

mod catch;
mod choice;
mod document;
mod fail;
mod language;
mod machine;
mod map;
mod map_distributed;
mod parallel;
mod pass;
mod resource;
mod retry;
mod state;
mod succeed;
mod task;
mod transition;
mod wait;

pub(crate) use document::document;
pub(crate) use machine::machine;
pub(crate) use state::state;
