//! Writing definitions to files, for `build.rs` scripts and code generators.
//!
//! In a `build.rs`, [`definition`] does everything: builds the machine
//! (failing the build with every problem), shows each warning as a
//! `cargo::warning`, writes the JSON only when it changed, and asks cargo to
//! run the script again when the written file is edited or deleted.
//!
//! ```no_run
//! // build.rs
//! fn main() -> Result<(), stepfn::Error> {
//!     # let order = || stepfn::builder::StateMachine::new(stepfn::builder::Succeed::new("Done"));
//!     stepfn::emit::definition("workflows/order.asl.json", order())?;
//!     Ok(())
//! }
//! ```

use std::io;
use std::io::Write;
use std::path::Path;

use crate::builder::{Built, StateMachine};
use crate::Error;

/// Builds `machine` and writes its canonical JSON to `path` (see
/// [`write_if_changed`]), for a `build.rs`: prints each warning as a
/// `cargo::warning=` line and `cargo::rerun-if-changed=` for `path`, so that
/// a hand edit or a deletion of the file is undone by the next build.
/// Returns the built machine.
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use stepfn::builder::{Pass, StateMachine};
/// let dir = std::env::temp_dir().join(format!("stepfn-definition-doc-{}", std::process::id()));
/// let path = dir.join("hello.asl.json");
/// let built = stepfn::emit::definition(&path, StateMachine::new(Pass::new("Hello")))?;
/// assert_eq!(std::fs::read_to_string(&path)?, built.to_json_pretty()?);
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// [`Error::Problems`] when the machine does not build, [`Error::Io`] when
/// the file cannot be written.
pub fn definition(path: impl AsRef<Path>, machine: StateMachine) -> Result<Built, Error> {
    definition_to(path.as_ref(), machine, &mut io::stdout().lock())
}

/// [`definition`], with cargo's instructions written to `out`.
fn definition_to(path: &Path, machine: StateMachine, out: &mut impl Write) -> Result<Built, Error> {
    let built = machine.build()?;
    let json = built.to_json_pretty()?;
    for warning in built.warnings() {
        // One line each: cargo shows a warning line by line.
        let text = warning.to_string().replace(['\n', '\r'], " ");
        let _ = writeln!(out, "cargo::warning={}: {text}", path.display());
    }
    let _ = writeln!(out, "cargo::rerun-if-changed={}", path.display());
    write_if_changed(path, &json)?;
    Ok(built)
}

/// Writes `contents` to `path` only when the file does not already hold
/// exactly that, so a `build.rs` that regenerates a definition does not touch
/// its modification time (and trigger rebuilds or deploys) when nothing
/// changed. Creates missing parent directories. Returns whether it wrote.
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use stepfn::builder::{Pass, StateMachine};
/// let dir = std::env::temp_dir().join(format!("stepfn-emit-doc-{}", std::process::id()));
/// let path = dir.join("hello.asl.json");
/// let json = StateMachine::new(Pass::new("Hello")).to_json_pretty()?;
/// assert!(stepfn::emit::write_if_changed(&path, &json)?);   // written
/// assert!(!stepfn::emit::write_if_changed(&path, &json)?);  // unchanged: left alone
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// [`Error::Io`] naming the file, from reading the old file (other than its
/// absence), creating the directory, or writing.
pub fn write_if_changed(path: impl AsRef<Path>, contents: &str) -> Result<bool, Error> {
    let path = path.as_ref();
    let failed = |source: io::Error| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    match std::fs::read(path) {
        Ok(old) if old == contents.as_bytes() => return Ok(false),
        Ok(_) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(failed(e)),
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(failed)?;
    }
    std::fs::write(path, contents).map_err(failed)?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::{definition_to, write_if_changed};
    use crate::builder::{Pass, Payload, StateMachine};

    #[test]
    fn warnings_reach_cargo_and_the_file_is_watched() {
        let dir = std::env::temp_dir().join(format!("stepfn-emit-warn-{}", std::process::id()));
        let path = dir.join("w.asl.json");
        let pass = Pass::new("P").parameters(Payload::new().field("id", "$.id"));
        let mut out = Vec::new();
        let built = definition_to(&path, StateMachine::new(pass), &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2, "{out}");
        assert!(lines[0].starts_with("cargo::warning="), "{out}");
        assert!(
            lines[0].contains("States.P.Parameters.id: NO_DOLLAR"),
            "{out}"
        );
        assert_eq!(
            lines[1],
            format!("cargo::rerun-if-changed={}", path.display())
        );
        assert_eq!(built.warnings().len(), 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn writes_only_when_the_contents_differ() {
        let dir = std::env::temp_dir().join(format!("stepfn-emit-{}", std::process::id()));
        let path = dir.join("nested/m.asl.json");
        assert!(write_if_changed(&path, "{}").unwrap());
        assert!(!write_if_changed(&path, "{}").unwrap());
        assert!(write_if_changed(&path, "{\"a\":1}").unwrap());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "{\"a\":1}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
