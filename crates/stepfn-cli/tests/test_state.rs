//! `stepfn test-state`: one state run alone with a mocked Task, printing
//! TestState's answer, and its exit codes (0 succeeded or caught, 1 failed or
//! retriable, 2 usage).

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `stepfn test-state - ARGS`, the definition on standard input.
fn test_state(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_stepfn"))
        .args(["test-state", "-"])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run stepfn");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(CHARGE.as_bytes())
        .expect("write the definition");
    child.wait_with_output().expect("stepfn ends")
}

fn answer(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("{e}: {}", String::from_utf8_lossy(&out.stderr));
    })
}

const CHARGE: &str = r#"{"StartAt": "Charge", "States": {
  "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
    "Parameters": {"FunctionName": "charge", "Payload.$": "$.order"},
    "ResultSelector": {"id.$": "$.Payload.id"}, "ResultPath": "$.charge",
    "Retry": [{"ErrorEquals": ["Lambda.TooManyRequestsException"], "MaxAttempts": 2}],
    "Catch": [{"ErrorEquals": ["Card.Declined"], "ResultPath": "$.error", "Next": "Declined"}],
    "Next": "Ship"},
  "Ship": {"Type": "Succeed"}, "Declined": {"Type": "Fail"}}}"#;

#[test]
fn a_mocked_result_goes_through_the_pipeline_step_by_step() {
    let out = test_state(&[
        "--state",
        "Charge",
        "--input",
        r#"{"order": {"amount": 5}}"#,
        "--mock-result",
        r#"{"Payload": {"id": "ch_1"}}"#,
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        answer(&out),
        serde_json::json!({
            "status": "SUCCEEDED",
            "output": r#"{"order":{"amount":5},"charge":{"id":"ch_1"}}"#,
            "nextState": "Ship",
            "inspectionData": {
                "input": r#"{"order":{"amount":5}}"#,
                "afterInputPath": r#"{"order":{"amount":5}}"#,
                "afterParameters": r#"{"FunctionName":"charge","Payload":{"amount":5}}"#,
                "result": r#"{"Payload":{"id":"ch_1"}}"#,
                "afterResultSelector": r#"{"id":"ch_1"}"#,
                "afterResultPath": r#"{"order":{"amount":5},"charge":{"id":"ch_1"}}"#,
                "variables": "{}"
            }
        })
    );
}

#[test]
fn a_mocked_error_is_caught_retried_or_failed_as_the_state_says() {
    let input = r#"{"order": {}}"#;
    let caught = test_state(&[
        "--state",
        "Charge",
        "--input",
        input,
        "--mock-error",
        "Card.Declined",
        "--mock-cause",
        "no funds",
    ]);
    assert_eq!(caught.status.code(), Some(0));
    let caught = answer(&caught);
    assert_eq!(
        (&caught["status"], &caught["nextState"], &caught["cause"]),
        (
            &serde_json::json!("CAUGHT_ERROR"),
            &serde_json::json!("Declined"),
            &serde_json::json!("no funds")
        )
    );
    let throttled = [
        "--state",
        "Charge",
        "--input",
        input,
        "--mock-error",
        "Lambda.TooManyRequestsException",
    ];
    let retriable = test_state(&throttled);
    assert_eq!(retriable.status.code(), Some(1));
    let retriable = answer(&retriable);
    assert_eq!(retriable["status"], "RETRIABLE");
    // no cause given, none made up
    assert!(retriable.get("cause").is_none(), "{retriable}");
    let spent = test_state(&[&throttled[..], &["--retry-count", "2"]].concat());
    assert_eq!(spent.status.code(), Some(1));
    assert_eq!(answer(&spent)["status"], "FAILED");
}

#[test]
fn an_unknown_state_names_the_ones_there_are() {
    let out = test_state(&["--state", "Chrage"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "stepfn: --state Chrage: the definition has no state of that name; its states are \
         `Charge`, `Ship`, `Declined`\n"
    );
    // standard input holds the definition: it cannot hold the input too
    let out = test_state(&["--state", "Charge", "--input", "-"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("standard input already holds the definition"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
