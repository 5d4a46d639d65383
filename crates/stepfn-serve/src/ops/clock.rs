//! The clock of running executions follows real time: a callback's
//! `HeartbeatSeconds` and `TimeoutSeconds` are real seconds; with
//! `--time real`, so are Waits and retry back-offs.

use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::{Shared, Time};

/// How often running executions catch up with real time.
fn tick(time: Time) -> Duration {
    match time {
        Time::Real => Duration::from_millis(10),
        Time::Fast => Duration::from_millis(50),
    }
}

/// Moves every running execution's clock on, forever.
pub(crate) async fn follow_real_time(shared: Arc<Shared>) {
    let mut interval = tokio::time::interval(tick(shared.settings.time));
    interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        interval.tick().await;
        let changes = shared.lock().catch_up(Instant::now());
        shared.signal(changes);
    }
}
