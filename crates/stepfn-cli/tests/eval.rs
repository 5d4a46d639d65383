//! `stepfn eval`: results, undefined, errors with code and position, and
//! the JSON-lines mode.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `stepfn` with `args`, feeding `stdin`.
fn stepfn(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_stepfn"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run stepfn");
    if let Some(mut input) = child.stdin.take() {
        input.write_all(stdin.as_bytes()).expect("write stdin");
    }
    child.wait_with_output().expect("wait for stepfn")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A temporary input file holding `json`.
fn input_file(name: &str, json: &str) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("stepfn-eval-{}-{name}.json", std::process::id()));
    std::fs::write(&path, json).expect("write input");
    path
}

#[test]
fn prints_the_result_as_javascript_prints_json() {
    let file = input_file(
        "order",
        r#"{"items": [{"price": 2.5, "qty": 2}, {"price": 1e21, "qty": 1}]}"#,
    );
    let out = stepfn(
        &[
            "eval",
            "{'total': $sum(items.(price * qty)), 'first': items[0]}",
            "--input",
            file.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "{\n  \"total\": 1e+21,\n  \"first\": {\n    \"price\": 2.5,\n    \"qty\": 2\n  }\n}\n"
    );
    let out = stepfn(
        &[
            "eval",
            "items.qty",
            "--input",
            file.to_str().unwrap(),
            "--compact",
        ],
        "",
    );
    assert_eq!(text(&out.stdout), "[2,1]\n");
}

#[test]
fn undefined_is_said_as_such() {
    let out = stepfn(
        &["eval", "$.missing", "--input", "-"],
        r#"{"present": null}"#,
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), "undefined\n");
    assert!(
        text(&out.stderr).contains("undefined"),
        "{}",
        text(&out.stderr)
    );
    let out = stepfn(&["eval", "present", "--input", "-"], r#"{"present": null}"#);
    assert_eq!(text(&out.stdout), "null\n");
}

#[test]
fn input_and_context_may_be_json_text_on_the_command_line() {
    let out = stepfn(
        &[
            "eval",
            "items[qty > 1].price",
            "--input",
            r#"{"items": [{"qty": 2, "price": 5}]}"#,
        ],
        "",
    );
    assert_eq!(
        (out.status.code(), text(&out.stdout)),
        (Some(0), "5\n".to_owned())
    );
    let out = stepfn(
        &[
            "eval",
            "--jsonpath",
            "$$.Execution.Id",
            "--context",
            r#"{"Execution": {"Id": "e-1"}}"#,
        ],
        "",
    );
    assert_eq!(text(&out.stdout), "\"e-1\"\n", "{}", text(&out.stderr));
    // standard input is read once: for --input, not again for --context
    let out = stepfn(
        &[
            "eval",
            "--jsonpath",
            "$$.Execution.Id",
            "--input",
            "-",
            "--context",
            "-",
        ],
        "{}",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr)
            .contains("--context -: standard input already holds the --input document"),
        "{}",
        text(&out.stderr)
    );
    let out = stepfn(&["eval", "a", "--input", "order.jsn"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr)
            .contains("--input order.jsn: there is no file at that path, and it is not JSON text"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn errors_show_code_position_and_message_and_exit_1() {
    let out = stepfn(&["eval", "1 + 'a'"], "");
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("error T2002"), "{err}");
    assert!(err.contains("(byte 2)"), "{err}");
    assert!(err.contains("  1 + 'a'\n    ^"), "{err}");
    let out = stepfn(&["eval", "$x := 1; $x"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("error S0201"),
        "{}",
        text(&out.stderr)
    );
    let out = stepfn(&["eval", "$eval('1')"], "");
    assert!(
        text(&out.stderr).contains("error T1006"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn bindings_clock_and_seed() {
    let out = stepfn(
        &[
            "eval",
            "$states.input.n * 2",
            "--bindings",
            r#"{"states": {"input": {"n": 21}}}"#,
        ],
        "",
    );
    assert_eq!(text(&out.stdout), "42\n");
    let args = [
        "eval",
        "[$now(), $uuid(), $random()]",
        "--now",
        "0",
        "--seed",
        "9",
        "--compact",
    ];
    let first = text(&stepfn(&args, "").stdout);
    assert!(
        first.starts_with("[\"1970-01-01T00:00:00.000Z\",\""),
        "{first}"
    );
    assert_eq!(first, text(&stepfn(&args, "").stdout));
    let out = stepfn(&["eval", "1", "--bindings", "[1]"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--bindings must be a JSON object"));
}

#[test]
fn json_lines_answer_one_line_per_case() {
    let cases = [
        r#"{"expr": "a + 1", "input": {"a": 41}}"#,
        r#"{"expr": "missing", "input": {}}"#,
        r#"{"expr": "$x & '!'", "bindings": {"x": "hi"}}"#,
        r#"{"expr": "(1"}"#,
        r#"{"expr": "$", "input": null}"#,
        r#"not json"#,
        r#"{"expr": "$hash('abc', 'SHA-256')"}"#,
    ];
    let out = stepfn(&["eval", "--jsonl"], &(cases.join("\n") + "\n"));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let lines: Vec<String> = text(&out.stdout).lines().map(str::to_string).collect();
    assert_eq!(
        lines,
        vec![
            r#"{"result":42}"#.to_string(),
            r#"{"undefinedResult":true}"#.to_string(),
            r#"{"result":"hi!"}"#.to_string(),
            r#"{"code":"S0203","position":2,"message":"expected `)` before the end of the expression"}"#.to_string(),
            r#"{"result":null}"#.to_string(),
            r#"{"code":"CASE","position":0,"message":"the case is not JSON: expected ident at line 1 column 2"}"#.to_string(),
            r#"{"result":"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"}"#.to_string(),
        ]
    );
}

#[test]
fn jsonpath_values_as_a_jsonpath_state_computes_them() {
    let file = input_file(
        "jsonpath",
        r#"{"items": [{"n": 1}, {"n": 5}], "who": "Ann"}"#,
    );
    let input = file.to_str().unwrap_or_default();
    let context = input_file("context", r#"{"Execution": {"Id": "arn:e"}}"#);
    let cases = [
        (vec!["$.items[?(@.n > 2)].n"], "[5]"),
        (vec!["$.items[0]"], r#"{"n":1}"#),
        (vec!["States.Format('Hi {}', $.who)"], r#""Hi Ann""#),
        (vec!["$x.y", "--bindings", r#"{"x": {"y": true}}"#], "true"),
        (
            vec![
                "$$.Execution.Id",
                "--context",
                context.to_str().unwrap_or_default(),
            ],
            r#""arn:e""#,
        ),
    ];
    for (args, expected) in cases {
        let mut all = vec!["eval", "--jsonpath", "--compact", "--input", input];
        all.extend(args.iter().copied());
        let out = stepfn(&all, "");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert_eq!(text(&out.stdout).trim_end(), expected, "{args:?}");
    }
    // a path that names one node and finds nothing is AWS's runtime error
    let out = stepfn(&["eval", "--jsonpath", "$.missing", "--input", input], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).starts_with("error States.Runtime: Invalid path '$.missing'"));
    // without --input, `$` is the empty object a StartExecution without input gives
    let out = stepfn(&["eval", "--jsonpath", "--compact", "$"], "");
    assert_eq!(text(&out.stdout).trim_end(), "{}");
}

#[test]
fn json_lines_with_jsonpath() {
    let cases = [
        r#"{"expr": "$.a", "input": {"a": [1, 2]}}"#,
        r#"{"expr": "$$.State.Name", "context": {"State": {"Name": "Go"}}}"#,
        r#"{"expr": "States.ArrayGetItem($.a, 9)", "input": {"a": [1]}}"#,
    ];
    let out = stepfn(
        &["eval", "--jsonl", "--jsonpath"],
        &(cases.join("\n") + "\n"),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let lines: Vec<String> = text(&out.stdout).lines().map(str::to_string).collect();
    assert_eq!(lines[0], r#"{"result":[1,2]}"#);
    assert_eq!(lines[1], r#"{"result":"Go"}"#);
    assert!(lines[2].starts_with(r#"{"code":"States.IntrinsicFailure","position":0,"#));
}
