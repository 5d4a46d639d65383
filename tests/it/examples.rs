//! Snapshots of every bundled example definition: its canonical form and the
//! validator's report, or for a malformed one, the reader's problem report.

use std::path::Path;

fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(Path::new(env!("CARGO_MANIFEST_DIR")).join("snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings
}

#[test]
fn every_example_definition_matches_its_snapshot() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/definitions");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 4,
        "the examples should include at least four definitions"
    );
    for file in files {
        let name = file
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace(".asl.json", "");
        let text = std::fs::read_to_string(&file).unwrap();
        let rendered = match stepfn::read::read_str(&text) {
            Ok(machine) => format!(
                "{}\n# validate\n{}",
                machine.to_json_pretty().unwrap(),
                report(&text)
            ),
            Err(errors) => format!("{errors}\n\n# validate\n{}", report(&text)),
        };
        snapshot_settings().bind(|| insta::assert_snapshot!(name, rendered));
    }
}

/// The validator's problems, one per line, or `valid`.
fn report(text: &str) -> String {
    let report = stepfn::validate::Validator::new().check_str(text);
    let lines: Vec<String> = report
        .errors()
        .iter()
        .map(ToString::to_string)
        .chain(report.warnings().iter().map(|w| format!("warning: {w}")))
        .collect();
    if lines.is_empty() {
        "valid".to_owned()
    } else {
        lines.join("\n")
    }
}

#[test]
fn only_the_examples_written_to_show_problems_are_invalid() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/definitions");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.to_string_lossy();
        let unreadable =
            name.ends_with("broken.asl.json") || name.ends_with("shape-and-rules.asl.json");
        assert_eq!(stepfn::read::read_str(&text).is_err(), unreadable, "{name}");
        let report = stepfn::validate::Validator::new().check_str(&text);
        let invalid = unreadable || name.ends_with("mistakes.asl.json");
        assert_eq!(!report.is_valid(), invalid, "{name}: {:?}", report.errors());
    }
}
