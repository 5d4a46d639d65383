//! A worker's settings from a TOML file, which flags can override.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::Path;
use std::time::Duration;

use serde::Deserialize;

pub use crate::config_error::ConfigError;
use crate::{ActivityHandler, ActivityWorker};

/// The log levels `log_level` takes.
const LOG_LEVELS: [&str; 5] = ["error", "warn", "info", "debug", "trace"];

/// A worker's settings, each optional: what is not set keeps the worker's
/// default. Read from TOML with [`WorkerConfig::load`]; command-line flags
/// go in a second `WorkerConfig` laid over it with
/// [`WorkerConfig::overridden_by`].
///
/// ```
/// let config = stepfn_runtime::WorkerConfig::from_toml(r#"
///     activity_arn = "arn:aws:states:us-east-1:123456789012:activity:resize"
///     slots = 32               # tasks at once
///     polls = 8                # GetActivityTask calls open at once
///     heartbeat_seconds = 20   # 0: no heartbeats
///     healthcheck_port = 8080
///     healthcheck_host = "0.0.0.0"
///     max_tasks = 1000         # then the worker returns, to be started afresh
///     drain_deadline_seconds = 120
///     log_level = "debug"
/// "#)?;
/// assert_eq!((config.slots, config.log_filter()), (Some(32), "debug"));
/// # Ok::<(), stepfn_runtime::ConfigError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct WorkerConfig {
    /// The activity to poll.
    pub activity_arn: Option<String>,
    /// How many tasks run at once.
    pub slots: Option<usize>,
    /// How many `GetActivityTask` calls may be open at once.
    pub polls: Option<usize>,
    /// Seconds between heartbeats; 0 sends none.
    pub heartbeat_seconds: Option<u64>,
    /// The healthcheck's port.
    pub healthcheck_port: Option<u16>,
    /// The healthcheck's address (default 127.0.0.1).
    pub healthcheck_host: Option<String>,
    /// Tasks after which the worker returns.
    pub max_tasks: Option<u64>,
    /// Seconds a shutdown waits for running tasks.
    pub drain_deadline_seconds: Option<u64>,
    /// `error`, `warn`, `info` (default), `debug` or `trace`.
    pub log_level: Option<String>,
}

impl WorkerConfig {
    /// Reads a configuration from TOML text and checks it.
    ///
    /// ```
    /// let error = stepfn_runtime::WorkerConfig::from_toml("slotz = 4").unwrap_err();
    /// assert!(error.to_string().starts_with("1:1: `slotz`: unknown field `slotz`, expected one of `activity_arn`, `slots`"), "{error}");
    /// ```
    ///
    /// # Errors
    /// A [`ConfigError`] naming the key and what to write.
    pub fn from_toml(text: &str) -> Result<WorkerConfig, ConfigError> {
        let config: WorkerConfig =
            toml::from_str(text).map_err(|e| ConfigError::from_toml(text, &e))?;
        config.check()?;
        Ok(config)
    }

