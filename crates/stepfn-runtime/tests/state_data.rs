//! The state data client against moto's DynamoDB and S3: 10,000 items
//! through `BatchWriteItem` and back, one of them through S3; single
//! items by index; the typed error for a missing item; global variants
//! writing to the table they are given; the TTL.

#![cfg(feature = "state-data")]

mod moto;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use aws_sdk_dynamodb::config::interceptors::BeforeTransmitInterceptorContextRef;
use aws_sdk_dynamodb::config::{ConfigBag, Intercept, RuntimeComponents};
use aws_sdk_dynamodb::types::AttributeValue;
use serde_json::{json, Value};
use stepfn_runtime::{
    local_dynamodb_client, local_s3_client, ItemsPointer, MapIteration, StateData, StateDataError,
    ITEM_SIZE_THRESHOLD_BYTES,
};

const EXECUTION: &str = "arn:aws:states:us-east-1:123456789012:execution:Orders:run-1";

/// Counts the `BatchWriteItem` requests a client sends.
#[derive(Debug)]
struct CountBatchWrites(Arc<AtomicUsize>);

impl Intercept for CountBatchWrites {
    fn name(&self) -> &'static str {
        "CountBatchWrites"
    }

    fn read_before_transmit(
        &self,
        context: &BeforeTransmitInterceptorContextRef<'_>,
        _components: &RuntimeComponents,
        _config: &mut ConfigBag,
    ) -> Result<(), aws_sdk_dynamodb::error::BoxError> {
        if context.request().headers().get("x-amz-target")
            == Some("DynamoDB_20120810.BatchWriteItem")
        {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
        Ok(())
    }
}

/// A client on a fresh table and bucket in `EXECUTION`'s namespace, and
/// the DynamoDB client it uses.
async fn state_data(url: &str) -> (StateData, aws_sdk_dynamodb::Client) {
    let dynamodb = local_dynamodb_client(url);
    let s3 = local_s3_client(url);
    let table = moto::state_data_table(&dynamodb, "state").await;
    let bucket = moto::bucket(&s3, "state-data").await;
    let data = StateData::new(dynamodb.clone(), s3, table, bucket).namespace(EXECUTION);
    (data, dynamodb)
}

