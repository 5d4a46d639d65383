//! # stepfn-jsonata
//!
//! A JSONata 2.0.6 evaluator with the functions AWS Step Functions adds,
//! built on the JSONata parser of [`stepfn::syntax::jsonata`].
//!
//! AWS Step Functions evaluates every `{% … %}` expression of a JSONata
//! state with jsonata-js 2.0.6, without `$eval` and with `$partition`,
//! `$range`, `$hash`, `$random([seed])`, `$uuid()` and `$parse` added. This
//! crate evaluates the same language with the same results and the same
//! error codes: sequences and their collapse to a single value, undefined
//! versus `null`, `[]`, `@`, `#` and `%` in paths, predicates, group-by,
//! order-by, transforms, regular expressions, lambdas and closures, partial
//! application, tail calls, signatures, and every standard function with
//! its picture strings. Numbers are IEEE doubles and object keys keep their
//! order.
//!
//! Strings are Rust strings, so they cannot hold a lone UTF-16 surrogate as
//! JavaScript's can. A string literal escape `\uD800`–`\uDFFF` without its
//! other half reads as U+FFFF ([`stepfn::syntax::jsonata::LONE_SURROGATE`],
//! a noncharacter Unicode keeps for a program's internal use): it counts as
//! one character, as the lone surrogate does in jsonata-js, and
//! `$encodeUrl` and `$encodeUrlComponent` reject it with `D3140`, as
//! jsonata-js rejects a lone surrogate. A result holds U+FFFF where
//! jsonata-js's would hold the surrogate. Two halves written apart and
//! joined later (`'\uD83D' & '\uDE00'`) stay two U+FFFF, where JavaScript
//! would see one character, and an input string holding U+FFFF itself is
//! rejected by the two functions too.
//!
//! ```
//! use stepfn_jsonata::{Bindings, Environment, Expression};
//! let run = |text: &str| {
//!     Expression::compile(text)?.evaluate_with(None, &Bindings::new(), &Environment::new())
//! };
//! assert_eq!(run(r"$encodeUrl('\ud800')").unwrap_err().code, "D3140");
//! assert_eq!(run(r"$length('a\udc00b')")?, Some(stepfn::model::Json::Number(3u64.into())));
//! assert_eq!(run(r"$encodeUrl('\uD83D\uDE00')")?, Some("%F0%9F%98%80".into()));
//! # Ok::<(), stepfn_jsonata::Error>(())
//! ```
//!
//! ```
//! use stepfn::model::Json;
//! use stepfn_jsonata::{Bindings, Environment, Expression};
//!
//! // compile once …
//! let expr = Expression::compile(
//!     r#"$states.input.orders[status = "open"].{ "id": id, "total": $sum(lines.amount) }"#,
//! )?;
//! // … evaluate many times, with `$states` bound as a Step Functions state sees it
//! let states: Json = serde_json::from_str(r#"{"input": {"orders": [
//!     {"id": 1, "status": "open", "lines": [{"amount": 5}, {"amount": 7}]},
//!     {"id": 2, "status": "shipped", "lines": []}
//! ]}}"#)?;
//! let result = expr.evaluate_with(None, &Bindings::new().bind("states", &states), &Environment::new())?;
//! assert_eq!(serde_json::to_string(&result)?, r#"{"id":1,"total":12}"#);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! With a fixed clock and seed, and a result that is a single value (`None`
//! would be undefined):
//!
//! ```
//! use stepfn::model::Json;
//! use stepfn_jsonata::{Bindings, Environment, Expression};
//!
//! let expr = Expression::compile(r#"$states.input.orders[status = "open"].id"#)?;
//! let states: Json = serde_json::from_str(r#"{"input": {"orders": [{"id": 1, "status": "open"}]}}"#)?;
//! let env = Environment::new().at_millis(1_700_000_000_000).with_seed(7); // fixed $now() and $uuid()
//! let result = expr.evaluate_with(None, &Bindings::new().bind("states", &states), &env)?;
//! assert_eq!(result, Some(Json::Number(1u64.into()))); // None is undefined
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Evaluation never panics and never overflows the stack: nesting depth,
//! evaluation steps and memory are limited ([`Environment`]), and going
//! past a limit is an [`Error`] like any other. Regular expressions run on
//! the linear-time `regex` crate. With a fixed clock and seed
//! ([`Environment::at_millis`], [`Environment::with_seed`]) evaluation is
//! deterministic.
//!
//! Layout: `compile` (syntax tree to compiled tree, `ir`), `eval` (the
//! evaluator, one file per construct), `value` (values in an arena, JSON
//! conversion, text), `functions` (the library), `signature` (argument
//! checking), `regex` (JavaScript patterns on the `regex` crate),
//! `random` (the seeded generator that `$random`, `$uuid` and the
//! simulator share).

mod compile;
mod error;
mod eval;
mod expression;
mod functions;
mod ir;
pub mod random;
mod regex;
mod signature;
mod value;

pub use error::Error;
pub use expression::{Bindings, Environment, Expression};

/// Writes a JSON value the way JavaScript's `JSON.stringify` writes it
/// (numbers as JavaScript prints them: `1e+21`, `0.1`, `-5`), compact or
/// indented by `indent` spaces.
///
/// ```
/// use stepfn::model::Json;
/// let value: Json = serde_json::from_str(r#"{"a": [1.0, 1e21, 0.5], "b": "x"}"#).unwrap();
/// assert_eq!(stepfn_jsonata::to_json_text(&value, 0), r#"{"a":[1,1e+21,0.5],"b":"x"}"#);
/// ```
#[must_use]
pub fn to_json_text(value: &stepfn::model::Json, indent: usize) -> String {
    let mut out = String::new();
    value::write_json_text(value, indent, 0, &mut out);
    out
}
