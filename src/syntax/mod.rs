//! Syntax checkers for the string-valued mini-languages inside an Amazon
//! States Language definition, as AWS judges them at `CreateStateMachine`
//! time:
//!
//! * JSONPath **Paths** (Jayway dialect as AWS accepts it) and **Reference
//!   Paths** — [`check_path`], [`check_reference_path`] (`path.rs`);
//! * **intrinsic function** calls such as `States.Format('{}', $.x)`, with the
//!   catalogue of the 18 built-in functions — [`check_intrinsic`]
//!   (`intrinsic.rs`);
//! * **RFC3339 timestamps** in the profile Step Functions accepts —
//!   [`is_rfc3339`] (`timestamp.rs`).
//!
//! Every checker works on the already JSON-decoded string, never panics,
//! runs in linear time and uses bounded recursion, so it is safe on any
//! input. Errors carry the byte offset of the problem in the checked string
//! and a message that says what is wrong and how to fix it.

mod intrinsic;
pub mod jsonata;
mod path;
mod timestamp;

use std::fmt;

pub(crate) use intrinsic::check_intrinsic;
pub(crate) use path::{check_path, check_reference_path};
pub(crate) use timestamp::is_rfc3339;

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
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at byte {})", self.message, self.offset)
    }
}

impl std::error::Error for SyntaxError {}

/// What a Path is evaluated against, decided by how it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PathRoot {
    /// `$…`: the state's input (or whatever the field applies to).
    Input,
    /// `$$…`: the Context Object.
    Context,
    /// `$name…`: the workflow variable `name` (the name, without `$`).
    Variable(String),
}

/// Checks a value that AWS reads as "a Path or an intrinsic function call":
/// the value of a payload-template key ending in `.$` (in `Parameters`,
/// `ResultSelector`, `ItemSelector`, `Assign`, `Credentials`, …).
///
/// A string starting with `$` must be a valid Path ([`check_path`]); any
/// other string must be exactly one intrinsic call ([`check_intrinsic`]).
/// Callers that accept only string-returning intrinsics (Fail
/// `ErrorPath`/`CausePath`) should call [`check_intrinsic`] themselves and
/// look at [`Intrinsic::returns_string`].
pub(crate) fn check_path_or_intrinsic(s: &str) -> Result<(), SyntaxError> {
    if s.starts_with('$') {
        return check_path(s).map(|_| ());
    }
    if s.trim().is_empty() {
        return Err(SyntaxError::new(
            0,
            "expected a Path starting with `$` or an intrinsic function call such as \
             `States.Format('…', $.x)`, found an empty value",
        ));
    }
    check_intrinsic(s).map(|_| ())
}

/// Unit tests.
#[cfg(test)]
mod tests {
    use super::*;

    /// Values starting with `$` are Paths, others intrinsic calls.
    #[test]
    fn dispatches_paths_and_intrinsics() {
        assert!(check_path_or_intrinsic("$.a.b").is_ok());
        assert!(check_path_or_intrinsic("$$.Execution.Id").is_ok());
        assert!(check_path_or_intrinsic("$var.x").is_ok());
        assert!(check_path_or_intrinsic("States.UUID()").is_ok());
        assert!(check_path_or_intrinsic("States.Format('{}', $.a)  ").is_ok());
    }

    /// Plain words, numbers and empty values are rejected.
    #[test]
    fn rejects_plain_words_and_empty_values() {
        for bad in [
            "",
            "   ",
            "ipsum",
            "not a path",
            "prod-v1",
            "True",
            "22",
            "$$23",
        ] {
            let err = check_path_or_intrinsic(bad).expect_err(bad);
            assert!(!err.message.is_empty(), "{bad}");
        }
        let err = check_path_or_intrinsic("").unwrap_err();
        assert!(err.message.contains("empty"), "{}", err.message);
    }

    /// A blank before an intrinsic call is rejected at offset 0.
    #[test]
    fn rejects_leading_blank_before_intrinsic() {
        let err = check_path_or_intrinsic(" States.Array('Foo', $.xyz, 'Bar', 2.3)").unwrap_err();
        assert_eq!(err.offset, 0);
        assert!(err.message.contains("blank"), "{}", err.message);
    }

    /// Pseudo-random inputs never panic and error offsets are char boundaries.
    #[test]
    fn random_inputs_never_panic_and_offsets_are_in_range() {
        let alphabet: Vec<char> = "$$..[]()''\"?@*:,-019aSs\\{}!=<>&| \téЖ_T"
            .chars()
            .collect();
        let prefixes = [
            "",
            "$",
            "$.",
            "States.Format(",
            "States.Array($.a[",
            "2016-",
        ];
        let mut seed: u64 = 0x5eed;
        let mut next = move || {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            usize::try_from(seed >> 33).unwrap_or(0)
        };
        for round in 0..30_000 {
            let mut s = prefixes
                .get(round % prefixes.len())
                .copied()
                .unwrap_or("")
                .to_string();
            for _ in 0..next() % 24 {
                s.push(
                    alphabet
                        .get(next() % alphabet.len())
                        .copied()
                        .unwrap_or('$'),
                );
            }
            for result in [
                check_path(&s).map(|_| ()),
                check_reference_path(&s).map(|_| ()),
                check_intrinsic(&s).map(|_| ()),
                check_path_or_intrinsic(&s),
            ] {
                if let Err(e) = result {
                    assert!(e.offset <= s.len(), "{s:?}: {e}");
                    assert!(s.is_char_boundary(e.offset), "{s:?}: {e}");
                    assert!(!e.message.is_empty());
                }
            }
            let _ = is_rfc3339(&s);
        }
    }

    /// Very long inputs are checked quickly (linear time).
    #[test]
    fn long_inputs_are_linear() {
        let n = 200_000;
        let path = format!("$.{}", "a.".repeat(n) + "z");
        assert!(check_path(&path).is_ok());
        assert!(check_reference_path(&path).is_ok());
        let call = format!("States.Array({}1)", "'x', ".repeat(n));
        assert!(check_intrinsic(&call).is_ok());
        let call = format!(
            "States.Format('{}', {}1)",
            "{}".repeat(n),
            "1, ".repeat(n - 1)
        );
        assert!(check_intrinsic(&call).is_ok());
        let name = format!("States.{}()", "X".repeat(n));
        assert!(check_intrinsic(&name).is_err());
    }

    /// `Display` shows the message and the offset.
    #[test]
    fn error_display_includes_offset() {
        let e = SyntaxError::new(3, "bad thing");
        assert_eq!(e.to_string(), "bad thing (at byte 3)");
    }
}
