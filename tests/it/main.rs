//! Integration tests: one binary, one module per concern.

#[cfg(feature = "cli")]
mod cli;
mod builder;
mod builder_examples;
mod builder_props;
mod conformance;
mod corpus;
mod examples;
mod prelude;
mod read_errors;
pub(crate) mod round_trip_props;
mod schema;
mod validate_props;
