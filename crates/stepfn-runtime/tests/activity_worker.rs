//! The activity worker against `stepfn serve`: load, panics, heartbeats,
//! drains and StopExecution.

#![cfg(feature = "activity")]

mod serve;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use aws_sdk_sfn::types::ExecutionStatus;
use serde_json::json;
use stepfn_runtime::{ActivityTask, ActivityWorker, TaskError};

async fn double(task: ActivityTask) -> Result<serde_json::Value, TaskError> {
    let n = task.input()["n"]
        .as_i64()
        .ok_or_else(|| TaskError::new("Input.Invalid", "n is missing"))?;
    Ok(json!({"n": n * 2}))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_tasks_through_32_slots_all_succeed() {
    let client = serve::start().await;
    let activity = serve::activity(&client, "double").await;
    let machine = serve::machine(&client, "Double", &activity, "").await;
    let mut executions = Vec::new();
    for n in 0..1000 {
        executions.push((
            n,
            serve::start_execution(&client, &machine, &json!({"n": n}).to_string()).await,
        ));
    }
    let summary = ActivityWorker::new(client.clone(), &activity, double)
        .slots(32)
        .max_tasks(1000)
        .run_until(std::future::pending())
        .await;
    assert_eq!(
        (summary.received, summary.succeeded, summary.failed),
        (1000, 1000, 0),
        "{summary:?}"
    );
    assert!(summary.reached_max_tasks);
    for (n, execution) in executions {
        let described = serve::ended(&client, &execution).await;
        assert_eq!(
            *described.status(),
            ExecutionStatus::Succeeded,
            "{execution}"
        );
        let output: serde_json::Value =
            serde_json::from_str(described.output().unwrap_or("null")).expect("JSON output");
        assert_eq!(output, json!({"n": n * 2}));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_panic_fails_its_task_with_the_message_and_keeps_the_slot() {
    let client = serve::start().await;
    let activity = serve::activity(&client, "fragile").await;
    let machine = serve::machine(&client, "Fragile", &activity, "").await;
    let panicking = serve::start_execution(&client, &machine, r#"{"panic": true}"#).await;
    let mut others = Vec::new();
    for n in 0..5 {
        others.push(serve::start_execution(&client, &machine, &json!({"n": n}).to_string()).await);
    }
    let handler = |task: ActivityTask| async move {
        if task.input()["panic"] == true {
            panic!("the input asked for a panic");
        }
        double(task).await
    };
    // one slot: the five tasks after the panic run only if its slot came back
    let summary = ActivityWorker::new(client.clone(), &activity, handler)
        .max_tasks(6)
        .run_until(std::future::pending())
        .await;
    assert_eq!((summary.succeeded, summary.failed), (5, 1), "{summary:?}");
    let failed = serve::ended(&client, &panicking).await;
    assert_eq!(*failed.status(), ExecutionStatus::Failed);
    assert_eq!(failed.error(), Some(stepfn_runtime::PANIC_ERROR));
    assert_eq!(failed.cause(), Some("the input asked for a panic"));
    for execution in others {
        assert_eq!(
            *serve::ended(&client, &execution).await.status(),
            ExecutionStatus::Succeeded
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_handler_error_is_sent_as_the_task_failure() {
    let client = serve::start().await;
    let activity = serve::activity(&client, "strict").await;
    let machine = serve::machine(&client, "Strict", &activity, "").await;
    let execution = serve::start_execution(&client, &machine, r#"{"m": 1}"#).await;
    let summary = ActivityWorker::new(client.clone(), &activity, double)
        .max_tasks(1)
        .run_until(std::future::pending())
        .await;
    assert_eq!(summary.failed, 1);
    let failed = serve::ended(&client, &execution).await;
    assert_eq!(
        (failed.error(), failed.cause()),
        (Some("Input.Invalid"), Some("n is missing"))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn heartbeats_keep_a_long_task_alive() {
    let client = serve::start().await;
    let activity = serve::activity(&client, "slow").await;
    let machine = serve::machine(&client, "Slow", &activity, r#""HeartbeatSeconds": 1,"#).await;
    let execution = serve::start_execution(&client, &machine, r#"{"n": 4}"#).await;
    let handler = |task: ActivityTask| async move {
        tokio::time::sleep(Duration::from_millis(2500)).await;
        double(task).await
    };
    let summary = ActivityWorker::new(client.clone(), &activity, handler)
        .heartbeat(Duration::from_millis(300))
        .max_tasks(1)
        .run_until(std::future::pending())
        .await;
    assert_eq!(summary.succeeded, 1, "{summary:?}");
    assert_eq!(
        *serve::ended(&client, &execution).await.status(),
        ExecutionStatus::Succeeded
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_task_that_stops_heartbeating_times_out_and_its_work_is_cancelled() {
    let client = serve::start().await;
    let activity = serve::activity(&client, "silent").await;
    // the history reports a missed heartbeat as States.Timeout, as AWS does;
    // only a catcher on States.HeartbeatTimeout tells it from TimeoutSeconds
    let definition = format!(
        r#"{{"StartAt": "Work", "States": {{
            "Work": {{"Type": "Task", "Resource": "{activity}", "HeartbeatSeconds": 1, "TimeoutSeconds": 60,
                "Catch": [{{"ErrorEquals": ["States.HeartbeatTimeout"], "Next": "HeartbeatMissed"}}], "End": true}},
            "HeartbeatMissed": {{"Type": "Pass", "End": true}}}}}}"#
    );
    let machine = serve::machine_of(&client, "Silent", &definition).await;
    let execution = serve::start_execution(&client, &machine, r#"{"n": 4}"#).await;
    let finished = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&finished);
    let handler = move |task: ActivityTask| {
        let seen = Arc::clone(&seen);
        async move {
            tokio::time::sleep(Duration::from_secs(30)).await;
            seen.fetch_add(1, Ordering::SeqCst);
            double(task).await
        }
    };
    let started = Instant::now();
    // beats every 2 s against a 1 s heartbeat timeout: the first beat finds the task timed out
    let summary = ActivityWorker::new(client.clone(), &activity, handler)
        .heartbeat(Duration::from_secs(2))
        .max_tasks(1)
        .run_until(std::future::pending())
        .await;
    assert_eq!(
        (summary.cancelled, summary.succeeded),
        (1, 0),
        "{summary:?}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "the work was not cancelled"
    );
    assert_eq!(finished.load(Ordering::SeqCst), 0);
    let caught = serve::ended(&client, &execution).await;
    assert_eq!(*caught.status(), ExecutionStatus::Succeeded);
    let output: serde_json::Value =
        serde_json::from_str(caught.output().unwrap_or("null")).expect("JSON output");
    assert_eq!(output["Error"], "States.Timeout", "{output}");
    let history = serve::history(&client, &execution).await;
    assert!(
        history.contains(&(
            "ActivityTimedOut".to_owned(),
            Some("States.Timeout".to_owned())
        )),
        "{history:?}"
    );
    assert!(
        history.contains(&(
            "PassStateEntered".to_owned(),
            Some("HeartbeatMissed".to_owned())
        )),
        "{history:?}"
    );
}

/// Starts `count` executions whose tasks sleep `work`, runs a worker with
/// `count` slots, and shuts it down once every task has started.
async fn shut_down_mid_run(
    count: usize,
    work: Duration,
    deadline: Duration,
) -> (
    stepfn_runtime::Summary,
    Vec<aws_sdk_sfn::operation::describe_execution::DescribeExecutionOutput>,
) {
    let client = serve::start().await;
    let activity = serve::activity(&client, "busy").await;
    let machine = serve::machine(&client, "Busy", &activity, "").await;
    let mut executions = Vec::new();
    for n in 0..count {
        executions
            .push(serve::start_execution(&client, &machine, &json!({"n": n}).to_string()).await);
    }
    let started = Arc::new(AtomicUsize::new(0));
    let all_started = Arc::new(tokio::sync::Notify::new());
    let (seen, notify) = (Arc::clone(&started), Arc::clone(&all_started));
    let handler = move |task: ActivityTask| {
        let (seen, notify) = (Arc::clone(&seen), Arc::clone(&notify));
        async move {
            if seen.fetch_add(1, Ordering::SeqCst) + 1 == count {
                notify.notify_one();
            }
            tokio::time::sleep(work).await;
            double(task).await
        }
    };
    let summary = ActivityWorker::new(client.clone(), &activity, handler)
        .slots(count)
        .drain_deadline(deadline)
        .run_until(async move { all_started.notified().await })
        .await;
    let mut described = Vec::new();
    for execution in executions {
        described.push(serve::ended(&client, &execution).await);
    }
    (summary, described)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shutdown_lets_running_tasks_finish_within_the_deadline() {
    let (summary, executions) =
        shut_down_mid_run(4, Duration::from_millis(500), Duration::from_secs(20)).await;
    assert_eq!(
        (summary.received, summary.succeeded, summary.abandoned),
        (4, 4, 0),
        "{summary:?}"
    );
    assert!(executions
        .iter()
        .all(|e| *e.status() == ExecutionStatus::Succeeded));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shutdown_fails_what_it_abandons_at_the_deadline() {
    let started = Instant::now();
    let (summary, executions) =
        shut_down_mid_run(4, Duration::from_secs(60), Duration::from_millis(300)).await;
    assert_eq!((summary.received, summary.abandoned), (4, 4), "{summary:?}");
    assert!(started.elapsed() < Duration::from_secs(20));
    for execution in executions {
        assert_eq!(*execution.status(), ExecutionStatus::Failed);
        assert_eq!(execution.error(), Some(stepfn_runtime::SHUTDOWN_ERROR));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_task_stops_its_own_execution_and_sees_it_aborted() {
    let client = serve::start().await;
    let activity = serve::activity(&client, "cancel").await;
    let machine = serve::machine(
        &client,
        "Cancel",
        &activity,
        r#""Parameters": {"execution_id.$": "$$.Execution.Id"},"#,
    )
    .await;
    let execution = serve::start_execution(&client, &machine, "{}").await;
    let statuses = Arc::new(std::sync::Mutex::new(Vec::new()));
    let seen = Arc::clone(&statuses);
    let handler = move |task: ActivityTask| {
        let seen = Arc::clone(&seen);
        async move {
            let status = task
                .stop_execution("Order.Cancelled", "the customer cancelled")
                .await
                .map_err(|e| TaskError::failure(e.to_string()))?;
            seen.lock().expect("not poisoned").push(status);
            Ok(json!({}))
        }
    };
    let summary = ActivityWorker::new(client.clone(), &activity, handler)
        .max_tasks(1)
        .run_until(std::future::pending())
        .await;
    assert_eq!(
        *statuses.lock().expect("not poisoned"),
        vec![ExecutionStatus::Aborted]
    );
    // the answer after the stop finds the task gone
    assert_eq!(summary.cancelled, 1, "{summary:?}");
    let stopped = serve::ended(&client, &execution).await;
    assert_eq!(*stopped.status(), ExecutionStatus::Aborted);
    assert_eq!(
        (stopped.error(), stopped.cause()),
        (Some("Order.Cancelled"), Some("the customer cancelled"))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stop_execution_without_an_execution_id_says_what_to_add() {
    let client = serve::start().await;
    let task = ActivityTask::new(client, "token", json!({}));
    let error = task
        .stop_execution("E", "c")
        .await
        .expect_err("no execution id");
    assert!(
        error
            .message
            .contains(r#""execution_id.$": "$$.Execution.Id""#),
        "{error}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_healthcheck_answers_ok_while_polling_and_closes_with_the_worker() {
    let client = serve::start().await;
    let activity = serve::activity(&client, "watched").await;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("a free port")
        .local_addr()
        .expect("its address")
        .port();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    // the one slot is taken by the first task, so the drain waits for no open poll
    let machine = serve::machine(&client, "Watched", &activity, "").await;
    let execution = serve::start_execution(&client, &machine, r#"{"n": 1}"#).await;
    let handler = |task: ActivityTask| async move {
        tokio::time::sleep(Duration::from_millis(600)).await;
        double(task).await
    };
    let worker = tokio::spawn(
        ActivityWorker::new(client.clone(), &activity, handler)
            .healthcheck(port)
            .run_until(async move {
                let _ = stopped.await;
            }),
    );
    tokio::time::sleep(Duration::from_millis(200)).await;
    let answer = tokio::task::spawn_blocking(move || get(port))
        .await
        .expect("joined");
    assert!(answer.starts_with("HTTP/1.1 200 OK"), "{answer}");
    assert!(answer.ends_with(r#"{"status":"ok"}"#), "{answer}");
    let _ = stop.send(());
    let summary = worker.await.expect("the worker ran");
    assert_eq!(summary.succeeded, 1, "{summary:?}");
    assert_eq!(
        *serve::ended(&client, &execution).await.status(),
        ExecutionStatus::Succeeded
    );
    assert!(
        std::net::TcpStream::connect(("127.0.0.1", port)).is_err(),
        "the healthcheck outlived the worker"
    );
}

fn get(port: u16) -> String {
    use std::io::{Read, Write};
    let mut stream =
        std::net::TcpStream::connect(("127.0.0.1", port)).expect("the healthcheck listens");
    stream
        .write_all(b"GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .expect("write");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("read");
    answer
}
