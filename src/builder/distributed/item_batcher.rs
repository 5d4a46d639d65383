//! [`ItemBatcher`]: a Distributed Map's items passed to each child in batches.

use crate::model::{self, Json, MaxInputBytesPerBatch, MaxItemsPerBatch, OrJsonata};

/// A Distributed Map's `ItemBatcher`: each child execution gets a batch of
/// items (`{"Items": [...]}`) instead of one. AWS needs at least one limit.
///
/// ```
/// use stepfn::builder::ItemBatcher;
/// let batcher = stepfn::model::ItemBatcher::from(ItemBatcher::max_items(100).max_bytes(65_536));
/// assert_eq!(serde_json::to_string(&batcher)?, r#"{"MaxItemsPerBatch":100,"MaxInputBytesPerBatch":65536}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
#[must_use]
pub struct ItemBatcher(model::ItemBatcher);

impl ItemBatcher {
    /// Batches of at most `items` items (`MaxItemsPerBatch`).
    ///
    /// ```
    /// use stepfn::builder::ItemBatcher;
    /// let batcher = stepfn::model::ItemBatcher::from(ItemBatcher::max_items(10));
    /// assert_eq!(serde_json::to_string(&batcher)?, r#"{"MaxItemsPerBatch":10}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn max_items(items: u64) -> ItemBatcher {
        ItemBatcher::default().and_max_items(items)
    }

    /// Batches of at most `bytes` bytes of input (`MaxInputBytesPerBatch`,
    /// at most 256 KiB).
    ///
    /// ```
    /// use stepfn::builder::ItemBatcher;
    /// let batcher = stepfn::model::ItemBatcher::from(ItemBatcher::max_input_bytes(4096));
    /// assert_eq!(serde_json::to_string(&batcher)?, r#"{"MaxInputBytesPerBatch":4096}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn max_input_bytes(bytes: u64) -> ItemBatcher {
        ItemBatcher::default().max_bytes(bytes)
    }

    /// Also limits the number of items per batch.
    ///
    /// ```
    /// use stepfn::builder::ItemBatcher;
    /// let batcher = stepfn::model::ItemBatcher::from(ItemBatcher::max_input_bytes(4096).and_max_items(5));
    /// assert_eq!(serde_json::to_string(&batcher)?, r#"{"MaxItemsPerBatch":5,"MaxInputBytesPerBatch":4096}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn and_max_items(mut self, items: u64) -> ItemBatcher {
        self.0.max_items_per_batch = Some(MaxItemsPerBatch::Value(OrJsonata::Value(items)));
        self
    }

    /// Also limits the bytes of input per batch.
    ///
    /// ```
    /// use stepfn::builder::ItemBatcher;
    /// let batcher = stepfn::model::ItemBatcher::from(ItemBatcher::max_items(5).max_bytes(100));
    /// assert_eq!(serde_json::to_string(&batcher)?, r#"{"MaxItemsPerBatch":5,"MaxInputBytesPerBatch":100}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn max_bytes(mut self, bytes: u64) -> ItemBatcher {
        self.0.max_input_bytes_per_batch =
            Some(MaxInputBytesPerBatch::Value(OrJsonata::Value(bytes)));
        self
    }

    /// Input added to every batch, beside its `Items` (`BatchInput`).
    ///
    /// ```
    /// use stepfn::builder::ItemBatcher;
    /// let batcher = ItemBatcher::max_items(5).batch_input(serde_json::json!({"run": "r1"}));
    /// let batcher = stepfn::model::ItemBatcher::from(batcher);
    /// assert_eq!(serde_json::to_string(&batcher)?, r#"{"MaxItemsPerBatch":5,"BatchInput":{"run":"r1"}}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn batch_input(mut self, input: impl Into<Json>) -> ItemBatcher {
        self.0.batch_input = Some(input.into());
        self
    }

    /// Reads the most items per batch from the input (`MaxItemsPerBatchPath`,
    /// JSONPath).
    ///
    /// ```
    /// use stepfn::builder::ItemBatcher;
    /// let batcher = stepfn::model::ItemBatcher::from(ItemBatcher::default().max_items_path("$.batch"));
    /// assert_eq!(serde_json::to_string(&batcher)?, r#"{"MaxItemsPerBatchPath":"$.batch"}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn max_items_path(mut self, path: impl Into<String>) -> ItemBatcher {
        self.0.max_items_per_batch = Some(MaxItemsPerBatch::Path(path.into()));
        self
    }

    /// Computes the most items per batch with a JSONata expression.
    ///
    /// ```
    /// use stepfn::builder::{ItemBatcher, Jsonata};
    /// let batcher = stepfn::model::ItemBatcher::from(ItemBatcher::default().max_items_jsonata(Jsonata::new("$batch")));
    /// assert_eq!(serde_json::to_string(&batcher)?, r#"{"MaxItemsPerBatch":"{% $batch %}"}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn max_items_jsonata(mut self, expression: crate::builder::Jsonata) -> ItemBatcher {
        self.0.max_items_per_batch = Some(MaxItemsPerBatch::Value(OrJsonata::Jsonata(
            expression.into(),
        )));
        self
    }

    /// Reads the most bytes per batch from the input
    /// (`MaxInputBytesPerBatchPath`, JSONPath).
    ///
    /// ```
    /// use stepfn::builder::ItemBatcher;
    /// let batcher = stepfn::model::ItemBatcher::from(ItemBatcher::max_items(5).max_bytes_path("$.bytes"));
    /// assert_eq!(serde_json::to_string(&batcher)?, r#"{"MaxItemsPerBatch":5,"MaxInputBytesPerBatchPath":"$.bytes"}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn max_bytes_path(mut self, path: impl Into<String>) -> ItemBatcher {
        self.0.max_input_bytes_per_batch = Some(MaxInputBytesPerBatch::Path(path.into()));
        self
    }

    /// Computes the most bytes per batch with a JSONata expression.
    ///
    /// ```
    /// use stepfn::builder::{ItemBatcher, Jsonata};
    /// let batcher = stepfn::model::ItemBatcher::from(ItemBatcher::max_items(5).max_bytes_jsonata(Jsonata::new("$bytes")));
    /// assert_eq!(serde_json::to_string(&batcher)?, r#"{"MaxItemsPerBatch":5,"MaxInputBytesPerBatch":"{% $bytes %}"}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn max_bytes_jsonata(mut self, expression: crate::builder::Jsonata) -> ItemBatcher {
        self.0.max_input_bytes_per_batch = Some(MaxInputBytesPerBatch::Value(OrJsonata::Jsonata(
            expression.into(),
        )));
        self
    }
}

impl From<ItemBatcher> for model::ItemBatcher {
    fn from(batcher: ItemBatcher) -> model::ItemBatcher {
        batcher.0
    }
}
