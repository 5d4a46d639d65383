//! `stepfn import`: Rust code on standard output or in a file, templates,
//! refused invalid definitions, exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn stepfn(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stepfn"))
        .args(args)
        .current_dir(repository())
        .output()
        .expect("the stepfn binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const POLLER: &str = "tests/fixtures/cdk/job-poller.asl.json";

#[test]
fn import_prints_builder_code_for_a_definition() {
    let out = stepfn(&["import", POLLER]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    let code = text(&out.stdout);
    assert!(code.starts_with("//! "));
    assert!(code.contains("use stepfn::prelude::*;\nuse stepfn::tasks::LambdaInvoke;\n"));
    assert!(code.contains("pub fn state_machine() -> Result<Built, Problems> {\n"));
    assert!(code.contains(
        "    let wait_x_seconds = Wait::seconds_path(\"Wait X Seconds\", \"$.waitSeconds\");\n"
    ));
    assert!(code.contains(".otherwise(Goto::new(\"Wait X Seconds\"));"));
    assert!(!code.contains("fn main"));
}

#[test]
fn import_writes_a_program_to_the_output_file() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("import-cli");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("poller.rs");
    let out = stepfn(&["import", POLLER, "--main", "-o", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());
    let code = std::fs::read_to_string(&file).unwrap();
    assert!(code.contains("\nfn main() -> Result<(), Box<dyn std::error::Error>> {\n"));
}

#[test]
fn import_reads_standard_input() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_stepfn"))
        .args(["import", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run stepfn");
    std::io::Write::write_all(
        &mut child.stdin.take().expect("stdin"),
        br#"{"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}"#,
    )
    .expect("write the definition");
    let out = child.wait_with_output().expect("finishes");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("StateMachine::new(done).build()"));
}

#[test]
fn import_takes_a_state_machine_of_a_template_with_its_placeholders() {
    let template = "tests/fixtures/templates/cdk.out/JobPoller.template.json";
    let out = stepfn(&["import", template]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let code = text(&out.stdout);
    assert!(code.contains(r#"LambdaInvoke::new("Get Job Status", "${GetJobStatus6566FE72.Arn}")"#));
    assert!(code.contains(".validator(Validator::new().allow_resource_placeholders(true))"));

    let sam = "tests/fixtures/templates/sam/template.yaml";
    let several = stepfn(&["import", sam]);
    assert_eq!(several.status.code(), Some(2));
    assert!(text(&several.stderr).contains("choose one with `--machine ID`"));
}

#[test]
fn import_refuses_a_definition_that_does_not_validate_listing_its_problems() {
    let file = "examples/definitions/mistakes.asl.json";
    let out = stepfn(&["import", file]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = text(&out.stderr);
    let validate = text(&stepfn(&["validate", file, "--color", "never"]).stdout);
    let errors: Vec<&str> = validate
        .lines()
        .filter(|l| !l.contains(": warning: "))
        .collect();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(&lines[..lines.len() - 1], errors.as_slice());
    assert_eq!(
        lines.last().copied(),
        Some(format!("stepfn: {file} does not validate ({} errors): fix it first, import takes definitions AWS accepts", errors.len()).as_str())
    );
}

#[test]
fn import_of_a_missing_file_is_a_usage_error() {
    let out = stepfn(&["import", "no/such/file.asl.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("stepfn: cannot read no/such/file.asl.json"));
}

#[test]
fn a_reader_that_closes_the_pipe_early_ends_import_quietly() {
    use std::io::{BufRead, BufReader};
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("import-cli");
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("long.asl.json");
    let states: Vec<String> = (0..5_000)
        .map(|i| format!(r#""S{i}": {{"Type": "Pass", "Next": "S{}"}}"#, i + 1))
        .collect();
    std::fs::write(
        &file,
        format!(
            r#"{{"StartAt": "S0", "States": {{{}, "S5000": {{"Type": "Succeed"}}}}}}"#,
            states.join(",")
        ),
    )
    .unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_stepfn"))
        .args(["import", file.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run stepfn");
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("piped"))
        .read_line(&mut first)
        .expect("a line");
    let out = child.wait_with_output().expect("finishes");
    assert!(first.starts_with("//! "));
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
}
