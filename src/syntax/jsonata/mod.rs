//! JSONata, as AWS Step Functions runs it (version 2.0.6): the lexer, a
//! Pratt parser that applies the checks JSONata makes while parsing, and the
//! syntax tree that the validator checks and the evaluator runs.
//!
//! Files: `lexer` (tokens), `parser` (the Pratt parser and its parse-time
//! rules), `ast` (the tree), `signature` (lambda signatures), `parent` (the
//! `%` operator).

pub(crate) mod ast;
mod lexer;
mod parent;
pub(crate) mod parser;
mod signature;

pub use super::SyntaxError;
