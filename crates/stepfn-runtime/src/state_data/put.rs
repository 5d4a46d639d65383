//! Writing one item: `PutItem`, after `PutObject` for an item too large for
//! DynamoDB.

use aws_sdk_s3::primitives::ByteStream;

use super::item::{self, Encoded, Stored};
use super::{ItemPointer, StateData, StateDataError};

/// What writing one partition needs, cheap to clone into a spawned task.
#[derive(Debug, Clone)]
pub(crate) struct Target {
    pub(crate) dynamodb: aws_sdk_dynamodb::Client,
    pub(crate) s3: aws_sdk_s3::Client,
    pub(crate) bucket: String,
    pub(crate) table: String,
    pub(crate) partition_key: String,
    pub(crate) expires_at: u64,
}

impl Target {
    /// The DynamoDB item for `encoded`, after putting its text in S3 when
    /// it is too large for DynamoDB.
    pub(crate) async fn item(
        &self,
        encoded: Encoded,
    ) -> Result<
        std::collections::HashMap<String, aws_sdk_dynamodb::types::AttributeValue>,
        StateDataError,
    > {
        if !encoded.to_s3() {
            let content = Stored::Data(encoded.json);
            return Ok(item::attributes(
                &self.partition_key,
                encoded.index,
                self.expires_at,
                content,
            ));
        }
        let key = item::s3_key(&self.table, &self.partition_key, encoded.index);
        self.s3
            .put_object()
            .bucket(&self.bucket)
            .key(&key)
            .content_type("application/json")
            .body(ByteStream::from(encoded.json.into_bytes()))
            .send()
            .await
            .map_err(|e| StateDataError::S3 {
                bucket: self.bucket.clone(),
                s3_key: key.clone(),
                error: Box::new(crate::ServiceError::from_sdk("PutObject", &e)),
            })?;
        let content = Stored::InS3(key);
        Ok(item::attributes(
            &self.partition_key,
            encoded.index,
            self.expires_at,
            content,
        ))
    }
}

impl StateData {
    /// What writing to `table` under `partition_key` needs.
    pub(crate) fn target(&self, table: &str, partition_key: String) -> Target {
        Target {
            dynamodb: self.dynamodb.clone(),
            s3: self.s3.clone(),
            bucket: self.bucket.clone(),
            table: table.to_owned(),
            partition_key,
            expires_at: item::expires_at(self.ttl_days),
        }
    }

    /// Writes `data` as item `index` of local `key`, in this client's table
    /// and namespace: where it went.
    ///
    /// ```no_run
    /// # async fn f(data: stepfn_runtime::StateData) -> Result<(), stepfn_runtime::StateDataError> {
    /// let pointer = data.put_item("report", &serde_json::json!({"total": 42}), 0).await?;
    /// assert_eq!(pointer.key.as_deref(), Some("report"));
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// [`StateDataError::NoNamespace`] without a namespace; an encoding,
    /// DynamoDB or S3 error naming the item.
    pub async fn put_item<T: serde::Serialize + ?Sized>(
        &self,
        key: &str,
        data: &T,
        index: u64,
    ) -> Result<ItemPointer, StateDataError> {
        let partition_key = self.partition_key(key)?;
        let mut pointer = self
            .put_global_item(&self.table, &partition_key, data, index)
            .await?;
        pointer.key = Some(key.to_owned());
        Ok(pointer)
    }

    /// Writes `data` as item `index` under `partition_key` in `table` (the
    /// table given, not this client's): where it went.
    ///
    /// ```no_run
    /// # async fn f(data: stepfn_runtime::StateData) -> Result<(), stepfn_runtime::StateDataError> {
    /// let pointer = data.put_global_item("shared-state", "catalog:prices", &vec![1.5, 2.0], 0).await?;
    /// assert_eq!((pointer.table_name.as_str(), pointer.key), ("shared-state", None));
    /// # Ok(()) }
    /// ```
    ///
    /// # Errors
    /// An encoding, DynamoDB or S3 error naming the item.
    pub async fn put_global_item<T: serde::Serialize + ?Sized>(
        &self,
        table: &str,
        partition_key: &str,
        data: &T,
        index: u64,
    ) -> Result<ItemPointer, StateDataError> {
        let encoded = item::encode(table, partition_key, index, data)?;
        let target = self.target(table, partition_key.to_owned());
        let attributes = target.item(encoded).await?;
        self.dynamodb
            .put_item()
            .table_name(table)
            .set_item(Some(attributes))
            .send()
            .await
            .map_err(|e| {
                StateData::dynamodb_error(table, partition_key, Some(index), "PutItem", &e)
            })?;
        Ok(ItemPointer {
            table_name: table.to_owned(),
            partition_key: partition_key.to_owned(),
            key: None,
        })
    }
}
