//! An activity worker to copy: runs against AWS or `stepfn serve`.
//!
//! ```text
//! AWS_ENDPOINT_URL=http://127.0.0.1:8083 AWS_REGION=us-east-1 \
//! AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local \
//!   cargo run -p stepfn-runtime --example activity_worker -- \
//!   --activity-arn arn:aws:states:us-east-1:123456789012:activity:greet --slots 8
//! ```
//!
//! It reads the standard AWS environment (`AWS_ENDPOINT_URL`, `AWS_REGION`,
//! credentials, profiles), answers each task's `{"name": ...}` with a
//! greeting, and on SIGTERM or Ctrl-C stops polling, finishes its running
//! tasks and exits 0. `RUST_LOG=debug` shows more.

use std::process::ExitCode;
use std::time::Duration;

use stepfn_runtime::{ActivityTask, ActivityWorker, TaskError};

/// The work: `{"name": "Ada"}` to `{"greeting": "Hello, Ada!"}`.
async fn greet(task: ActivityTask) -> Result<serde_json::Value, TaskError> {
    let name = task.input()["name"]
        .as_str()
        .ok_or_else(|| TaskError::new("Greeting.NoName", "the input has no \"name\" string"))?;
    Ok(serde_json::json!({"greeting": format!("Hello, {name}!")}))
}

struct Options {
    activity_arn: String,
    slots: usize,
    heartbeat: Duration,
}

fn options() -> Result<Options, String> {
    let mut activity_arn = None;
    let mut slots = 4;
    let mut heartbeat = Duration::from_secs(30);
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--activity-arn" => activity_arn = Some(value()?),
            "--slots" => slots = value()?.parse().map_err(|_| "--slots takes a number, such as --slots 8")?,
            "--heartbeat" => {
                let seconds: u64 = value()?.parse().map_err(|_| "--heartbeat takes seconds, such as --heartbeat 20")?;
                heartbeat = Duration::from_secs(seconds);
            }
            other => return Err(format!("unknown argument {other}; the flags are --activity-arn ARN, --slots N, --heartbeat SECONDS")),
        }
    }
    let activity_arn =
        activity_arn.ok_or("write --activity-arn arn:aws:states:REGION:ACCOUNT:activity:NAME")?;
    Ok(Options {
        activity_arn,
        slots,
        heartbeat,
    })
}

#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .with_writer(std::io::stderr)
        .init();
    let options = match options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("activity_worker: {message}");
            return ExitCode::from(2);
        }
    };
    let config = aws_config::from_env()
        .http_client(stepfn_runtime::http_client())
        .load()
        .await;
    let client = aws_sdk_sfn::Client::new(&config);
    let summary = ActivityWorker::new(client, options.activity_arn, greet)
        .slots(options.slots)
        .heartbeat(options.heartbeat)
        .run()
        .await;
    println!(
        "{}",
        serde_json::json!({"received": summary.received, "succeeded": summary.succeeded, "failed": summary.failed, "abandoned": summary.abandoned})
    );
    if summary.unanswered == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
