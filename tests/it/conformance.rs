//! The validator agrees with AWS's verdict on every file of the labelled
//! corpus, with the default rules and with Resource placeholders allowed.

use stepfn::validate::Validator;

use super::fixtures::{corpus_dir, verdicts};

fn disagreements(validator: &Validator, relaxed: bool) -> (usize, Vec<String>) {
    let dir = corpus_dir();
    let mut checked = 0;
    let mut mismatches = Vec::new();
    for verdict in verdicts(&dir) {
        let bytes = std::fs::read(&verdict.file).expect("read corpus file");
        let text = String::from_utf8_lossy(&bytes);
        let report = validator.check_str(&text);
        let expected = if relaxed {
            verdict.valid_relaxed
        } else {
            verdict.valid
        };
        checked += 1;
        if report.is_valid() != expected {
            let problems: Vec<String> = report.errors().iter().map(ToString::to_string).collect();
            mismatches.push(format!(
                "{}: expected {} (reason: {}), got {}\n    {}",
                verdict.file.display(),
                if expected { "valid" } else { "invalid" },
                if verdict.reason.is_empty() {
                    "-"
                } else {
                    &verdict.reason
                },
                if report.is_valid() {
                    "valid"
                } else {
                    "invalid"
                },
                problems.join("\n    ")
            ));
        }
    }
    (checked, mismatches)
}

#[test]
fn agrees_with_every_verdict_by_default() {
    let (checked, mismatches) = disagreements(&Validator::new(), false);
    assert!(
        mismatches.is_empty(),
        "{} of {checked} files disagree:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

#[test]
fn agrees_with_every_relaxed_verdict_when_placeholders_are_allowed() {
    let validator = Validator::new().allow_resource_placeholders(true);
    let (checked, mismatches) = disagreements(&validator, true);
    assert!(
        mismatches.is_empty(),
        "{} of {checked} files disagree:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}
