//! The `stepfn` binary: output, exit codes, and the whole corpus through `fmt`.

use std::path::Path;
use std::process::{Command, Output};

use super::prelude::{corpus_dir, verdicts};

fn stepfn(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_stepfn"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
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
    let source = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).unwrap();
    let machine = stepfn::read::read_str(&source).unwrap();
    assert_eq!(text(&out.stdout), machine.to_json_pretty().unwrap() + "\n");
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
        include_str!("../../schema/asl.schema.json")
    );
}

#[test]
fn fmt_over_the_corpus_keeps_valid_files_equal_and_never_crashes() {
    let Some(dir) = corpus_dir() else { return };
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
