//! What a worker did before it returned.

use std::sync::atomic::{AtomicU64, Ordering};

/// Counts of a worker's tasks, returned when it stops.
///
/// ```
/// let summary = stepfn_runtime::Summary::default();
/// assert_eq!(summary.received, 0);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Tasks received: from `GetActivityTask`, or messages from a queue.
    pub received: u64,
    /// Tasks answered with `SendTaskSuccess`.
    pub succeeded: u64,
    /// Tasks answered with `SendTaskFailure`: handler errors and panics.
    pub failed: u64,
    /// Tasks the worker failed with `Worker.Shutdown` because they were
    /// still running at the drain deadline.
    pub abandoned: u64,
    /// Tasks whose token stopped answering (`TaskTimedOut`,
    /// `InvalidToken`, `TaskDoesNotExist`): their work was cancelled.
    pub cancelled: u64,
    /// Answers that could not be sent after every retry.
    pub unanswered: u64,
    /// Whether the worker stopped because it reached its maximum of tasks.
    pub reached_max_tasks: bool,
}

/// The counters, shared by the worker's tasks.
#[derive(Debug, Default)]
pub(crate) struct Counters {
    pub(crate) received: AtomicU64,
    pub(crate) succeeded: AtomicU64,
    pub(crate) failed: AtomicU64,
    pub(crate) abandoned: AtomicU64,
    pub(crate) cancelled: AtomicU64,
    pub(crate) unanswered: AtomicU64,
}

impl Counters {
    pub(crate) fn add(counter: &AtomicU64) {
        counter.fetch_add(1, Ordering::Relaxed);
    }

    pub(crate) fn summary(&self, reached_max_tasks: bool) -> Summary {
        Summary {
            received: self.received.load(Ordering::Relaxed),
            succeeded: self.succeeded.load(Ordering::Relaxed),
            failed: self.failed.load(Ordering::Relaxed),
            abandoned: self.abandoned.load(Ordering::Relaxed),
            cancelled: self.cancelled.load(Ordering::Relaxed),
            unanswered: self.unanswered.load(Ordering::Relaxed),
            reached_max_tasks,
        }
    }
}
