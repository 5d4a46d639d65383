//! The small values a task returns instead of its data, and the Map
//! iteration input that leads back to one item. Their JSON is the JSON
//! py2sfn-task-tools returns and reads, so Python and Rust tasks can pass
//! them to each other.

use serde::{Deserialize, Serialize};

use super::StateDataError;

/// Where [`StateData::put_item`](crate::StateData::put_item) (or its
/// global variant) wrote one item.
///
/// ```
/// let pointer = stepfn_runtime::ItemPointer {
///     table_name: "workflow-state".into(),
///     partition_key: "run-1:order".into(),
///     key: Some("order".into()),
/// };
/// assert_eq!(
///     serde_json::to_string(&pointer)?,
///     r#"{"table_name":"workflow-state","partition_key":"run-1:order","key":"order"}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemPointer {
    /// The DynamoDB table.
    pub table_name: String,
    /// The partition key: `{namespace}:{key}` for a local item.
    pub partition_key: String,
    /// The local key, for a local item; absent for a global one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

/// Where [`StateData::put_items`](crate::StateData::put_items) (or its
/// global variant) wrote a list of items, with one `1` per item under
/// `items`: the array a Map state fans out over, one iteration per item
/// (see `Map::over_state_data` in the `stepfn` crate).
///
/// ```
/// let pointer = stepfn_runtime::ItemsPointer {
///     table_name: "workflow-state".into(),
///     partition_key: "run-1:orders".into(),
///     count: 3,
///     key: Some("orders".into()),
/// };
/// let json = serde_json::to_string(&pointer)?;
/// assert_eq!(
///     json,
///     r#"{"table_name":"workflow-state","partition_key":"run-1:orders","items":[1,1,1],"key":"orders"}"#
/// );
/// assert_eq!(serde_json::from_str::<stepfn_runtime::ItemsPointer>(&json)?, pointer);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemsPointer {
    /// The DynamoDB table.
    pub table_name: String,
    /// The partition key: `{namespace}:{key}` for local items.
    pub partition_key: String,
    /// How many items were written (indexes `0..count`); written as
    /// `"items": [1, 1, ...]`.
    #[serde(rename = "items", with = "ones")]
    pub count: usize,
    /// The local key, for local items; absent for global ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
}

/// The input of one Map iteration over an [`ItemsPointer`], as the
/// ItemSelector of `Map::over_state_data` (and py2sfn's Map) passes it.
///
/// ```
/// let input = serde_json::json!({
///     "items_result_table_name": "workflow-state",
///     "items_result_partition_key": "run-1:orders",
///     "items_result_key": "orders",
///     "context_index": 2
/// });
/// let iteration = stepfn_runtime::MapIteration::from_input(&input)?;
/// assert_eq!((iteration.context_index, iteration.items_result_key.as_deref()), (2, Some("orders")));
/// # Ok::<(), stepfn_runtime::StateDataError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MapIteration {
    /// The pointer's `table_name`.
    pub items_result_table_name: String,
    /// The pointer's `partition_key`.
    pub items_result_partition_key: String,
    /// The pointer's `key` (local items only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items_result_key: Option<String>,
    /// The iteration's index, `$$.Map.Item.Index`: the item's index.
    pub context_index: u64,
}

impl MapIteration {
    /// Reads a task's input as a Map iteration; other fields in it are
    /// ignored.
    ///
    /// ```
    /// let error = stepfn_runtime::MapIteration::from_input(&serde_json::json!({"n": 1})).unwrap_err();
    /// assert!(error.to_string().contains("missing field `items_result_table_name`"), "{error}");
    /// ```
    ///
    /// # Errors
    /// [`StateDataError::NotMapIteration`] when a field is missing or has
    /// the wrong type.
    pub fn from_input(input: &serde_json::Value) -> Result<MapIteration, StateDataError> {
        MapIteration::deserialize(input).map_err(|e| StateDataError::NotMapIteration {
            message: e.to_string(),
        })
    }
}

/// A count written as an array of that many `1`s, and read back from any
/// array as its length.
mod ones {
    use serde::de::{IgnoredAny, SeqAccess, Visitor};
    use serde::ser::SerializeSeq;
    use serde::{Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(
        count: &usize,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(*count))?;
        for _ in 0..*count {
            seq.serialize_element(&1u8)?;
        }
        seq.end()
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<usize, D::Error> {
        deserializer.deserialize_seq(Count)
    }

    struct Count;

    impl<'de> Visitor<'de> for Count {
        type Value = usize;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an array with one element per item")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<usize, A::Error> {
            let mut count = 0usize;
            while seq.next_element::<IgnoredAny>()?.is_some() {
                count = count.saturating_add(1);
            }
            Ok(count)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn global_pointers_have_no_key_and_read_back() {
        let pointer = ItemsPointer {
            table_name: "t".into(),
            partition_key: "other:k".into(),
            count: 0,
            key: None,
        };
        let json = serde_json::to_string(&pointer).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"table_name":"t","partition_key":"other:k","items":[]}"#
        );
        let back: Result<ItemsPointer, _> = serde_json::from_str(&json);
        assert_eq!(back.ok(), Some(pointer));
    }

    #[test]
    fn a_pointer_written_by_python_reads() {
        // json.dumps of py2sfn-task-tools' put_items result
        let python = r#"{"table_name": "t", "partition_key": "ns:k", "items": [1, 1], "key": "k"}"#;
        let pointer: Result<ItemsPointer, _> = serde_json::from_str(python);
        assert_eq!(
            pointer.map(|p| (p.count, p.key)).ok(),
            Some((2, Some("k".to_owned())))
        );
    }

    proptest::proptest! {
        #[test]
        fn pointers_read_back_as_written(
            table_name in "[a-zA-Z0-9_.-]{3,20}",
            partition_key in "\\PC{0,40}",
            count in 0usize..3000,
            key in proptest::option::of("\\PC{0,20}"),
        ) {
            let pointer = ItemsPointer { table_name, partition_key, count, key };
            let json = serde_json::to_string(&pointer).unwrap_or_default();
            let back: Result<ItemsPointer, _> = serde_json::from_str(&json);
            proptest::prop_assert_eq!(back.ok(), Some(pointer));
        }
    }

    #[test]
    fn an_iteration_with_a_negative_index_is_refused() {
        let input = serde_json::json!({
            "items_result_table_name": "t", "items_result_partition_key": "p", "context_index": -1
        });
        assert!(matches!(
            MapIteration::from_input(&input),
            Err(StateDataError::NotMapIteration { .. })
        ));
    }
}
