//! Reading items back: `GetItem` for one, `Query` page by page for a whole
//! partition, and `GetObject` for those stored in S3.

use std::collections::HashMap;

use aws_sdk_dynamodb::types::AttributeValue;
use serde::de::DeserializeOwned;

use super::item::{self, Stored};
use super::{MapIteration, StateData, StateDataError};

impl StateData {
    /// Reads item `index` of local `key` from this client's table and
    /// namespace.
    ///
    /// ```no_run
    /// # async fn f(data: stepfn_runtime::StateData) -> Result<(), stepfn_runtime::StateDataError> {
    /// let report: serde_json::Value = data.get_item("report", 0).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`StateDataError::NotFound`] when there is no such item;
    /// [`StateDataError::Decode`] when it is not a `T`; a DynamoDB or S3
    /// error naming the item.
    pub async fn get_item<T: DeserializeOwned>(
        &self,
        key: &str,
        index: u64,
    ) -> Result<T, StateDataError> {
        let partition_key = self.partition_key(key)?;
        self.get_global_item(&self.table, &partition_key, index)
            .await
    }

    /// Reads item `index` under `partition_key` in `table`.
    ///
    /// ```no_run
    /// # async fn f(data: stepfn_runtime::StateData) -> Result<(), stepfn_runtime::StateDataError> {
    /// let prices: Vec<f64> = data.get_global_item("shared-state", "catalog:prices", 0).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// As [`StateData::get_item`].
    pub async fn get_global_item<T: DeserializeOwned>(
        &self,
        table: &str,
        partition_key: &str,
        index: u64,
    ) -> Result<T, StateDataError> {
        let answer = self
            .dynamodb
            .get_item()
            .table_name(table)
            .set_key(Some(item::key(partition_key, index)))
            .consistent_read(true)
            .send()
            .await
            .map_err(|e| {
                StateData::dynamodb_error(table, partition_key, Some(index), "GetItem", &e)
            })?;
        let Some(found) = answer.item else {
            return Err(StateDataError::NotFound {
                table: table.to_owned(),
                partition_key: partition_key.to_owned(),
                index,
            });
        };
        let (index, stored) = item::stored(table, partition_key, found)?;
        self.read(table, partition_key, index, stored).await
    }

    /// Reads the item of one Map iteration: the pointer's table and
    /// partition key, at `context_index` (see [`MapIteration::from_input`]).
    ///
    /// ```no_run
    /// # async fn f(data: stepfn_runtime::StateData, input: serde_json::Value) -> Result<(), stepfn_runtime::StateDataError> {
    /// let iteration = stepfn_runtime::MapIteration::from_input(&input)?;
    /// let order: serde_json::Value = data.get_map_item(&iteration).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// As [`StateData::get_item`].
    pub async fn get_map_item<T: DeserializeOwned>(
        &self,
        iteration: &MapIteration,
    ) -> Result<T, StateDataError> {
        self.get_global_item(
            &iteration.items_result_table_name,
            &iteration.items_result_partition_key,
            iteration.context_index,
        )
        .await
    }

    /// Reads every item of local `key`, in index order.
    ///
    /// ```no_run
    /// # async fn f(data: stepfn_runtime::StateData) -> Result<(), stepfn_runtime::StateDataError> {
    /// let orders: Vec<serde_json::Value> = data.get_items("orders").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`StateDataError::NoNamespace`] without a namespace;
    /// [`StateDataError::Decode`] for an item that is not a `T`; a DynamoDB
    /// or S3 error naming the item. No items is an empty list.
    pub async fn get_items<T: DeserializeOwned>(
        &self,
        key: &str,
    ) -> Result<Vec<T>, StateDataError> {
        let partition_key = self.partition_key(key)?;
        self.get_global_items(&self.table, &partition_key).await
    }

    /// Reads every item under `partition_key` in `table`, in index order,
    /// following `Query`'s pages.
    ///
    /// ```no_run
    /// # async fn f(data: stepfn_runtime::StateData) -> Result<(), stepfn_runtime::StateDataError> {
    /// let skus: Vec<String> = data.get_global_items("shared-state", "catalog:skus").await?;
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// As [`StateData::get_items`].
    pub async fn get_global_items<T: DeserializeOwned>(
        &self,
        table: &str,
        partition_key: &str,
    ) -> Result<Vec<T>, StateDataError> {
        let mut items = Vec::new();
        let mut start: Option<HashMap<String, AttributeValue>> = None;
        loop {
            let page = self
                .dynamodb
                .query()
                .table_name(table)
                .key_condition_expression("#partition_key = :partition_key")
                .expression_attribute_names("#partition_key", item::PARTITION_KEY)
                .expression_attribute_values(
                    ":partition_key",
                    AttributeValue::S(partition_key.to_owned()),
                )
                .consistent_read(true)
                .set_exclusive_start_key(start.take())
                .send()
                .await
                .map_err(|e| StateData::dynamodb_error(table, partition_key, None, "Query", &e))?;
            for found in page.items.unwrap_or_default() {
                let (index, stored) = item::stored(table, partition_key, found)?;
                items.push(self.read(table, partition_key, index, stored).await?);
            }
            match page.last_evaluated_key {
                Some(last) if !last.is_empty() => start = Some(last),
                _ => return Ok(items),
            }
        }
    }

    /// The value of a stored item: its text, or the S3 object's.
    async fn read<T: DeserializeOwned>(
        &self,
        table: &str,
        partition_key: &str,
        index: u64,
        stored: Stored,
    ) -> Result<T, StateDataError> {
        let decoded = match stored {
            Stored::Data(json) => serde_json::from_str(&json),
            Stored::InS3(s3_key) => {
                let bytes = self.object(&s3_key).await?;
                serde_json::from_slice(&bytes)
            }
        };
        decoded.map_err(|e| StateDataError::Decode {
            table: table.to_owned(),
            partition_key: partition_key.to_owned(),
            index,
            message: e.to_string(),
        })
    }

    /// The bytes of an object in this client's bucket.
    async fn object(&self, s3_key: &str) -> Result<Vec<u8>, StateDataError> {
        let error = |error: crate::ServiceError| StateDataError::S3 {
            bucket: self.bucket.clone(),
            s3_key: s3_key.to_owned(),
            error: Box::new(error),
        };
        let answer = self
            .s3
            .get_object()
            .bucket(&self.bucket)
            .key(s3_key)
            .send()
            .await
            .map_err(|e| error(crate::ServiceError::from_sdk("GetObject", &e)))?;
        let body = answer
            .body
            .collect()
            .await
            .map_err(|e| error(crate::ServiceError::new("GetObject", None, e.to_string())))?;
        Ok(body.into_bytes().to_vec())
    }
}
