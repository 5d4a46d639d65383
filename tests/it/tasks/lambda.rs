//! `LambdaInvoke` against the CDK.

use stepfn::builder::*;
use stepfn::tasks::*;

use super::Case;

pub(super) const CASES: &[Case] = &[
    ("lambda-invoke-defaults", defaults),
    ("lambda-invoke-options", options),
    ("lambda-invoke-text-payload", text_payload),
    ("lambda-invoke-payload-response-only", payload_response_only),
    ("lambda-invoke-wait-for-task-token", wait_for_task_token),
    ("lambda-invoke-jsonata", jsonata),
    ("lambda-invoke-jsonata-machine", jsonata_machine),
    ("lambda-invoke-jsonata-options", jsonata_options),
];

fn function(name: &str) -> LambdaFunction {
    LambdaFunction::from_arn(format!(
        "arn:aws:lambda:us-east-1:123456789012:function:{name}"
    ))
}

fn defaults() -> StateMachine {
    StateMachine::new(LambdaInvoke::new("Invoke", function("Charge")))
}

fn options() -> StateMachine {
    StateMachine::new(
        LambdaInvoke::new("Invoke", function("Charge"))
            .payload(
                Payload::new()
                    .field("order", JsonPath::new("$.order"))
                    .field("source", "api"),
            )
            .invocation_type(LambdaInvocationType::Event)
            .client_context("eyJhIjoxfQ==")
            .qualifier("live")
            .retry_on_service_exceptions(false)
            .result_path("$.charge")
            .timeout_seconds(30)
            .heartbeat_seconds_path("$.beat")
            .comment("bills the card")
            .retry(Retry::on(["Charge.Busy"]).max_attempts(2))
            .catch(Catch::all().result_path("$.error"), Fail::new("Failed")),
    )
}

fn text_payload() -> StateMachine {
    StateMachine::new(
        LambdaInvoke::new("Invoke", function("Charge"))
            .payload("hello")
            .invocation_type(LambdaInvocationType::DryRun)
            .next(
                LambdaInvoke::new("From path", function("Charge"))
                    .payload(JsonPath::new("$.input"))
                    .invocation_type(LambdaInvocationType::RequestResponse),
            ),
    )
}

fn payload_response_only() -> StateMachine {
    StateMachine::new(
        LambdaInvoke::new("Direct", function("Charge"))
            .payload_response_only()
            .payload(Payload::new().field("id", JsonPath::new("$.id"))),
    )
}

fn wait_for_task_token() -> StateMachine {
    StateMachine::new(
        LambdaInvoke::new("Approve", function("Approve"))
            .wait_for_task_token()
            .payload(
                Payload::new()
                    .field("token", Context::task_token())
                    .field("order", JsonPath::input()),
            )
            .heartbeat_seconds(300),
    )
}

fn jsonata() -> StateMachine {
    let language = QueryLanguage::Jsonata;
    StateMachine::new(
        LambdaInvoke::new("Invoke", function("Charge"))
            .query_language(language)
            .output(Jsonata::new("$states.result.Payload"))
            .next(
                LambdaInvoke::new("With payload", function("Charge"))
                    .query_language(language)
                    .payload(serde_json::json!({"id": "{% $states.input.id %}"}))
                    .qualifier(Jsonata::new("$states.input.version")),
            )
            .next(
                LambdaInvoke::new("Callback", function("Approve"))
                    .query_language(language)
                    .payload(serde_json::json!({"token": "{% $states.context.Task.Token %}"}))
                    .wait_for_task_token(),
            ),
    )
}

fn jsonata_machine() -> StateMachine {
    StateMachine::new(
        LambdaInvoke::new("Invoke", function("Charge"))
            .jsonata()
            .assign(serde_json::json!({"charged": "{% $states.result.Payload %}"})),
    )
    .query_language(QueryLanguage::Jsonata)
}

fn jsonata_options() -> StateMachine {
    let language = QueryLanguage::Jsonata;
    StateMachine::new(
        LambdaInvoke::new("Invoke", function("Charge"))
            .query_language(language)
            .payload(serde_json::json!({"order": "{% $states.input.order %}", "source": "api"}))
            .invocation_type(LambdaInvocationType::Event)
            .client_context("eyJhIjoxfQ==")
            .retry_on_service_exceptions(false)
            .next(
                LambdaInvoke::new("Direct", function("Charge"))
                    .query_language(language)
                    .payload_response_only()
                    .payload(serde_json::json!({"id": "{% $states.input.id %}"})),
            ),
    )
}

#[test]
fn lambda_invoke_matches_the_cdk() {
    super::check(CASES);
}

#[test]
fn a_callback_without_the_token_does_not_build() {
    let machine = StateMachine::new(
        LambdaInvoke::new("Approve", function("Approve"))
            .payload(Payload::new().field("id", JsonPath::new("$.id")))
            .wait_for_task_token(),
    );
    let errors = machine.build().expect_err("no token, no callback");
    let text = errors.to_string();
    assert!(
        text.starts_with("States.Approve: TASK_TOKEN_MISSING:"),
        "{text}"
    );
}

#[test]
fn payload_response_only_refuses_what_it_cannot_send() {
    let machine = StateMachine::new(
        LambdaInvoke::new("Direct", LambdaFunction::from_name("charge"))
            .payload_response_only()
            .qualifier("live"),
    );
    let text = machine
        .build()
        .expect_err("qualifier and a name")
        .to_string();
    assert!(text.contains("States.Direct: INVALID_VALUE"), "{text}");
    assert!(text.contains("States.Direct: INVALID_RESOURCE"), "{text}");
}

#[test]
fn a_jsonata_value_in_a_jsonpath_task_is_placed_at_its_field() {
    let machine = StateMachine::new(
        LambdaInvoke::new("Invoke", function("Charge")).qualifier(Jsonata::new("$v")),
    );
    let text = machine.build().expect_err("wrong language").to_string();
    assert!(
        text.contains("States.Invoke.Parameters.Qualifier: VALUE_FOR_OTHER_QUERY_LANGUAGE"),
        "{text}"
    );
}
