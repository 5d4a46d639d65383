//! # stepfn-sim
//!
//! Runs AWS Step Functions state machines in-process, with AWS's semantics.

mod eval;
mod json;
mod rng;
