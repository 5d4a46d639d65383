//! CreateActivity, DescribeActivity, DeleteActivity, ListActivities and
//! GetActivityTask (a long poll of up to 60 seconds, as AWS's).

use std::time::Duration;

use serde_json::{json, Map, Value};

use super::{now_millis, put};
use crate::arn::{check_name, Kind};
use crate::error::ApiError;
use crate::request::{page, timestamp, Request};
use crate::store::Activity;
use crate::Shared;

/// How long `GetActivityTask` waits for a task before answering empty.
const LONG_POLL: Duration = Duration::from_secs(60);

fn does_not_exist(arn: &str) -> ApiError {
    ApiError::new(
        "ActivityDoesNotExist",
        format!("Activity Does Not Exist: '{arn}'"),
    )
}

/// `CreateActivity`; creating one that exists answers as the first time.
pub(crate) fn create(shared: &Shared, request: &Request) -> Result<Value, ApiError> {
    let name = request.required("name")?;
    check_name(name, "activity")?;
    let arn = shared.arns.activity(name);
    let mut store = shared.lock();
    if let Some(activity) = store.activities.get(&arn) {
        return Ok(json!({"activityArn": arn, "creationDate": timestamp(activity.created_millis)}));
    }
    let created = now_millis();
    let activity = Activity {
        arn: arn.clone(),
        name: name.to_owned(),
        created_millis: created,
    };
    store.activities.insert(arn.clone(), activity);
    drop(store);
    shared.save()?;
    Ok(json!({"activityArn": arn, "creationDate": timestamp(created)}))
}

fn activity_arn<'r>(shared: &Shared, request: &'r Request) -> Result<&'r str, ApiError> {
    let arn = request.required("activityArn")?;
    shared.arns.check(arn, &[Kind::Activity])?;
    Ok(arn)
}

/// `DescribeActivity`.
pub(crate) fn describe(shared: &Shared, request: &Request) -> Result<Value, ApiError> {
    let arn = activity_arn(shared, request)?;
    let store = shared.lock();
    let activity = store
        .activities
        .get(arn)
        .ok_or_else(|| does_not_exist(arn))?;
    Ok(
        json!({"activityArn": activity.arn, "name": activity.name, "creationDate": timestamp(activity.created_millis)}),
    )
}

/// `DeleteActivity`.
pub(crate) fn delete(shared: &Shared, request: &Request) -> Result<Value, ApiError> {
    let arn = activity_arn(shared, request)?;
    shared.lock().activities.remove(arn);
    shared.save()?;
    Ok(json!({}))
}

/// `ListActivities`, by name.
pub(crate) fn list(shared: &Shared, request: &Request) -> Result<Value, ApiError> {
    let size = request.page_size(100)?;
    let start = request.page_start()?;
    let items: Vec<Value> = shared
        .lock()
        .activities
        .values()
        .map(|a| json!({"activityArn": a.arn, "name": a.name, "creationDate": timestamp(a.created_millis)}))
        .collect();
    let (items, next) = page(items, start, size);
    let mut out = Map::new();
    out.insert("activities".into(), Value::Array(items));
    put(&mut out, "nextToken", next);
    Ok(Value::Object(out))
}

/// `GetActivityTask`: the oldest task waiting for the activity, or `{}`
/// after 60 seconds without one. A task is taken from the queue only
/// when it is answered, so a poller that goes away loses nothing.
pub(crate) async fn get_task(shared: &Shared, request: &Request) -> Result<Value, ApiError> {
    let arn = activity_arn(shared, request)?;
    let worker = request.string("workerName")?.unwrap_or("");
    let deadline = tokio::time::Instant::now() + LONG_POLL;
    loop {
        let scheduled = shared.activity_scheduled.notified();
        tokio::pin!(scheduled);
        scheduled.as_mut().enable();
        {
            let mut store = shared.lock();
            if !store.activities.contains_key(arn) {
                return Err(does_not_exist(arn));
            }
            if let Some((token, input)) = store.take_activity_task(arn, worker) {
                return Ok(json!({"taskToken": token, "input": input}));
            }
        }
        if tokio::time::timeout_at(deadline, scheduled).await.is_err() {
            return Ok(json!({}));
        }
    }
}
