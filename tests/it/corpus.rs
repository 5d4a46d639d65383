//! The labelled ASL corpus: every valid document reads and writes back to equal
//! JSON; no document, valid or not, makes the reader panic.

use super::fixtures::{cdk_reference_files, corpus_dir, verdicts};

fn round_trip(text: &str) -> Result<(), String> {
    let machine = stepfn::read::read_str(text).map_err(|e| e.to_string())?;
    let original: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    for written in [
        machine.to_json_pretty().map_err(|e| e.to_string())?,
        machine.to_json_compact().map_err(|e| e.to_string())?,
    ] {
        let back: serde_json::Value = serde_json::from_str(&written).map_err(|e| e.to_string())?;
        if back != original {
            return Err(format!("wrote back different JSON:\n{written}"));
        }
        let again = stepfn::read::read_str(&written).map_err(|e| e.to_string())?;
        if again != machine {
            return Err("reading the written JSON gave a different model".into());
        }
    }
    Ok(())
}

#[test]
fn every_valid_corpus_file_round_trips_to_equal_json() {
    let dir = corpus_dir();
    let mut failures = Vec::new();
    let mut checked = 0;
    for verdict in verdicts(&dir).into_iter().filter(|v| v.valid) {
        let text = std::fs::read_to_string(&verdict.file).expect("read corpus file");
        checked += 1;
        if let Err(e) = round_trip(&text) {
            failures.push(format!("{}:\n{e}", verdict.file.display()));
        }
    }
    assert_eq!(checked, 200, "the corpus should have 200 valid files");
    assert!(
        failures.is_empty(),
        "{} failed:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn every_cdk_reference_rendering_round_trips() {
    let files = cdk_reference_files();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("read reference file");
        if let Err(e) = round_trip(&text) {
            panic!("{}: {e}", file.display());
        }
    }
}

#[test]
fn invalid_corpus_files_never_panic_and_report_located_problems() {
    let dir = corpus_dir();
    for verdict in verdicts(&dir).into_iter().filter(|v| !v.valid) {
        let bytes = std::fs::read(&verdict.file).expect("read corpus file");
        if let Err(errors) = stepfn::read::read_slice(&bytes) {
            for e in &errors {
                assert!(
                    e.line() >= Some(1) && e.column() >= Some(1),
                    "{}: {e}",
                    verdict.file.display()
                );
                assert!(!e.path().to_string().is_empty() && !e.message().is_empty());
            }
        }
    }
}
