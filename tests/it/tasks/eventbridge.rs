//! The EventBridge integrations against the CDK.

use std::time::Duration;

use stepfn::builder::*;
use stepfn::tasks::*;

use super::Case;

pub(super) const CASES: &[Case] = &[
    ("eventbridge-put-events", put_events),
    (
        "eventbridge-put-events-wait-for-task-token",
        put_events_callback,
    ),
    ("eventbridge-put-events-jsonata", put_events_jsonata),
    ("eventbridge-scheduler-create-schedule", schedule),
    (
        "eventbridge-scheduler-create-schedule-options",
        schedule_options,
    ),
    (
        "eventbridge-scheduler-create-schedule-jsonata",
        schedule_jsonata,
    ),
    (
        "eventbridge-scheduler-create-schedule-jsonata-options",
        schedule_jsonata_options,
    ),
];

fn put_events() -> StateMachine {
    StateMachine::new(EventBridgePutEvents::new(
        "Announce",
        [
            EventBridgePutEventsEntry::new(
                Payload::new().field("order", JsonPath::new("$.order")),
                "OrderPlaced",
                "shop.orders",
            ),
            EventBridgePutEventsEntry::new(JsonPath::new("$.detail"), "Audit", "shop.audit")
                .event_bus("arn:aws:events:us-east-1:123456789012:event-bus/audit"),
        ],
    ))
}

fn put_events_callback() -> StateMachine {
    let entry = EventBridgePutEventsEntry::new(
        Payload::new().field("token", Context::task_token()),
        "Approval",
        "shop",
    );
    StateMachine::new(EventBridgePutEvents::new("Ask", [entry]).wait_for_task_token())
}

fn put_events_jsonata() -> StateMachine {
    let entry = EventBridgePutEventsEntry::new(
        Jsonata::states_input(),
        Jsonata::new("$states.input.kind"),
        "shop",
    );
    StateMachine::new(EventBridgePutEvents::new("Announce", [entry]).jsonata())
        .query_language(QueryLanguage::Jsonata)
}

const REMIND: &str = "arn:aws:lambda:us-east-1:123456789012:function:Remind";
const ROLE: &str = "arn:aws:iam::123456789012:role/Scheduler";

fn target() -> EventBridgeSchedulerTarget {
    EventBridgeSchedulerTarget::new(REMIND, ROLE)
}

fn schedule() -> StateMachine {
    StateMachine::new(EventBridgeSchedulerCreateScheduleTask::new(
        "Schedule",
        "reminder",
        Schedule::rate(Duration::from_secs(3600)),
        target(),
    ))
}

