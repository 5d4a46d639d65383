//! [`Error`]: what a stepfn call that reads, checks, builds or writes can
//! fail with.

use std::io;
use std::path::PathBuf;

use crate::problem::Problems;

/// Why a stepfn call failed: the definition has problems, or a file could not
/// be read or written.
///
/// ```
/// fn build() -> Result<String, stepfn::Error> {
///     let machine = stepfn::read::read_str(r#"{"StartAt": 1, "States": {}}"#)?;
///     Ok(machine.to_json_pretty()?)
/// }
/// let error = build().unwrap_err();
/// assert!(matches!(error, stepfn::Error::Problems(_)));
/// assert_eq!(error.to_string(), "1:13: StartAt: WRONG_TYPE: expected a string, found a number");
/// // What `fn main() -> Result<(), stepfn::Error>` prints after `Error: `:
/// assert_eq!(format!("{error:?}"), "\
/// 1 problem:
///   1:13: StartAt: WRONG_TYPE: expected a string, found a number");
/// ```
#[derive(thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The definition has problems: every one of them, one per line.
    #[error("{0}")]
    Problems(#[from] Problems),
    /// A file could not be read or written.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        #[source]
        source: io::Error,
    },
}

/// Prints what `Display` prints, in the form a person reads (the problems
/// under a count, or the file and what went wrong): this is what a `main` or a
/// `build.rs` returning `Result<(), stepfn::Error>` shows. `{:#?}` shows the
/// structure.
impl std::fmt::Debug for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Problems(problems) => std::fmt::Debug::fmt(problems, f),
            Error::Io { path, source } if f.alternate() => f
                .debug_struct("Io")
                .field("path", path)
                .field("source", source)
                .finish(),
            Error::Io { .. } => std::fmt::Display::fmt(self, f),
        }
    }
}

impl Error {
    /// The problems, when the definition has problems.
    ///
    /// ```
    /// let error = stepfn::Error::from(stepfn::read::read_str("[]").unwrap_err());
    /// assert_eq!(error.problems().map(|p| p.len()), Some(1));
    /// ```
    #[must_use]
    pub fn problems(&self) -> Option<&Problems> {
        match self {
            Error::Problems(problems) => Some(problems),
            Error::Io { .. } => None,
        }
    }
}
