//! `stepfn run`: how an execution ended, as text or one JSON line, and the
//! exit codes (0 succeeded; 1 failed, timed out or aborted; 2 usage or a
//! definition that does not validate).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn repository() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Runs `stepfn run` with `args`, the definition given on standard input.
fn run(definition: &str, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_stepfn"))
        .arg("run")
        .arg("-")
        .args(args)
        .current_dir(repository())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run stepfn");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(definition.as_bytes())
        .expect("write the definition");
    child.wait_with_output().expect("stepfn ends")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const COUNTER: &str = r#"{"StartAt": "Add", "States": {
    "Add": {"Type": "Pass", "Parameters": {"n.$": "States.MathAdd($.n, 1)"}, "Next": "Check"},
    "Check": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericLessThan": 3, "Next": "Add"}],
              "Default": "Done"},
    "Done": {"Type": "Succeed"}}}"#;

#[test]
fn a_succeeded_run_prints_one_json_line_and_exits_0() {
    let out = run(COUNTER, &["--input", r#"{"n": 0}"#, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "{\"status\":\"SUCCEEDED\",\"output\":{\"n\":3},\"error\":null,\"cause\":null}\n"
    );
}

#[test]
fn max_transitions_stops_a_run_that_loops_past_it() {
    let stopped = run(
        COUNTER,
        &["--input", r#"{"n": 0}"#, "--max-transitions", "4"],
    );
    assert_eq!(stopped.status.code(), Some(1), "{}", text(&stopped.stderr));
    assert!(
        text(&stopped.stdout)
            .starts_with("status: ABORTED\nerror: stepfn.TransitionBudgetExceeded\n"),
        "{}",
        text(&stopped.stdout)
    );
    let enough = run(
        COUNTER,
        &["--input", r#"{"n": 0}"#, "--max-transitions", "100"],
    );
    assert_eq!(enough.status.code(), Some(0), "{}", text(&enough.stderr));
}

#[test]
fn a_failed_run_prints_error_and_cause_and_exits_1() {
    let fail = r#"{"StartAt": "F", "States": {"F": {"Type": "Fail", "Error": "Order.Lost", "Cause": "gone"}}}"#;
    let out = run(fail, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stdout),
        "status: FAILED\nerror: Order.Lost\ncause: gone\n"
    );
}

#[test]
fn a_definition_that_does_not_validate_lists_its_problems_and_exits_2() {
    let out = run(
        r#"{"StartAt": "Missing", "States": {"A": {"Type": "Succeed"}}}"#,
        &[],
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(
            "<stdin>:1:13: StartAt: DANGLING_START_AT: there is no state named `Missing`"
        ),
        "{stderr}"
    );
    assert!(
        stderr.ends_with("stepfn: <stdin> does not validate\n"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn input_that_is_neither_a_file_nor_json_is_a_usage_error() {
    let out = run(COUNTER, &["--input", "{n: 0"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("--input is not valid JSON text (key must be a string"),
        "{}",
        text(&out.stderr)
    );
    let out = run(COUNTER, &["--input", "input.jsn"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr)
            .contains("--input input.jsn: there is no file at that path, and it is not JSON text"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_task_without_a_handler_fails_naming_the_state_and_the_options_that_answer_it() {
    let task = r#"{"StartAt": "Get", "States": {"Get": {"Type": "Task",
        "Resource": "arn:aws:states:::dynamodb:getItem", "End": true}}}"#;
    let out = run(task, &["--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let line: serde_json::Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    assert_eq!(line["status"], "FAILED");
    // The command line has no handlers to register: the advice is its options.
    assert_eq!(
        line["cause"],
        "No handler answers the Task state 'Get' (Resource arn:aws:states:::dynamodb:getItem): \
         answer it with a program, `--override-task 'STATE:PROGRAM'`, or give it a response in a \
         Step Functions Local mock file and run with `--mocks MockConfigFile.json --test-case NAME`"
    );
}

#[test]
fn mocks_answer_tasks_from_the_test_case_named() {
    let dir = std::env::temp_dir().join(format!("stepfn-run-mocks-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mocks = dir.join("MockConfigFile.json");
    std::fs::write(
        &mocks,
        r#"{"StateMachines": {"M": {"TestCases": {"Found": {"Get": "Ann"}}}},
            "MockedResponses": {"Ann": {"0": {"Return": {"Item": {"name": {"S": "Ann"}}}}}}}"#,
    )
    .unwrap();
    let task = r#"{"StartAt": "Get", "States": {"Get": {"Type": "Task",
        "Resource": "arn:aws:states:::dynamodb:getItem", "OutputPath": "$.Item.name.S", "End": true}}}"#;
    let two_tasks = r#"{"StartAt": "Get", "States": {"Get": {"Type": "Task",
        "Resource": "arn:aws:states:::dynamodb:getItem", "Next": "Put"},
        "Put": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem", "End": true}}}"#;
    let mocks_arg = mocks.to_string_lossy().into_owned();
    let unmocked = run(
        two_tasks,
        &[
            "--mocks",
            &mocks_arg,
            "--test-case",
            "Found",
            "--format",
            "json",
        ],
    );
    let out = run(
        task,
        &[
            "--mocks",
            &mocks_arg,
            "--test-case",
            "Found",
            "--format",
            "json",
        ],
    );
    let unknown = run(task, &["--mocks", &mocks_arg, "--test-case", "Lost"]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).starts_with(r#"{"status":"SUCCEEDED","output":"Ann""#));
    assert_eq!(unmocked.status.code(), Some(1));
    let line: serde_json::Value = serde_json::from_str(&text(&unmocked.stdout)).unwrap();
    assert_eq!(
        line["cause"],
        format!(
            "No handler answers the Task state 'Put' (Resource arn:aws:states:::dynamodb:putItem): \
             give it a response in test case `Found` of {mocks_arg}, or answer it with a \
             program, `--override-task 'STATE:PROGRAM'`"
        )
    );
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        text(&unknown.stderr).contains("Lost"),
        "{}",
        text(&unknown.stderr)
    );
}

#[test]
fn history_lists_the_events_before_the_outcome() {
    let out = run(COUNTER, &["--input", r#"{"n": 2}"#, "--history"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    let types: Vec<&str> = stdout
        .lines()
        .filter_map(|line| line.split_whitespace().nth(3))
        .collect();
    assert_eq!(
        types,
        [
            "ExecutionStarted",
            "PassStateEntered",
            "PassStateExited",
            "ChoiceStateEntered",
            "ChoiceStateExited",
            "SucceedStateEntered",
            "SucceedStateExited",
            "ExecutionSucceeded"
        ]
    );
    assert!(
        stdout.ends_with("status: SUCCEEDED\noutput: {\"n\":3}\n"),
        "{stdout}"
    );
}

#[test]
fn express_checks_the_express_rules() {
    let callback = r#"{"StartAt": "Wait", "States": {"Wait": {"Type": "Task",
        "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        "Parameters": {"QueueUrl": "q", "MessageBody.$": "$$.Task.Token"}, "End": true}}}"#;
    let out = run(callback, &["--express"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("Express"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn the_jsonata_example_runs_to_its_catcher_without_a_table() {
    let definition = std::fs::read_to_string(
        repository().join("examples/definitions/jsonata-greeting.asl.json"),
    )
    .unwrap();
    let out = run(
        &definition,
        &[
            "--input",
            r#"{"name": "Ann", "timeout": 5}"#,
            "--format",
            "json",
        ],
    );
    let line: serde_json::Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    assert_ne!(line["status"], "RUNNING", "{line}");
    assert!(matches!(out.status.code(), Some(0 | 1)));
}

#[test]
fn context_fields_replace_the_ones_the_run_gives_in_paths_and_jsonata() {
    let reads_context = r#"{"StartAt": "Path", "States": {
        "Path": {"Type": "Pass", "Parameters": {"name.$": "$$.Execution.Name",
            "machine.$": "$$.StateMachine.Name", "trace.$": "$$.Execution.TraceHeader"}, "Next": "Jsonata"},
        "Jsonata": {"Type": "Pass", "QueryLanguage": "JSONata",
            "Output": {"path": "{% $states.input %}", "name": "{% $states.context.Execution.Name %}"},
            "End": true}}}"#;
    let out = run(
        reads_context,
        &[
            "--context",
            r#"{"Execution": {"Name": "order-7", "TraceHeader": "Root=1-abc"}}"#,
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let line: serde_json::Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    // the fields not given keep the run's values
    assert_eq!(
        line["output"],
        serde_json::json!({
            "path": {"name": "order-7", "machine": "StateMachine", "trace": "Root=1-abc"},
            "name": "order-7"
        })
    );
    let out = run(reads_context, &["--context", "[1]"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("--context [1]: give an object of Context Object fields"),
        "{}",
        text(&out.stderr)
    );
}

/// Starts `stepfn run FILE --jsonl` with its standard streams piped.
fn spawn_jsonl(file: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_stepfn"))
        .arg("run")
        .arg(file)
        .arg("--jsonl")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run stepfn")
}

/// Runs `stepfn run DEFINITION --jsonl`, the definition in a file and the
/// inputs on standard input.
fn run_lines(definition: &str, lines: &str) -> Output {
    let file = std::env::temp_dir().join(format!(
        "stepfn-run-jsonl-{}-{}.json",
        std::process::id(),
        lines.len()
    ));
    std::fs::write(&file, definition).expect("write the definition");
    let mut child = spawn_jsonl(&file);
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(lines.as_bytes())
        .expect("write the inputs");
    let out = child.wait_with_output().expect("stepfn ends");
    std::fs::remove_file(&file).expect("remove the definition");
    out
}

#[test]
fn jsonl_runs_one_execution_per_line_and_prints_one_line_each() {
    let out = run_lines(COUNTER, "{\"n\": 0}\n\n{\"n\": 2}\n");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "{\"status\":\"SUCCEEDED\",\"output\":{\"n\":3},\"error\":null,\"cause\":null}\n\
         {\"status\":\"SUCCEEDED\",\"output\":{\"n\":3},\"error\":null,\"cause\":null}\n"
    );
    // one that fails makes the exit code 1; the others still run
    let out = run_lines(COUNTER, "{\"n\": \"x\"}\n{\"n\": 1}\n");
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["status"], "FAILED");
    assert_eq!(lines[1]["status"], "SUCCEEDED");
    // a line that is not JSON stops the run, naming the line
    let out = run_lines(COUNTER, "{\"n\": 0}\n{n: 1}\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("line 2 of standard input is not JSON"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn yaml_definitions_and_templates_run_their_placeholders_answered_by_mocks() {
    let dir = std::env::temp_dir().join(format!("stepfn-run-template-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("order.asl.yaml"),
        "StartAt: Charge\nStates:\n  Charge:\n    Type: Task\n    \
         Resource: arn:aws:states:::lambda:invoke\n    Parameters:\n      \
         FunctionName: ${ChargeFunctionArn}\n      Payload.$: $\n    \
         OutputPath: $.Payload\n    End: true\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("template.yaml"),
        "Resources:\n  OrderMachine:\n    Type: AWS::Serverless::StateMachine\n    \
         Properties:\n      DefinitionUri: order.asl.yaml\n  RefundMachine:\n    \
         Type: AWS::Serverless::StateMachine\n    Properties:\n      Definition:\n        \
         StartAt: Refund\n        States:\n          Refund:\n            Type: Task\n            \
         Resource: !GetAtt RefundFunction.Arn\n            End: true\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("mocks.json"),
        r#"{"StateMachines": {"OrderMachine": {"TestCases": {"Paid": {"Charge": "Charged", "Refund": "Charged"}}}},
            "MockedResponses": {"Charged": {"0": {"Return": {"Payload": {"id": "ch_1"}}}}}}"#,
    )
    .unwrap();
    let stepfn = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_stepfn"))
            .arg("run")
            .args(args)
            .args([
                "--mocks",
                "mocks.json",
                "--test-case",
                "Paid",
                "--format",
                "json",
            ])
            .current_dir(&dir)
            .output()
            .expect("run stepfn")
    };
    let yaml = stepfn(&["order.asl.yaml"]);
    let order = stepfn(&["template.yaml", "--machine", "OrderMachine"]);
    let refund = stepfn(&["template.yaml", "--machine", "RefundMachine"]);
    let unchosen = stepfn(&["template.yaml"]);
    std::fs::remove_dir_all(&dir).unwrap();
    for out in [&yaml, &order] {
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert!(
            text(&out.stdout).starts_with(r#"{"status":"SUCCEEDED","output":{"id":"ch_1"}"#),
            "{}",
            text(&out.stdout)
        );
    }
    // a Resource written `!GetAtt` runs as a placeholder, answered by the mock
    assert_eq!(refund.status.code(), Some(0), "{}", text(&refund.stderr));
    assert_eq!(unchosen.status.code(), Some(2));
    assert!(
        text(&unchosen.stderr).contains(
            "holds 2 state machines (OrderMachine, RefundMachine): choose one with `--machine ID`"
        ),
        "{}",
        text(&unchosen.stderr)
    );
}

#[test]
fn jsonl_answers_each_line_before_the_next_one_comes() {
    let file = std::env::temp_dir().join(format!("stepfn-run-stream-{}.json", std::process::id()));
    std::fs::write(&file, COUNTER).expect("write the definition");
    let mut child = spawn_jsonl(&file);
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let stdout = child.stdout.take().expect("stdout is piped");
    let (lines, received) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in std::io::BufRead::lines(std::io::BufReader::new(stdout)) {
            if lines.send(line.expect("a line")).is_err() {
                break;
            }
        }
    });
    let wait = std::time::Duration::from_secs(20);
    // a feeder that waits for each answer before sending the next input
    for n in [0, 2] {
        writeln!(stdin, "{{\"n\": {n}}}").expect("write an input");
        stdin.flush().expect("flush");
        let answer = received
            .recv_timeout(wait)
            .expect("the answer comes while stdin stays open");
        assert!(
            answer.starts_with(r#"{"status":"SUCCEEDED","output":{"n":3}"#),
            "{answer}"
        );
    }
    drop(stdin);
    assert_eq!(child.wait().expect("stepfn ends").code(), Some(0));
    reader.join().expect("the reader ends");
    std::fs::remove_file(&file).expect("remove the definition");
}
