//! The committed JSON Schema is the one the model derives, and every valid ASL
//! document conforms to it.

use std::path::Path;

use super::fixtures::{cdk_reference_files, corpus_dir, verdicts};

const COMMITTED: &str = include_str!("../../schema/asl.schema.json");

#[test]
fn committed_schema_matches_the_model() {
    let derived = serde_json::to_string_pretty(&stepfn::json_schema()).unwrap() + "\n";
    if std::env::var("STEPFN_BLESS").as_deref() == Ok("1") {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/asl.schema.json");
        std::fs::write(path, &derived).unwrap();
        return;
    }
    assert!(
        derived == COMMITTED,
        "schema/asl.schema.json is out of date: regenerate it with \
         `cargo run --features cli -- schema > schema/asl.schema.json` (or STEPFN_BLESS=1 cargo test)"
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
    let dir = corpus_dir();
    let validator = validator();
    let failures: Vec<String> = verdicts(&dir)
        .into_iter()
        .filter(|v| v.valid)
        .map(|v| v.file)
        .chain(cdk_reference_files())
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
