//! The files a command works on: those named, and those found in the folders
//! named, walked recursively.
//!
//! In a folder, files ending in `.json`, `.yaml` or `.yml` are candidates, in
//! name order; hidden folders (`.git`), `node_modules` and `target` are not
//! entered, and symbolic links to folders are not followed. Which candidates
//! are checked is up to the command (see `validate` and `fmt`): a file named
//! on the command line is always taken.

use std::path::{Path, PathBuf};

/// One file to work on.
pub(crate) struct Input {
    pub(crate) path: PathBuf,
    /// Named on the command line (`true`) or found in a folder.
    pub(crate) named: bool,
}

impl Input {
    /// Standard input, written `-`.
    pub(crate) fn is_stdin(&self) -> bool {
        self.path.as_os_str() == "-"
    }

    /// The name to print.
    pub(crate) fn name(&self) -> String {
        if self.is_stdin() {
            "<stdin>".to_owned()
        } else {
            self.path.display().to_string()
        }
    }
}

/// Folders never entered.
const SKIPPED_FOLDERS: [&str; 2] = ["node_modules", "target"];

/// The files of `paths`, folders expanded; or the message of a path that
/// does not exist or a folder that cannot be read.
pub(crate) fn expand(paths: &[PathBuf]) -> Result<Vec<Input>, String> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() != "-" && path.is_dir() {
            walk(path, &mut out)?;
        } else {
            out.push(Input {
                path: path.clone(),
                named: true,
            });
        }
    }
    Ok(out)
}

/// The candidate files under `root`, without recursion: folders wait on a
/// stack.
fn walk(root: &Path, out: &mut Vec<Input>) -> Result<(), String> {
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries = std::fs::read_dir(&folder)
            .map_err(|e| format!("cannot read the folder {}: {e}", folder.display()))?;
        let mut files = Vec::new();
        let mut inner = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                if !name.starts_with('.') && !SKIPPED_FOLDERS.contains(&name.as_ref()) {
                    inner.push(path);
                }
            } else if is_candidate(&name) && (kind.is_file() || path.is_file()) {
                files.push(path);
            }
        }
        files.sort();
        out.extend(files.into_iter().map(|path| Input { path, named: false }));
        // Visit sub-folders in name order: the stack pops the last first.
        inner.sort();
        folders.extend(inner.into_iter().rev());
    }
    Ok(())
}

/// Whether a file in a folder may be a definition or a template.
fn is_candidate(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    [".json", ".yaml", ".yml"].iter().any(|e| name.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::is_candidate;

    #[test]
    fn json_and_yaml_files_are_candidates() {
        assert!(is_candidate("order.asl.json"));
        assert!(is_candidate("template.YAML"));
        assert!(is_candidate("statemachine.yml"));
        assert!(!is_candidate("README.md"));
        assert!(!is_candidate("app.ts"));
    }
}
