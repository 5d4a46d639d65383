//! Integration tests: one binary, one module per concern.

mod builder;
mod builder_examples;
mod builder_props;
mod conformance;
mod corpus;
mod examples;
mod fixtures;
mod read_errors;
pub(crate) mod round_trip_props;
#[cfg(feature = "schema")]
mod schema;
mod tasks;
mod validate_props;
