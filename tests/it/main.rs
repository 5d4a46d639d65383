//! Integration tests: one binary, one module per concern.

#[cfg(feature = "cli")]
mod cli;
mod conformance;
mod corpus;
mod examples;
mod prelude;
mod read_errors;
mod round_trip_props;
mod schema;
