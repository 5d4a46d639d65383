//! Load: 1,000 executions started concurrently by 16 clients, each with one
//! activity task that 4 test workers take with GetActivityTask and answer
//! with SendTaskSuccess. Every execution must succeed; prints executions
//! per second (first start to last success) and StartExecution latency.
//!
//! `cargo bench -p stepfn-serve --bench load`

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use stepfn_serve::{Server, Settings};

const EXECUTIONS: usize = 1_000;
const CLIENTS: usize = 16;
const WORKERS: usize = 4;

fn call(addr: SocketAddr, operation: &str, body: &Value) -> Value {
    let body = body.to_string();
    let mut stream = TcpStream::connect(addr).expect("connect");
    let request = format!(
        "POST / HTTP/1.1\r\nHost: {addr}\r\nX-Amz-Target: AWSStepFunctions.{operation}\r\nContent-Type: application/x-amz-json-1.0\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).expect("write");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("read");
    let (head, body) = response.split_once("\r\n\r\n").expect("a response");
    assert!(
        head.starts_with("HTTP/1.1 200"),
        "{operation}: {head} {body}"
    );
    serde_json::from_str(body).expect("JSON")
}

fn main() {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Runtime::new().expect("runtime");
        runtime.block_on(async move {
            let server = Server::bind(Settings::new().port(0)).await.expect("bind");
            tx.send(server.local_addr()).expect("address");
            server.run().await.expect("serve");
        });
    });
    let addr = rx.recv().expect("started");
    let activity = call(addr, "CreateActivity", &json!({"name": "work"}))["activityArn"]
        .as_str()
        .expect("ARN")
        .to_owned();
    let definition = json!({"StartAt": "Prepare", "States": {
        "Prepare": {"Type": "Pass", "Parameters": {"job.$": "$.n"}, "Next": "Work"},
        "Work": {"Type": "Task", "Resource": activity, "End": true}}});
    let machine = call(
        addr,
        "CreateStateMachine",
        &json!({"name": "Load", "definition": definition.to_string(),
        "roleArn": "arn:aws:iam::123456789012:role/R"}),
    )["stateMachineArn"]
        .as_str()
        .expect("ARN")
        .to_owned();

    let answered = Arc::new(AtomicUsize::new(0));
    let workers: Vec<_> = (0..WORKERS)
        .map(|w| {
            let (activity, answered) = (activity.clone(), Arc::clone(&answered));
            std::thread::spawn(move || {
                while answered.load(Ordering::SeqCst) < EXECUTIONS {
                    let task = call(
                        addr,
                        "GetActivityTask",
                        &json!({"activityArn": activity, "workerName": format!("w{w}")}),
                    );
                    if let Some(token) = task["taskToken"].as_str() {
                        call(
                            addr,
                            "SendTaskSuccess",
                            &json!({"taskToken": token, "output": task["input"]}),
                        );
                        answered.fetch_add(1, Ordering::SeqCst);
                    }
                }
            })
        })
        .collect();

    let began = Instant::now();
    let clients: Vec<_> = (0..CLIENTS)
        .map(|c| {
            let machine = machine.clone();
            std::thread::spawn(move || {
                (c..EXECUTIONS)
                    .step_by(CLIENTS)
                    .map(|n| {
                        let started = Instant::now();
                        call(addr, "StartExecution", &json!({"stateMachineArn": machine, "input": json!({"n": n}).to_string()}));
                        started.elapsed()
                    })
                    .collect::<Vec<Duration>>()
            })
        })
        .collect();
    let mut latencies: Vec<Duration> = clients
        .into_iter()
        .flat_map(|c| c.join().expect("client"))
        .collect();
    loop {
        let done = call(
            addr,
            "ListExecutions",
            &json!({"stateMachineArn": machine, "statusFilter": "SUCCEEDED", "maxResults": 1000}),
        );
        if done["executions"].as_array().map_or(0, Vec::len) == EXECUTIONS {
            break;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    let elapsed = began.elapsed();
    // wake the workers' last long polls
    for n in 0..WORKERS {
        call(
            addr,
            "StartExecution",
            &json!({"stateMachineArn": machine, "name": format!("last-{n}"), "input": r#"{"n": -1}"#}),
        );
    }
    for worker in workers {
        worker.join().expect("worker");
    }
    let running = call(
        addr,
        "ListExecutions",
        &json!({"stateMachineArn": machine, "statusFilter": "RUNNING", "maxResults": 1000}),
    );
    let failed = call(
        addr,
        "ListExecutions",
        &json!({"stateMachineArn": machine, "statusFilter": "FAILED"}),
    );
    assert_eq!(
        failed["executions"].as_array().map_or(0, Vec::len),
        0,
        "none failed"
    );
    assert!(
        running["executions"].as_array().map_or(0, Vec::len) <= WORKERS,
        "none lost"
    );

    latencies.sort();
    let at = |q: f64| {
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            clippy::cast_precision_loss
        )]
        let i = ((latencies.len() as f64 * q).ceil() as usize).saturating_sub(1);
        latencies.get(i).copied().unwrap_or_default()
    };
    #[allow(clippy::cast_precision_loss)]
    let rate = EXECUTIONS as f64 / elapsed.as_secs_f64();
    println!(
        "{EXECUTIONS} executions, {CLIENTS} clients, {WORKERS} activity workers: all SUCCEEDED"
    );
    println!(
        "  {rate:.0} executions/s ({:.2} s from the first start to the last success)",
        elapsed.as_secs_f64()
    );
    println!(
        "  StartExecution latency: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        at(0.50).as_secs_f64() * 1e3,
        at(0.99).as_secs_f64() * 1e3,
        at(1.0).as_secs_f64() * 1e3
    );
}
