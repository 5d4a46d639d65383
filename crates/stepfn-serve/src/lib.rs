//! # stepfn-serve
//!
//! A local AWS Step Functions endpoint: the AWS SDKs, the AWS CLI and
//! anything else that speaks the Step Functions API (the AWS JSON 1.0
//! protocol, `X-Amz-Target: AWSStepFunctions.<Operation>`) create state
//! machines and run executions on the stepfn simulator, with nothing
//! changed but the endpoint URL.
//!
//! Tasks are answered by a Step Functions Local mock file (the test case
//! named by a `#TestCase` suffix on the state machine ARN), by activity
//! workers polling `GetActivityTask`, and by `SendTaskSuccess` /
//! `SendTaskFailure` for `.waitForTaskToken` callbacks. A Task nothing
//! answers fails its execution with a cause naming the state and how to
//! give it a response in the mock file.
//!
//! No credentials are checked: bind it to a loopback address.
//!
//! ```
//! use stepfn_serve::{Server, Settings};
//! let runtime = tokio::runtime::Runtime::new()?;
//! runtime.block_on(async {
//!     let server = Server::bind(Settings::new().port(0)).await?;
//!     assert!(server.local_addr().ip().is_loopback());
//!     // server.run().await serves until the process ends
//!     Ok::<(), std::io::Error>(())
//! })?;
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! Layout: `http` reads requests and writes AWS's responses; `ops/` has
//! one file per group of operations; `store` holds machines, executions,
//! activities and tokens; `record` is an ended execution's answers, as
//! memory and the state file (`persist`) keep it; `arn` and `request` are
//! AWS's ARNs and request fields.

mod arn;
mod error;
mod http;
mod ops;
mod persist;
mod record;
mod request;
mod settings;
mod store;

pub use error::ApiError;
pub use settings::{Settings, Time};

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use tokio::net::TcpListener;
use tokio::sync::Notify;

use crate::store::{Changes, Store};

/// The endpoint's shared state.
pub(crate) struct Shared {
    store: Mutex<Store>,
    settings: Settings,
    arns: arn::Arns,
    /// Woken when an activity task is scheduled.
    activity_scheduled: Notify,
    /// Woken when an execution ends.
    execution_ended: Notify,
    /// Held while the state file is written, so writes do not interleave.
    saving: Mutex<()>,
    /// How many saves were asked for, and how many of those the file
    /// holds: a save that finds its change already written returns at once.
    saves_asked: AtomicU64,
    saves_written: AtomicU64,
}

impl Shared {
    /// The store, locked. A panic while it was held leaves it usable: each
    /// operation leaves it consistent before it can fail.
    pub(crate) fn lock(&self) -> MutexGuard<'_, Store> {
        self.store
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Writes the state file, when there is one, after a change; it
    /// returns once the file holds the change. Saves asked for while
    /// another is written are made by one write.
    pub(crate) fn save(&self) -> Result<(), ApiError> {
        let Some(path) = &self.settings.state_file else {
            return Ok(());
        };
        let asked = self.saves_asked.fetch_add(1, Ordering::SeqCst) + 1;
        let _writing = self
            .saving
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if self.saves_written.load(Ordering::SeqCst) >= asked {
            return Ok(());
        }
        let covered = self.saves_asked.load(Ordering::SeqCst);
        let document = persist::snapshot(&self.lock());
        persist::write(path, &document)
            .map(|()| self.saves_written.store(covered, Ordering::SeqCst))
            .map_err(|e| {
                ApiError::new(
                    "ServiceUnavailableException",
                    format!(
                        "the change is made but the state file {} could not be written: {e}",
                        path.display()
                    ),
                )
            })
    }

    /// Wakes whoever waits for what changed, and writes the state file
    /// when an execution ended (a failed write is reported on stderr: no
    /// request waits for it).
    pub(crate) fn signal(&self, changes: Changes) {
        if changes.activity {
            self.activity_scheduled.notify_waiters();
        }
        if changes.finished {
            self.execution_ended.notify_waiters();
            if let Err(e) = self.save() {
                eprintln!("stepfn serve: {}", e.message());
            }
        }
    }
}

/// A bound endpoint, ready to serve.
pub struct Server {
    listener: TcpListener,
    shared: Arc<Shared>,
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Server")
            .field("local_addr", &self.listener.local_addr().ok())
            .field("time", &self.shared.settings.time)
            .finish_non_exhaustive()
    }
}

impl Server {
    /// Binds the address of `settings` (port 0 picks a free one) and reads
    /// its state file, if any.
    ///
    /// ```
    /// # tokio::runtime::Runtime::new()?.block_on(async {
    /// let server = stepfn_serve::Server::bind(stepfn_serve::Settings::new().port(0)).await?;
    /// assert_ne!(server.local_addr().port(), 0);
    /// # Ok::<(), std::io::Error>(()) })?; Ok::<(), std::io::Error>(())
    /// ```
    ///
    /// # Errors
    /// When the address cannot be bound, or the state file cannot be read,
    /// is not one this endpoint wrote, or holds a definition that does not
    /// run; the message names the address or the file.
    pub async fn bind(settings: Settings) -> std::io::Result<Server> {
        let arns = arn::Arns {
            region: settings.region.clone(),
            account: settings.account.clone(),
        };
        let mut store = Store::default();
        if let Some(path) = &settings.state_file {
            if persist::load(path, &mut store, &arns)? {
                persist::write(path, &persist::snapshot(&store)).map_err(|e| {
                    std::io::Error::new(
                        e.kind(),
                        format!("the state file {} cannot be written: {e}", path.display()),
                    )
                })?;
            }
        }
        let listener = TcpListener::bind((settings.host.as_str(), settings.port))
            .await
            .map_err(|e| {
                std::io::Error::new(
                    e.kind(),
                    format!("cannot listen on {}:{}: {e}", settings.host, settings.port),
                )
            })?;
        Ok(Server {
            listener,
            shared: Arc::new(Shared {
                store: Mutex::new(store),
                settings,
                arns,
                activity_scheduled: Notify::new(),
                execution_ended: Notify::new(),
                saving: Mutex::new(()),
                saves_asked: AtomicU64::new(0),
                saves_written: AtomicU64::new(0),
            }),
        })
    }

    /// The address it listens on.
    ///
    /// ```
    /// # tokio::runtime::Runtime::new()?.block_on(async {
    /// let server = stepfn_serve::Server::bind(stepfn_serve::Settings::new().port(0)).await?;
    /// assert_eq!(server.local_addr().ip().to_string(), "127.0.0.1");
    /// # Ok::<(), std::io::Error>(()) })?; Ok::<(), std::io::Error>(())
    /// ```
    #[must_use]
    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .unwrap_or_else(|_| SocketAddr::from(([127, 0, 0, 1], 0)))
    }

    /// Serves requests until the task is dropped; the clock of running
    /// executions follows real time in the background.
    ///
    /// ```no_run
    /// # tokio::runtime::Runtime::new()?.block_on(async {
    /// let server = stepfn_serve::Server::bind(stepfn_serve::Settings::new()).await?;
    /// server.run().await?; // serves http://127.0.0.1:8083 until stopped
    /// # Ok::<(), std::io::Error>(()) })?; Ok::<(), std::io::Error>(())
    /// ```
    ///
    /// # Errors
    /// When accepting connections fails.
    pub async fn run(self) -> std::io::Result<()> {
        let clock = tokio::spawn(ops::clock::follow_real_time(Arc::clone(&self.shared)));
        let served = http::accept(self.listener, self.shared).await;
        clock.abort();
        served
    }
}
