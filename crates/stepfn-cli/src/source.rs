//! Reading one definition named on the command line (`-` for standard input).

use std::io::Read;
use std::path::Path;

use stepfn::model::StateMachine;

/// What reading a definition ended with.
pub(crate) enum Source {
    Machine(StateMachine),
    /// The file holds text that is not a readable definition; one line per
    /// problem, `file:line:col: path: CODE: message`.
    Problems(Vec<String>),
    /// The file could not be read.
    Unreadable(String),
}

/// The name a file is reported under.
pub(crate) fn display_name(file: &Path) -> String {
    if file.as_os_str() == "-" {
        "<stdin>".to_owned()
    } else {
        file.display().to_string()
    }
}

/// Reads and decodes the definition in `file`.
pub(crate) fn read_machine(file: &Path) -> Source {
    let name = display_name(file);
    let bytes = if file.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map(|_| bytes)
    } else {
        std::fs::read(file)
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(e) => return Source::Unreadable(format!("cannot read {name}: {e}")),
    };
    match stepfn::read::read_slice(&bytes) {
        Ok(machine) => Source::Machine(machine),
        Err(errors) => Source::Problems(errors.iter().map(|e| format!("{name}:{e}")).collect()),
    }
}
