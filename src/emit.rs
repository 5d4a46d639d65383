//! Writing definitions to files, for `build.rs` scripts and code generators.

use std::io;
use std::path::Path;

use crate::Error;

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
    use super::write_if_changed;

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
