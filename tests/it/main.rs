//! Integration tests: one binary, one module per concern.

mod builder;
mod builder_examples;
mod builder_props;
#[cfg(feature = "cli")]
mod cli;
mod conformance;
mod corpus;
mod examples;
mod prelude;
mod read_errors;
pub(crate) mod round_trip_props;
mod schema;
mod validate_props;
