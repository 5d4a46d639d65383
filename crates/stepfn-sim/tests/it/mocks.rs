//! Step Functions Local mock files and the invocation counter.

use stepfn_sim::{MockConfig, Status};

use crate::support::{outcome, sim};

const MOCKS: &str = r#"{
  "StateMachines": {"LambdaSQSIntegration": {"TestCases": {
    "HappyPath": {"LambdaState": "MockedLambdaSuccess", "SQSState": "MockedSQSSuccess"},
    "RetryPath": {"LambdaState": "MockedLambdaRetry", "SQSState": "MockedSQSSuccess"}}}},
  "MockedResponses": {
    "MockedLambdaSuccess": {"0": {"Return": {"StatusCode": 200, "Payload": {"body": "Hello from Lambda!"}}}},
    "MockedSQSSuccess": {"0": {"Return": {"MessageId": "m-1"}}},
    "MockedLambdaRetry": {
      "0": {"Throw": {"Error": "Lambda.ResourceNotReadyException", "Cause": "not ready"}},
      "1-2": {"Throw": {"Error": "Lambda.TimeoutException", "Cause": "timed out"}},
      "3": {"Return": {"StatusCode": 200, "Payload": {"body": "Hello after retries"}}}}}}"#;

const MACHINE: &str = r#"{"StartAt": "LambdaState", "States": {
    "LambdaState": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
        "Parameters": {"FunctionName": "f", "Payload.$": "$"}, "ResultSelector": {"body.$": "$.Payload.body"},
        "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 2, "MaxAttempts": 3, "BackoffRate": 1}],
        "Next": "SQSState"},
    "SQSState": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage",
        "Parameters": {"QueueUrl": "q", "MessageBody.$": "$.body"}, "ResultPath": "$.sent", "End": true}}}"#;

#[test]
fn test_cases_answer_by_invocation() {
    let config = MockConfig::from_json(MOCKS).unwrap();
    let happy = sim(MACHINE)
        .mocks(config.test_case("HappyPath").unwrap())
        .run("{}")
        .unwrap();
    assert_eq!(
        outcome(&happy),
        r#"{"body":"Hello from Lambda!","sent":{"MessageId":"m-1"}}"#
    );
    let retry = sim(MACHINE)
        .mocks(config.test_case("RetryPath").unwrap())
        .run("{}")
        .unwrap();
    assert_eq!(
        outcome(&retry),
        r#"{"body":"Hello after retries","sent":{"MessageId":"m-1"}}"#
    );
    assert_eq!(retry.invocations_of("LambdaState").len(), 4);
    assert_eq!(retry.elapsed_millis(), 6000);
}

#[test]
fn the_counter_runs_across_loops_and_map_iterations() {
    let config = MockConfig::from_json(
        r#"{"StateMachines": {"M": {"TestCases": {"T": {"Call": "Seq"}}}},
            "MockedResponses": {"Seq": {"0": {"Throw": {"Error": "Boom", "Cause": "attempt0"}},
                "1": {"Return": "idx1"}, "2": {"Return": "idx2"}, "3": {"Return": "idx3"}}}}"#,
    )
    .unwrap();
    let machine = r#"{"StartAt": "Map", "States": {"Map": {"Type": "Map", "MaxConcurrency": 1, "End": true,
        "ItemProcessor": {"StartAt": "Call", "States": {"Call": {"Type": "Task",
            "Resource": "arn:aws:states:::lambda:invoke",
            "Retry": [{"ErrorEquals": ["Boom"]}], "End": true}}}}}}"#;
    let r = sim(machine)
        .mocks(config.test_case("T").unwrap())
        .run("[1, 2]")
        .unwrap();
    assert_eq!(outcome(&r), r#"["idx1","idx2"]"#);
    let past = sim(machine)
        .mocks(config.test_case("T").unwrap())
        .run("[1, 2, 3, 4]")
        .unwrap();
    assert_eq!(past.status(), Status::Failed);
    assert!(
        past.cause().unwrap().contains("invocation 4"),
        "{:?}",
        past.cause()
    );
}
