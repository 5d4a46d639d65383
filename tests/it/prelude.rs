//! Shared helpers: locating the ASL corpus and comparing JSON.

use std::path::{Path, PathBuf};

/// Set to `1` (as CI does) to make a missing corpus a failure instead of a skip.
const REQUIRE_CORPUS: &str = "STEPFN_REQUIRE_CORPUS";

/// The labelled ASL corpus, `../shared/asl-corpus` beside the crate unless
/// `STEPFN_CORPUS_DIR` says otherwise. `None` (with a notice) when absent.
pub(crate) fn corpus_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("STEPFN_CORPUS_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/asl-corpus"),
        PathBuf::from,
    );
    if dir.join("verdicts.jsonl").is_file() {
        return Some(dir);
    }
    assert!(
        std::env::var(REQUIRE_CORPUS).as_deref() != Ok("1"),
        "{REQUIRE_CORPUS}=1 but the ASL corpus is not at {}",
        dir.display()
    );
    eprintln!(
        "notice: ASL corpus not found at {}; skipping corpus tests",
        dir.display()
    );
    None
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

/// The CDK reference renderings (`*.asl.json`), if present.
pub(crate) fn cdk_reference_files() -> Vec<PathBuf> {
    let Some(corpus) = corpus_dir() else {
        return Vec::new();
    };
    let dir = corpus.join("../reference/cdk");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.to_string_lossy().ends_with(".asl.json"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
}

/// The CDK's rendering `reference/cdk/<name>.asl.json` as JSON, if the
/// reference material is present.
pub(crate) fn cdk_reference(name: &str) -> Option<serde_json::Value> {
    let corpus = corpus_dir()?;
    let path = corpus.join(format!("../reference/cdk/{name}.asl.json"));
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{} is missing: {e}", path.display()));
    Some(serde_json::from_str(&text).expect("the CDK rendering is JSON"))
}
