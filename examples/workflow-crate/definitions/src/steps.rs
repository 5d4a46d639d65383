//! Helpers the order workflow uses: the way this team calls its Lambda
//! functions.

use stepfn::builder::{JsonPath, Payload, Retry, Task};

/// A Lambda call with the team's defaults: the whole input as payload, the
/// function's result only, retried on Lambda's transient errors, and a timeout.
pub(crate) fn lambda(name: &str, function: &str) -> Task {
    Task::new(name, "arn:aws:states:::lambda:invoke")
        .parameters(
            Payload::new()
                .field(
                    "FunctionName",
                    format!("arn:aws:lambda:us-east-1:123456789012:function:{function}"),
                )
                .field("Payload", JsonPath::input()),
        )
        .result_selector(Payload::new().field("result", JsonPath::new("$.Payload")))
        .timeout_seconds(60)
        .retry(Retry::lambda_service_errors())
}
