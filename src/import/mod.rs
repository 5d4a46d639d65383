//! ASL to Rust: builder code that builds a given definition.

mod code;
mod layout;
mod literal;
