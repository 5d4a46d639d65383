//! The committed JSON Schema is the one the model derives, and every valid ASL
//! document conforms to it.

use std::path::{Path, PathBuf};

use stepfn_testkit::for_any_machine;

const COMMITTED: &str = include_str!("../../../schema/asl.schema.json");

/// The repository root, where the schema and the test fixtures are.
fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every definition the fixtures say AWS accepts: the valid files of the
/// labelled corpus and the CDK's reference renderings.
fn valid_definitions() -> Vec<PathBuf> {
    let corpus = repository().join("tests/fixtures/asl-corpus");
    let verdicts = std::fs::read_to_string(corpus.join("verdicts.jsonl")).expect("verdicts");
    let mut files: Vec<PathBuf> = verdicts
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter_map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("a verdict is JSON");
            (v["expected"] == "valid").then(|| corpus.join(v["file"].as_str().expect("a file")))
        })
        .collect();
    let cdk = repository().join("tests/fixtures/cdk");
    for entry in std::fs::read_dir(&cdk).expect("the CDK renderings") {
        let path = entry.expect("an entry").path();
        if path.to_string_lossy().ends_with(".asl.json") {
            files.push(path);
        }
    }
    files
}

#[test]
fn committed_schema_matches_the_model() {
    let derived = serde_json::to_string_pretty(&stepfn::json_schema()).unwrap() + "\n";
    if std::env::var("STEPFN_BLESS").as_deref() == Ok("1") {
        let path = repository().join("schema/asl.schema.json");
        std::fs::write(path, &derived).unwrap();
        return;
    }
    assert!(
        derived == COMMITTED,
        "schema/asl.schema.json is out of date: regenerate it with \
         `cargo run -p stepfn-cli -- schema > schema/asl.schema.json` (or STEPFN_BLESS=1 cargo test)"
    );
}

fn validator() -> jsonschema::Validator {
    jsonschema::validator_for(&stepfn::json_schema()).expect("the schema is a valid JSON Schema")
}

fn conforms(validator: &jsonschema::Validator, file: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(file).map_err(|e| e.to_string())?;
    let document: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    let errors: Vec<String> = validator
        .iter_errors(&document)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("\n"))
    }
}

#[test]
fn every_valid_corpus_file_conforms_to_the_schema() {
    let validator = validator();
    let files = valid_definitions();
    assert!(files.len() > 200, "{} files", files.len());
    let failures: Vec<String> = files
        .into_iter()
        .filter_map(|file| {
            conforms(&validator, &file)
                .err()
                .map(|e| format!("{}: {e}", file.display()))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn the_schema_rejects_what_the_reader_rejects() {
    let validator = validator();
    for (text, why) in [
        (r#"{"StartAt": "A"}"#, "no States"),
        (
            r#"{"StartAt": "A", "States": {"A": {"Type": "Pass"}}}"#,
            "no Next or End",
        ),
        (
            r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true, "Bogus": 1}}}"#,
            "unknown field",
        ),
        (
            r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed", "Comment": null}}}"#,
            "null Comment",
        ),
        (
            r#"{"StartAt": "A", "States": {"A": {"Type": "Nope", "End": true}}}"#,
            "bad Type",
        ),
        (
            r#"{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "x", "End": true, "TimeoutSeconds": -1}}}"#,
            "negative timeout",
        ),
    ] {
        let document: serde_json::Value = serde_json::from_str(text).unwrap();
        assert!(
            !validator.is_valid(&document),
            "the schema accepted a document with {why}"
        );
        assert!(
            stepfn::read::read_str(text).is_err(),
            "the reader accepted a document with {why}"
        );
    }
    let ok =
        r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "InputPath": null, "End": true}}}"#;
    assert!(validator.is_valid(&serde_json::from_str(ok).unwrap()));
}

#[test]
fn any_machine_conforms_to_the_schema() {
    let validator = std::sync::Arc::new(validator());
    for_any_machine(128, move |machine| {
        let document = serde_json::to_value(&machine).expect("a model is JSON");
        let errors: Vec<String> = validator
            .iter_errors(&document)
            .map(|e| e.to_string())
            .collect();
        proptest::prop_assert!(errors.is_empty(), "{}\n{}", document, errors.join("\n"));
        Ok(())
    });
}
