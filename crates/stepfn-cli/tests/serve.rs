//! `stepfn serve`: it says where it listens, answers the Step Functions
//! API there, keeps executions in its state file across a restart, and
//! refuses a mock file or state file it cannot read.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};

/// Kills the server when the test ends, passed or not.
struct Running(std::process::Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn serve_answers_the_step_functions_api_on_the_port_it_prints() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_stepfn"))
        .args(["serve", "--port", "0"])
        .stderr(Stdio::piped())
        .spawn()
        .expect("stepfn serve starts");
    let stderr = child.stderr.take().expect("stderr");
    let _running = Running(child);
    let mut line = String::new();
    BufReader::new(stderr)
        .read_line(&mut line)
        .expect("a first line");
    assert!(line.contains("no credentials checked"), "{line}");
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .expect("an address");

    let body = r#"{"name": "work"}"#;
    let mut stream = TcpStream::connect(addr).expect("connect");
    write!(
        stream,
        "POST / HTTP/1.1\r\nHost: {addr}\r\nX-Amz-Target: AWSStepFunctions.CreateActivity\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .expect("write");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("read");
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(
        response.contains(r#""activityArn":"arn:aws:states:us-east-1:123456789012:activity:work""#),
        "{response}"
    );
}

#[test]
fn serve_refuses_a_mock_file_it_cannot_read() {
    let output = Command::new(env!("CARGO_BIN_EXE_stepfn"))
        .args([
            "serve",
            "--port",
            "0",
            "--mocks",
            "no-such-MockConfigFile.json",
        ])
        .output()
        .expect("stepfn serve runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no-such-MockConfigFile.json"), "{stderr}");
}

#[test]
fn serve_refuses_a_state_file_that_is_not_its_own() {
    let dir = std::env::temp_dir().join(format!("stepfn-cli-state-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let file = dir.join("state.json");
    std::fs::write(&file, "not json").expect("write");
    let output = Command::new(env!("CARGO_BIN_EXE_stepfn"))
        .args(["serve", "--port", "0", "--state"])
        .arg(&file)
        .output()
        .expect("stepfn serve runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(&format!("the state file {} is not JSON", file.display())),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&file).expect("read"), "not json");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Starts `stepfn serve` with `args` on a free port: the process and its address.
fn serve(args: &[&std::ffi::OsStr]) -> (Running, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_stepfn"))
        .args(["serve", "--port", "0"])
        .args(args)
        .stderr(Stdio::piped())
        .spawn()
        .expect("stepfn serve starts");
    let stderr = child.stderr.take().expect("stderr");
    let mut line = String::new();
    BufReader::new(stderr)
        .read_line(&mut line)
        .expect("a first line");
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .expect("an address")
        .to_owned();
    (Running(child), addr)
}

/// Calls `operation`: the JSON body of a 200 answer.
fn call(addr: &str, operation: &str, body: &serde_json::Value) -> serde_json::Value {
    let body = body.to_string();
    let mut stream = TcpStream::connect(addr).expect("connect");
    write!(
        stream,
        "POST / HTTP/1.1\r\nHost: {addr}\r\nX-Amz-Target: AWSStepFunctions.{operation}\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .expect("write");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("read");
    assert!(
        response.starts_with("HTTP/1.1 200"),
        "{operation}: {response}"
    );
    let (_, body) = response.split_once("\r\n\r\n").expect("a body");
    serde_json::from_str(body).expect("a JSON body")
}

#[test]
fn serve_keeps_executions_in_its_state_file_across_a_restart() {
    use serde_json::json;
    let dir = std::env::temp_dir().join(format!("stepfn-cli-restart-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let file = dir.join("state.json");
    let _ = std::fs::remove_file(&file);
    let args = [std::ffi::OsStr::new("--state"), file.as_os_str()];
    let role = "arn:aws:iam::123456789012:role/StepFunctions";

    let (first, addr) = serve(&args);
    let pass = call(
        &addr,
        "CreateStateMachine",
        &json!({"name": "Hello", "roleArn": role,
            "definition": r#"{"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": "hi", "End": true}}}"#}),
    )["stateMachineArn"]
        .clone();
    let waits = call(
        &addr,
        "CreateStateMachine",
        &json!({"name": "Waits", "roleArn": role,
            "definition": r#"{"StartAt": "Ask", "States": {"Ask": {"Type": "Task", "End": true,
              "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
              "Parameters": {"QueueUrl": "q", "MessageBody": {"token.$": "$$.Task.Token"}}}}}"#}),
    )["stateMachineArn"]
        .clone();
    let done =
        call(&addr, "StartExecution", &json!({"stateMachineArn": pass}))["executionArn"].clone();
    let running =
        call(&addr, "StartExecution", &json!({"stateMachineArn": waits}))["executionArn"].clone();
    let described = call(&addr, "DescribeExecution", &json!({"executionArn": done}));
    assert_eq!(described["status"], "SUCCEEDED");
    let history = call(&addr, "GetExecutionHistory", &json!({"executionArn": done}));
    drop(first); // the process is killed: no chance to write anything more

    let (_second, addr) = serve(&args);
    assert_eq!(
        call(&addr, "DescribeExecution", &json!({"executionArn": done})),
        described
    );
    assert_eq!(
        call(&addr, "GetExecutionHistory", &json!({"executionArn": done})),
        history
    );
    let aborted = call(
        &addr,
        "DescribeExecution",
        &json!({"executionArn": running}),
    );
    assert_eq!(aborted["status"], "ABORTED");
    let listed = call(&addr, "ListExecutions", &json!({"stateMachineArn": waits}));
    assert_eq!(listed["executions"][0]["status"], "ABORTED");
    let _ = std::fs::remove_dir_all(&dir);
}
