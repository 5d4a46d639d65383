//! The `activity_worker` example against `stepfn serve`: it answers tasks,
//! and on SIGTERM drains and exits 0; its settings come from a TOML file
//! and flags. `cargo test` builds the examples before it runs the tests.

#![cfg(all(unix, feature = "config"))]

mod serve;

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

use aws_sdk_sfn::types::ExecutionStatus;

fn example() -> PathBuf {
    let exe = std::env::current_exe().expect("the test's path");
    let debug = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target/debug");
    let path = debug.join("examples").join("activity_worker");
    assert!(
        path.exists(),
        "{} is missing: run `cargo test -p stepfn-runtime`, which builds the examples",
        path.display()
    );
    path
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_example_answers_tasks_and_exits_0_on_sigterm() {
    let (client, url) = serve::start_with_url().await;
    let activity = serve::activity(&client, "greet").await;
    let machine = serve::machine(&client, "Greet", &activity, "").await;
    let config = ConfigFile::new(
        "drains",
        "slots = 3\nheartbeat_seconds = 5\nlog_level = \"warn\"\n",
    );
    let worker = Command::new(example())
        .args([
            "--config",
            &config.path(),
            "--activity-arn",
            &activity,
            "--slots",
            "1",
        ])
        .env("AWS_ENDPOINT_URL", &url)
        .env("AWS_REGION", "us-east-1")
        .env("AWS_ACCESS_KEY_ID", "local")
        .env("AWS_SECRET_ACCESS_KEY", "local")
        .env_remove("AWS_PROFILE")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the example starts");
    let mut executions = Vec::new();
    for name in ["Ada", "Grace", "Edsger"] {
        executions.push((
            name,
            serve::start_execution(&client, &machine, &format!(r#"{{"name": "{name}"}}"#)).await,
        ));
    }
    for (name, execution) in &executions {
        let described = serve::ended(&client, execution).await;
        assert_eq!(*described.status(), ExecutionStatus::Succeeded);
        assert_eq!(
            described.output(),
            Some(format!(r#"{{"greeting":"Hello, {name}!"}}"#).as_str())
        );
    }
    // its one poller waits in GetActivityTask (a poll is never cut short,
    // as AWS may already have handed out a task); a task started now is
    // handed to it after the signal, and must still be answered
    let status = Command::new("kill")
        .args(["-TERM", &worker.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
    tokio::time::sleep(Duration::from_millis(200)).await;
    let late = serve::start_execution(&client, &machine, r#"{"name": "Barbara"}"#).await;
    let finished = tokio::task::spawn_blocking(move || worker.wait_with_output())
        .await
        .expect("joined")
        .expect("exited");
    assert!(finished.status.success(), "{:?}", finished.status);
    let summary: serde_json::Value =
        serde_json::from_slice(&finished.stdout).expect("a JSON summary line");
    assert_eq!(
        (summary["succeeded"].as_u64(), summary["abandoned"].as_u64()),
        (Some(4), Some(0)),
        "{summary}"
    );
    let late = serve::ended(&client, &late).await;
    assert_eq!(late.output(), Some(r#"{"greeting":"Hello, Barbara!"}"#));
}

/// A configuration file in the temporary directory, removed on drop.
struct ConfigFile(PathBuf);

impl ConfigFile {
    fn new(name: &str, text: &str) -> ConfigFile {
        let path =
            std::env::temp_dir().join(format!("stepfn-runtime-{}-{name}.toml", std::process::id()));
        std::fs::write(&path, text).expect("the configuration is written");
        ConfigFile(path)
    }

    fn path(&self) -> String {
        self.0.display().to_string()
    }
}

impl Drop for ConfigFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn a_bad_configuration_exits_2_naming_the_file_the_key_and_what_to_write() {
    let config = ConfigFile::new(
        "bad",
        "activity_arn = \"arn:aws:states:us-east-1:1:activity:a\"\nslots = \"many\"\n",
    );
    let run = Command::new(example())
        .args(["--config", &config.path()])
        .output()
        .expect("the example runs");
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(
        stderr.trim_end(),
        format!("activity_worker: {}:2:9: `slots`: invalid type: string \"many\", expected usize; write `slots = 8`", config.path())
    );
    let run = Command::new(example())
        .args(["--slots", "4"])
        .output()
        .expect("the example runs");
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("`activity_arn`: no activity to poll"));
}
