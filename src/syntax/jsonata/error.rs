//! [`ParseError`]: why an expression does not parse, with JSONata's code.

use std::fmt;

use crate::syntax::SyntaxError;

/// An expression JSONata 2.0.6 rejects while parsing.
///
/// ```
/// use stepfn::syntax::jsonata::parse;
/// let e = parse("1 +").unwrap_err();
/// assert_eq!((e.code, e.offset), ("S0207", 3));
/// assert_eq!(e.to_string(), "S0207: expected an expression after `+` (at byte 3)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// JSONata's error code: `S0101`–`S0106` (tokens), `S0201`–`S0217`
    /// (grammar), `S0301`–`S0302` (regex literal bounds), `S0401`–`S0402`
    /// (signatures). Two codes are this crate's own: `S0303`, a regular
    /// expression JavaScript cannot compile, and `U1001`, nesting deeper
    /// than [`MAX_NESTING`](super::MAX_NESTING).
    pub code: &'static str,
    /// Byte offset in the expression where the problem was found.
    pub offset: usize,
    /// What is wrong and, where it helps, what to write instead.
    pub message: String,
}

impl ParseError {
    /// A parse error with `code` at byte `offset`.
    pub(crate) fn new(code: &'static str, offset: usize, message: impl Into<String>) -> Self {
        ParseError {
            code,
            offset,
            message: message.into(),
        }
    }
}

impl fmt::Display for ParseError {
    /// Formats as `<code>: <message> (at byte <offset>)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} (at byte {})",
            self.code, self.message, self.offset
        )
    }
}

impl std::error::Error for ParseError {}

impl From<ParseError> for SyntaxError {
    fn from(e: ParseError) -> SyntaxError {
        SyntaxError::new(e.offset, e.message)
    }
}
