//! The IAM policy a state machine's role needs to run its tasks.

mod statement;

pub use statement::Statement;
