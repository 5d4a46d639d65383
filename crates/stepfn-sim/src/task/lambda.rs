//! The user's own Lambda handler as a Task handler: the event is
//! deserialized from the task input (its `Payload` for
//! `arn:aws:states:::lambda:invoke`), the return value serialized into the
//! result (wrapped in the `lambda:invoke` response shape for that
//! resource), and an error becomes the Lambda error AWS reports: the
//! error's type name as the error, and a JSON cause with `errorMessage`,
//! `errorType`, `requestId` and `stackTrace`.

use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde::Serialize;
use stepfn::model::{Json, JsonObject};

use super::{Handler, TaskCall, TaskResult};
use crate::failure::Failure;
use crate::json;

/// The request id written into `lambda:invoke` results and error causes.
const REQUEST_ID: &str = "00000000-0000-4000-8000-000000000000";

/// Wraps a Lambda handler function.
pub(crate) fn lambda_handler<I, O, E, F>(function: F) -> Handler
where
    I: DeserializeOwned,
    O: Serialize,
    E: std::fmt::Display,
    F: Fn(I) -> Result<O, E> + Send + Sync + 'static,
{
    Arc::new(move |call: &TaskCall<'_>| -> TaskResult {
        let invoke = call
            .resource()
            .starts_with("arn:aws:states:::lambda:invoke");
        let event = match (invoke, call.input()) {
            (true, Json::Object(members)) => members.get("Payload").unwrap_or(&Json::Null),
            _ => call.input(),
        };
        let event: I = serde_json::to_value(event)
            .and_then(serde_json::from_value)
            .map_err(|e| lambda_error("Runtime.UnmarshalError", &e.to_string()))?;
        let returned = function(event).map_err(|e| {
            let name = short_type_name::<E>();
            lambda_error(&name, &e.to_string())
        })?;
        let payload: Json = serde_json::to_value(returned)
            .map(Json::from)
            .map_err(|e| lambda_error("Runtime.MarshalError", &e.to_string()))?;
        Ok(if invoke {
            invoke_result(payload)
        } else {
            payload
        })
    })
}

/// The result of `arn:aws:states:::lambda:invoke`.
fn invoke_result(payload: Json) -> Json {
    let object = |pairs: Vec<(&str, Json)>| {
        Json::Object(
            pairs
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v))
                .collect::<JsonObject>(),
        )
    };
    object(vec![
        ("ExecutedVersion", Json::from("$LATEST")),
        ("Payload", payload),
        (
            "SdkHttpMetadata",
            object(vec![("HttpStatusCode", json::int(200))]),
        ),
        (
            "SdkResponseMetadata",
            object(vec![("RequestId", Json::from(REQUEST_ID))]),
        ),
        ("StatusCode", json::int(200)),
    ])
}

/// A Lambda function error as AWS reports it.
fn lambda_error(error_type: &str, message: &str) -> Failure {
    let cause = Json::Object(
        [
            ("errorMessage", Json::from(message)),
            ("errorType", Json::from(error_type)),
            ("requestId", Json::from(REQUEST_ID)),
            ("stackTrace", Json::Array(Vec::new())),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect(),
    );
    Failure::new(error_type, json::text(&cause))
}

/// `my_crate::errors::NotFound<T>` → `NotFound`.
fn short_type_name<T>() -> String {
    let full = std::any::type_name::<T>();
    let base = full.split('<').next().unwrap_or(full);
    base.rsplit("::").next().unwrap_or(base).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names_are_short() {
        assert_eq!(short_type_name::<std::io::Error>(), "Error");
        assert_eq!(short_type_name::<String>(), "String");
        assert_eq!(short_type_name::<Vec<u8>>(), "Vec");
    }
}
