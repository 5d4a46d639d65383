//! `stepfn graph` and `stepfn diff`: output, files, exit codes.

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
        .expect("the stepfn binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

const POLLER: &str = "tests/fixtures/cdk/job-poller.asl.json";

#[test]
fn graph_prints_mermaid_by_default_and_dot_or_svg_on_request() {
    let mermaid = stepfn(&["graph", POLLER]);
    assert_eq!(mermaid.status.code(), Some(0));
    assert!(stdout(&mermaid).starts_with("flowchart TD\n"));
    let dot = stepfn(&["graph", POLLER, "--format", "dot"]);
    assert!(stdout(&dot).starts_with("digraph state_machine {"));
    let svg = stepfn(&["graph", POLLER, "--format", "svg"]);
    assert_eq!(
        svg.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&svg.stderr)
    );
    assert!(stdout(&svg).contains("<title>Job Complete?</title>"));
}

#[test]
fn graph_writes_the_output_file() {
    let dir = std::env::temp_dir().join(format!("stepfn-graph-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("poller.svg");
    let run = stepfn(&[
        "graph",
        POLLER,
        "--format",
        "svg",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(0));
    assert!(stdout(&run).is_empty());
    let written = std::fs::read_to_string(&out).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(written.starts_with("<svg"));
}

#[test]
fn graph_of_a_broken_definition_reports_its_problems_and_exits_1() {
    let run = stepfn(&["graph", "examples/definitions/broken.asl.json"]);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("examples/definitions/broken.asl.json:"));
}

#[test]
fn diff_exits_0_when_equal_1_when_different_2_on_error() {
    let same = stepfn(&["diff", POLLER, POLLER]);
    assert_eq!(same.status.code(), Some(0));
    assert!(stdout(&same).is_empty());

    let dir = std::env::temp_dir().join(format!("stepfn-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let changed = dir.join("poller.json");
    let text = std::fs::read_to_string(repository().join(POLLER)).unwrap();
    std::fs::write(
        &changed,
        text.replace("\"TimeoutSeconds\": 300", "\"TimeoutSeconds\": 600"),
    )
    .unwrap();
    let different = stepfn(&["diff", POLLER, changed.to_str().unwrap()]);
    let json = stepfn(&[
        "diff",
        POLLER,
        changed.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let missing = stepfn(&["diff", POLLER, dir.join("missing.json").to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).unwrap();

    assert_eq!(different.status.code(), Some(1));
    assert_eq!(stdout(&different), "changed TimeoutSeconds: 300 -> 600\n");
    assert_eq!(json.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(value["changes"][0]["pointer"], "/TimeoutSeconds");
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("cannot read"));
}

const SAM: &str = "tests/fixtures/templates/sam/template.yaml";
const CDK_OUT: &str = "tests/fixtures/templates/cdk.out/JobPoller.template.json";

#[test]
fn graph_and_diff_read_templates_and_pick_a_machine_by_its_logical_id() {
    let several = stepfn(&["graph", SAM]);
    assert_eq!(several.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&several.stderr).contains(
        "holds 4 state machines (OrderMachine, RefundMachine, AuditMachine, ArchiveMachine): \
         choose one with `--machine ID`"
    ));
    let refund = stepfn(&["graph", SAM, "--machine", "RefundMachine"]);
    assert_eq!(refund.status.code(), Some(0));
    assert!(stdout(&refund).contains("Notified"));
    let missing = stepfn(&["graph", SAM, "--machine", "Nope"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("has no state machine `Nope`"));

    // The CDK's template holds the Job Poller with its function ARNs left as
    // the placeholders CloudFormation fills in: they are all that differs.
    let diff = stepfn(&["diff", CDK_OUT, POLLER]);
    assert_eq!(diff.status.code(), Some(1));
    let changes = stdout(&diff);
    assert!(changes.contains(
        "changed States[\"Submit Job\"].Parameters.FunctionName: \"${SubmitJobFB773A16.Arn}\" -> "
    ), "{changes}");
    assert_eq!(changes.lines().count(), 4, "{changes}");
}

#[test]
fn a_broken_definition_in_a_template_is_reported_where_it_is_written() {
    let broken = stepfn(&["graph", SAM, "--machine", "OrderMachine"]);
    assert_eq!(broken.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&broken.stderr);
    assert!(
        stderr.contains(
            "tests/fixtures/templates/sam/statemachine/order.asl.yaml:24:21: OrderMachine: \
             States.Ship.TimeoutSeconds: WRONG_TYPE"
        ),
        "{stderr}"
    );
}
