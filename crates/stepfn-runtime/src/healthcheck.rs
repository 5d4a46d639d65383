//! The healthcheck endpoint: any HTTP request is answered 200
//! `{"status":"ok"}` while polling makes progress, 503
//! `{"status":"stalled"}` once it has not for [`STALLED_AFTER`].

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;
use tokio::time::Instant;

/// How long polling may go without a successful `GetActivityTask` answer
/// (empty or not) while a slot is free before the worker is unhealthy: a
/// long poll answers within 60 seconds, so longer means the calls fail.
pub const STALLED_AFTER: Duration = Duration::from_secs(90);

/// When polling last made progress.
#[derive(Debug)]
pub(crate) struct Progress {
    start: Instant,
    last_millis: AtomicU64,
}

impl Progress {
    pub(crate) fn new() -> Progress {
        Progress {
            start: Instant::now(),
            last_millis: AtomicU64::new(0),
        }
    }

    /// Notes a poll answered.
    pub(crate) fn made(&self) {
        let millis = u64::try_from(self.start.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.last_millis.store(millis, Ordering::Relaxed);
    }

    /// Healthy when every slot is busy (nothing to poll for) or a poll
    /// was answered within [`STALLED_AFTER`].
    fn healthy(&self, slots: &Semaphore) -> bool {
        let last = self.start + Duration::from_millis(self.last_millis.load(Ordering::Relaxed));
        slots.available_permits() == 0 || last.elapsed() < STALLED_AFTER
    }
}

/// Answers health requests on `listener` until the worker stops.
pub(crate) async fn serve(listener: TcpListener, progress: Arc<Progress>, slots: Arc<Semaphore>) {
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let healthy = progress.healthy(&slots);
        tokio::spawn(answer(stream, healthy));
    }
}

async fn answer(mut stream: TcpStream, healthy: bool) {
    // read the request head (bounded) so the client sees a clean close
    let mut head = Vec::new();
    let mut buffer = [0u8; 1024];
    while head.len() < 8192 && !head.windows(4).any(|w| w == b"\r\n\r\n") {
        match tokio::time::timeout(Duration::from_secs(5), stream.read(&mut buffer)).await {
            Ok(Ok(read)) if read > 0 => {
                head.extend_from_slice(buffer.get(..read).unwrap_or_default())
            }
            _ => break,
        }
    }
    let (status, body) = if healthy {
        ("200 OK", r#"{"status":"ok"}"#)
    } else {
        ("503 Service Unavailable", r#"{"status":"stalled"}"#)
    };
    let response = format!(
        "HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = stream.write_all(response.as_bytes()).await;
    let _ = stream.shutdown().await;
}

/// Binds the healthcheck address.
pub(crate) async fn bind(addr: SocketAddr) -> std::io::Result<TcpListener> {
    TcpListener::bind(addr).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn stalls_only_when_a_free_slot_has_seen_no_poll_answered() {
        let progress = Progress::new();
        let slots = Semaphore::new(1);
        assert!(progress.healthy(&slots));
        tokio::time::advance(STALLED_AFTER + Duration::from_secs(1)).await;
        assert!(!progress.healthy(&slots));
        progress.made();
        assert!(progress.healthy(&slots));
        tokio::time::advance(STALLED_AFTER + Duration::from_secs(1)).await;
        let _busy = slots.acquire().await;
        assert!(
            progress.healthy(&slots),
            "every slot busy: nothing to poll for"
        );
    }
}
