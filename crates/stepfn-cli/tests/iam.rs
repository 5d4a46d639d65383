//! `stepfn iam`: the policy of a definition's tasks.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn stepfn(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_stepfn"))
        .args(args)
        .current_dir(repository())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run stepfn");
    if let Some(mut input) = child.stdin.take() {
        input.write_all(stdin.as_bytes()).expect("write stdin");
    }
    child.wait_with_output().expect("stepfn finishes")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn iam_prints_the_policy_of_a_golden_as_the_cdk_grants_it() {
    let golden = "tests/fixtures/cdk-tasks/stepfunctions-start-execution-run-job.json";
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repository().join(golden)).unwrap()).unwrap();
    let definition = serde_json::to_string(&expected["definition"]).unwrap();
    let out = stepfn(
        &[
            "iam",
            "--region",
            "us-east-1",
            "--account",
            "123456789012",
            "-",
        ],
        &definition,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let ours: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(ours, expected["policy"]);
}

#[test]
fn iam_defaults_to_any_region_and_account_and_prints_compact() {
    let definition = r#"{"StartAt": "S", "States": {"S": {"Type": "Task",
        "Resource": "arn:aws:states:::aws-sdk:sfn:describeExecution",
        "Parameters": {"ExecutionArn.$": "$.arn"}, "End": true}}}"#;
    let out = stepfn(&["iam", "--compact", "-"], definition);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "{\"Statement\":[{\"Action\":\"states:describeExecution\",\"Effect\":\"Allow\",\"Resource\":\"*\"}],\"Version\":\"2012-10-17\"}\n"
    );
}

#[test]
fn iam_reports_a_definition_that_does_not_read_and_exits_1() {
    let out = stepfn(&["iam", "examples/definitions/broken.asl.json"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(text(&out.stderr).starts_with("examples/definitions/broken.asl.json:4:14:"));
}
