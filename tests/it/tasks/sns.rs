//! `SnsPublish` against the CDK.

use stepfn::builder::*;
use stepfn::tasks::*;

use super::Case;

pub(super) const CASES: &[Case] = &[
    ("sns-publish-text", text),
    ("sns-publish-options", options),
    ("sns-publish-wait-for-task-token", wait_for_task_token),
    ("sns-publish-jsonata", jsonata),
    ("sns-publish-jsonata-options", jsonata_options),
];

fn topic(name: &str) -> SnsTopic {
    SnsTopic::from_arn(format!("arn:aws:sns:us-east-1:123456789012:{name}"))
}

fn text() -> StateMachine {
    StateMachine::new(SnsPublish::new("Notify", topic("orders"), "shipped").subject("Order"))
}

fn options() -> StateMachine {
    let message = Payload::new()
        .field("default", JsonPath::new("$.text"))
        .field("email", "mail");
    StateMachine::new(
        SnsPublish::new("Notify", topic("orders.fifo"), message)
            .message_per_subscription_type(true)
            .message_group_id("orders")
            .message_deduplication_id(JsonPath::new("$.id"))
            .subject(JsonPath::new("$.subject"))
            .message_attribute("text", SnsMessageAttribute::string("plain"))
            .message_attribute("count", SnsMessageAttribute::number(3))
            .message_attribute("ratio", SnsMessageAttribute::number(1.5))
            .message_attribute("flag", SnsMessageAttribute::string("true"))
            .message_attribute(
                "tags",
                SnsMessageAttribute::string_array(serde_json::json!(["a", 1, true])),
            )
            .message_attribute(
                "path",
                SnsMessageAttribute::string(JsonPath::new("$.source")),
            )
            .message_attribute(
                "typedPath",
                SnsMessageAttribute::number(JsonPath::new("$.amount")),
            )
            .message_attribute("blob", SnsMessageAttribute::binary("AAE="))
            .message_attribute(
                "input",
                SnsMessageAttribute::string(JsonPath::new("$.detail")),
            )
            .message_attribute("stringTyped", SnsMessageAttribute::string("x")),
    )
}

fn wait_for_task_token() -> StateMachine {
    StateMachine::new(
        SnsPublish::new(
            "Ask",
            topic("approvals"),
            Payload::new().field("token", Context::task_token()),
        )
        .wait_for_task_token(),
    )
}

fn jsonata() -> StateMachine {
    StateMachine::new(
        SnsPublish::new(
            "Notify",
            topic("orders"),
            Jsonata::new("$states.input.text"),
        )
        .query_language(QueryLanguage::Jsonata)
        .subject(Jsonata::new("$states.input.subject"))
        // The CDK writes a JSONata value as a `String` attribute even when
        // told it is a number.
        .message_attribute(
            "n",
            SnsMessageAttribute::string(Jsonata::new("$states.input.n")),
        ),
    )
}

fn jsonata_options() -> StateMachine {
    let message = serde_json::json!({"default": "{% $states.input.text %}", "email": "mail"});
    StateMachine::new(
        SnsPublish::new("Notify", topic("orders.fifo"), message)
            .query_language(QueryLanguage::Jsonata)
            .message_per_subscription_type(true)
            .message_group_id("orders")
            .message_deduplication_id(Jsonata::new("$states.input.id"))
            .message_attribute("count", SnsMessageAttribute::number(3))
            .message_attribute(
                "tags",
                SnsMessageAttribute::string_array(serde_json::json!(["a", "b"])),
            )
            .message_attribute("blob", SnsMessageAttribute::binary("AAE=")),
    )
}

#[test]
fn sns_publish_matches_the_cdk() {
    super::check(CASES);
}

#[test]
fn a_fifo_topic_needs_a_group_and_a_deduplication_id() {
    let text = StateMachine::new(SnsPublish::new("Notify", topic("orders.fifo"), "m"))
        .build()
        .expect_err("FIFO without group")
        .to_string();
    assert!(
        text.contains("States.Notify.Parameters.MessageGroupId: MISSING_FIELD"),
        "{text}"
    );
    assert!(
        text.contains("States.Notify.Parameters.MessageDeduplicationId: MISSING_FIELD"),
        "{text}"
    );
    let content_based = topic("orders.fifo").content_based_deduplication(true);
    let ok = StateMachine::new(SnsPublish::new("Notify", content_based, "m").message_group_id("g"));
    assert!(ok.build().is_ok());
    let long = StateMachine::new(
        SnsPublish::new("Notify", topic("orders.fifo"), "m")
            .message_group_id("g".repeat(129))
            .message_deduplication_id("d"),
    );
    let text = long.build().expect_err("too long").to_string();
    assert!(
        text.contains("at most 128 characters long, not 129"),
        "{text}"
    );
}
