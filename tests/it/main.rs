//! Integration tests: one binary, one module per concern.

mod corpus;
mod prelude;
mod schema;
