//! `stepfn validate` over folders, its summary line, `--deny-warnings`,
//! colour, and its machine-readable formats; `fmt` over several files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn stepfn(args: &[&str]) -> Output {
    stepfn_with(args, &[])
}

fn stepfn_with(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_stepfn"));
    command
        .args(args)
        .current_dir(repository())
        .env_remove("NO_COLOR");
    for (k, v) in env {
        command.env(k, v);
    }
    command.output().expect("run stepfn")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A fresh folder of the system's temporary directory, removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("stepfn-formats-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn file(&self, name: &str, content: &str) -> String {
        let path = self.0.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, content).unwrap();
        path.display().to_string()
    }

    fn path(&self) -> String {
        self.0.display().to_string()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

const VALID: &str = r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#;
const INVALID: &str = r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}}}"#;
const WARNS: &str = r#"{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage", "End": true}}}"#;

#[test]
fn a_folder_is_walked_and_files_that_are_not_definitions_are_skipped() {
    let dir = Scratch::new("walk");
    dir.file("a.asl.json", VALID);
    dir.file("nested/deeper/b.json", INVALID);
    dir.file(
        "nested/c.asl.yaml",
        "StartAt: A\nStates:\n  A: {Type: Succeed}\n",
    );
    dir.file("package.json", r#"{"name": "app", "version": "1.0.0"}"#);
    dir.file("docker-compose.yml", "services:\n  web: {image: nginx}\n");
    dir.file("notes.txt", "StartAt: nothing");
    dir.file("node_modules/x/y.asl.json", INVALID);
    dir.file(".hidden/z.asl.json", INVALID);
    let out = stepfn(&["validate", &dir.path()]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert_eq!(stdout.lines().count(), 2, "{stdout}");
    assert!(
        stdout.contains("deeper/b.json:1:28: States: NO_TERMINAL_STATE"),
        "{stdout}"
    );
    assert!(
        stdout.contains("deeper/b.json:1:59: States.A.Next: DANGLING_NEXT"),
        "{stdout}"
    );
    assert_eq!(
        text(&out.stderr),
        "3 files: 1 invalid, 2 errors, 0 warnings\n"
    );
}

#[test]
fn the_summary_counts_files_errors_and_warnings() {
    let dir = Scratch::new("summary");
    let valid = dir.file("valid.asl.json", VALID);
    let warns = dir.file("warns.asl.json", WARNS);
    let out = stepfn(&["validate", &valid]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert_eq!(text(&out.stderr), "1 file: all valid\n");
    let out = stepfn(&["validate", &valid, &warns]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stderr), "2 files: all valid, 1 warning\n");
}

#[test]
fn deny_warnings_fails_on_a_warning() {
    let dir = Scratch::new("deny");
    let warns = dir.file("warns.asl.json", WARNS);
    let out = stepfn(&["validate", "--deny-warnings", &warns]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "1 file: 1 invalid, 0 errors, 1 warning\n"
    );
    let json = stepfn(&["validate", "--deny-warnings", "--format", "json", &warns]);
    let line: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(line["valid"], false);
    assert_eq!(line["warnings"][0]["code"], "TASK_WITHOUT_TIMEOUT");
}

#[test]
fn a_folder_with_nothing_to_check_is_an_error() {
    let dir = Scratch::new("empty");
    dir.file("package.json", "{}");
    let out = stepfn(&["validate", &dir.path()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("no ASL definitions or templates"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let file = "examples/definitions/mistakes.asl.json";
    // piped: no colour
    let plain = stepfn(&["validate", file]);
    assert!(!text(&plain.stdout).contains('\x1b'));
    assert!(!text(&plain.stderr).contains('\x1b'));
    let always = stepfn(&["validate", "--color", "always", file]);
    let line = text(&always.stdout)
        .lines()
        .next()
        .unwrap_or_default()
        .to_owned();
    assert!(
        line.starts_with("\x1b[1mexamples/definitions/mistakes.asl.json:11:24:\x1b[0m"),
        "{line:?}"
    );
    assert!(
        line.contains("\x1b[1;31mINVALID_INTRINSIC\x1b[0m"),
        "{line:?}"
    );
    assert!(text(&always.stderr).contains("\x1b[1;31m"));
    let never = stepfn_with(
        &["validate", "--color", "never", file],
        &[("NO_COLOR", "1")],
    );
    assert!(!text(&never.stdout).contains('\x1b'));
}

/// Runs `stepfn ARGS` on a pseudo-terminal (util-linux `script`, part of
/// every Debian system), as a user at a terminal would.
fn on_a_terminal(args: &str, no_color: bool) -> String {
    let mut command = Command::new("script");
    command
        .args([
            "-qec",
            &format!("{} {args}", env!("CARGO_BIN_EXE_stepfn")),
            "/dev/null",
        ])
        .current_dir(repository())
        .env_remove("NO_COLOR");
    if no_color {
        command.env("NO_COLOR", "1");
    }
    text(&command.output().expect("run script").stdout)
}

#[test]
fn a_terminal_gets_colour_unless_no_color_is_set() {
    let file = "examples/definitions/mistakes.asl.json";
    let coloured = on_a_terminal(&format!("validate {file}"), false);
    assert!(
        coloured.starts_with(&format!("\x1b[1m{file}:11:24:\x1b[0m")),
        "{coloured:?}"
    );
    let plain = on_a_terminal(&format!("validate {file}"), true);
    assert!(plain.starts_with(&format!("{file}:11:24: ")), "{plain:?}");
    assert!(!plain.contains('\x1b'), "{plain:?}");
}

#[test]
fn github_format_writes_annotations() {
    let out = stepfn(&[
        "validate",
        "--format",
        "github",
        "examples/definitions/mistakes.asl.json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.lines().any(|l| l
            == "::error file=examples/definitions/mistakes.asl.json,line=34,col=19,title=DANGLING_NEXT::\
                States.Charge.Catch[0].Next: there is no state named `Refund`"),
        "{stdout}"
    );
    assert!(
        stdout
            .lines()
            .all(|l| l.starts_with("::error ") || l.starts_with("::warning ")),
        "{stdout}"
    );
}

#[test]
fn sarif_output_conforms_to_the_sarif_2_1_0_schema() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repository().join("tests/fixtures/sarif/sarif-schema-2.1.0.json"))
            .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the SARIF schema compiles");
    let out = stepfn(&[
        "validate",
        "--format",
        "sarif",
        "examples/definitions",
        "tests/fixtures/templates",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let log: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "stepfn");
    let results = run["results"].as_array().unwrap();
    let dangling = results
        .iter()
        .find(|r| {
            r["ruleId"] == "DANGLING_NEXT"
                && r["message"]["text"].as_str().unwrap().contains("`Refund`")
        })
        .expect("the dangling Catch of mistakes.asl.json");
    assert_eq!(dangling["level"], "error");
    let location = &dangling["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"],
        "examples/definitions/mistakes.asl.json"
    );
    assert_eq!(location["region"]["startLine"], 34);
    assert_eq!(location["region"]["startColumn"], 19);
    // every result names a rule the driver describes
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    for r in results {
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], r["ruleId"]);
        assert!(!rules[index]["shortDescription"]["text"]
            .as_str()
            .unwrap()
            .is_empty());
    }
    // a template's problem names its state machine
    assert!(results.iter().any(
        |r| r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
            == "RefundMachine/States.Refund.Next"
    ));
}

#[test]
fn fmt_checks_and_writes_several_files_and_folders() {
    let dir = Scratch::new("fmt");
    let canonical = stepfn::read::read_str(VALID)
        .unwrap()
        .to_json_pretty()
        .unwrap();
    let a = dir.file("a.asl.json", &canonical);
    let b = dir.file("sub/b.asl.json", VALID);
    dir.file("sub/template.yaml", "Resources: {}\n");
    dir.file("sub/package.json", r#"{"name": "x"}"#);
    let check = stepfn(&["fmt", "--check", &dir.path()]);
    assert_eq!(check.status.code(), Some(1));
    assert_eq!(
        text(&check.stderr),
        format!("{b}: not in canonical form (run `stepfn fmt --write {b}`)\n")
    );
    let write = stepfn(&["fmt", "--write", &a, &dir.path()]);
    assert_eq!(write.status.code(), Some(0), "{}", text(&write.stderr));
    assert_eq!(std::fs::read_to_string(&b).unwrap(), canonical);
    assert_eq!(
        std::fs::read_to_string(dir.0.join("sub/package.json")).unwrap(),
        r#"{"name": "x"}"#
    );
    assert_eq!(
        stepfn(&["fmt", "--check", &dir.path()]).status.code(),
        Some(0)
    );
    // several files need --check or --write
    let usage = stepfn(&["fmt", &a, &b]);
    assert_eq!(usage.status.code(), Some(2));
    assert!(
        text(&usage.stderr).contains("--check"),
        "{}",
        text(&usage.stderr)
    );
}

#[test]
fn fmt_prints_a_yaml_definition_as_json_and_leaves_it_unwritten() {
    let file = "tests/fixtures/templates/sam/statemachine/order.asl.yaml";
    let out = stepfn(&["fmt", file]);
    // it reads, but has a shape problem (`TimeoutSeconds: "60"`), placed in the YAML
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        format!("{file}:24:21: States.Ship.TimeoutSeconds: WRONG_TYPE: found the string \"60\": write the value without quotes (a string here is a {{% ... %}} expression, which only JSONata states take)\n")
    );
    let write = stepfn(&["fmt", "--write", file]);
    assert_eq!(write.status.code(), Some(2));
    assert!(
        text(&write.stderr).contains("is YAML"),
        "{}",
        text(&write.stderr)
    );
    let template = stepfn(&["fmt", "tests/fixtures/templates/sam/template.yaml"]);
    assert_eq!(template.status.code(), Some(2));
    assert!(
        text(&template.stderr).contains("is a template"),
        "{}",
        text(&template.stderr)
    );
}

#[test]
fn a_closed_pipe_ends_every_format_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    for format in ["text", "json", "sarif", "github"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_stepfn"))
            .args([
                "validate",
                "--format",
                format,
                "examples/definitions",
                "tests/fixtures/asl-corpus",
            ])
            .current_dir(repository())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run stepfn");
        let stdout = child.stdout.take().expect("piped");
        let mut first = String::new();
        BufReader::new(stdout)
            .read_line(&mut first)
            .expect("a line");
        let out = child.wait_with_output().expect("finishes");
        assert!(!first.is_empty(), "{format}");
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{format}: {:?}",
            out.status
        );
        assert!(
            !text(&out.stderr).contains("panicked"),
            "{format}: {}",
            text(&out.stderr)
        );
    }
}