/// The raw DynamoDB item.
async fn raw_item(
    dynamodb: &aws_sdk_dynamodb::Client,
    table: &str,
    partition_key: &str,
    index: u64,
) -> std::collections::HashMap<String, AttributeValue> {
    dynamodb
        .get_item()
        .table_name(table)
        .key("partition_key", AttributeValue::S(partition_key.to_owned()))
        .key("sort_key", AttributeValue::N(index.to_string()))
        .send()
        .await
        .expect("GetItem")
        .item
        .expect("the item is there")
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_thousand_items_go_out_in_chunks_of_25_and_come_back_equal_one_through_s3() {
    let Some(url) = moto::endpoint("ten_thousand_items") else {
        return;
    };
    let calls = Arc::new(AtomicUsize::new(0));
    let counted = aws_sdk_dynamodb::Client::from_conf(
        local_dynamodb_client(&url)
            .config()
            .to_builder()
            .interceptor(CountBatchWrites(Arc::clone(&calls)))
            .build(),
    );
    let s3 = local_s3_client(&url);
    let table = moto::state_data_table(&counted, "state").await;
    let bucket = moto::bucket(&s3, "state-data").await;
    let data = StateData::new(counted.clone(), s3.clone(), &table, &bucket)
        .namespace(EXECUTION)
        .ttl_days(3);
    const LARGE: usize = 1234;
    let mut items: Vec<Value> = (0..10_000)
        .map(|n| json!({"order": n, "sku": format!("sku-{n}")}))
        .collect();
    items[LARGE] = json!({"order": LARGE, "blob": "x".repeat(ITEM_SIZE_THRESHOLD_BYTES)});

    let written_at = now();
    let pointer = data.put_items("orders", &items).await.expect("put_items");
    let partition_key = format!("{EXECUTION}:orders");
    assert_eq!(
        pointer,
        ItemsPointer {
            table_name: table.clone(),
            partition_key: partition_key.clone(),
            count: 10_000,
            key: Some("orders".into())
        }
    );
    assert_eq!(
        calls.load(Ordering::SeqCst),
        400,
        "10,000 items in BatchWriteItem calls of 25"
    );

    let back: Vec<Value> = data.get_items("orders").await.expect("get_items");
    assert_eq!(back.len(), items.len());
    assert!(
        back == items,
        "the items read back differ from those written"
    );

    // the large item: its text in S3 at the agreed key, the DynamoDB item pointing to it
    let s3_key = format!("workflow_state_data/{table}/{partition_key}/{LARGE}");
    let object = s3
        .get_object()
        .bucket(&bucket)
        .key(&s3_key)
        .send()
        .await
        .expect("the object is at the agreed key");
    let body = object.body.collect().await.expect("its body").into_bytes();
    assert_eq!(
        serde_json::from_slice::<Value>(&body).ok().as_ref(),
        items.get(LARGE)
    );
    let large = raw_item(&counted, &table, &partition_key, LARGE as u64).await;
    assert_eq!(large.get("s3_key"), Some(&AttributeValue::S(s3_key)));
    assert!(!large.contains_key("data"), "an item in S3 has no `data`");

    // a small item: its JSON text in `data`, the TTL three days on
    let small = raw_item(&counted, &table, &partition_key, 7).await;
    let text = small
        .get("data")
        .and_then(|d| d.as_s().ok())
        .expect("a string `data`");
    assert_eq!(
        serde_json::from_str::<Value>(text).ok(),
        Some(json!({"order": 7, "sku": "sku-7"}))
    );
    assert!(!small.contains_key("s3_key"));
    let expires_at: u64 = small
        .get("expires_at")
        .and_then(|n| n.as_n().ok())
        .and_then(|n| n.parse().ok())
        .expect("a number `expires_at`");
    let expected = written_at + 3 * 86_400;
    assert!(
        (expected..=now() + 3 * 86_400).contains(&expires_at),
        "expires_at {expires_at}, written at {written_at}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_item_by_index_and_by_map_iteration() {
    let Some(url) = moto::endpoint("one_item_by_index") else {
        return;
    };
    let (data, _) = state_data(&url).await;
    let pointer = data
        .put_items("lines", ["a", "b", "c"])
        .await
        .expect("put_items");
    assert_eq!(
        data.get_item::<String>("lines", 1).await,
        Ok("b".to_owned())
    );
    // what the Map's ItemSelector hands iteration 2
    let input = json!({
        "items_result_table_name": pointer.table_name,
        "items_result_partition_key": pointer.partition_key,
        "items_result_key": pointer.key,
        "context_index": 2,
    });
    let iteration = MapIteration::from_input(&input).expect("a Map iteration");
    assert_eq!(
        data.get_map_item::<String>(&iteration).await,
        Ok("c".to_owned())
    );

    let single = data
        .put_item("summary", &json!({"total": 3}), 0)
        .await
        .expect("put_item");
    assert_eq!(
        serde_json::to_value(&single).ok(),
        Some(
            json!({"table_name": data.table(), "partition_key": format!("{EXECUTION}:summary"), "key": "summary"})
        )
    );
    assert_eq!(
        data.get_item::<Value>("summary", 0).await,
        Ok(json!({"total": 3}))
    );
    // a second put at the same index replaces the item
    data.put_item("summary", &json!({"total": 4}), 0)
        .await
        .expect("put_item");
    assert_eq!(
        data.get_item::<Value>("summary", 0).await,
        Ok(json!({"total": 4}))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_item_is_a_typed_error_naming_table_key_and_index() {
    let Some(url) = moto::endpoint("a_missing_item") else {
        return;
    };
    let (data, _) = state_data(&url).await;
    data.put_items("lines", ["a"]).await.expect("put_items");
    let missing = data.get_item::<Value>("lines", 5).await;
    assert_eq!(
        missing,
        Err(StateDataError::NotFound {
            table: data.table().to_owned(),
            partition_key: format!("{EXECUTION}:lines"),
            index: 5
        })
    );
    assert!(data
        .get_items::<Value>("never-written")
        .await
        .is_ok_and(|items| items.is_empty()));
    // stored JSON that is not the type asked for
    let wrong = data.get_item::<u32>("lines", 0).await;
    assert!(
        matches!(wrong, Err(StateDataError::Decode { index: 0, .. })),
        "{wrong:?}"
    );
    // a table that does not exist: AWS's error, with the table named
    let nowhere = data
        .get_global_item::<Value>("no-such-table", "k", 0)
        .await
        .expect_err("no table");
    let text = nowhere.to_string();
    assert!(
        text.starts_with("GetItem failed: ResourceNotFoundException"),
        "{text}"
    );
    assert!(
        text.ends_with("(table `no-such-table`, partition key `k`, index 0)"),
        "{text}"
    );
    // no namespace: local calls say what to set
    let without = StateData::new(
        local_dynamodb_client(&url),
        local_s3_client(&url),
        data.table(),
        data.bucket(),
    );
    assert_eq!(
        without.get_item::<Value>("lines", 0).await,
        Err(StateDataError::NoNamespace)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn global_variants_write_to_the_table_they_are_given() {
    let Some(url) = moto::endpoint("global_variants") else {
        return;
    };
    let (data, dynamodb) = state_data(&url).await;
    let shared = moto::state_data_table(&dynamodb, "shared").await;
    let pointer = data
        .put_global_items(&shared, "catalog:skus", ["a-1", "b-2"])
        .await
        .expect("put_global_items");
    assert_eq!(
        serde_json::to_value(&pointer).ok(),
        Some(json!({"table_name": shared, "partition_key": "catalog:skus", "items": [1, 1]}))
    );
    let in_shared = dynamodb
        .query()
        .table_name(&shared)
        .key_condition_expression("partition_key = :k")
        .expression_attribute_values(":k", AttributeValue::S("catalog:skus".into()))
        .send()
        .await
        .expect("Query");
    assert_eq!(in_shared.count, 2, "the items are in the table given");
    let in_default = dynamodb
        .scan()
        .table_name(data.table())
        .send()
        .await
        .expect("Scan");
    assert_eq!(
        in_default.count, 0,
        "nothing went to the client's own table"
    );
    assert_eq!(
        data.get_global_items::<String>(&shared, "catalog:skus")
            .await,
        Ok(vec!["a-1".into(), "b-2".into()])
    );

    let single = data
        .put_global_item(&shared, "catalog:prices", &[1.5, 2.0], 3)
        .await
        .expect("put_global_item");
    assert_eq!(
        (single.table_name.as_str(), single.key),
        (shared.as_str(), None)
    );
    assert_eq!(
        data.get_global_item::<Vec<f64>>(&shared, "catalog:prices", 3)
            .await,
        Ok(vec![1.5, 2.0])
    );
    let iteration = MapIteration::from_input(&json!({
        "items_result_table_name": shared, "items_result_partition_key": "catalog:skus", "context_index": 1
    }))
    .expect("a Map iteration over a global pointer");
    assert_eq!(
        data.get_map_item::<String>(&iteration).await,
        Ok("b-2".into())
    );
}
