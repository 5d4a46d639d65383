//! Activity tasks through `stepfn serve` in-process: wall time for 1,000
//! executions answered by one worker with 32 slots, from the first
//! StartExecution to the last execution seen SUCCEEDED.
//!
//! `cargo bench -p stepfn-runtime --bench activity_load`

use std::time::Instant;

use aws_sdk_sfn::types::ExecutionStatus;
use stepfn_runtime::{ActivityTask, ActivityWorker, TaskError};
use stepfn_serve::{Server, Settings};

const EXECUTIONS: u64 = 1000;
const SLOTS: usize = 32;

async fn echo(task: ActivityTask) -> Result<serde_json::Value, TaskError> {
    Ok(task.input().clone())
}

async fn once() -> Result<std::time::Duration, Box<dyn std::error::Error>> {
    let server = Server::bind(Settings::new().port(0)).await?;
    let client = stepfn_runtime::local_client(format!("http://{}", server.local_addr()));
    tokio::spawn(server.run());
    let activity = client
        .create_activity()
        .name("echo")
        .send()
        .await?
        .activity_arn()
        .to_owned();
    let definition = format!(
        r#"{{"StartAt": "Work", "States": {{"Work": {{"Type": "Task", "Resource": "{activity}", "End": true}}}}}}"#
    );
    let machine = client
        .create_state_machine()
        .name("Echo")
        .definition(definition)
        .role_arn("arn:aws:iam::123456789012:role/StepFunctions")
        .send()
        .await?
        .state_machine_arn()
        .to_owned();
    let started = Instant::now();
    let worker = tokio::spawn(
        ActivityWorker::new(client.clone(), &activity, echo)
            .slots(SLOTS)
            .max_tasks(EXECUTIONS)
            .run_until(std::future::pending()),
    );
    let mut executions = Vec::new();
    for n in 0..EXECUTIONS {
        let started = client
            .start_execution()
            .state_machine_arn(&machine)
            .input(format!(r#"{{"n": {n}}}"#))
            .send()
            .await?;
        executions.push(started.execution_arn().to_owned());
    }
    let summary = worker.await?;
    for execution in executions {
        let status = client
            .describe_execution()
            .execution_arn(&execution)
            .send()
            .await?
            .status()
            .clone();
        if status != ExecutionStatus::Succeeded || summary.succeeded != EXECUTIONS {
            return Err(format!("{execution} ended {status:?}; {summary:?}").into());
        }
    }
    Ok(started.elapsed())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let runtime = tokio::runtime::Runtime::new()?;
    let mut times = Vec::new();
    for _ in 0..5 {
        times.push(runtime.block_on(once())?);
    }
    times.sort();
    let median = times[times.len() / 2];
    println!(
        "{EXECUTIONS} activity executions, {SLOTS} slots, through stepfn serve: median {:.0} ms (runs: {:?})",
        median.as_secs_f64() * 1000.0,
        times.iter().map(|t| t.as_millis()).collect::<Vec<_>>()
    );
    Ok(())
}