    /// Reads and checks the configuration in `path`.
    ///
    /// ```
    /// let error = stepfn_runtime::WorkerConfig::load("no-such-worker.toml").unwrap_err();
    /// assert!(error.to_string().starts_with("no-such-worker.toml: cannot be read:"), "{error}");
    /// ```
    ///
    /// # Errors
    /// A [`ConfigError`] naming the file, the key and what to write.
    pub fn load(path: impl AsRef<Path>) -> Result<WorkerConfig, ConfigError> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            file: Some(path.to_owned()),
            position: None,
            key: None,
            message: format!("cannot be read: {e}"),
        })?;
        WorkerConfig::from_toml(&text).map_err(|mut e| {
            e.file = Some(path.to_owned());
            e
        })
    }

    /// This configuration with every setting of `overrides` laid over it
    /// (flags over the file).
    ///
    /// ```
    /// let file = stepfn_runtime::WorkerConfig::from_toml("slots = 4\npolls = 2")?;
    /// let mut flags = stepfn_runtime::WorkerConfig::default();
    /// flags.slots = Some(16);
    /// let config = file.overridden_by(flags);
    /// assert_eq!((config.slots, config.polls), (Some(16), Some(2)));
    /// # Ok::<(), stepfn_runtime::ConfigError>(())
    /// ```
    #[must_use]
    pub fn overridden_by(self, overrides: WorkerConfig) -> WorkerConfig {
        WorkerConfig {
            activity_arn: overrides.activity_arn.or(self.activity_arn),
            slots: overrides.slots.or(self.slots),
            polls: overrides.polls.or(self.polls),
            heartbeat_seconds: overrides.heartbeat_seconds.or(self.heartbeat_seconds),
            healthcheck_port: overrides.healthcheck_port.or(self.healthcheck_port),
            healthcheck_host: overrides.healthcheck_host.or(self.healthcheck_host),
            max_tasks: overrides.max_tasks.or(self.max_tasks),
            drain_deadline_seconds: overrides
                .drain_deadline_seconds
                .or(self.drain_deadline_seconds),
            log_level: overrides.log_level.or(self.log_level),
        }
    }

    /// The `tracing` filter for `log_level` (default `info`).
    ///
    /// ```
    /// assert_eq!(stepfn_runtime::WorkerConfig::default().log_filter(), "info");
    /// ```
    #[must_use]
    pub fn log_filter(&self) -> &str {
        self.log_level.as_deref().unwrap_or("info")
    }

    /// A worker for the configured activity, with every setting applied.
    ///
    /// ```
    /// let config = stepfn_runtime::WorkerConfig::from_toml("activity_arn = \"arn:aws:states:us-east-1:1:activity:a\"\nslots = 4")?;
    /// let client = stepfn_runtime::local_client("http://127.0.0.1:8083");
    /// let worker = config.worker(client, |t: stepfn_runtime::ActivityTask| async move { Ok(t.input().clone()) })?;
    /// assert_eq!(worker.slot_count(), 4);
    /// # Ok::<(), stepfn_runtime::ConfigError>(())
    /// ```
    ///
    /// # Errors
    /// When no activity ARN is set, or a setting is out of range.
    pub fn worker(
        &self,
        client: aws_sdk_sfn::Client,
        handler: impl ActivityHandler,
    ) -> Result<ActivityWorker, ConfigError> {
        let Some(arn) = &self.activity_arn else {
            return Err(ConfigError::key(
                "activity_arn",
                "no activity to poll: set it in the file or with --activity-arn",
            ));
        };
        self.apply(ActivityWorker::new(client, arn, handler))
    }

    /// `worker` with every setting of this configuration applied (the
    /// activity ARN aside).
    ///
    /// ```
    /// let config = stepfn_runtime::WorkerConfig::from_toml("slots = 6\npolls = 3")?;
    /// let client = stepfn_runtime::local_client("http://127.0.0.1:8083");
    /// let worker = stepfn_runtime::ActivityWorker::new(client, "arn:aws:states:us-east-1:1:activity:a",
    ///     |t: stepfn_runtime::ActivityTask| async move { Ok(t.input().clone()) });
    /// let worker = config.apply(worker)?;
    /// assert_eq!((worker.slot_count(), worker.poll_count()), (6, 3));
    /// # Ok::<(), stepfn_runtime::ConfigError>(())
    /// ```
    ///
    /// # Errors
    /// When a setting is out of range (see [`WorkerConfig::from_toml`]).
    pub fn apply(&self, mut worker: ActivityWorker) -> Result<ActivityWorker, ConfigError> {
        self.check()?;
        if let Some(slots) = self.slots {
            worker = worker.slots(slots);
        }
        if let Some(polls) = self.polls {
            worker = worker.polls(polls);
        }
        match self.heartbeat_seconds {
            Some(0) => worker = worker.no_heartbeat(),
            Some(seconds) => worker = worker.heartbeat(Duration::from_secs(seconds)),
            None => {}
        }
        if let Some(max) = self.max_tasks {
            worker = worker.max_tasks(max);
        }
        if let Some(seconds) = self.drain_deadline_seconds {
            worker = worker.drain_deadline(Duration::from_secs(seconds));
        }
        if let Some(port) = self.healthcheck_port {
            worker = worker.healthcheck_on(SocketAddr::new(self.healthcheck_ip()?, port));
        }
        Ok(worker)
    }

    /// Checks what the types do not: ranges, the host, the log level.
    fn check(&self) -> Result<(), ConfigError> {
        if self.slots == Some(0) {
            return Err(ConfigError::key(
                "slots",
                "a worker needs at least one slot",
            ));
        }
        if self.polls == Some(0) {
            return Err(ConfigError::key(
                "polls",
                "a worker needs at least one open poll",
            ));
        }
        if self.max_tasks == Some(0) {
            return Err(ConfigError::key(
                "max_tasks",
                "a worker that may take no task would never start; leave it out for no maximum",
            ));
        }
        if self.healthcheck_host.is_some() && self.healthcheck_port.is_none() {
            return Err(ConfigError::key(
                "healthcheck_port",
                "`healthcheck_host` is set but no port to listen on",
            ));
        }
        self.healthcheck_ip()?;
        if let Some(level) = &self.log_level {
            if !LOG_LEVELS.contains(&level.as_str()) {
                return Err(ConfigError::key(
                    "log_level",
                    format!(
                        "`{level}` is not a log level: use one of {}",
                        LOG_LEVELS.join(", ")
                    ),
                ));
            }
        }
        Ok(())
    }

    fn healthcheck_ip(&self) -> Result<IpAddr, ConfigError> {
        match &self.healthcheck_host {
            None => Ok(IpAddr::V4(Ipv4Addr::LOCALHOST)),
            Some(host) => host.parse().map_err(|_| {
                ConfigError::key(
                    "healthcheck_host",
                    format!(
                        "`{host}` is not an IP address (\"0.0.0.0\" listens on every interface)"
                    ),
                )
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_of_the_wrong_type_is_placed_and_named() {
        let error = WorkerConfig::from_toml("slots = 4\nheartbeat_seconds = \"20s\"\n").err();
        let text = error.map(|e| e.to_string()).unwrap_or_default();
        assert_eq!(
            text,
            "2:21: `heartbeat_seconds`: invalid type: string \"20s\", expected u64; write `heartbeat_seconds = 20`"
        );
    }

    #[test]
    fn text_that_is_not_toml_says_what_a_line_looks_like() {
        let text = WorkerConfig::from_toml("slots 4")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(text.starts_with("1:7: "), "{text}");
        assert!(
            text.ends_with("; the file holds `key = value` lines such as `slots = 8`"),
            "{text}"
        );
    }

    #[test]
    fn ranges_hosts_and_levels_are_checked() {
        let message = |toml: &str| {
            WorkerConfig::from_toml(toml)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        assert_eq!(
            message("healthcheck_port = 1\nhealthcheck_host = \"localhost\""),
            "`healthcheck_host`: `localhost` is not an IP address (\"0.0.0.0\" listens on every interface); write `healthcheck_host = \"127.0.0.1\"`"
        );
        assert_eq!(
            message("log_level = \"verbose\""),
            "`log_level`: `verbose` is not a log level: use one of error, warn, info, debug, trace; write `log_level = \"info\"`"
        );
        assert!(message("healthcheck_host = \"0.0.0.0\"").starts_with("`healthcheck_port`: "));
        assert!(message("polls = 0").starts_with("`polls`: "));
        assert!(message("max_tasks = 0").starts_with("`max_tasks`: "));
    }

    #[test]
    fn the_lines_to_copy_load_together() {
        let lines: Vec<&str> = crate::config_error::KEYS
            .iter()
            .map(|(_, line)| *line)
            .collect();
        let config = WorkerConfig::from_toml(&lines.join("\n"));
        assert_eq!(config.map(|c| c.healthcheck_port), Ok(Some(8080)));
    }

    #[test]
    fn a_worker_without_an_activity_says_where_to_set_it() {
        let client = crate::local_client("http://127.0.0.1:1");
        let handler = |t: crate::ActivityTask| async move { Ok(t.input().clone()) };
        let error = WorkerConfig::default().worker(client, handler).err();
        assert_eq!(
            error.map(|e| e.to_string()).unwrap_or_default(),
            "`activity_arn`: no activity to poll: set it in the file or with --activity-arn; write `activity_arn = \"arn:aws:states:us-east-1:123456789012:activity:resize\"`"
        );
    }
}
