//! The worker's loop: pollers that call `GetActivityTask` only with a free
//! slot in hand, and the shutdown that drains running tasks.

use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{watch, Semaphore};
use tokio::task::JoinSet;

use crate::healthcheck::Progress;
use crate::run_task::{run_task, TaskShared};
use crate::summary::Counters;
use crate::{ActivityWorker, ServiceError, Summary};

/// The longest pause between polls after errors.
const MAX_BACKOFF: Duration = Duration::from_secs(30);

/// What the pollers share.
struct Pollers {
    tasks: Arc<TaskShared>,
    activity_arn: String,
    worker_name: String,
    slots: Arc<Semaphore>,
    stop: watch::Receiver<bool>,
    abandon: watch::Receiver<bool>,
    /// Tasks polled for so far, against the maximum.
    reserved: AtomicU64,
    max_tasks: Option<u64>,
    progress: Arc<Progress>,
}

impl ActivityWorker {
    /// Runs until SIGTERM or SIGINT (Ctrl-C), or until the maximum of
    /// tasks, then drains (see [`ActivityWorker::run_until`]).
    ///
    /// ```no_run
    /// # async fn f(worker: stepfn_runtime::ActivityWorker) {
    /// let summary = worker.run().await;
    /// println!("{} tasks succeeded", summary.succeeded);
    /// # }
    /// ```
    pub async fn run(self) -> Summary {
        self.run_until(crate::shutdown_signal()).await
    }

    /// Runs until `shutdown` completes or the maximum of tasks is reached.
    /// Then it stops polling, lets each open `GetActivityTask` call finish
    /// (up to its 60 seconds) and runs what it returned, waits up to the
    /// drain deadline for running tasks, and fails those still running with
    /// `Worker.Shutdown`, so that no task waits for its timeout.
    ///
    /// ```no_run
    /// # async fn f(worker: stepfn_runtime::ActivityWorker) {
    /// let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    /// let running = tokio::spawn(worker.run_until(async { let _ = stopped.await; }));
    /// let _ = stop.send(());
    /// let summary = running.await.expect("the worker ran");
    /// assert_eq!(summary.abandoned, 0);
    /// # }
    /// ```
    pub async fn run_until(self, shutdown: impl Future<Output = ()> + Send) -> Summary {
        let slot_count = self.slots;
        let poll_count = self.poll_count();
        let tasks = Arc::new(TaskShared {
            client: self.client,
            handler: self.handler,
            heartbeat: self.heartbeat,
            counters: Counters::default(),
        });
        let (stop_tx, stop) = watch::channel(false);
        let (abandon_tx, abandon) = watch::channel(false);
        let slots = Arc::new(Semaphore::new(slot_count));
        let pollers = Arc::new(Pollers {
            tasks: Arc::clone(&tasks),
            activity_arn: self.activity_arn,
            worker_name: self.worker_name,
            slots: Arc::clone(&slots),
            stop,
            abandon,
            reserved: AtomicU64::new(0),
            max_tasks: self.max_tasks,
            progress: Arc::new(Progress::new()),
        });
        let health = match self.healthcheck {
            Some(addr) => match crate::healthcheck::bind(addr).await {
                Ok(listener) => {
                    tracing::info!(%addr, "healthcheck listening");
                    Some(tokio::spawn(crate::healthcheck::serve(
                        listener,
                        Arc::clone(&pollers.progress),
                        Arc::clone(&slots),
                    )))
                }
                Err(error) => {
                    tracing::error!(%addr, %error, "the healthcheck address cannot be bound; running without it");
                    None
                }
            },
            None => None,
        };
        let mut polling = JoinSet::new();
        for _ in 0..poll_count {
            polling.spawn(poll_loop(Arc::clone(&pollers)));
        }
        tracing::info!(activity = %pollers.activity_arn, slots = slot_count, polls = poll_count, "worker started");
        let mut reached_max_tasks = false;
        tokio::select! {
            () = shutdown => tracing::info!("shutting down: no new polls; open polls finish and their tasks run"),
            () = all_done(&mut polling) => reached_max_tasks = true,
        }
        let _ = stop_tx.send(true);
        all_done(&mut polling).await;
        let all = u32::try_from(slot_count).unwrap_or(u32::MAX);
        let drained = tokio::time::timeout(self.drain_deadline, slots.acquire_many(all)).await;
        if drained.is_err() {
            tracing::warn!("drain deadline reached: the running tasks are stopped and failed with Worker.Shutdown");
            let _ = abandon_tx.send(true);
            let _ = slots.acquire_many(all).await;
        }
        if let Some(health) = health {
            health.abort();
            let _ = health.await;
        }
        let summary = tasks.counters.summary(reached_max_tasks);
        tracing::info!(?summary, "worker stopped");
        summary
    }
}

async fn all_done(set: &mut JoinSet<()>) {
    while set.join_next().await.is_some() {}
}

/// One poller: take a free slot, poll, run what came; until told to stop.
async fn poll_loop(pollers: Arc<Pollers>) {
    let mut stop = pollers.stop.clone();
    let mut backoff = Duration::ZERO;
    loop {
        if *stop.borrow() {
            return;
        }
        let permit = tokio::select! {
            permit = Arc::clone(&pollers.slots).acquire_owned() => match permit {
                Ok(permit) => permit,
                Err(_) => return,
            },
            _ = stop.changed() => return,
        };
        if let Some(max) = pollers.max_tasks {
            if pollers.reserved.fetch_add(1, Ordering::SeqCst) >= max {
                return;
            }
        }
        match poll_once(&pollers).await {
            Ok(Some((token, input))) => {
                backoff = Duration::ZERO;
                pollers.progress.made();
                Counters::add(&pollers.tasks.counters.received);
                let abandon = pollers.abandon.clone();
                tokio::spawn(run_task(
                    Arc::clone(&pollers.tasks),
                    token,
                    input,
                    permit,
                    abandon,
                ));
            }
            Ok(None) => {
                backoff = Duration::ZERO;
                pollers.progress.made();
                pollers.reserved.fetch_sub(1, Ordering::SeqCst);
            }
            Err(error) => {
                pollers.reserved.fetch_sub(1, Ordering::SeqCst);
                drop(permit);
                backoff = (backoff * 2).clamp(Duration::from_millis(500), MAX_BACKOFF);
                tracing::error!(%error, retry_in = ?backoff, "GetActivityTask failed; polling again after a pause");
                tokio::select! {
                    () = tokio::time::sleep(backoff) => {}
                    _ = stop.changed() => return,
                }
            }
        }
    }
}

/// One `GetActivityTask` call: the task's token and input, if one came.
async fn poll_once(pollers: &Pollers) -> Result<Option<(String, Option<String>)>, ServiceError> {
    let polled = pollers
        .tasks
        .client
        .get_activity_task()
        .activity_arn(&pollers.activity_arn)
        .worker_name(&pollers.worker_name)
        .send()
        .await
        .map_err(|e| ServiceError::from_sdk("GetActivityTask", &e))?;
    Ok(polled
        .task_token()
        .filter(|token| !token.is_empty())
        .map(|token| (token.to_owned(), polled.input().map(str::to_owned))))
}
