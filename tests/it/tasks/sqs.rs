//! `SqsSendMessage` against the CDK.

use std::time::Duration;

use stepfn::builder::*;
use stepfn::tasks::*;

use super::Case;

pub(super) const CASES: &[Case] = &[
    ("sqs-send-message", send),
    ("sqs-send-message-options", options),
    ("sqs-send-message-wait-for-task-token", wait_for_task_token),
    ("sqs-send-message-jsonata", jsonata),
    ("sqs-send-message-jsonata-options", jsonata_options),
];

fn queue(name: &str) -> SqsQueue {
    SqsQueue::from_arn(format!("arn:aws:sqs:us-east-1:123456789012:{name}"))
}

fn send() -> StateMachine {
    StateMachine::new(SqsSendMessage::new(
        "Send",
        queue("orders"),
        JsonPath::new("$.order"),
    ))
}

fn options() -> StateMachine {
    let body = Payload::new()
        .field("id", JsonPath::new("$.id"))
        .field("kind", "order");
    StateMachine::new(
        SqsSendMessage::new("Send", queue("orders.fifo"), body)
            .delay(Duration::from_secs(120))
            .message_deduplication_id(JsonPath::new("$.id"))
            .message_group_id("orders"),
    )
}

fn wait_for_task_token() -> StateMachine {
    let body = Payload::new()
        .field("token", Context::task_token())
        .field("input", JsonPath::input());
    StateMachine::new(SqsSendMessage::new("Ask", queue("approvals"), body).wait_for_task_token())
}

fn jsonata() -> StateMachine {
    StateMachine::new(
        SqsSendMessage::new(
            "Send",
            queue("orders"),
            Jsonata::new("$string($states.input)"),
        )
        .jsonata()
        .message_group_id(Jsonata::new("$states.input.group")),
    )
    .query_language(QueryLanguage::Jsonata)
}

fn jsonata_options() -> StateMachine {
    let body = serde_json::json!({"id": "{% $states.input.id %}", "kind": "order"});
    StateMachine::new(
        SqsSendMessage::new("Send", queue("orders.fifo"), body)
            .query_language(QueryLanguage::Jsonata)
            .delay(Duration::from_secs(120))
            .message_deduplication_id(Jsonata::new("$states.input.id"))
            .message_group_id("orders"),
    )
}

#[test]
fn sqs_send_message_matches_the_cdk() {
    super::check(CASES);
}

#[test]
fn a_delay_is_whole_seconds() {
    let machine = StateMachine::new(
        SqsSendMessage::new("Send", queue("orders"), "m").delay(Duration::from_millis(1500)),
    );
    let text = machine.build().expect_err("1.5 s").to_string();
    assert!(
        text.contains("States.Send.Parameters.DelaySeconds: VALUE_OUT_OF_RANGE: 1.5s is not a whole number of seconds"),
        "{text}"
    );
}
