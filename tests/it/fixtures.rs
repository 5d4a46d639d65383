//! Test fixtures: the labelled ASL corpus and the CDK's reference renderings.

use std::path::{Path, PathBuf};

/// The labelled ASL corpus, a test fixture of this repository
/// (`tests/fixtures/asl-corpus`, with the licences of the suites it comes from).
pub(crate) fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/asl-corpus")
}

/// The CDK's reference renderings and the CDK programs that made them.
pub(crate) fn cdk_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cdk")
}

/// One line of `verdicts.jsonl`.
pub(crate) struct Verdict {
    pub(crate) file: PathBuf,
    /// `expected`: AWS's verdict under the default rules.
    pub(crate) valid: bool,
    /// `expected_relaxed` (or `expected`): the verdict when Resource placeholders are allowed.
    pub(crate) valid_relaxed: bool,
    /// `reason`: the rule an invalid file was written to test.
    pub(crate) reason: String,
}

pub(crate) fn verdicts(dir: &Path) -> Vec<Verdict> {
    let text = std::fs::read_to_string(dir.join("verdicts.jsonl")).expect("read verdicts.jsonl");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("verdict line is JSON");
            let valid = v["expected"] == "valid";
            Verdict {
                file: dir.join(v["file"].as_str().expect("verdict has a file")),
                valid,
                valid_relaxed: v
                    .get("expected_relaxed")
                    .map_or(valid, |relaxed| relaxed == "valid"),
                reason: v["reason"].as_str().unwrap_or_default().to_owned(),
            }
        })
        .collect()
}

/// The CDK reference renderings (`*.asl.json`), sorted.
pub(crate) fn cdk_reference_files() -> Vec<PathBuf> {
    let dir = cdk_dir();
    let entries =
        std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.to_string_lossy().ends_with(".asl.json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no CDK renderings in {}", dir.display());
    files
}

/// The CDK's rendering `tests/fixtures/cdk/<name>.asl.json` as JSON.
pub(crate) fn cdk_reference(name: &str) -> serde_json::Value {
    let path = cdk_dir().join(format!("{name}.asl.json"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{} is missing: {e}", path.display()));
    serde_json::from_str(&text).expect("the CDK rendering is JSON")
}
