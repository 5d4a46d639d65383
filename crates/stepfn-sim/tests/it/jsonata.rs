//! JSONata states: `Arguments`, `Output`, `Assign`, `$states`, `Condition`,
//! `Items`, Fail's fields, the clock and the seed, and
//! `States.QueryEvaluationError`.

use serde_json::json;
use stepfn_sim::{Failure, Status};

use crate::support::{outcome, run, sim};

/// A JSONata machine of the states given (a JSON object's members).
fn jsonata(states: &str, start: &str) -> String {
    format!(r#"{{"QueryLanguage": "JSONata", "StartAt": "{start}", "States": {{{states}}}}}"#)
}

#[test]
fn output_and_assign_read_states_input_and_variables_from_state_entry() {
    let definition = jsonata(
        r#""First": {"Type": "Pass", "Assign": {"x": 1, "y": "{% $states.input.y %}"},
              "Output": {"sum": "{% $states.input.y + 1 %}"}, "Next": "Swap"},
           "Swap": {"Type": "Pass", "Assign": {"x": "{% $y %}", "y": "{% $x %}"}, "Next": "Show"},
           "Show": {"Type": "Pass", "Output": {"x": "{% $x %}", "y": "{% $y %}", "in": "{% $states.input %}"}, "End": true}"#,
        "First",
    );
    let r = run(&definition, r#"{"y": 10}"#);
    assert_eq!(outcome(&r), r#"{"x":10,"y":1,"in":{"sum":11}}"#);
}

#[test]
fn a_task_gets_its_arguments_and_its_output_reads_the_result() {
    let definition = jsonata(
        r#""Get": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
              "Arguments": {"FunctionName": "get", "Payload": {"id": "{% $states.input.id %}"}},
              "Output": "{% $states.result.Payload.name & '/' & $states.input.id %}", "End": true}"#,
        "Get",
    );
    let r = sim(&definition)
        .handler("Get", |_| {
            Ok::<_, Failure>(json!({"Payload": {"name": "ann"}}))
        })
        .run(r#"{"id": 3}"#)
        .unwrap();
    assert_eq!(outcome(&r), r#""ann/3""#);
    let invocation = &r.invocations_of("Get")[0];
    assert_eq!(
        stepfn_sim::json_text(&invocation.input),
        r#"{"FunctionName":"get","Payload":{"id":3}}"#
    );
    let inspection = &r.record("Get").unwrap().inspection;
    assert_eq!(inspection.after_arguments, Some(invocation.input.clone()));
    assert_eq!(inspection.after_parameters, None);
}

#[test]
fn choice_conditions_pick_a_rule_whose_output_and_assign_apply() {
    let definition = jsonata(
        r#""C": {"Type": "Choice", "Choices": [
                {"Condition": "{% $states.input.n > 10 %}", "Next": "Big",
                 "Output": {"size": "big"}, "Assign": {"seen": "{% $states.input.n %}"}}],
              "Default": "Small", "Output": {"size": "default"}},
           "Big": {"Type": "Pass", "Output": {"size": "{% $states.input.size %}", "seen": "{% $seen %}"}, "End": true},
           "Small": {"Type": "Succeed"}"#,
        "C",
    );
    assert_eq!(
        outcome(&run(&definition, r#"{"n": 11}"#)),
        r#"{"size":"big","seen":11}"#
    );
    assert_eq!(
        outcome(&run(&definition, r#"{"n": 1}"#)),
        r#"{"size":"default"}"#
    );
}

#[test]
fn a_condition_that_is_not_a_boolean_is_a_query_evaluation_error() {
    let definition = jsonata(
        r#""C": {"Type": "Choice", "Choices": [{"Condition": "{% $states.input.n %}", "Next": "E"}], "Default": "E"},
           "E": {"Type": "Succeed"}"#,
        "C",
    );
    let r = run(&definition, r#"{"n": "yes"}"#);
    assert_eq!(r.error(), Some("States.QueryEvaluationError"));
    assert!(
        r.cause().unwrap().contains("Choices[0]/Condition"),
        "{}",
        r.cause().unwrap()
    );
}

#[test]
fn an_expression_yielding_nothing_names_its_field() {
    let definition = jsonata(
        r#""P": {"Type": "Pass", "Output": {"a": {"v": ["{% $states.input.absent %}"]}}, "End": true}"#,
        "P",
    );
    let r = run(&definition, "{}");
    assert_eq!(r.status(), Status::Failed);
    assert_eq!(r.error(), Some("States.QueryEvaluationError"));
    assert!(
        r.cause().unwrap().ends_with(
            "The JSONata expression '$states.input.absent' specified for the field 'Output/a/v[0]' returned nothing (undefined)."
        ),
        "{}",
        r.cause().unwrap()
    );
}

#[test]
fn an_evaluation_error_is_a_query_evaluation_error_a_catcher_can_handle() {
    let definition = jsonata(
        r#""T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
              "Arguments": {"n": "{% 1 + 'a' %}"},
              "Catch": [{"ErrorEquals": ["States.QueryEvaluationError"], "Next": "Caught",
                         "Output": {"error": "{% $states.errorOutput.Error %}", "input": "{% $states.input %}"}}],
              "End": true},
           "Caught": {"Type": "Succeed"}"#,
        "T",
    );
    let r = run(&definition, r#"{"k": 1}"#);
    assert_eq!(
        outcome(&r),
        r#"{"error":"States.QueryEvaluationError","input":{"k":1}}"#
    );
    assert!(r.invocations().is_empty());
}

#[test]
fn map_items_and_item_selector_see_the_item_in_the_context() {
    let definition = jsonata(
        r#""M": {"Type": "Map", "Items": "{% $states.input.xs %}",
              "ItemSelector": {"v": "{% $states.context.Map.Item.Value %}", "i": "{% $states.context.Map.Item.Index %}"},
              "ItemProcessor": {"StartAt": "Double", "States": {
                  "Double": {"Type": "Pass", "Output": "{% $states.input.v * 2 + $states.input.i %}", "End": true}}},
              "Output": "{% $sum($states.result) %}", "End": true}"#,
        "M",
    );
    assert_eq!(outcome(&run(&definition, r#"{"xs": [1, 2, 3]}"#)), "15");
}

#[test]
fn items_that_are_not_an_array_say_what_they_were() {
    let definition = jsonata(
        r#""M": {"Type": "Map", "Items": "{% $states.input %}",
              "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}, "End": true}"#,
        "M",
    );
    let r = run(&definition, r#"{"foo": "bar"}"#);
    assert_eq!(r.error(), Some("States.QueryEvaluationError"));
    assert!(
        r.cause()
            .unwrap()
            .contains(r#"Map state input must be an array but was: {"foo":"bar"}"#),
        "{}",
        r.cause().unwrap()
    );
}

#[test]
fn fail_error_and_cause_are_evaluated() {
    let definition = jsonata(
        r#""F": {"Type": "Fail", "Error": "{% 'Order.' & $states.input.kind %}", "Cause": "{% $string($states.input.n) %}"}"#,
        "F",
    );
    let r = run(&definition, r#"{"kind": "Lost", "n": 4}"#);
    assert_eq!((r.error(), r.cause()), (Some("Order.Lost"), Some("4")));
}

#[test]
fn now_reads_the_virtual_clock_after_a_wait() {
    let definition = jsonata(
        r#""W": {"Type": "Wait", "Seconds": "{% $states.input.s %}", "Next": "P"},
           "P": {"Type": "Pass", "Output": {"now": "{% $now() %}", "millis": "{% $millis() %}",
                 "entered": "{% $states.context.State.EnteredTime %}"}, "End": true}"#,
        "W",
    );
    let r = sim(&definition)
        .start_millis(0)
        .run(r#"{"s": 90}"#)
        .unwrap();
    assert_eq!(
        outcome(&r),
        r#"{"now":"1970-01-01T00:01:30.000Z","millis":90000,"entered":"1970-01-01T00:01:30.000Z"}"#
    );
}

#[test]
fn random_and_uuid_follow_the_seed() {
    let definition = jsonata(
        r#""P": {"Type": "Pass", "Output": {"id": "{% $uuid() %}", "r": "{% $random() %}"}, "End": true}"#,
        "P",
    );
    let with = |seed| {
        sim(&definition)
            .seed(seed)
            .run("{}")
            .unwrap()
            .output_text()
            .unwrap()
    };
    assert_eq!(with(1), with(1));
    assert_ne!(with(1), with(2));
}

#[test]
fn a_timeout_from_an_expression_fires_on_the_virtual_clock() {
    let definition = jsonata(
        r#""T": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
              "Arguments": {"QueueUrl": "q", "MessageBody": "{% $states.context.Task.Token %}"},
              "TimeoutSeconds": "{% $states.input.limit %}", "End": true}"#,
        "T",
    );
    let r = sim(&definition)
        .auto_timeouts(true)
        .start_millis(0)
        .run(r#"{"limit": 30}"#)
        .unwrap();
    assert_eq!(r.error(), Some("States.Timeout"));
    assert_eq!(r.elapsed_millis(), 30_000);
}

#[test]
fn a_jsonpath_state_in_a_jsonata_machine_and_back_pass_plain_json() {
    let definition = r#"{"StartAt": "A", "States": {
        "A": {"Type": "Pass", "QueryLanguage": "JSONata", "Output": {"n": "{% 2 * 21 %}"}, "Assign": {"k": "v"}, "Next": "B"},
        "B": {"Type": "Pass", "Parameters": {"n.$": "$.n", "k.$": "$k"}, "End": true}}}"#;
    assert_eq!(outcome(&run(definition, "{}")), r#"{"n":42,"k":"v"}"#);
}

#[test]
fn a_failed_expression_is_recorded_as_evaluation_failed_before_the_failure() {
    let definition = jsonata(
        r#""P": {"Type": "Pass", "Output": {"v": "{% $states.input.absent %}"}, "End": true}"#,
        "P",
    );
    let r = run(&definition, "{}");
    let events: Vec<&str> = r.history().iter().map(|e| e.event_type.as_str()).collect();
    assert_eq!(
        events,
        [
            "ExecutionStarted",
            "PassStateEntered",
            "EvaluationFailed",
            "ExecutionFailed"
        ]
    );
    let details = r.history()[2].to_json();
    let text = stepfn_sim::json_text(&details);
    assert!(
        text.contains(r#""location":"Output/v","state":"P""#),
        "{text}"
    );
}
