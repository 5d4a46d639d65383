//! The activity worker's settings: a builder that takes `self`.

use std::sync::Arc;
use std::time::Duration;

use aws_sdk_sfn::Client;

use crate::source::Source;
use crate::ActivityHandler;

/// An activity worker: polls `GetActivityTask` for one activity ARN and
/// runs each task with a handler, in up to `slots` tasks at once.
///
/// A `GetActivityTask` call starts only once a slot is free and that slot
/// is kept for the task the poll returns, so a task is never received
/// without room to run it and never waits for its heartbeat or timeout
/// to expire. `polls` sets how many calls may be open at once (at most
/// `slots`): AWS advises many open polls per activity ARN in production,
/// so that one blocked poll does not stall the rest.
///
/// ```
/// use std::time::Duration;
/// let client = stepfn_runtime::local_client("http://127.0.0.1:8083");
/// let worker = stepfn_runtime::ActivityWorker::new(
///     client,
///     "arn:aws:states:us-east-1:123456789012:activity:resize",
///     |task: stepfn_runtime::ActivityTask| async move { Ok(task.input().clone()) },
/// )
/// .slots(32)
/// .polls(8)
/// .heartbeat(Duration::from_secs(20))
/// .max_tasks(1000);
/// assert_eq!((worker.slot_count(), worker.poll_count()), (32, 8));
/// ```
#[must_use]
pub struct ActivityWorker {
    pub(crate) client: Client,
    pub(crate) source: Source,
    pub(crate) handler: Arc<dyn ActivityHandler>,
    pub(crate) slots: usize,
    pub(crate) polls: Option<usize>,
    pub(crate) heartbeat: Option<Duration>,
    pub(crate) drain_deadline: Duration,
    pub(crate) max_tasks: Option<u64>,
    pub(crate) healthcheck: Option<std::net::SocketAddr>,
}

impl std::fmt::Debug for ActivityWorker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ActivityWorker")
            .field("source", &self.source)
            .field("slots", &self.slots)
            .field("polls", &self.poll_count())
            .field("heartbeat", &self.heartbeat)
            .field("drain_deadline", &self.drain_deadline)
            .field("max_tasks", &self.max_tasks)
            .field("healthcheck", &self.healthcheck)
            .finish_non_exhaustive()
    }
}

impl ActivityWorker {
    /// A worker for `activity_arn` running `handler`: 1 slot, a poll per
    /// free slot, a heartbeat every 30 seconds, 60 seconds to drain on
    /// shutdown, no maximum of tasks. The client gets the worker's
    /// timeouts and retries (see [`crate::for_workers`]).
    ///
    /// ```
    /// let client = stepfn_runtime::local_client("http://127.0.0.1:8083");
    /// let worker = stepfn_runtime::ActivityWorker::new(client, "arn:aws:states:us-east-1:123456789012:activity:a",
    ///     |_task: stepfn_runtime::ActivityTask| async { Ok(serde_json::json!({})) });
    /// assert_eq!(worker.slot_count(), 1);
    /// ```
    pub fn new(
        client: Client,
        activity_arn: impl Into<String>,
        handler: impl ActivityHandler,
    ) -> ActivityWorker {
        let source = Source::Activity {
            arn: activity_arn.into(),
            worker_name: default_worker_name(),
        };
        ActivityWorker::with_source(client, source, handler)
    }

    /// A worker taking its tasks from `source`, with the defaults of
    /// [`ActivityWorker::new`].
    pub(crate) fn with_source(
        client: Client,
        source: Source,
        handler: impl ActivityHandler,
    ) -> ActivityWorker {
        ActivityWorker {
            client: crate::for_workers(&client),
            source,
            handler: Arc::new(handler),
            slots: 1,
            polls: None,
            heartbeat: Some(Duration::from_secs(30)),
            drain_deadline: Duration::from_secs(60),
            max_tasks: None,
            healthcheck: None,
        }
    }

    /// How many tasks run at once (at least 1).
    ///
    /// ```
    /// # let worker = stepfn_runtime::ActivityWorker::new(stepfn_runtime::local_client("http://127.0.0.1:1"), "arn", |_t: stepfn_runtime::ActivityTask| async { Ok(serde_json::json!(1)) });
    /// assert_eq!(worker.slots(0).slot_count(), 1);
    /// ```
    pub fn slots(mut self, slots: usize) -> ActivityWorker {
        self.slots = slots.max(1);
        self
    }

    /// How many `GetActivityTask` calls may be open at once; each holds a
    /// free slot, so it is at most the number of slots (the default).
    ///
    /// ```
    /// # let worker = stepfn_runtime::ActivityWorker::new(stepfn_runtime::local_client("http://127.0.0.1:1"), "arn", |_t: stepfn_runtime::ActivityTask| async { Ok(serde_json::json!(1)) });
    /// assert_eq!(worker.slots(4).polls(10).poll_count(), 4);
    /// ```
    pub fn polls(mut self, polls: usize) -> ActivityWorker {
        self.polls = Some(polls.max(1));
        self
    }

    /// Sends `SendTaskHeartbeat` for each running task this often; pick
    /// it well under the Task state's `HeartbeatSeconds`.
    ///
    /// ```
    /// # let worker = stepfn_runtime::ActivityWorker::new(stepfn_runtime::local_client("http://127.0.0.1:1"), "arn", |_t: stepfn_runtime::ActivityTask| async { Ok(serde_json::json!(1)) });
    /// let worker = worker.heartbeat(std::time::Duration::from_secs(5));
    /// ```
    pub fn heartbeat(mut self, every: std::time::Duration) -> ActivityWorker {
        self.heartbeat = Some(every.max(Duration::from_millis(10)));
        self
    }

