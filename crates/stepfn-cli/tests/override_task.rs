//! `stepfn run --override-task STATE:PROGRAM`: programs on this machine
//! answering Task states, as `local-sfn -t` does, with their failures going
//! through the state's `Retry` and `Catch`.
#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A folder of its own for one test's scripts and definition, removed after.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("stepfn-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("make a scratch folder");
        Scratch(dir)
    }

    /// Writes an executable shell script and gives its path.
    fn script(&self, name: &str, body: &str) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, format!("#!/bin/sh\n{body}\n")).expect("write the script");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))
            .expect("make it executable");
        path.to_string_lossy().into_owned()
    }

    fn file(&self, name: &str, text: &str) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, text).expect("write the file");
        path.to_string_lossy().into_owned()
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn stepfn(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stepfn"))
        .arg("run")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run stepfn")
}

fn json_line(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

const TWO_TASKS: &str = r#"{"StartAt": "A", "States": {
    "A": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:A",
          "ResultPath": "$.a", "Next": "B"},
    "B": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Parameters": {"Payload.$": "$.a", "FunctionName": "b"}, "ResultPath": "$.b", "End": true}}}"#;

#[test]
fn a_program_answers_from_its_first_argument_or_standard_input() {
    let scratch = Scratch::new("override-answers");
    let definition = scratch.file("machine.json", TWO_TASKS);
    let a = scratch.script(
        "a.sh",
        r#"echo "adding $1" >&2
printf '{"arg": %s, "state": "%s", "retries": %s}' "$1" "$STEPFN_STATE" "$STEPFN_RETRY_COUNT""#,
    );
    let b = scratch.script("b.sh", "exec cat");
    let out = stepfn(
        &[
            &definition,
            "--input",
            r#"{"x": 1}"#,
            "--override-task",
            &format!("A:{a}"),
            "-t",
            &format!("B:{b}"),
            "--format",
            "json",
        ],
        scratch.path(),
    );
    assert_eq!(out.status.code(), Some(0));
    // what the program logs reaches the user
    assert_eq!(String::from_utf8_lossy(&out.stderr), "adding {\"x\":1}\n");
    let a_result = serde_json::json!({"arg": {"x": 1}, "state": "A", "retries": 0});
    assert_eq!(
        json_line(&out)["output"],
        serde_json::json!({
            "x": 1,
            "a": a_result,
            // B's input is its Parameters: what `cat` gave back
            "b": {"Payload": a_result, "FunctionName": "b"},
        })
    );
}

const CHARGE: &str = r#"{"StartAt": "Charge", "States": {
    "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
        "Retry": [{"ErrorEquals": ["States.TaskFailed"], "MaxAttempts": 1, "IntervalSeconds": 1}],
        "Catch": [{"ErrorEquals": ["Card.Declined"], "ResultPath": "$.error", "Next": "Declined"}],
        "End": true},
    "Declined": {"Type": "Pass", "End": true}}}"#;

#[test]
fn a_failing_program_fails_the_task_with_the_error_it_prints_or_its_standard_error() {
    let scratch = Scratch::new("override-failures");
    let definition = scratch.file("machine.json", CHARGE);
    let declines = scratch.script(
        "declines.sh",
        r#"echo '{"Error": "Card.Declined", "Cause": "insufficient funds"}'; exit 3"#,
    );
    let out = stepfn(
        &[
            &definition,
            "-t",
            &format!("Charge:{declines}"),
            "--format",
            "json",
        ],
        scratch.path(),
    );
    // caught by the state's Catch
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        json_line(&out)["output"]["error"],
        serde_json::json!({"Error": "Card.Declined", "Cause": "insufficient funds"})
    );

    // counts its runs in a file: retried once by the state's Retry, then failed
    let count = scratch.path().join("runs");
    let crashes = scratch.script(
        "crashes.sh",
        &format!(
            "echo run >> '{}'; echo 'Traceback: boom' >&2; exit 1",
            count.display()
        ),
    );
    let out = stepfn(
        &[
            &definition,
            "-t",
            &format!("Charge:{crashes}"),
            "--format",
            "json",
        ],
        scratch.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let line = json_line(&out);
    assert_eq!(line["error"], "States.TaskFailed");
    assert_eq!(
        line["cause"],
        format!("{crashes} exited with code 1: Traceback: boom")
    );
    assert_eq!(std::fs::read_to_string(&count).unwrap(), "run\nrun\n");
}

#[test]
fn output_that_is_not_json_ends_the_run_past_any_catch() {
    let scratch = Scratch::new("override-not-json");
    let caught_all = CHARGE.replace(r#"["Card.Declined"]"#, r#"["States.ALL"]"#);
    let definition = scratch.file("machine.json", &caught_all);
    let prints_text = scratch.script("text.sh", "echo charged");
    let out = stepfn(
        &[
            &definition,
            "-t",
            &format!("Charge:{prints_text}"),
            "--format",
            "json",
        ],
        scratch.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let line = json_line(&out);
    assert_eq!(line["error"], "States.Runtime");
    let cause = line["cause"].as_str().unwrap_or_default();
    assert!(
        cause.starts_with(&format!(
            "{prints_text} answered the Task state 'Charge' with text that is not JSON"
        )),
        "{cause}"
    );
}

#[test]
fn a_state_that_is_not_a_task_or_named_twice_is_a_usage_error() {
    let scratch = Scratch::new("override-usage");
    let definition = scratch.file("machine.json", CHARGE);
    let out = stepfn(&[&definition, "-t", "Declined:./x.sh"], scratch.path());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "stepfn: --override-task Declined:./x.sh: no Task state (or Map state with an \
         ItemReader) is named `Declined`: the definition's are `Charge`\n"
    );
    let out = stepfn(
        &[&definition, "-t", "Charge:./x.sh", "-t", "Charge:./y.sh"],
        scratch.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("names the state `Charge` twice"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
