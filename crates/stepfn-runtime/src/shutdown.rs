//! The signals that start a drain.

/// Completes at the first SIGTERM or SIGINT (Ctrl-C); on platforms
/// without SIGTERM, at Ctrl-C.
///
/// ```no_run
/// # async fn f() {
/// stepfn_runtime::shutdown_signal().await;
/// println!("draining");
/// # }
/// ```
pub async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = term.recv() => {}
                _ = tokio::signal::ctrl_c() => {}
            }
            return;
        }
    }
    if tokio::signal::ctrl_c().await.is_err() {
        std::future::pending::<()>().await;
    }
}