    /// Sends no heartbeats (for Task states without `HeartbeatSeconds`).
    ///
    /// ```
    /// # let worker = stepfn_runtime::ActivityWorker::new(stepfn_runtime::local_client("http://127.0.0.1:1"), "arn", |_t: stepfn_runtime::ActivityTask| async { Ok(serde_json::json!(1)) });
    /// let worker = worker.no_heartbeat();
    /// ```
    pub fn no_heartbeat(mut self) -> ActivityWorker {
        self.heartbeat = None;
        self
    }

    /// How long a shutdown waits for running tasks before it fails them
    /// with `Worker.Shutdown`.
    ///
    /// ```
    /// # let worker = stepfn_runtime::ActivityWorker::new(stepfn_runtime::local_client("http://127.0.0.1:1"), "arn", |_t: stepfn_runtime::ActivityTask| async { Ok(serde_json::json!(1)) });
    /// let worker = worker.drain_deadline(std::time::Duration::from_secs(120));
    /// ```
    pub fn drain_deadline(mut self, deadline: Duration) -> ActivityWorker {
        self.drain_deadline = deadline;
        self
    }

    /// After this many tasks the worker stops polling, finishes its
    /// running tasks and returns, so that its caller can start a fresh
    /// one (the Python workers recycle a process after 100 tasks).
    ///
    /// ```
    /// # let worker = stepfn_runtime::ActivityWorker::new(stepfn_runtime::local_client("http://127.0.0.1:1"), "arn", |_t: stepfn_runtime::ActivityTask| async { Ok(serde_json::json!(1)) });
    /// let worker = worker.max_tasks(100);
    /// ```
    pub fn max_tasks(mut self, tasks: u64) -> ActivityWorker {
        self.max_tasks = Some(tasks);
        self
    }

    /// Serves the healthcheck on `port` of 127.0.0.1:
    /// any HTTP request is answered 200 `{"status":"ok"}` while polling
    /// makes progress (every slot busy, or a poll answered within
    /// [`crate::STALLED_AFTER`]), 503 `{"status":"stalled"}` otherwise.
    ///
    /// ```
    /// # let worker = stepfn_runtime::ActivityWorker::new(stepfn_runtime::local_client("http://127.0.0.1:1"), "arn", |_t: stepfn_runtime::ActivityTask| async { Ok(serde_json::json!(1)) });
    /// let worker = worker.healthcheck(8080);
    /// ```
    pub fn healthcheck(self, port: u16) -> ActivityWorker {
        self.healthcheck_on(std::net::SocketAddr::from(([127, 0, 0, 1], port)))
    }

    /// Serves the healthcheck on `addr` (see [`ActivityWorker::healthcheck`]).
    ///
    /// ```
    /// # let worker = stepfn_runtime::ActivityWorker::new(stepfn_runtime::local_client("http://127.0.0.1:1"), "arn", |_t: stepfn_runtime::ActivityTask| async { Ok(serde_json::json!(1)) });
    /// let worker = worker.healthcheck_on(std::net::SocketAddr::from(([0, 0, 0, 0], 8080)));
    /// ```
    pub fn healthcheck_on(mut self, addr: std::net::SocketAddr) -> ActivityWorker {
        self.healthcheck = Some(addr);
        self
    }

    /// The `workerName` sent with each `GetActivityTask` (default: the
    /// host name and process id).
    ///
    /// ```
    /// # let worker = stepfn_runtime::ActivityWorker::new(stepfn_runtime::local_client("http://127.0.0.1:1"), "arn", |_t: stepfn_runtime::ActivityTask| async { Ok(serde_json::json!(1)) });
    /// let worker = worker.worker_name("resize-1");
    /// ```
    pub fn worker_name(mut self, name: impl Into<String>) -> ActivityWorker {
        // a queue has no worker name; without `sqs` this is the only source
        #[allow(irrefutable_let_patterns)]
        if let Source::Activity { worker_name, .. } = &mut self.source {
            *worker_name = name.into();
        }
        self
    }

    /// The number of slots.
    ///
    /// ```
    /// # let worker = stepfn_runtime::ActivityWorker::new(stepfn_runtime::local_client("http://127.0.0.1:1"), "arn", |_t: stepfn_runtime::ActivityTask| async { Ok(serde_json::json!(1)) });
    /// assert_eq!(worker.slots(3).slot_count(), 3);
    /// ```
    #[must_use]
    pub fn slot_count(&self) -> usize {
        self.slots
    }

    /// The number of polls that may be open at once.
    ///
    /// ```
    /// # let worker = stepfn_runtime::ActivityWorker::new(stepfn_runtime::local_client("http://127.0.0.1:1"), "arn", |_t: stepfn_runtime::ActivityTask| async { Ok(serde_json::json!(1)) });
    /// assert_eq!(worker.slots(3).poll_count(), 3);
    /// ```
    #[must_use]
    pub fn poll_count(&self) -> usize {
        self.polls.unwrap_or(self.slots).min(self.slots)
    }
}

fn default_worker_name() -> String {
    let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "worker".to_owned());
    format!("{host}-{}", std::process::id())
}
