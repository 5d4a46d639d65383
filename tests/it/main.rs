//! Integration tests: one binary, one module per concern.

mod builder;
mod builder_examples;
mod builder_execution_id;
mod builder_props;
mod conformance;
mod corpus;
mod diagrams;
mod diff;
mod examples;
mod fields_table;
mod fixtures;
mod import;
mod import_round_trip;
mod read_errors;
mod round_trip_props;
mod stress;
mod tasks;
mod templates;
mod validate_props;
