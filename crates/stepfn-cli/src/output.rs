//! Writing to standard output and standard error without ever panicking: a
//! reader that closes the pipe early (`stepfn schema | head -1`) ends the
//! command quietly.

use std::io::{self, Write};

use super::Outcome;

/// What writing to standard output ended with: `done` when it worked or the
/// reader closed the pipe (nothing more is wanted), a failure otherwise.
pub(crate) fn written(result: io::Result<()>, done: Outcome) -> Outcome {
    match result {
        Ok(()) => done,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => done,
        Err(e) => Outcome::Failed(format!("cannot write to standard output: {e}")),
    }
}

/// Whether `result` failed only because the reader closed the pipe.
pub(crate) fn closed(result: &io::Result<()>) -> bool {
    matches!(result, Err(e) if e.kind() == io::ErrorKind::BrokenPipe)
}

/// Writes a line to standard error; a closed standard error leaves nothing
/// better to do than to go on.
pub(crate) fn warn(line: &str) {
    let _ = writeln!(io::stderr().lock(), "{line}");
}
