//! `CallAwsService` against the CDK.

use stepfn::builder::*;
use stepfn::iam::Statement;
use stepfn::tasks::*;

use super::Case;

pub(super) const CASES: &[Case] = &[
    ("aws-sdk-call", call),
    ("aws-sdk-call-options", options),
    ("aws-sdk-call-jsonata", jsonata),
];

fn call() -> StateMachine {
    StateMachine::new(
        CallAwsService::new("Get object", "s3", "getObject", ["arn:aws:s3:::reports/*"])
            .parameters(
                Payload::new()
                    .field("Bucket", "reports")
                    .field("Key", JsonPath::new("$.key")),
            ),
    )
}

fn options() -> StateMachine {
    let describe = CallAwsService::new("Describe", "SFN", "describeExecution", ["*"])
        .parameters(Payload::new().field("ExecutionArn", JsonPath::new("$.arn")))
        .iam_action("states:DescribeExecution")
        .additional_iam_statement(Statement::allow(["states:ListExecutions"], ["*"]));
    let logs = CallAwsService::new("Logs", "cloudwatchlogs", "putLogEvents", ["*"]);
    let token = CallAwsService::new(
        "Token",
        "sqs",
        "sendMessage",
        ["arn:aws:sqs:us-east-1:123456789012:q"],
    )
    .wait_for_task_token()
    .parameters(
        Payload::new()
            .field(
                "QueueUrl",
                "https://sqs.us-east-1.amazonaws.com/123456789012/q",
            )
            .field("MessageBody", Context::task_token()),
    );
    StateMachine::new(describe.next(logs).next(token))
}

fn jsonata() -> StateMachine {
    StateMachine::new(
        CallAwsService::new("List", "efs", "describeFileSystems", ["*"])
            .jsonata()
            .parameters(serde_json::json!({"MaxItems": "{% $states.input.max %}"})),
    )
    .query_language(QueryLanguage::Jsonata)
}

#[test]
fn call_aws_service_matches_the_cdk() {
    super::check(CASES);
}

#[test]
fn names_must_be_cased_as_the_sdk_names_them() {
    let task = CallAwsService::new("Get", "s3", "GetObject", ["*"])
        .parameters(Payload::new().field("bucket", "b"));
    let text = StateMachine::new(task)
        .build()
        .expect_err("cases")
        .to_string();
    assert!(text.contains("States.Get: INVALID_RESOURCE: the action must be camelCase, as the SDK names it: `getObject`, not `GetObject`"), "{text}");
    assert!(
        text.contains(
            "States.Get.Parameters.bucket: INVALID_VALUE: parameter names are PascalCase"
        ),
        "{text}"
    );
}
