//! One item as DynamoDB stores it, in the layout py2sfn-task-tools uses:
//! `partition_key` (S) and `sort_key` (N, the item's index) as the key,
//! `expires_at` (N, epoch seconds) for DynamoDB's TTL, and the JSON text in
//! `data` (S), or, above [`ITEM_SIZE_THRESHOLD_BYTES`], the S3 key of the
//! object holding it in `s3_key` (S).

use std::collections::HashMap;

use aws_sdk_dynamodb::types::AttributeValue;

use super::StateDataError;

/// Items whose JSON text is longer than this many bytes are stored in S3:
/// a DynamoDB item holds at most 400 KB, and the rest is left for the
/// other attributes.
pub const ITEM_SIZE_THRESHOLD_BYTES: usize = 390_000;

/// The partition key attribute (S).
pub const PARTITION_KEY: &str = "partition_key";
/// The sort key attribute (N): the item's index.
pub const SORT_KEY: &str = "sort_key";
/// The item's JSON text (S).
pub const DATA: &str = "data";
/// The S3 key of an item stored in S3 (S).
pub const S3_KEY: &str = "s3_key";
/// When DynamoDB may delete the item (N, seconds since the epoch): the
/// table's TTL attribute.
pub const EXPIRES_AT: &str = "expires_at";

/// The S3 key of an item too large for DynamoDB:
/// `workflow_state_data/{table}/{partition_key}/{index}`.
///
/// ```
/// assert_eq!(
///     stepfn_runtime::state_data_s3_key("workflow-state", "run-1:orders", 7),
///     "workflow_state_data/workflow-state/run-1:orders/7"
/// );
/// ```
#[must_use]
pub fn s3_key(table: &str, partition_key: &str, index: u64) -> String {
    format!("workflow_state_data/{table}/{partition_key}/{index}")
}

/// An item's JSON text, and where it goes.
#[derive(Debug)]
pub(crate) struct Encoded {
    pub(crate) index: u64,
    pub(crate) json: String,
}

impl Encoded {
    /// Whether the text goes to S3.
    pub(crate) fn to_s3(&self) -> bool {
        self.json.len() > ITEM_SIZE_THRESHOLD_BYTES
    }
}

/// Writes `data` as JSON text.
pub(crate) fn encode<T: serde::Serialize + ?Sized>(
    table: &str,
    partition_key: &str,
    index: u64,
    data: &T,
) -> Result<Encoded, StateDataError> {
    match serde_json::to_string(data) {
        Ok(json) => Ok(Encoded { index, json }),
        Err(e) => Err(StateDataError::Encode {
            table: table.to_owned(),
            partition_key: partition_key.to_owned(),
            index,
            message: e.to_string(),
        }),
    }
}

/// The key attributes of one item.
pub(crate) fn key(partition_key: &str, index: u64) -> HashMap<String, AttributeValue> {
    HashMap::from([
        (
            PARTITION_KEY.to_owned(),
            AttributeValue::S(partition_key.to_owned()),
        ),
        (SORT_KEY.to_owned(), AttributeValue::N(index.to_string())),
    ])
}

/// The DynamoDB item with index `index`: its text in `data`, or the key
/// of the S3 object holding it in `s3_key` (the caller puts it there first).
pub(crate) fn attributes(
    partition_key: &str,
    index: u64,
    expires_at: u64,
    content: Stored,
) -> HashMap<String, AttributeValue> {
    let mut item = key(partition_key, index);
    item.insert(
        EXPIRES_AT.to_owned(),
        AttributeValue::N(expires_at.to_string()),
    );
    match content {
        Stored::InS3(s3_key) => item.insert(S3_KEY.to_owned(), AttributeValue::S(s3_key)),
        Stored::Data(json) => item.insert(DATA.to_owned(), AttributeValue::S(json)),
    };
    item
}

/// What a stored item holds: its JSON text, or the S3 key of it.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Stored {
    Data(String),
    InS3(String),
}

/// Reads the index and the content of a stored item (`s3_key` wins when
/// both are there, as py2sfn-task-tools reads it).
pub(crate) fn stored(
    table: &str,
    partition_key: &str,
    mut item: HashMap<String, AttributeValue>,
) -> Result<(u64, Stored), StateDataError> {
    let malformed = |message: String| StateDataError::Malformed {
        table: table.to_owned(),
        partition_key: partition_key.to_owned(),
        message,
    };
    let index = match item.get(SORT_KEY) {
        Some(AttributeValue::N(n)) => n.parse::<u64>().map_err(|_| {
            malformed(format!(
                "its `{SORT_KEY}` is {n}, not an index (0, 1, 2, ...)"
            ))
        })?,
        _ => return Err(malformed(format!("it has no number `{SORT_KEY}`"))),
    };
    match (item.remove(S3_KEY), item.remove(DATA)) {
        (Some(AttributeValue::S(s3_key)), _) => Ok((index, Stored::InS3(s3_key))),
        (_, Some(AttributeValue::S(json))) => Ok((index, Stored::Data(json))),
        _ => Err(malformed(format!(
            "item {index} has neither a string `{DATA}` nor a string `{S3_KEY}`"
        ))),
    }
}

