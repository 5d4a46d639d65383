//! Benchmarks of stepfn, kept in their own package so that building an example
//! or the library never compiles criterion. Run them with
//! `cargo bench -p stepfn-bench`; the peer comparisons are scripts in
//! `benches/` that print medians and ratios.

pub mod inputs;
