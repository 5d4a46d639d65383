//! The `stepfn` binary: output, exit codes, and the whole corpus through `fmt`.

use std::path::Path;
use std::process::{Command, Output};

use std::path::PathBuf;

/// The repository root: the bundled examples and test fixtures live there.
fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The labelled ASL corpus, a test fixture of the repository.
fn corpus_dir() -> PathBuf {
    repository().join("tests/fixtures/asl-corpus")
}

/// One line of `verdicts.jsonl`: the file and AWS's verdict on it.
struct Verdict {
    file: PathBuf,
    valid: bool,
}

fn verdicts(dir: &Path) -> Vec<Verdict> {
    let text = std::fs::read_to_string(dir.join("verdicts.jsonl")).expect("read verdicts.jsonl");
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("verdict line is JSON");
            Verdict {
                file: dir.join(v["file"].as_str().expect("verdict has a file")),
                valid: v["expected"] == "valid",
            }
        })
        .collect()
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

#[test]
fn fmt_prints_the_canonical_form_and_exits_0() {
    let file = "examples/definitions/order-pipeline.asl.json";
    let out = stepfn(&["fmt", file]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let source = std::fs::read_to_string(repository().join(file)).unwrap();
    let machine = stepfn::read::read_str(&source).unwrap();
    assert_eq!(text(&out.stdout), machine.to_json_pretty().unwrap());
    // the bundled file is canonical already: the output is the file
    assert_eq!(text(&out.stdout), source);
    let compact = stepfn(&["fmt", "--compact", file]);
    assert_eq!(
        text(&compact.stdout),
        machine.to_json_compact().unwrap() + "\n"
    );
}

#[test]
fn fmt_reports_problems_as_file_line_col_path_code_message_and_exits_1() {
    let out = stepfn(&["fmt", "examples/definitions/broken.asl.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let stderr = text(&out.stderr);
    let first = stderr.lines().next().unwrap_or_default();
    assert_eq!(
        first,
        "examples/definitions/broken.asl.json:4:14: States.Fetch: MISSING_NEXT_OR_END: \
         the state has neither `Next` nor `\"End\": true`: add one"
    );
    assert_eq!(stderr.lines().count(), 7, "{stderr}");
}

#[test]
fn fmt_check_tells_canonical_from_not() {
    let dir = std::env::temp_dir().join(format!("stepfn-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("m.asl.json");
    let file = file.to_str().unwrap();
    std::fs::write(
        file,
        r#"{"States": {"A": {"Type": "Succeed"}}, "StartAt": "A"}"#,
    )
    .unwrap();
    let out = stepfn(&["fmt", "--check", file]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("not in canonical form"));
    assert_eq!(stepfn(&["fmt", "--write", file]).status.code(), Some(0));
    assert_eq!(stepfn(&["fmt", "--check", file]).status.code(), Some(0));
    assert!(std::fs::read_to_string(file)
        .unwrap()
        .starts_with("{\n  \"StartAt\": \"A\",\n"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn usage_and_io_errors_exit_2() {
    assert_eq!(stepfn(&["fmt", "no/such/file.json"]).status.code(), Some(2));
    assert_eq!(stepfn(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(stepfn(&["fmt"]).status.code(), Some(2));
}

#[test]
fn schema_prints_the_committed_schema() {
    let out = stepfn(&["schema"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        text(&out.stdout),
        include_str!("../../../schema/asl.schema.json")
    );
}

#[test]
fn fmt_over_the_corpus_keeps_valid_files_equal_and_never_crashes() {
    let dir = corpus_dir();
    for verdict in verdicts(&dir) {
        let path = verdict.file.to_str().unwrap();
        let out = stepfn(&["fmt", path]);
        let code = out.status.code();
        if verdict.valid {
            assert_eq!(code, Some(0), "{path}: {}", text(&out.stderr));
            let original: serde_json::Value =
                serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
            let written: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_eq!(written, original, "{path}");
        } else {
            assert!(
                matches!(code, Some(0 | 1)),
                "{path} exited {code:?}: {}",
                text(&out.stderr)
            );
        }
    }
}

#[test]
fn validate_exits_0_and_prints_nothing_for_valid_files() {
    let out = stepfn(&[
        "validate",
        "examples/definitions/order-pipeline.asl.json",
        "examples/definitions/jsonata-greeting.asl.json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stdout));
    assert!(out.stdout.is_empty());
}

#[test]
fn validate_prints_file_line_col_path_code_message_and_exits_1() {
    let out = stepfn(&["validate", "examples/definitions/mistakes.asl.json"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.lines().any(|l| l
            == "examples/definitions/mistakes.asl.json:34:19: States.Charge.Catch[0].Next: \
                DANGLING_NEXT: there is no state named `Refund`"),
        "{stdout}"
    );
}

#[test]
fn validate_json_prints_one_object_per_file() {
    let out = stepfn(&[
        "validate",
        "--format",
        "json",
        "examples/definitions/order-pipeline.asl.json",
        "examples/definitions/mistakes.asl.json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["valid"], true);
    assert_eq!(lines[0]["errors"], serde_json::json!([]));
    assert_eq!(lines[1]["file"], "examples/definitions/mistakes.asl.json");
    assert_eq!(lines[1]["valid"], false);
    let dangling = lines[1]["errors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["code"] == "DANGLING_NEXT")
        .unwrap();
    assert_eq!(
        dangling,
        &serde_json::json!({"path": "States.Charge.Catch[0].Next", "pointer": "/States/Charge/Catch/0/Next", "code": "DANGLING_NEXT",
            "message": "there is no state named `Refund`", "line": 34, "column": 19})
    );
}

#[test]
fn validate_reports_text_that_is_not_json_as_invalid() {
    let dir = std::env::temp_dir().join(format!("stepfn-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("not-json.asl.json");
    std::fs::write(&file, "StartAt: Hello\n").unwrap();
    let out = stepfn(&["validate", "--format", "json", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let line: serde_json::Value = serde_json::from_str(text(&out.stdout).trim()).unwrap();
    assert_eq!(line["valid"], false);
    assert_eq!(line["errors"][0]["code"], "INVALID_JSON");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn validate_exits_2_for_unreadable_files_and_bad_usage() {
    let missing = stepfn(&["validate", "examples/definitions/no-such-file.json"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(text(&missing.stderr).contains("cannot read"));
    let usage = stepfn(&["validate", "--format", "yaml", "x.json"]);
    assert_eq!(usage.status.code(), Some(2));
    let none = stepfn(&["validate"]);
    assert_eq!(none.status.code(), Some(2));
}

#[test]
fn validate_accepts_resource_placeholders_only_when_asked() {
    let dir = corpus_dir();
    let file = dir.join("asl-validator/invalid/invalid-cfn-definition-substitutions.json");
    let file = file.to_str().unwrap();
    assert_eq!(stepfn(&["validate", file]).status.code(), Some(1));
    let relaxed = stepfn(&["validate", "--allow-resource-placeholders", file]);
    assert_eq!(relaxed.status.code(), Some(0), "{}", text(&relaxed.stdout));
}

#[test]
fn validate_json_agrees_with_every_corpus_verdict() {
    let dir = corpus_dir();
    let all = verdicts(&dir);
    let files: Vec<String> = all.iter().map(|v| v.file.display().to_string()).collect();
    let mut args = vec!["validate", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    let out = stepfn(&args);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), all.len());
    for (line, verdict) in lines.iter().zip(&all) {
        assert_eq!(line["file"], verdict.file.display().to_string());
        assert_eq!(line["valid"], verdict.valid, "{line}");
    }
}

#[test]
fn a_reader_that_closes_the_pipe_early_ends_the_command_quietly() {
    use std::io::{BufRead, BufReader};
    use std::process::Stdio;
    for args in [
        vec!["schema"],
        vec!["fmt", "examples/definitions/order-pipeline.asl.json"],
        vec!["validate", "examples/definitions/mistakes.asl.json"],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_stepfn"))
            .args(&args)
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
        // the reader goes away after one line
        let out = child.wait_with_output().expect("finishes");
        assert!(!first.is_empty(), "{args:?}");
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{args:?}: {:?}",
            out.status
        );
        assert!(
            !text(&out.stderr).contains("panicked"),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
}
