//! Intrinsic function calls (`States.Format('{}', $.x)` …), parsed to a
//! [`Call`] tree and checked against the [`Function`] catalogue.
//!
//! ```text
//! call := name '(' blank* (arg (blank* ',' blank* arg)*)? blank* ')'
//! name := [A-Za-z0-9._]+                    (must be a catalogue name)
//! arg  := 'string' | number | true | false | null | Path | call
//! ```
//!
//! The whole field value is one call; blanks may follow the final `)` but
//! may not precede the name. String literals allow only the escapes `\'`,
//! `\{`, `\}` and `\\`, judged on the JSON-decoded string (`escape.rs`).
//! Paths are parsed with the full Path grammar. At most 10 calls are
//! allowed per field, nested ones included, which also bounds recursion.
//!
//! Literal arguments are checked against the catalogue's [`ArgKind`]s
//! (`check.rs`): a slot for an array, an object or a Path takes no literal,
//! so `States.JsonToString('x')` is rejected.
//!
//! Files: `catalogue` (the 18 functions), `ast` (the tree), `parse` (the
//! parser), `check` (argument rules), `escape` (string literals).

mod ast;
mod catalogue;
mod check;
mod escape;
mod parse;
#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

pub use ast::{Arg, ArgValue, Call};
pub use catalogue::{ArgKind, Arity, Function, HashAlgorithm, LiteralKind};
pub use escape::{string_literal, template_literal, unescape};

use super::SyntaxError;
use parse::Parser;

/// Parses a value that must be exactly one intrinsic function call
/// (trailing blanks after the final `)` allowed, leading blanks not).
///
/// Checks the name against the catalogue (suggesting the closest known
/// name), the arity, string-literal escapes, Path arguments, the total
/// number of calls (at most 10) and the kinds of literal arguments (e.g.
/// `States.MathAdd(1,'-1')` is rejected).
///
/// ```
/// use stepfn::syntax::intrinsic::{parse_intrinsic, ArgValue, Function};
/// let call = parse_intrinsic("States.MathAdd($.count, 1)")?;
/// assert_eq!(call.function, Function::MathAdd);
/// assert!(matches!(call.args[1].value, ArgValue::Number(_)));
///
/// let err = parse_intrinsic("States.MathAdd(1,'-1')").unwrap_err();
/// assert_eq!(err.offset, 17);
/// assert!(err.message.contains("must be a number"));
/// let err = parse_intrinsic("States.JsonToString('{}')").unwrap_err();
/// assert!(err.message.contains("must be a Path"));
/// # Ok::<(), stepfn::syntax::SyntaxError>(())
/// ```
pub fn parse_intrinsic(s: &str) -> Result<Call, SyntaxError> {
    if s.starts_with(char::is_whitespace) {
        return Err(SyntaxError::new(
            0,
            "remove the blank(s) before the intrinsic function name: the call must be the \
             whole value",
        ));
    }
    let mut p = Parser::new(s);
    let call = p.call()?;
    p.cursor.skip_blanks();
    if let Some(c) = p.cursor.peek() {
        return Err(SyntaxError::new(
            p.cursor.pos,
            format!(
                "unexpected `{c}` after the closing `)` of `{}`: the intrinsic call must be the \
                 whole value",
                call.function
            ),
        ));
    }
    Ok(call)
}
