//! Integration tests: one binary, one module per concern.

mod corpus;
mod prelude;
mod read_errors;
mod schema;
