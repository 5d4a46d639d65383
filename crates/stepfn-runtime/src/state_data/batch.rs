//! Writing a list of items: `BatchWriteItem` in chunks of
//! [`BATCH_WRITE_ITEMS`], a few chunks in flight, and the items a call
//! answers as unprocessed sent again with a growing pause.

use std::future::Future;
use std::sync::Arc;

use aws_sdk_dynamodb::types::{PutRequest, WriteRequest};
use tokio::task::JoinSet;

use super::item::{self, Encoded};
use super::put::Target;
use super::{
    unprocessed_pause, ItemsPointer, StateData, StateDataError, BATCH_WRITE_ITEMS,
    UNPROCESSED_ATTEMPTS,
};

impl StateData {
    /// Writes `items` under local `key` in this client's table and
    /// namespace, item `i` at index `i`: the pointer a Map fans out over.
    ///
    /// ```no_run
    /// # async fn f(data: stepfn_runtime::StateData) -> Result<(), stepfn_runtime::StateDataError> {
    /// let orders: Vec<serde_json::Value> = (0..1000).map(|n| serde_json::json!({"order": n})).collect();
    /// let pointer = data.put_items("orders", &orders).await?;
    /// assert_eq!(pointer.count, 1000);
    /// // the task returns `pointer`; a Map built with Map::over_state_data fans out over it
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`StateDataError::NoNamespace`] without a namespace; an encoding,
    /// DynamoDB or S3 error naming the item; [`StateDataError::Unprocessed`]
    /// when DynamoDB keeps refusing items.
    pub async fn put_items<I>(&self, key: &str, items: I) -> Result<ItemsPointer, StateDataError>
    where
        I: IntoIterator,
        I::Item: serde::Serialize,
    {
        let partition_key = self.partition_key(key)?;
        let mut pointer = self
            .put_global_items(&self.table, &partition_key, items)
            .await?;
        pointer.key = Some(key.to_owned());
        Ok(pointer)
    }

    /// Writes `items` under `partition_key` in `table` (the table given,
    /// not this client's), item `i` at index `i`: the pointer.
    ///
    /// ```no_run
    /// # async fn f(data: stepfn_runtime::StateData) -> Result<(), stepfn_runtime::StateDataError> {
    /// let pointer = data.put_global_items("shared-state", "catalog:skus", ["a-1", "b-2"]).await?;
    /// assert_eq!(serde_json::to_value(&pointer).ok(), Some(serde_json::json!(
    ///     {"table_name": "shared-state", "partition_key": "catalog:skus", "items": [1, 1]})));
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// As [`StateData::put_items`].
    pub async fn put_global_items<I>(
        &self,
        table: &str,
        partition_key: &str,
        items: I,
    ) -> Result<ItemsPointer, StateDataError>
    where
        I: IntoIterator,
        I::Item: serde::Serialize,
    {
        let target = Arc::new(self.target(table, partition_key.to_owned()));
        let mut writes = JoinSet::new();
        let mut chunk = Vec::with_capacity(BATCH_WRITE_ITEMS);
        let mut count: u64 = 0;
        for data in items {
            chunk.push(item::encode(table, partition_key, count, &data)?);
            count += 1;
            if chunk.len() == BATCH_WRITE_ITEMS {
                if writes.len() >= self.writers {
                    joined(&target, writes.join_next().await)?;
                }
                let full = std::mem::replace(&mut chunk, Vec::with_capacity(BATCH_WRITE_ITEMS));
                writes.spawn(write_chunk(Arc::clone(&target), full));
            }
        }
        if !chunk.is_empty() {
            writes.spawn(write_chunk(Arc::clone(&target), chunk));
        }
        while let Some(done) = writes.join_next().await {
            joined(&target, Some(done))?;
        }
        Ok(ItemsPointer {
            table_name: table.to_owned(),
            partition_key: partition_key.to_owned(),
            count: usize::try_from(count).unwrap_or(usize::MAX),
            key: None,
        })
    }
}

/// The result of one finished chunk.
fn joined(
    target: &Target,
    done: Option<Result<Result<(), StateDataError>, tokio::task::JoinError>>,
) -> Result<(), StateDataError> {
    match done {
        None | Some(Ok(Ok(()))) => Ok(()),
        Some(Ok(Err(error))) => Err(error),
        Some(Err(stopped)) => Err(StateDataError::DynamoDb {
            table: target.table.clone(),
            partition_key: target.partition_key.clone(),
            index: None,
            error: Box::new(crate::ServiceError::new(
                "BatchWriteItem",
                None,
                stopped.to_string(),
            )),
        }),
    }
}