/// `now` plus `days`, in seconds since the epoch: the `expires_at` of items
/// written now.
pub(crate) fn expires_at(days: u32) -> u64 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    now.saturating_add(u64::from(days) * 86_400)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_items_keep_their_text_and_large_ones_point_to_s3() {
        let small = encode("t", "p", 0, &serde_json::json!({"a": 1})).ok();
        assert!(small.as_ref().is_some_and(|e| !e.to_s3()));
        let item = small
            .map(|e| attributes("p", e.index, 100, Stored::Data(e.json)))
            .unwrap_or_default();
        assert_eq!(
            item.get(DATA),
            Some(&AttributeValue::S(r#"{"a":1}"#.into()))
        );
        assert_eq!(item.get(SORT_KEY), Some(&AttributeValue::N("0".into())));
        assert_eq!(item.get(EXPIRES_AT), Some(&AttributeValue::N("100".into())));
        assert_eq!(
            stored("t", "p", item).ok(),
            Some((0, Stored::Data(r#"{"a":1}"#.into())))
        );

        let text = "x".repeat(ITEM_SIZE_THRESHOLD_BYTES - 1); // 2 quotes make it one byte over
        let large = encode("t", "p", 5, &text).ok();
        assert!(large.as_ref().is_some_and(Encoded::to_s3));
        let item = large
            .map(|e| attributes("p", e.index, 100, Stored::InS3(s3_key("t", "p", e.index))))
            .unwrap_or_default();
        assert!(!item.contains_key(DATA));
        assert_eq!(
            stored("t", "p", item).ok(),
            Some((5, Stored::InS3("workflow_state_data/t/p/5".into())))
        );
    }

    /// Any JSON value, nested a few levels.
    fn json() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
        use proptest::prelude::*;
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::from),
            any::<i64>().prop_map(serde_json::Value::from),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(serde_json::Value::from),
            "\\PC{0,20}".prop_map(serde_json::Value::from),
        ];
        leaf.prop_recursive(4, 64, 8, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..8).prop_map(serde_json::Value::from),
                proptest::collection::btree_map("\\PC{0,8}", inner, 0..8)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest::proptest! {
        #[test]
        fn any_value_is_stored_and_read_back_unchanged(value in json(), index in 0u64..1_000_000) {
            let encoded = encode("t", "ns:k", index, &value);
            proptest::prop_assert!(encoded.is_ok());
            let encoded = encoded.unwrap_or(Encoded { index, json: String::new() });
            let item = attributes("ns:k", encoded.index, 1, Stored::Data(encoded.json));
            let read = stored("t", "ns:k", item);
            let Ok((read_index, Stored::Data(text))) = read else {
                return Err(proptest::test_runner::TestCaseError::fail(format!("{read:?}")));
            };
            proptest::prop_assert_eq!(read_index, index);
            let back: Result<serde_json::Value, _> = serde_json::from_str(&text);
            proptest::prop_assert_eq!(back.ok(), Some(value));
        }
    }

    #[test]
    fn exactly_the_threshold_stays_in_dynamodb() {
        let text = "x".repeat(ITEM_SIZE_THRESHOLD_BYTES - 2);
        assert!(encode("t", "p", 0, &text).is_ok_and(|e| !e.to_s3()));
    }

    #[test]
    fn items_not_written_here_are_reported_not_read() {
        let mut item = key("p", 1);
        assert!(matches!(
            stored("t", "p", item.clone()),
            Err(StateDataError::Malformed { .. })
        ));
        item.insert(SORT_KEY.into(), AttributeValue::N("-1".into()));
        item.insert(DATA.into(), AttributeValue::S("1".into()));
        let error = stored("t", "p", item)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(error.contains("its `sort_key` is -1"), "{error}");
    }

    #[test]
    fn maps_with_keys_that_are_not_strings_do_not_encode() {
        let map = std::collections::BTreeMap::from([((1, 2), 3)]);
        assert!(matches!(
            encode("t", "p", 9, &map),
            Err(StateDataError::Encode { index: 9, .. })
        ));
    }
}
