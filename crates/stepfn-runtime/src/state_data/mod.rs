//! State data: what a task keeps out of the state's 256 KiB payload, stored
//! in DynamoDB (and S3 for large items) in the layout py2sfn-task-tools
//! uses, so Python and Rust tasks read each other's data.
//!
//! An item lives under partition key `{namespace}:{key}` (the namespace is
//! the execution's ARN, so each execution has its own keys) and sort key =
//! its index; see [`ITEM_SIZE_THRESHOLD_BYTES`] for what goes to S3.
//! `put_items` returns an [`ItemsPointer`], a small value the state carries
//! instead of the items, which a Map fans out over; each iteration reads its
//! item back with [`StateData::get_map_item`].
//!
//! The JSON text is written compact (py2sfn-task-tools writes Python's
//! `json.dumps` spacing); each reads the other's, and the threshold is
//! measured on the text each writes.
//!
//! Layout: `item` (one item's attributes), `put` (one item), `batch`
//! (`BatchWriteItem` in chunks), `get` (`GetItem`, `Query`), `pointer` (the
//! values tasks pass on), `error`.

mod batch;
mod error;
mod get;
mod item;
mod pointer;
mod put;

use std::time::Duration;

pub use error::StateDataError;
pub use item::{
    s3_key as state_data_s3_key, DATA, EXPIRES_AT, ITEM_SIZE_THRESHOLD_BYTES, PARTITION_KEY,
    S3_KEY, SORT_KEY,
};
pub use pointer::{ItemPointer, ItemsPointer, MapIteration};

/// `BatchWriteItem` takes at most this many items per call.
pub const BATCH_WRITE_ITEMS: usize = 25;

/// How many times `put_items` sends the items `BatchWriteItem` answered
/// as unprocessed (with a doubling pause, from 100 ms up to 5 s, between
/// sends) before it gives up with [`StateDataError::Unprocessed`].
pub const UNPROCESSED_ATTEMPTS: u32 = 10;

/// The client for state data: a DynamoDB table for items, an S3 bucket for
/// the large ones, and the namespace of local keys.
///
/// The table's key is `partition_key` (S) with sort key `sort_key` (N);
/// turn on its TTL with the attribute `expires_at`.
///
/// ```
/// use stepfn_runtime::{local_dynamodb_client, local_s3_client, StateData};
/// let data = StateData::new(
///     local_dynamodb_client("http://127.0.0.1:5000"),
///     local_s3_client("http://127.0.0.1:5000"),
///     "workflow-state",
///     "workflow-state-large-items",
/// )
/// .namespace("arn:aws:states:us-east-1:123456789012:execution:Orders:run-1")
/// .ttl_days(7);
/// assert_eq!(data.partition_key("orders")?, "arn:aws:states:us-east-1:123456789012:execution:Orders:run-1:orders");
/// # Ok::<(), stepfn_runtime::StateDataError>(())
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct StateData {
    pub(crate) dynamodb: aws_sdk_dynamodb::Client,
    pub(crate) s3: aws_sdk_s3::Client,
    pub(crate) table: String,
    pub(crate) bucket: String,
    pub(crate) namespace: Option<String>,
    pub(crate) ttl_days: u32,
    pub(crate) writers: usize,
}

impl StateData {
    /// A client writing local items to `table` and large items to `bucket`;
    /// no namespace yet, a TTL of 7 days, 4 `BatchWriteItem` calls at once.
    ///
    /// ```
    /// # use stepfn_runtime::{local_dynamodb_client, local_s3_client, StateData};
    /// let data = StateData::new(local_dynamodb_client("http://127.0.0.1:5000"), local_s3_client("http://127.0.0.1:5000"), "t", "b");
    /// assert_eq!((data.table(), data.bucket(), data.ttl()), ("t", "b", 7));
    /// ```
    pub fn new(
        dynamodb: aws_sdk_dynamodb::Client,
        s3: aws_sdk_s3::Client,
        table: impl Into<String>,
        bucket: impl Into<String>,
    ) -> StateData {
        StateData {
            dynamodb,
            s3,
            table: table.into(),
            bucket: bucket.into(),
            namespace: None,
            ttl_days: 7,
            writers: 4,
        }
    }

    /// The namespace of local keys: the execution's ARN (what
    /// `ActivityTask::execution_id` gives), as py2sfn tasks use it.
    ///
    /// ```
    /// # use stepfn_runtime::{local_dynamodb_client, local_s3_client, StateData};
    /// # let data = StateData::new(local_dynamodb_client("http://127.0.0.1:5000"), local_s3_client("http://127.0.0.1:5000"), "t", "b");
    /// assert_eq!(data.namespace("run-1").partition_key("k")?, "run-1:k");
    /// # Ok::<(), stepfn_runtime::StateDataError>(())
    /// ```
    pub fn namespace(mut self, namespace: impl Into<String>) -> StateData {
        self.namespace = Some(namespace.into());
        self
    }

