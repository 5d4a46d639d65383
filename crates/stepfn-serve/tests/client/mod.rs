//! A minimal Step Functions API client for tests: one HTTP/1.1 request per
//! connection, AWS JSON 1.0.

#![allow(dead_code, unreachable_pub)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};

use serde_json::Value;
use stepfn_serve::{Server, Settings};

/// Starts a server on a free port in a background thread.
pub fn start(settings: Settings) -> SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Runtime::new().expect("runtime");
        runtime.block_on(async move {
            let server = Server::bind(settings.port(0)).await.expect("bind");
            tx.send(server.local_addr()).expect("send address");
            server.run().await.expect("serve");
        });
    });
    rx.recv().expect("the server started")
}

/// The raw request text of an operation.
pub fn request_text(addr: SocketAddr, operation: &str, body: &str) -> String {
    format!(
        "POST / HTTP/1.1\r\nHost: {addr}\r\nX-Amz-Target: AWSStepFunctions.{operation}\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
}

/// Calls `operation`: the HTTP status and the JSON body.
pub fn call(addr: SocketAddr, operation: &str, body: Value) -> (u16, Value) {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .write_all(request_text(addr, operation, &body.to_string()).as_bytes())
        .expect("write");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("read");
    let (head, body) = response.split_once("\r\n\r\n").expect("a response");
    assert!(
        head.to_ascii_lowercase()
            .contains("content-type: application/x-amz-json-1.0"),
        "{head}"
    );
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("a status");
    (status, serde_json::from_str(body).expect("a JSON body"))
}

/// Calls `operation` and expects success.
pub fn ok(addr: SocketAddr, operation: &str, body: Value) -> Value {
    let (status, value) = call(addr, operation, body);
    assert_eq!(status, 200, "{operation}: {value}");
    value
}

/// Calls `operation` and expects AWS's error `name`: its message.
pub fn fails(addr: SocketAddr, operation: &str, body: Value, name: &str) -> String {
    let (status, value) = call(addr, operation, body);
    assert_eq!(status, 400, "{operation}: {value}");
    assert_eq!(value["__type"], name, "{operation}: {value}");
    value["message"].as_str().expect("a message").to_owned()
}

pub const ROLE: &str = "arn:aws:iam::123456789012:role/StepFunctions";

/// Creates a state machine: its ARN.
pub fn create(addr: SocketAddr, name: &str, definition: &str) -> String {
    let created = ok(
        addr,
        "CreateStateMachine",
        serde_json::json!({"name": name, "definition": definition, "roleArn": ROLE}),
    );
    created["stateMachineArn"]
        .as_str()
        .expect("an ARN")
        .to_owned()
}

/// Starts an execution: its ARN.
pub fn start_execution(addr: SocketAddr, machine: &str, input: &str) -> String {
    let started = ok(
        addr,
        "StartExecution",
        serde_json::json!({"stateMachineArn": machine, "input": input}),
    );
    started["executionArn"].as_str().expect("an ARN").to_owned()
}

/// DescribeExecution.
pub fn describe(addr: SocketAddr, execution: &str) -> Value {
    ok(
        addr,
        "DescribeExecution",
        serde_json::json!({"executionArn": execution}),
    )
}

/// Waits (up to 10 s) until the execution's status is not RUNNING.
pub fn until_done(addr: SocketAddr, execution: &str) -> Value {
    for _ in 0..1000 {
        let described = describe(addr, execution);
        if described["status"] != "RUNNING" {
            return described;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("{execution} still running after 10 s");
}

/// The types of an execution's history events, in order.
pub fn event_types(addr: SocketAddr, execution: &str) -> Vec<String> {
    let history = ok(
        addr,
        "GetExecutionHistory",
        serde_json::json!({"executionArn": execution, "maxResults": 1000}),
    );
    history["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| e["type"].as_str().unwrap_or("").to_owned())
        .collect()
}
