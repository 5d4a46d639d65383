//! An activity worker to copy: runs against AWS or `stepfn serve`.
//!
//! ```text
//! AWS_ENDPOINT_URL=http://127.0.0.1:8083 AWS_REGION=us-east-1 \
//! AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local \
//!   cargo run -p stepfn-runtime --example activity_worker -- \
//!   --activity-arn arn:aws:states:us-east-1:123456789012:activity:greet --slots 8
//! ```
//!
//! Settings come from a TOML file (`--config worker.toml`, see
//! `stepfn_runtime::WorkerConfig` for its keys), and flags override it.
//! It reads the standard AWS environment (`AWS_ENDPOINT_URL`, `AWS_REGION`,
//! credentials, profiles), answers each task's `{"name": ...}` with a
//! greeting, and on SIGTERM or Ctrl-C stops polling, finishes its running
//! tasks and exits 0. `RUST_LOG` overrides the log level.

use std::process::ExitCode;

use stepfn_runtime::{ActivityTask, TaskError, WorkerConfig};

/// The work: `{"name": "Ada"}` to `{"greeting": "Hello, Ada!"}`.
async fn greet(task: ActivityTask) -> Result<serde_json::Value, TaskError> {
    let name = task.input()["name"]
        .as_str()
        .ok_or_else(|| TaskError::new("Greeting.NoName", "the input has no \"name\" string"))?;
    Ok(serde_json::json!({"greeting": format!("Hello, {name}!")}))
}

const USAGE: &str = "the flags are --config FILE, --activity-arn ARN, --slots N, --polls N, \
--heartbeat SECONDS (0: none), --healthcheck-port PORT, --healthcheck-host IP, --max-tasks N, \
--drain-deadline SECONDS, --log-level LEVEL";

/// The settings: the file named by `--config`, with the other flags laid
/// over it.
fn settings() -> Result<WorkerConfig, String> {
    let mut file = None;
    let mut flags = WorkerConfig::default();
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args
            .next()
            .ok_or_else(|| format!("{flag} needs a value; {USAGE}"))?;
        let number = |example: &str| {
            value
                .parse::<u64>()
                .map_err(|_| format!("{flag} takes a whole number, such as {flag} {example}"))
        };
        match flag.as_str() {
            "--config" => file = Some(value),
            "--activity-arn" => flags.activity_arn = Some(value),
            "--slots" => flags.slots = Some(usize::try_from(number("8")?).unwrap_or(usize::MAX)),
            "--polls" => flags.polls = Some(usize::try_from(number("8")?).unwrap_or(usize::MAX)),
            "--heartbeat" => flags.heartbeat_seconds = Some(number("20")?),
            "--healthcheck-port" => {
                let port = number("8080")?;
                flags.healthcheck_port = Some(
                    u16::try_from(port).map_err(|_| format!("{flag} takes a port, 1 to 65535"))?,
                );
            }
            "--healthcheck-host" => flags.healthcheck_host = Some(value),
            "--max-tasks" => flags.max_tasks = Some(number("100")?),
            "--drain-deadline" => flags.drain_deadline_seconds = Some(number("60")?),
            "--log-level" => flags.log_level = Some(value),
            other => return Err(format!("unknown argument {other}; {USAGE}")),
        }
    }
    let from_file = match file {
        Some(path) => WorkerConfig::load(path).map_err(|e| e.to_string())?,
        None => WorkerConfig::default(),
    };
    Ok(from_file.overridden_by(flags))
}

#[tokio::main]
async fn main() -> ExitCode {
    let settings = match settings() {
        Ok(settings) => settings,
        Err(message) => {
            eprintln!("activity_worker: {message}");
            return ExitCode::from(2);
        }
    };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| settings.log_filter().into());
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
    let config = aws_config::from_env()
        .http_client(stepfn_runtime::http_client())
        .load()
        .await;
    let client = aws_sdk_sfn::Client::new(&config);
    let worker = match settings.worker(client, greet) {
        Ok(worker) => worker,
        Err(error) => {
            eprintln!("activity_worker: {error}");
            return ExitCode::from(2);
        }
    };
    let summary = worker.run().await;
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
