//! The worker's loop: pollers that ask their source for tasks only with
//! free slots in hand, and the shutdown that drains running tasks.

use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{watch, OwnedSemaphorePermit, Semaphore};
use tokio::task::JoinSet;

use crate::healthcheck::Progress;
use crate::run_task::{run_task, TaskShared};
use crate::source::Source;
use crate::summary::Counters;
use crate::{ActivityWorker, Summary};

/// The longest pause between polls after errors.
const MAX_BACKOFF: Duration = Duration::from_secs(30);

/// What the pollers share.
struct Pollers {
    tasks: Arc<TaskShared>,
    source: Source,
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
            source: self.source,
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
        tracing::info!(source = %pollers.source.describe(), slots = slot_count, polls = poll_count, "worker started");
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

/// One poller: take free slots (one, waiting for it, then as many more as
/// are free and one call may return), reserve as many tasks against the
/// maximum, ask the source, and run what came, each task with its slot;
/// until told to stop.
async fn poll_loop(pollers: Arc<Pollers>) {
    let mut stop = pollers.stop.clone();
    let mut backoff = Duration::ZERO;
    loop {
        if *stop.borrow() {
            return;
        }
        let first = tokio::select! {
            permit = Arc::clone(&pollers.slots).acquire_owned() => match permit {
                Ok(permit) => permit,
                Err(_) => return,
            },
            _ = stop.changed() => return,
        };
        let mut permits = vec![first];
        while permits.len() < pollers.source.batch() {
            match Arc::clone(&pollers.slots).try_acquire_owned() {
                Ok(permit) => permits.push(permit),
                Err(_) => break,
            }
        }
        reserve(&pollers, &mut permits);
        if permits.is_empty() {
            return;
        }
        let asked = permits.len();
        match pollers.source.receive(&pollers.tasks.client, asked).await {
            Ok(received) => {
                backoff = Duration::ZERO;
                pollers.progress.made();
                let unused = asked.saturating_sub(received.len());
                unreserve(&pollers, unused);
                for (task, permit) in received.into_iter().zip(permits) {
                    Counters::add(&pollers.tasks.counters.received);
                    let abandon = pollers.abandon.clone();
                    tokio::spawn(run_task(Arc::clone(&pollers.tasks), task, permit, abandon));
                }
            }
            Err(error) => {
                unreserve(&pollers, asked);
                drop(permits);
                backoff = (backoff * 2).clamp(Duration::from_millis(500), MAX_BACKOFF);
                let operation = pollers.source.operation();
                tracing::error!(%error, retry_in = ?backoff, "{operation} failed; polling again after a pause");
                tokio::select! {
                    () = tokio::time::sleep(backoff) => {}
                    _ = stop.changed() => return,
                }
            }
        }
    }
}

/// Reserves one task against the maximum per permit; the permits past the
/// maximum are given back.
fn reserve(pollers: &Pollers, permits: &mut Vec<OwnedSemaphorePermit>) {
    let Some(max) = pollers.max_tasks else {
        return;
    };
    let mut kept = 0;
    for _ in 0..permits.len() {
        if pollers.reserved.fetch_add(1, Ordering::SeqCst) >= max {
            pollers.reserved.fetch_sub(1, Ordering::SeqCst);
            break;
        }
        kept += 1;
    }
    permits.truncate(kept);
}

/// Gives back reservations of tasks that did not come.
fn unreserve(pollers: &Pollers, count: usize) {
    if pollers.max_tasks.is_some() {
        let count = u64::try_from(count).unwrap_or(u64::MAX);
        pollers.reserved.fetch_sub(count, Ordering::SeqCst);
    }
}
