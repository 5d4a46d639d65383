//! One state at a time, with AWS TestState's inputs and verdicts.

use serde_json::json;
use stepfn_sim::{json_text, TestStatus};

use crate::support::sim;

const FETCH: &str = r#"{"StartAt": "Fetch", "States": {
    "Fetch": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
        "Parameters": {"FunctionName": "get", "Payload.$": "$.order"},
        "ResultSelector": {"total.$": "$.Payload.total"},
        "ResultPath": "$.fetched",
        "Retry": [{"ErrorEquals": ["Lambda.TooManyRequestsException"], "MaxAttempts": 2}],
        "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Recover"}],
        "Next": "Check"},
    "Check": {"Type": "Choice",
        "Choices": [{"Variable": "$.fetched.total", "NumericGreaterThan": 100, "Next": "Big"}],
        "Default": "Small"},
    "Big": {"Type": "Succeed"}, "Small": {"Type": "Succeed"},
    "Recover": {"Type": "Fail", "Error": "Order.Unavailable", "Cause": "no order"}}}"#;

#[test]
fn a_task_answered_by_a_mock_shows_every_step_of_its_pipeline() {
    let result = sim(FETCH)
        .test_state("Fetch")
        .input(json!({"order": {"id": 7}}))
        .mock_result(json!({"Payload": {"total": 120}, "StatusCode": 200}))
        .run()
        .unwrap();
    assert_eq!(result.status, TestStatus::Succeeded);
    assert_eq!(result.next_state.as_deref(), Some("Check"));
    let i = &result.inspection;
    assert_eq!(
        json_text(i.input.as_ref().unwrap()),
        r#"{"order":{"id":7}}"#
    );
    assert_eq!(
        json_text(i.after_parameters.as_ref().unwrap()),
        r#"{"FunctionName":"get","Payload":{"id":7}}"#
    );
    assert_eq!(
        json_text(i.after_result_selector.as_ref().unwrap()),
        r#"{"total":120}"#
    );
    assert_eq!(
        json_text(result.output.as_ref().unwrap()),
        r#"{"order":{"id":7},"fetched":{"total":120}}"#
    );
}

#[test]
fn an_error_a_retrier_would_retry_is_retriable_until_its_attempts_are_used() {
    let sim = sim(FETCH);
    let throttled = |count| {
        sim.test_state("Fetch")
            .input(json!({"order": 1}))
            .mock_error("Lambda.TooManyRequestsException", "slow down")
            .retry_count(count)
            .run()
            .unwrap()
    };
    let first = throttled(0);
    assert_eq!(first.status, TestStatus::Retriable);
    assert_eq!(
        first.error.as_deref(),
        Some("Lambda.TooManyRequestsException")
    );
    assert_eq!(first.cause.as_deref(), Some("slow down"));
    assert_eq!(first.output, None);
    assert_eq!(throttled(1).status, TestStatus::Retriable);
    let exhausted = throttled(2);
    assert_eq!(exhausted.status, TestStatus::CaughtError);
    assert_eq!(exhausted.next_state.as_deref(), Some("Recover"));
}

#[test]
fn a_caught_error_goes_to_the_catchers_next_with_the_error_output_placed() {
    let result = sim(FETCH)
        .test_state("Fetch")
        .input(json!({"order": 1}))
        .mock_error("Lambda.ServiceException", "down")
        .run()
        .unwrap();
    assert_eq!(result.status, TestStatus::CaughtError);
    assert_eq!(result.next_state.as_deref(), Some("Recover"));
    assert_eq!(result.error.as_deref(), Some("Lambda.ServiceException"));
    assert_eq!(
        json_text(result.output.as_ref().unwrap()),
        r#"{"order":1,"error":{"Error":"Lambda.ServiceException","Cause":"down"}}"#
    );
}

#[test]
fn a_choice_names_the_state_its_rule_picks_and_runs_nothing_after() {
    let sim = sim(FETCH);
    let next = |total: i64| {
        sim.test_state("Check")
            .input(json!({"fetched": {"total": total}}))
            .run()
            .unwrap()
            .next_state
    };
    assert_eq!(next(150).as_deref(), Some("Big"));
    assert_eq!(next(5).as_deref(), Some("Small"));
}

#[test]
fn a_fail_state_fails_with_its_error_and_cause() {
    let result = sim(FETCH).test_state("Recover").run().unwrap();
    assert_eq!(result.status, TestStatus::Failed);
    assert_eq!(result.error.as_deref(), Some("Order.Unavailable"));
    assert_eq!(result.cause.as_deref(), Some("no order"));
    assert_eq!(result.next_state, None);
}

#[test]
fn variables_and_the_context_object_are_taken_as_given() {
    let sim = sim(r#"{"StartAt": "P", "States": {"P": {"Type": "Pass",
            "Parameters": {"who.$": "$name", "run.$": "$$.Execution.Name", "try.$": "$$.State.Name"},
            "Assign": {"seen.$": "$.who"}, "End": true}}}"#);
    let result = sim
        .test_state("P")
        .variables(json!({"name": "ann"}))
        .context(json!({"Execution": {"Name": "run-1"}, "State": {"Name": "P"}}))
        .run()
        .unwrap();
    assert_eq!(
        json_text(result.output.as_ref().unwrap()),
        r#"{"who":"ann","run":"run-1","try":"P"}"#
    );
    assert_eq!(
        json_text(result.inspection.variables.as_ref().unwrap()),
        r#"{"name":"ann","seen":"ann"}"#
    );
}

#[test]
fn a_state_inside_a_map_is_tested_alone() {
    let sim = sim(
        r#"{"StartAt": "M", "States": {"M": {"Type": "Map", "ItemProcessor": {
            "StartAt": "Double", "States": {"Double": {"Type": "Pass",
                "Parameters": {"v.$": "States.MathAdd($.v, $.v)"}, "End": true}}}, "End": true}}}"#,
    );
    let result = sim
        .test_state("Double")
        .input(json!({"v": 4}))
        .run()
        .unwrap();
    assert_eq!(result.status, TestStatus::Succeeded);
    assert_eq!(json_text(result.output.as_ref().unwrap()), r#"{"v":8}"#);
}

#[test]
fn the_aws_response_shape_carries_payloads_as_text() {
    let result = sim(FETCH)
        .test_state("Recover")
        .input(json!({}))
        .run()
        .unwrap();
    assert_eq!(
        json_text(&result.to_aws_json()),
        r#"{"status":"FAILED","error":"Order.Unavailable","cause":"no order","inspectionData":{"input":"{}"}}"#
    );
}

#[test]
fn an_unknown_state_is_an_error_naming_it() {
    let error = sim(FETCH).test_state("Fetsh").run().unwrap_err();
    assert_eq!(
        error.to_string(),
        r#"the definition has no state named "Fetsh"; test_state takes the name of a state in States"#
    );
}
