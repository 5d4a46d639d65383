//! The simulator against AWS's behaviour, scenario by scenario.

mod callbacks;
mod choice;
mod coverage;
mod data_flow;
mod determinism;
mod distributed_map;
mod examples;
mod history;
mod jsonata;
mod limits;
mod mocks;
mod parallel_map;
mod properties;
mod readme;
mod retry_catch;
mod sources;
mod support;
mod test_state;
mod variables;
mod waits;