/// Writes one chunk: the large items to S3, then one `BatchWriteItem`
/// (and resends of what it left unprocessed).
async fn write_chunk(target: Arc<Target>, chunk: Vec<Encoded>) -> Result<(), StateDataError> {
    let mut requests = Vec::with_capacity(chunk.len());
    for encoded in chunk {
        let index = encoded.index;
        let put = PutRequest::builder()
            .set_item(Some(target.item(encoded).await?))
            .build()
            .map_err(|e| StateDataError::DynamoDb {
                table: target.table.clone(),
                partition_key: target.partition_key.clone(),
                index: Some(index),
                error: Box::new(crate::ServiceError::new(
                    "BatchWriteItem",
                    None,
                    e.to_string(),
                )),
            })?;
        requests.push(WriteRequest::builder().put_request(put).build());
    }
    let send = |requests: Vec<WriteRequest>| {
        let target = Arc::clone(&target);
        async move {
            let answer = target
                .dynamodb
                .batch_write_item()
                .request_items(&target.table, requests)
                .send()
                .await
                .map_err(|e| {
                    StateData::dynamodb_error(
                        &target.table,
                        &target.partition_key,
                        None,
                        "BatchWriteItem",
                        &e,
                    )
                })?;
            Ok(answer
                .unprocessed_items
                .and_then(|mut tables| tables.remove(&target.table))
                .unwrap_or_default())
        }
    };
    send_until_processed(requests, send)
        .await
        .map_err(|failure| match failure {
            Failure::Error(error) => error,
            Failure::Unprocessed(unprocessed) => StateDataError::Unprocessed {
                table: target.table.clone(),
                partition_key: target.partition_key.clone(),
                unprocessed,
                attempts: UNPROCESSED_ATTEMPTS,
            },
        })
}

/// Why [`send_until_processed`] gave up.
#[derive(Debug)]
enum Failure<E> {
    Error(E),
    Unprocessed(usize),
}

/// Sends `requests`, then whatever `send` answers as unprocessed, with
/// [`unprocessed_pause`] between sends, at most [`UNPROCESSED_ATTEMPTS`]
/// times.
async fn send_until_processed<R, E, F, Fut>(
    mut requests: Vec<R>,
    mut send: F,
) -> Result<(), Failure<E>>
where
    F: FnMut(Vec<R>) -> Fut,
    Fut: Future<Output = Result<Vec<R>, E>>,
{
    for attempt in 1..=UNPROCESSED_ATTEMPTS {
        requests = send(requests).await.map_err(Failure::Error)?;
        if requests.is_empty() {
            return Ok(());
        }
        if attempt < UNPROCESSED_ATTEMPTS {
            tracing::debug!(
                unprocessed = requests.len(),
                attempt,
                "BatchWriteItem left items unprocessed; sending them again"
            );
            tokio::time::sleep(unprocessed_pause(attempt)).await;
        }
    }
    Err(Failure::Unprocessed(requests.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn unprocessed_items_are_sent_again_until_none_is_left() {
        let mut sent = Vec::new();
        let result = send_until_processed(vec![1, 2, 3, 4, 5], |requests: Vec<u32>| {
            sent.push(requests.clone());
            // the service takes the first two each time
            let left = requests.get(2..).map(<[u32]>::to_vec).unwrap_or_default();
            async move { Ok::<_, ()>(left) }
        })
        .await;
        assert!(result.is_ok());
        assert_eq!(sent, vec![vec![1, 2, 3, 4, 5], vec![3, 4, 5], vec![5]]);
    }

    #[tokio::test(start_paused = true)]
    async fn items_never_processed_end_in_an_error_after_every_attempt() {
        let started = tokio::time::Instant::now();
        let mut calls = 0;
        let result = send_until_processed(vec![1, 2], |requests: Vec<u32>| {
            calls += 1;
            async move { Ok::<_, ()>(requests) }
        })
        .await;
        assert!(matches!(result, Err(Failure::Unprocessed(2))));
        assert_eq!(calls, UNPROCESSED_ATTEMPTS);
        // the pauses grew: 100 ms, 200 ms, ... capped at 5 s
        let paused: u64 = (1..UNPROCESSED_ATTEMPTS)
            .map(|a| unprocessed_pause(a).as_millis() as u64)
            .sum();
        assert_eq!(started.elapsed().as_millis() as u64, paused);
        assert_eq!(unprocessed_pause(1).as_millis(), 100);
        assert_eq!(unprocessed_pause(9).as_millis(), 5_000);
    }

    #[tokio::test]
    async fn an_error_stops_the_resends() {
        let result = send_until_processed(vec![1], |_requests: Vec<u32>| async {
            Err::<Vec<u32>, _>("throttled")
        });
        assert!(matches!(result.await, Err(Failure::Error("throttled"))));
    }
}