    /// Items written from now on expire `days` days after they are written
    /// (their `expires_at`).
    ///
    /// ```
    /// # use stepfn_runtime::{local_dynamodb_client, local_s3_client, StateData};
    /// # let data = StateData::new(local_dynamodb_client("http://127.0.0.1:5000"), local_s3_client("http://127.0.0.1:5000"), "t", "b");
    /// assert_eq!(data.ttl_days(30).ttl(), 30);
    /// ```
    pub fn ttl_days(mut self, days: u32) -> StateData {
        self.ttl_days = days;
        self
    }

    /// How many `BatchWriteItem` calls `put_items` keeps in flight (at
    /// least 1).
    ///
    /// ```
    /// # use stepfn_runtime::{local_dynamodb_client, local_s3_client, StateData};
    /// # let data = StateData::new(local_dynamodb_client("http://127.0.0.1:5000"), local_s3_client("http://127.0.0.1:5000"), "t", "b");
    /// let data = data.concurrent_writes(8);
    /// ```
    pub fn concurrent_writes(mut self, calls: usize) -> StateData {
        self.writers = calls.max(1);
        self
    }

    /// The table local items go to.
    ///
    /// ```
    /// # use stepfn_runtime::{local_dynamodb_client, local_s3_client, StateData};
    /// # let data = StateData::new(local_dynamodb_client("http://127.0.0.1:5000"), local_s3_client("http://127.0.0.1:5000"), "t", "b");
    /// assert_eq!(data.table(), "t");
    /// ```
    #[must_use]
    pub fn table(&self) -> &str {
        &self.table
    }

    /// The bucket large items go to.
    ///
    /// ```
    /// # use stepfn_runtime::{local_dynamodb_client, local_s3_client, StateData};
    /// # let data = StateData::new(local_dynamodb_client("http://127.0.0.1:5000"), local_s3_client("http://127.0.0.1:5000"), "t", "b");
    /// assert_eq!(data.bucket(), "b");
    /// ```
    #[must_use]
    pub fn bucket(&self) -> &str {
        &self.bucket
    }

    /// The TTL in days.
    ///
    /// ```
    /// # use stepfn_runtime::{local_dynamodb_client, local_s3_client, StateData};
    /// # let data = StateData::new(local_dynamodb_client("http://127.0.0.1:5000"), local_s3_client("http://127.0.0.1:5000"), "t", "b");
    /// assert_eq!(data.ttl(), 7);
    /// ```
    #[must_use]
    pub fn ttl(&self) -> u32 {
        self.ttl_days
    }

    /// The partition key of local `key`: `{namespace}:{key}`.
    ///
    /// ```
    /// # use stepfn_runtime::{local_dynamodb_client, local_s3_client, StateData, StateDataError};
    /// # let data = StateData::new(local_dynamodb_client("http://127.0.0.1:5000"), local_s3_client("http://127.0.0.1:5000"), "t", "b");
    /// assert_eq!(data.partition_key("orders"), Err(StateDataError::NoNamespace));
    /// ```
    ///
    /// # Errors
    /// [`StateDataError::NoNamespace`] when no namespace was set.
    pub fn partition_key(&self, key: &str) -> Result<String, StateDataError> {
        match &self.namespace {
            Some(namespace) => Ok(format!("{namespace}:{key}")),
            None => Err(StateDataError::NoNamespace),
        }
    }

    /// The DynamoDB error of `operation` on an item or a partition.
    pub(crate) fn dynamodb_error<E, R>(
        table: &str,
        partition_key: &str,
        index: Option<u64>,
        operation: &'static str,
        error: &aws_smithy_runtime_api::client::result::SdkError<E, R>,
    ) -> StateDataError
    where
        E: aws_smithy_types::error::metadata::ProvideErrorMetadata + std::error::Error + 'static,
        R: std::fmt::Debug + 'static,
    {
        StateDataError::DynamoDb {
            table: table.to_owned(),
            partition_key: partition_key.to_owned(),
            index,
            error: Box::new(crate::ServiceError::from_sdk(operation, error)),
        }
    }
}

/// The pause before the `attempt`-th resend of unprocessed items.
pub(crate) fn unprocessed_pause(attempt: u32) -> Duration {
    let millis = 50u64.saturating_mul(1u64 << attempt.min(10));
    Duration::from_millis(millis.min(5_000))
}
