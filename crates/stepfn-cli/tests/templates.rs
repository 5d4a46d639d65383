//! `stepfn validate` on templates and YAML definitions: problems placed in
//! the template (or the file a `DefinitionUri` names), each with its state
//! machine's logical id.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn stepfn(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stepfn"))
        .args(args)
        .current_dir(repository())
        .output()
        .expect("run stepfn")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const SAM: &str = "tests/fixtures/templates/sam/template.yaml";
const ORDER: &str = "tests/fixtures/templates/sam/statemachine/order.asl.yaml";

#[test]
fn a_sam_template_reports_each_problem_with_its_file_place_and_machine() {
    let out = stepfn(&["validate", SAM]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines,
        [
            format!("{ORDER}:14:22: OrderMachine: States.Charge.Retry[0].ErrorEquals: STATES_ALL_NOT_ALONE_OR_LAST: the retrier with `States.ALL` must be the last one: move it after the others, which it would otherwise hide").as_str(),
            &format!("{ORDER}:24:21: OrderMachine: States.Ship.TimeoutSeconds: WRONG_TYPE: found the string \"60\": write the value without quotes (a string here is a {{% ... %}} expression, which only JSONata states take)"),
            &format!("{SAM}:43:19: RefundMachine: States.Refund.Next: DANGLING_NEXT: there is no state named `Notify`"),
            &format!("{SAM}:45:13: RefundMachine: States.Notified: UNREACHABLE_STATE: no transition leads to this state from `StartAt`: add a `Next`, `Default` or `Catch` that points here, or remove it"),
            &format!("{SAM}:58:27: AuditMachine: States.Record.Resource: UNSUPPORTED_INTEGRATION_PATTERN: `dynamodb:putItem` cannot run as a job (`.sync`): dynamodb supports request-response only (no suffix)"),
            &format!("{SAM}:70:22: ArchiveMachine: Resources.ArchiveMachine.Properties.DefinitionUri: DEFINITION_NOT_CHECKED: warning: not checked: the definition is in S3 (`s3://orders-artifacts/archive.asl.json`); check the file it was uploaded from"),
        ]
    );
    assert_eq!(
        text(&out.stderr),
        "1 file, 4 definitions: 3 invalid, 5 errors, 1 warning\n"
    );
}

#[test]
fn json_output_names_the_machine_and_the_file_of_a_definition_uri() {
    let out = stepfn(&["validate", "--format", "json", SAM]);
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one line of JSON");
    assert_eq!(line["file"], SAM);
    assert_eq!(line["valid"], false);
    let first = &line["errors"][0];
    assert_eq!(first["machine"], "OrderMachine");
    assert_eq!(first["file"], ORDER);
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(14), Some(22))
    );
    let refund = &line["errors"][2];
    assert_eq!(refund["machine"], "RefundMachine");
    assert!(refund.get("file").is_none(), "{refund}");
}

#[test]
fn a_cdk_out_folder_checks_its_template_and_skips_the_rest() {
    let out = stepfn(&["validate", "tests/fixtures/templates/cdk.out"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    let stdout = text(&out.stdout);
    assert_eq!(stdout.lines().count(), 4, "{stdout}");
    assert!(
        stdout.lines().all(|l| l
            .starts_with("tests/fixtures/templates/cdk.out/JobPoller.template.json:")
            && l.contains(": JobPollerMachine474ACC50: States[")
            && l.contains(": warning: ")),
        "{stdout}"
    );
    assert_eq!(text(&out.stderr), "1 file: all valid, 4 warnings\n");
}

#[test]
fn a_folder_checks_a_definition_uri_file_once_through_its_template() {
    let out = stepfn(&["validate", "tests/fixtures/templates"]);
    let stdout = text(&out.stdout);
    // order.asl.yaml is not checked on its own (its placeholders would be
    // unsubstituted): its two problems appear once, under OrderMachine
    assert_eq!(stdout.matches("order.asl.yaml:").count(), 2, "{stdout}");
    assert!(stdout
        .lines()
        .filter(|l| l.contains("order.asl.yaml:"))
        .all(|l| l.contains(": OrderMachine: ")));
    assert_eq!(
        text(&out.stderr),
        "2 files, 5 definitions: 3 invalid, 5 errors, 5 warnings\n"
    );
    // named on the command line, it is checked on its own
    let alone = stepfn(&["validate", ORDER]);
    assert_eq!(alone.status.code(), Some(1));
    assert!(text(&alone.stdout).starts_with(&format!(
        "{ORDER}:14:22: States.Charge.Retry[0].ErrorEquals:"
    )));
}

#[test]
fn standard_input_may_be_yaml() {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_stepfn"))
        .args(["validate", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run stepfn");
    child
        .stdin
        .take()
        .expect("piped")
        .write_all(b"StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: B\n")
        .expect("written");
    let out = child.wait_with_output().expect("finishes");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stdout),
        "<stdin>:3:3: States: NO_TERMINAL_STATE: no state here ends the workflow: give one state `\"End\": true` or add a Succeed or Fail state\n\
         <stdin>:5:11: States.A.Next: DANGLING_NEXT: there is no state named `B`\n"
    );
}
