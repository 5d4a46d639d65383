//! Parsers for the string-valued mini-languages inside an Amazon States
//! Language definition, as AWS judges them at `CreateStateMachine` time.
//! Each returns a tree that the validator checks and an evaluator can run:
//!
//! * JSONPath **Paths** and **Reference Paths**: [`path::parse_path`],
//!   [`path::parse_reference_path`] give a [`path::Path`];
//! * **intrinsic function** calls such as `States.Format('{}', $.x)`:
//!   [`intrinsic::parse_intrinsic`] gives a [`intrinsic::Call`], checked
//!   against the catalogue of the 18 functions, [`intrinsic::Function`];
//! * **RFC 3339 timestamps** in the profile Step Functions accepts:
//!   [`timestamp::parse_timestamp`] gives a [`timestamp::Timestamp`];
//! * **JSONata** expressions: [`jsonata`].
//!
//! Every parser works on the already JSON-decoded string, never panics,
//! runs in linear time and uses bounded recursion, so it is safe on any
//! input; the trees it builds are as shallow as that recursion, so walking
//! or dropping them is safe too. Errors carry the byte offset of the
//! problem in the parsed string and a message that says what is wrong and
//! how to fix it.

mod cursor;
pub mod intrinsic;
pub mod jsonata;
pub mod path;
#[cfg(test)]
mod tests;
pub mod timestamp;

use std::fmt;

pub use intrinsic::{parse_intrinsic, Call, Function};
pub use path::{
    check_path, check_reference_path, parse_path, parse_reference_path, Path, PathRoot,
};
pub use timestamp::{is_rfc3339, parse_timestamp, Timestamp};

/// A syntax problem found in a path, intrinsic call, timestamp or JSONata
/// expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Byte offset in the checked string where the problem was detected.
    pub offset: usize,
    /// Human-readable description: what is wrong and what to do about it.
    pub message: String,
}

impl SyntaxError {
    /// Creates an error at byte `offset` with the given message.
    pub(crate) fn new(offset: usize, message: impl Into<String>) -> Self {
        SyntaxError {
            offset,
            message: message.into(),
        }
    }
}

impl fmt::Display for SyntaxError {
    /// Formats as `<message> (at byte <offset>)`.
    ///
    /// ```
    /// let err = stepfn::syntax::parse_path("$.a b").unwrap_err();
    /// assert!(err.to_string().ends_with("(at byte 3)"));
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at byte {})", self.message, self.offset)
    }
}

impl std::error::Error for SyntaxError {}

/// The value of a payload-template key ending in `.$`: a Path or an
/// intrinsic function call.
#[derive(Debug, Clone, PartialEq)]
pub enum PathOrIntrinsic {
    /// A value starting with `$`.
    Path(Path),
    /// Any other value: one intrinsic call.
    Intrinsic(Call),
}

/// Parses a value that AWS reads as "a Path or an intrinsic function call":
/// the value of a payload-template key ending in `.$` (in `Parameters`,
/// `ResultSelector`, `ItemSelector`, `Assign`, `Credentials`, …).
///
/// A string starting with `$` must be a valid Path ([`parse_path`]); any
/// other string must be exactly one intrinsic call ([`parse_intrinsic`]).
///
/// ```
/// use stepfn::syntax::{parse_path_or_intrinsic, Function, PathOrIntrinsic};
/// assert!(matches!(parse_path_or_intrinsic("$.a.b")?, PathOrIntrinsic::Path(_)));
/// let PathOrIntrinsic::Intrinsic(call) = parse_path_or_intrinsic("States.UUID()")? else {
///     panic!("expected a call");
/// };
/// assert_eq!(call.function, Function::Uuid);
/// assert!(parse_path_or_intrinsic("prod-v1").is_err());
/// # Ok::<(), stepfn::syntax::SyntaxError>(())
/// ```
pub fn parse_path_or_intrinsic(s: &str) -> Result<PathOrIntrinsic, SyntaxError> {
    if s.starts_with('$') {
        return parse_path(s).map(PathOrIntrinsic::Path);
    }
    if s.trim().is_empty() {
        return Err(SyntaxError::new(
            0,
            "expected a Path starting with `$` or an intrinsic function call such as \
             `States.Format('…', $.x)`, found an empty value",
        ));
    }
    parse_intrinsic(s).map(PathOrIntrinsic::Intrinsic)
}

/// Checks a `.$` value as [`parse_path_or_intrinsic`] does (same verdict,
/// same errors), without keeping a Path's steps.
pub(crate) fn check_path_or_intrinsic(s: &str) -> Result<(), SyntaxError> {
    if s.starts_with('$') {
        return check_path(s).map(|_| ());
    }
    parse_path_or_intrinsic(s).map(|_| ())
}
