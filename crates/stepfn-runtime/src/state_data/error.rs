//! What can go wrong reading or writing state data, each case naming the
//! table, partition key and index it is about.

use crate::ServiceError;

/// A state data call that failed.
///
/// ```
/// use stepfn_runtime::StateDataError;
/// let error = StateDataError::NotFound {
///     table: "workflow-state".into(),
///     partition_key: "run-1:orders".into(),
///     index: 3,
/// };
/// assert_eq!(
///     error.to_string(),
///     "no item at index 3 under partition key `run-1:orders` in table `workflow-state`: \
///      put it first (put_item or put_items), or check the key and the index the Map passed as `context_index`"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StateDataError {
    /// A local (namespaced) call on a client without a namespace.
    #[error(
        "no namespace is set, so a local key has no partition key: call `.namespace(execution_id)` \
         (the execution's ARN, which `ActivityTask::execution_id` gives), or use the global variants \
         with a table and a partition key"
    )]
    NoNamespace,
    /// No item is stored at this table, partition key and index.
    #[error(
        "no item at index {index} under partition key `{partition_key}` in table `{table}`: \
         put it first (put_item or put_items), or check the key and the index the Map passed as `context_index`"
    )]
    NotFound {
        /// The DynamoDB table.
        table: String,
        /// The partition key, `{namespace}:{key}` for local items.
        partition_key: String,
        /// The item's index (its sort key).
        index: u64,
    },
    /// The data given cannot be written as JSON (a map with keys that are
    /// not strings, a serializer that fails).
    #[error("item {index} for partition key `{partition_key}` in table `{table}` cannot be written as JSON: {message}")]
    Encode {
        /// The DynamoDB table.
        table: String,
        /// The partition key.
        partition_key: String,
        /// The item's index.
        index: u64,
        /// serde_json's message.
        message: String,
    },
    /// The stored JSON is not the type asked for.
    #[error(
        "item {index} under partition key `{partition_key}` in table `{table}` does not read as the type asked for: \
         {message}; read it as `serde_json::Value` to see what is stored"
    )]
    Decode {
        /// The DynamoDB table.
        table: String,
        /// The partition key.
        partition_key: String,
        /// The item's index.
        index: u64,
        /// serde_json's message.
        message: String,
    },
    /// A stored item lacks what every state data item has.
    #[error("an item under partition key `{partition_key}` in table `{table}` is not state data: {message}")]
    Malformed {
        /// The DynamoDB table.
        table: String,
        /// The partition key.
        partition_key: String,
        /// What is missing or wrong.
        message: String,
    },
    /// A DynamoDB call failed after the SDK's retries.
    #[error("{error} (table `{table}`, partition key `{partition_key}`{})", index_text(*.index))]
    DynamoDb {
        /// The DynamoDB table.
        table: String,
        /// The partition key.
        partition_key: String,
        /// The item's index, when the call was about one item.
        index: Option<u64>,
        /// The operation, AWS's code and message.
        error: Box<ServiceError>,
    },
    /// An S3 call for an item stored in S3 failed after the SDK's retries.
    #[error("{error} (s3://{bucket}/{s3_key})")]
    S3 {
        /// The bucket.
        bucket: String,
        /// The object's key, `workflow_state_data/{table}/{partition_key}/{index}`.
        s3_key: String,
        /// The operation, AWS's code and message.
        error: Box<ServiceError>,
    },
    /// `BatchWriteItem` kept answering some items as unprocessed.
    #[error(
        "{unprocessed} items for partition key `{partition_key}` in table `{table}` were still unprocessed after \
         {attempts} BatchWriteItem attempts: the table's write capacity is used up; raise it or write again later"
    )]
    Unprocessed {
        /// The DynamoDB table.
        table: String,
        /// The partition key.
        partition_key: String,
        /// How many items were not written.
        unprocessed: usize,
        /// How many times they were sent.
        attempts: u32,
    },
    /// A task input that is not a Map iteration over state data.
    #[error(
        "the task input is not a Map iteration over state data: {message}; build the Map with \
         `Map::over_state_data`, whose ItemSelector passes `items_result_table_name`, \
         `items_result_partition_key` and `context_index`"
    )]
    NotMapIteration {
        /// What is missing or wrong.
        message: String,
    },
}

fn index_text(index: Option<u64>) -> String {
    index.map(|i| format!(", index {i}")).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_errors_name_the_table_key_and_index() {
        let error = StateDataError::DynamoDb {
            table: "t".into(),
            partition_key: "ns:k".into(),
            index: Some(4),
            error: Box::new(ServiceError::new(
                "GetItem",
                Some("ResourceNotFoundException"),
                "no table",
            )),
        };
        assert_eq!(
            error.to_string(),
            "GetItem failed: ResourceNotFoundException: no table (table `t`, partition key `ns:k`, index 4)"
        );
    }
}
