//! JSONPath **Paths** and **Reference Paths** as AWS Step Functions accepts
//! them (the Jayway dialect plus backslash escapes in dot-names), parsed to
//! a [`Path`] tree.
//!
//! Grammar accepted by [`parse_path`] (blanks are allowed inside brackets and
//! filters, nowhere else):
//!
//! ```text
//! path     := root step*
//! root     := '$$' | '$' ident | '$'            (context | variable | input)
//! step     := '.' name | '.*' | '.' bracket | '..' (name | '*' | bracket)
//!           | bracket
//! name     := (char | '\' any-char)+            stops at '.', '[' and blanks
//! bracket  := '[' ( quoted (',' quoted)*        ['a'] ["a"] ['a','b']
//!                 | int (',' int)*              [0] [-1] [0,1]
//!                 | int? ':' int? (':' int?)?   [1:2:3] [-3:] [:]
//!                 | '*'
//!                 | '?' '(' filter ')'          see `filter.rs`
//!                 | '(' arith ')'               script index, see `script.rs`
//!                 ) ']'
//! ```
//!
//! Indexes are 32-bit signed integers. [`parse_reference_path`] accepts only
//! `.name`, `['name']` and `[index]` steps (non-negative index) and rejects
//! unescaped `@ , : ? * ( ) ]` in dot-names (`reference.rs`).
//!
//! Filters and script expressions may nest at most 32 levels, which bounds
//! the recursion of the parser and of every walk over the tree; parsing is
//! a single left-to-right pass.
//!
//! Files: `ast` (the tree), `parse` (root, steps, names, brackets), `plain`
//! (the common `$.a.b` shape in one pass over bytes),
//! `filter` and `script` (the expressions inside brackets), `reference`
//! (the Reference Path rules), `display` (canonical text).

mod ast;
mod display;
mod filter;
mod parse;
mod plain;
#[cfg(test)]
mod proptests;
mod reference;
mod script;
#[cfg(test)]
mod tests;

pub use ast::{
    ArithOp, Arithmetic, Comparison, Filter, Operand, Path, PathRoot, Selector, Slice, Step,
};
pub(crate) use display::write_field;

use super::SyntaxError;
use parse::{Ctx, Parser};
use reference::Mode;

/// Parses a full Path (`InputPath`, `OutputPath`, `.$` values, Choice
/// `Variable` and `…Path` operands, intrinsic arguments).
///
/// Accepts the `$`, `$$` and `$name` roots followed by `.name`, `['name']`,
/// `[0]`, `[*]`, `.*`, `..name`, slices `[1:2:3]` (negative and empty parts
/// allowed), unions `[0,1]` / `['a','b']`, filters
/// `[?(@.a >= 5 && @.b == 'x')]` (comparison and logical operators, literals
/// including unquoted words, `@` paths, nested parentheses), the script index
/// `[(@.length-1)]`, and backslash escapes in dot-names. No blanks are allowed
/// outside brackets, so leading or trailing blanks are errors.
///
/// ```
/// use stepfn::syntax::path::{parse_path, PathRoot, Selector, Step};
/// let path = parse_path("$$.Execution.Input.items[*]")?;
/// assert_eq!(path.root, PathRoot::Context);
/// assert_eq!(path.steps.last(), Some(&Step::Child(Selector::Wildcard)));
///
/// let err = parse_path("$.a b").unwrap_err();
/// assert_eq!(err.offset, 3);
/// assert!(err.message.contains("blank"));
/// # Ok::<(), stepfn::syntax::SyntaxError>(())
/// ```
pub fn parse_path(s: &str) -> Result<Path, SyntaxError> {
    parse_whole(s, Mode::Full, true)
}

/// Parses a Reference Path (`ResultPath`, `ItemsPath`, every other `…Path`
/// field): a Path that identifies a single node, so only `.name`,
/// `['name']` and `[index]` steps are allowed — no `*`, `..`, filters,
/// slices, unions or `@`.
///
/// Callers apply field rules to the root, such as "`ResultPath` must not
/// start with `$$` nor name a variable".
///
/// ```
/// use stepfn::syntax::path::{parse_reference_path, PathRoot, Selector, Step};
/// let path = parse_reference_path("$.results['by id'][2]")?;
/// assert_eq!(path.root, PathRoot::Input);
/// assert_eq!(path.steps[2], Step::Child(Selector::Index(2)));
///
/// let err = parse_reference_path("$.items[*]").unwrap_err();
/// assert!(err.message.contains("wildcard"));
/// # Ok::<(), stepfn::syntax::SyntaxError>(())
/// ```
pub fn parse_reference_path(s: &str) -> Result<Path, SyntaxError> {
    parse_whole(s, Mode::Reference, true)
}

/// Checks a full Path as [`parse_path`] does (same verdict, same errors)
/// and returns only its root, without keeping names and steps: for callers
/// that need the verdict alone, such as a validator.
///
/// ```
/// use stepfn::syntax::path::{check_path, PathRoot};
/// assert_eq!(check_path("$$.Execution.Input[0]"), Ok(PathRoot::Context));
/// assert!(check_path("$.a[").is_err());
/// ```
pub fn check_path(s: &str) -> Result<PathRoot, SyntaxError> {
    parse_whole(s, Mode::Full, false).map(|path| path.root)
}

/// Checks a Reference Path as [`parse_reference_path`] does (same verdict,
/// same errors) and returns only its root.
///
/// ```
/// use stepfn::syntax::path::{check_reference_path, PathRoot};
/// assert_eq!(check_reference_path("$total.amount"), Ok(PathRoot::Variable("total".into())));
/// assert!(check_reference_path("$.items[*]").is_err());
/// ```
pub fn check_reference_path(s: &str) -> Result<PathRoot, SyntaxError> {
    parse_whole(s, Mode::Reference, false).map(|path| path.root)
}

/// Parses all of `s` as a path of the given grammar; `build` keeps the
/// names and steps.
fn parse_whole(s: &str, mode: Mode, build: bool) -> Result<Path, SyntaxError> {
    if let Some(path) = plain::plain_path(s, build) {
        return Ok(path);
    }
    let mut p = Parser::new(s, 0, mode, build);
    let root = p.root()?;
    let steps = p.steps(Ctx::Standalone, 0)?;
    p.finish()?;
    Ok(Path { root, steps })
}

/// Parses the full Path that starts at byte `start` of `s` and is an argument
/// of an intrinsic call; returns it with the byte offset just past it.
///
/// The path ends before a blank, `,` or `)` that is not inside brackets; the
/// caller checks what follows. Error offsets are relative to `s`.
pub(super) fn parse_path_argument(s: &str, start: usize) -> Result<(Path, usize), SyntaxError> {
    let mut p = Parser::new(s, start, Mode::Full, true);
    let root = p.root()?;
    let steps = p.steps(Ctx::Argument, 0)?;
    Ok((Path { root, steps }, p.pos))
}
