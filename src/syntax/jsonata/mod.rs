//! JSONata, as AWS Step Functions runs it (version 2.0.6): the lexer, a
//! Pratt parser that applies the checks JSONata makes while parsing, and the
//! syntax tree that the validator checks and an evaluator runs.
//!
//! [`parse`] turns an expression into a [`Node`] tree or a [`ParseError`]
//! carrying JSONata's error code. Offsets are byte offsets into the
//! expression. The grammar is 2.0.6's: a `;` sequence needs parentheses, the
//! 2.1 operators `??` and `?:` do not exist, and a regular-expression literal
//! must be one JavaScript compiles ([`parse_pattern`] reads its pattern).
//!
//! ```
//! use stepfn::syntax::jsonata::{parse, Kind, OpKind};
//! let tree = parse("$states.input.items[price > 5]")?;
//! let Kind::Chain { head, ops } = &tree.kind else { unreachable!() };
//! assert_eq!(head.as_variable(), Some("states"));
//! // two steps, `.input` and `.items[price > 5]`: a predicate belongs to its step
//! assert_eq!(ops.len(), 2);
//! assert!(matches!(&ops[1].kind, OpKind::Step(step) if matches!(step.kind, Kind::Chain { .. })));
//! assert_eq!(parse("$x := 1; $x").unwrap_err().code, "S0201");
//! # Ok::<(), stepfn::syntax::jsonata::ParseError>(())
//! ```
//!
//! Files: `lexer` (tokens), `parser` (the Pratt parser and its parse-time
//! rules), `ast` (the tree), `signature` (lambda signatures), `regex` (the
//! ECMAScript pattern syntax of regex literals), `parent` (the `%`
//! operator), `error` ([`ParseError`]).

mod ast;
mod error;
mod lexer;
mod parent;
mod parser;
mod regex;
mod signature;

pub use ast::{Arg, BinaryOp, Item, Kind, Node, Op, OpKind, RegexLiteral, SortTerm};
pub use error::ParseError;
pub use lexer::LONE_SURROGATE;
pub use parser::{parse, MAX_NESTING};
pub use regex::{parse_pattern, ClassEscape, GroupKind, PatternError, RegexItem, SetMember};
pub use signature::{Signature, SignatureParam};