fn schedule_options() -> StateMachine {
    let full = EventBridgeSchedulerCreateScheduleTask::new(
        "Schedule",
        "reminder",
        Schedule::cron(Cron::new().minute("0").hour("2")),
        target()
            .input(r#"{"kind":"reminder"}"#)
            .retry_policy(3, Duration::from_secs(3600))
            .dead_letter_queue("arn:aws:sqs:us-east-1:123456789012:dlq"),
    )
    .action_after_completion(ActionAfterCompletion::Delete)
    .client_token("token-1")
    .description("nightly reminder")
    .start_date("2026-01-01T00:00:00.000Z")
    .end_date("2026-12-31T00:00:00.000Z")
    .flexible_time_window(Duration::from_secs(600))
    .group_name("reminders")
    .kms_key("arn:aws:kms:us-east-1:123456789012:key/k")
    .timezone("Europe/Paris")
    .enabled(false);
    let once = EventBridgeSchedulerCreateScheduleTask::new(
        "Once",
        "once",
        Schedule::one_time("2026-06-01T12:30:00"),
        target(),
    );
    let weekly = EventBridgeSchedulerCreateScheduleTask::new(
        "Weekly",
        "weekly",
        Schedule::cron(
            Cron::new()
                .week_day("MON")
                .hour("9")
                .minute("0")
                .month("*")
                .year("2026"),
        ),
        target(),
    );
    let daily = EventBridgeSchedulerCreateScheduleTask::new(
        "Daily",
        "daily",
        Schedule::rate(Duration::from_secs(86_400)),
        target(),
    );
    let often = EventBridgeSchedulerCreateScheduleTask::new(
        "Often",
        "often",
        Schedule::rate(Duration::from_secs(300)),
        target(),
    );
    StateMachine::new(full.next(once).next(weekly).next(daily).next(often))
}

fn schedule_jsonata() -> StateMachine {
    let target = target().input(Jsonata::new("$string($states.input.reminder)"));
    StateMachine::new(
        EventBridgeSchedulerCreateScheduleTask::new(
            "Schedule",
            Jsonata::new("$states.input.name"),
            Schedule::rate(Duration::from_secs(3600)),
            target,
        )
        .jsonata()
        .description(Jsonata::new("$states.input.description")),
    )
    .query_language(QueryLanguage::Jsonata)
}

fn schedule_jsonata_options() -> StateMachine {
    StateMachine::new(
        EventBridgeSchedulerCreateScheduleTask::new(
            "Schedule",
            "reminder",
            Schedule::cron(Cron::new().minute("0").hour("2")),
            target()
                .input(r#"{"kind":"reminder"}"#)
                .retry_policy(3, Duration::from_secs(3600))
                .dead_letter_queue("arn:aws:sqs:us-east-1:123456789012:dlq"),
        )
        .query_language(QueryLanguage::Jsonata)
        .action_after_completion(ActionAfterCompletion::Delete)
        .client_token("token-1")
        .description("nightly reminder")
        .start_date("2026-01-01T00:00:00.000Z")
        .end_date("2026-12-31T00:00:00.000Z")
        .flexible_time_window(Duration::from_secs(600))
        .group_name("reminders")
        .kms_key("arn:aws:kms:us-east-1:123456789012:key/k")
        .timezone("Europe/Paris")
        .enabled(false),
    )
}

#[test]
fn eventbridge_matches_the_cdk() {
    super::check(CASES);
}

#[test]
fn events_need_entries_and_their_own_source() {
    let text = StateMachine::new(EventBridgePutEvents::new("Announce", []))
        .build()
        .expect_err("no entries")
        .to_string();
    assert!(
        text.contains("States.Announce.Parameters.Entries: EMPTY_ARRAY"),
        "{text}"
    );
    let entry = EventBridgePutEventsEntry::new("d", "t", "aws.s3");
    let text = StateMachine::new(EventBridgePutEvents::new("Announce", [entry]))
        .build()
        .expect_err("aws. source")
        .to_string();
    assert!(
        text.contains("States.Announce.Parameters.Entries[0].Source: INVALID_VALUE"),
        "{text}"
    );
}

#[test]
fn schedules_check_what_the_cdk_checks() {
    let task = EventBridgeSchedulerCreateScheduleTask::new(
        "S",
        "n",
        Schedule::rate(Duration::from_secs(60)),
        target().retry_policy(200, Duration::from_secs(10)),
    )
    .client_token("bad token")
    .group_name("")
    .start_date("2026-02-01T00:00:00Z")
    .end_date("2026-01-01T00:00:00Z")
    .flexible_time_window(Duration::from_secs(30));
    let text = StateMachine::new(task)
        .build()
        .expect_err("limits")
        .to_string();
    for field in [
        "Parameters.ClientToken: INVALID_VALUE",
        "Parameters.GroupName: VALUE_OUT_OF_RANGE",
        "Parameters.StartDate: INVALID_VALUE",
        "Parameters.FlexibleTimeWindow.MaximumWindowInMinutes: VALUE_OUT_OF_RANGE",
        "Parameters.Target.RetryPolicy.MaximumRetryAttempts: VALUE_OUT_OF_RANGE",
        "Parameters.Target.RetryPolicy.MaximumEventAgeInSeconds: VALUE_OUT_OF_RANGE",
    ] {
        assert!(
            text.contains(&format!("States.S.{field}")),
            "{field}: {text}"
        );
    }
}
