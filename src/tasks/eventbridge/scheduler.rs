//! [`EventBridgeSchedulerCreateScheduleTask`]: `aws-sdk:scheduler:createSchedule`.

use std::time::Duration;

use crate::tasks::input::{aws_enum, Repr};
use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::render::Fields;
use crate::tasks::service::{Render, Rendering};
use crate::tasks::{Input, Integration};
use crate::Code;

use super::Schedule;

aws_enum! {
    /// What happens to a schedule after its last run (`ActionAfterCompletion`).
    ActionAfterCompletion {
        /// Keep it.
        None = "NONE",
        /// Delete it.
        Delete = "DELETE",
    }
}

/// Creates an EventBridge Scheduler schedule
/// (`arn:aws:states:::aws-sdk:scheduler:createSchedule`); the CDK's
/// `EventBridgeSchedulerCreateScheduleTask`. Request-response only.
///
/// ```
/// use std::time::Duration;
/// use stepfn::tasks::*;
/// let target = EventBridgeSchedulerTarget::new(
///     "arn:aws:lambda:us-east-1:123456789012:function:remind",
///     "arn:aws:iam::123456789012:role/Scheduler",
/// )
/// .input("{\"kind\":\"reminder\"}")
/// .retry_policy(3, Duration::from_secs(3600))
/// .dead_letter_queue("arn:aws:sqs:us-east-1:123456789012:dlq");
/// let state = EventBridgeSchedulerCreateScheduleTask::new(
///     "Schedule", "reminder", Schedule::rate(Duration::from_secs(3600)), target,
/// )
/// .action_after_completion(ActionAfterCompletion::Delete)
/// .client_token("token-1")
/// .description("hourly reminder")
/// .start_date("2026-01-01T00:00:00.000Z")
/// .end_date("2026-12-31T00:00:00.000Z")
/// .flexible_time_window(Duration::from_secs(600))
/// .group_name("reminders")
/// .kms_key("arn:aws:kms:us-east-1:123456789012:key/k")
/// .timezone("Europe/Paris")
/// .enabled(false);
/// assert_eq!(state.to_json(), concat!(
///     r#"{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:scheduler:createSchedule","Parameters":{"#,
///     r#""ActionAfterCompletion":"DELETE","ClientToken":"token-1","Description":"hourly reminder","#,
///     r#""EndDate":"2026-12-31T00:00:00.000Z","FlexibleTimeWindow":{"Mode":"FLEXIBLE","MaximumWindowInMinutes":10},"#,
///     r#""GroupName":"reminders","KmsKeyArn":"arn:aws:kms:us-east-1:123456789012:key/k","Name":"reminder","#,
///     r#""ScheduleExpression":"rate(1 hours)","ScheduleExpressionTimezone":"Europe/Paris","#,
///     r#""StartDate":"2026-01-01T00:00:00.000Z","State":"DISABLED","Target":{"#,
///     r#""Arn":"arn:aws:lambda:us-east-1:123456789012:function:remind","RoleArn":"arn:aws:iam::123456789012:role/Scheduler","#,
///     r#""Input":"{\"kind\":\"reminder\"}","RetryPolicy":{"MaximumEventAgeInSeconds":3600,"MaximumRetryAttempts":3},"#,
///     r#""DeadLetterConfig":{"Arn":"arn:aws:sqs:us-east-1:123456789012:dlq"}}},"End":true}"#,
/// ));
/// ```
pub type EventBridgeSchedulerCreateScheduleTask =
    Integration<EventBridgeSchedulerCreateScheduleTaskProps>;

/// What an [`EventBridgeSchedulerCreateScheduleTask`] sends (see there).
#[derive(Debug, Clone)]
pub struct EventBridgeSchedulerCreateScheduleTaskProps {
    schedule_name: Input<String>,
    schedule: Schedule,
    target: EventBridgeSchedulerTarget,
    action_after_completion: Option<Input<ActionAfterCompletion>>,
    client_token: Option<Input<String>>,
    description: Option<Input<String>>,
    end_date: Option<Input<String>>,
    flexible_time_window: Option<Duration>,
    group_name: Option<Input<String>>,
    kms_key: Option<Input<String>>,
    timezone: Option<Input<String>>,
    start_date: Option<Input<String>>,
    enabled: bool,
}

/// What a schedule invokes: the target ARN, the role it is invoked with,
/// and how. (Example on [`EventBridgeSchedulerCreateScheduleTask`].)
#[derive(Debug, Clone, PartialEq)]
pub struct EventBridgeSchedulerTarget {
    arn: Input<String>,
    role_arn: Input<String>,
    input: Option<Input<String>>,
    retry_policy: Option<(u32, Duration)>,
    dead_letter_queue: Option<Input<String>>,
}

impl EventBridgeSchedulerTarget {
    /// Invokes the target `arn` as the role `role_arn` (CDK `arn`, `role`).
    /// (Example on [`EventBridgeSchedulerCreateScheduleTask`].)
    pub fn new(
        arn: impl Into<Input<String>>,
        role_arn: impl Into<Input<String>>,
    ) -> EventBridgeSchedulerTarget {
        EventBridgeSchedulerTarget {
            arn: arn.into(),
            role_arn: role_arn.into(),
            input: None,
            retry_policy: None,
            dead_letter_queue: None,
        }
    }

    /// Sets `Input`, the text the target receives (CDK `input`). (Example on
    /// [`EventBridgeSchedulerCreateScheduleTask`].)
    #[must_use]
    pub fn input(mut self, input: impl Into<Input<String>>) -> EventBridgeSchedulerTarget {
        self.input = Some(input.into());
        self
    }

    /// Sets `RetryPolicy`: at most `attempts` retries (0 to 185) while the
    /// event is younger than `max_event_age` (60 s to 24 h) (CDK
    /// `retryPolicy`). (Example on [`EventBridgeSchedulerCreateScheduleTask`].)
    #[must_use]
    pub fn retry_policy(
        mut self,
        attempts: u32,
        max_event_age: Duration,
    ) -> EventBridgeSchedulerTarget {
        self.retry_policy = Some((attempts, max_event_age));
        self
    }

    /// Sets `DeadLetterConfig`: the SQS queue (by ARN) for events that
    /// could not be delivered (CDK `deadLetterQueue`). (Example on
    /// [`EventBridgeSchedulerCreateScheduleTask`].)
    #[must_use]
    pub fn dead_letter_queue(
        mut self,
        queue_arn: impl Into<Input<String>>,
    ) -> EventBridgeSchedulerTarget {
        self.dead_letter_queue = Some(queue_arn.into());
        self
    }

    fn render(&self, mut f: Fields) -> Fields {
        f.input("Arn", &self.arn)
            .input("RoleArn", &self.role_arn)
            .opt("Input", self.input.as_ref());
        if let Some(Repr::Literal(text)) = self.input.as_ref().map(|i| &i.0) {
            if text.is_empty() {
                f.problem(
                    "Input",
                    Code::ValueOutOfRange,
                    "the target `Input` cannot be empty",
                );
            }
        }
        if let Some((attempts, age)) = self.retry_policy {
            let mut policy = f.child();
            policy
                .seconds("MaximumEventAgeInSeconds", &Input::from(age))
                .int("MaximumRetryAttempts", i64::from(attempts));
            if attempts > 185 {
                policy.problem(
                    "MaximumRetryAttempts",
                    Code::ValueOutOfRange,
                    format!("`MaximumRetryAttempts` is 0 to 185, not {attempts}"),
                );
            }
            if !(60..=86_400).contains(&age.as_secs()) {
                policy.problem(
                    "MaximumEventAgeInSeconds",
                    Code::ValueOutOfRange,
                    format!("`MaximumEventAgeInSeconds` is 60 to 86,400 seconds, not {age:?}"),
                );
            }
            f.object("RetryPolicy", policy);
        }
        if let Some(queue) = &self.dead_letter_queue {
            let mut config = f.child();
            config.input("Arn", queue);
            f.object("DeadLetterConfig", config);
        }
        f
    }
}

impl EventBridgeSchedulerCreateScheduleTask {
    /// Creates the schedule `schedule_name` (CDK `scheduleName`) firing on
    /// `schedule` and invoking `target`. (Example on
    /// [`EventBridgeSchedulerCreateScheduleTask`].)
    pub fn new(
        name: impl Into<String>,
        schedule_name: impl Into<Input<String>>,
        schedule: Schedule,
        target: EventBridgeSchedulerTarget,
    ) -> EventBridgeSchedulerCreateScheduleTask {
        Integration::with(
            name,
            EventBridgeSchedulerCreateScheduleTaskProps {
                schedule_name: schedule_name.into(),
                schedule,
                target,
                action_after_completion: None,
                client_token: None,
                description: None,
                end_date: None,
                flexible_time_window: None,
                group_name: None,
                kms_key: None,
                timezone: None,
                start_date: None,
                enabled: true,
            },
        )
    }

    /// Sets `ActionAfterCompletion` (CDK `actionAfterCompletion`, `NONE` by
    /// default). (Example on [`EventBridgeSchedulerCreateScheduleTask`].)
    pub fn action_after_completion(
        mut self,
        action: impl Into<Input<ActionAfterCompletion>>,
    ) -> EventBridgeSchedulerCreateScheduleTask {
        self.props.action_after_completion = Some(action.into());
        self
    }

    /// Sets `ClientToken`: 1 to 64 letters, digits, `-` and `_` (CDK
    /// `clientToken`). (Example on [`EventBridgeSchedulerCreateScheduleTask`].)
    pub fn client_token(
        mut self,
        token: impl Into<Input<String>>,
    ) -> EventBridgeSchedulerCreateScheduleTask {
        self.props.client_token = Some(token.into());
        self
    }

    /// Sets `Description`, at most 512 characters (CDK `description`).
    /// (Example on [`EventBridgeSchedulerCreateScheduleTask`].)
    pub fn description(
        mut self,
        text: impl Into<Input<String>>,
    ) -> EventBridgeSchedulerCreateScheduleTask {
        self.props.description = Some(text.into());
        self
    }

    /// Sets `StartDate`, an RFC 3339 timestamp such as
    /// `2026-01-01T00:00:00.000Z` (CDK `startDate`). (Example on
    /// [`EventBridgeSchedulerCreateScheduleTask`].)
    pub fn start_date(
        mut self,
        date: impl Into<Input<String>>,
    ) -> EventBridgeSchedulerCreateScheduleTask {
        self.props.start_date = Some(date.into());
        self
    }

    /// Sets `EndDate`, an RFC 3339 timestamp (CDK `endDate`). (Example on
    /// [`EventBridgeSchedulerCreateScheduleTask`].)
    pub fn end_date(
        mut self,
        date: impl Into<Input<String>>,
    ) -> EventBridgeSchedulerCreateScheduleTask {
        self.props.end_date = Some(date.into());
        self
    }

    /// Lets the schedule fire up to `window` late, in whole minutes from 1
    /// to 1,440 (CDK `flexibleTimeWindow`; `"Mode": "OFF"` without it).
    /// (Example on [`EventBridgeSchedulerCreateScheduleTask`].)
    pub fn flexible_time_window(
        mut self,
        window: Duration,
    ) -> EventBridgeSchedulerCreateScheduleTask {
        self.props.flexible_time_window = Some(window);
        self
    }

    /// Sets `GroupName`: 1 to 64 letters, digits, `-`, `_` and `.` (CDK
    /// `groupName`). (Example on [`EventBridgeSchedulerCreateScheduleTask`].)
    pub fn group_name(
        mut self,
        group: impl Into<Input<String>>,
    ) -> EventBridgeSchedulerCreateScheduleTask {
        self.props.group_name = Some(group.into());
        self
    }

    /// Sets `KmsKeyArn`: the key that encrypts the target input (CDK
    /// `kmsKey`). (Example on [`EventBridgeSchedulerCreateScheduleTask`].)
    pub fn kms_key(
        mut self,
        key_arn: impl Into<Input<String>>,
    ) -> EventBridgeSchedulerCreateScheduleTask {
        self.props.kms_key = Some(key_arn.into());
        self
    }

    /// Sets `ScheduleExpressionTimezone`, 1 to 50 characters (CDK
    /// `timezone`). (Example on [`EventBridgeSchedulerCreateScheduleTask`].)
    pub fn timezone(
        mut self,
        zone: impl Into<Input<String>>,
    ) -> EventBridgeSchedulerCreateScheduleTask {
        self.props.timezone = Some(zone.into());
        self
    }

    /// Whether the schedule is `ENABLED` (the default) or `DISABLED` (CDK
    /// `enabled`). (Example on [`EventBridgeSchedulerCreateScheduleTask`].)
    pub fn enabled(mut self, enabled: bool) -> EventBridgeSchedulerCreateScheduleTask {
        self.props.enabled = enabled;
        self
    }
}

impl Render for EventBridgeSchedulerCreateScheduleTaskProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        let mut f = cx.fields();
        match &self.action_after_completion {
            Some(action) => f.input("ActionAfterCompletion", action),
            None => f.literal("ActionAfterCompletion", "NONE"),
        };
        f.opt("ClientToken", self.client_token.as_ref())
            .opt("Description", self.description.as_ref())
            .opt("EndDate", self.end_date.as_ref());
        let mut window = f.child();
        match self.flexible_time_window {
            Some(minutes) => {
                window
                    .literal("Mode", "FLEXIBLE")
                    .minutes("MaximumWindowInMinutes", &minutes.into());
                if !(60..=86_400).contains(&minutes.as_secs()) {
                    window.problem(
                        "MaximumWindowInMinutes",
                        Code::ValueOutOfRange,
                        format!("the flexible time window is 1 to 1,440 minutes, not {minutes:?}"),
                    );
                }
            }
            None => {
                window.literal("Mode", "OFF");
            }
        }
        f.object("FlexibleTimeWindow", window)
            .opt("GroupName", self.group_name.as_ref())
            .opt("KmsKeyArn", self.kms_key.as_ref())
            .input("Name", &self.schedule_name)
            .literal("ScheduleExpression", self.schedule.expression())
            .opt("ScheduleExpressionTimezone", self.timezone.as_ref())
            .opt("StartDate", self.start_date.as_ref())
            .literal("State", if self.enabled { "ENABLED" } else { "DISABLED" });
        let target = self.target.render(f.child());
        f.object("Target", target);
        self.check(&mut f);
        let arn = integration_arn(
            "aws-sdk:scheduler",
            "createSchedule",
            IntegrationPattern::RequestResponse,
        );
        cx.write(arn, Some(f));
    }
}

impl EventBridgeSchedulerCreateScheduleTaskProps {
    /// The limits the CDK checks on the literal values.
    fn check(&self, f: &mut Fields) {
        let token = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
        limit(f, "ClientToken", self.client_token.as_ref(), 1, 64, token);
        limit(f, "Description", self.description.as_ref(), 0, 512, |_| {
            true
        });
        let group = |c: char| token(c) || c == '.';
        limit(f, "GroupName", self.group_name.as_ref(), 1, 64, group);
        limit(
            f,
            "ScheduleExpressionTimezone",
            self.timezone.as_ref(),
            1,
            50,
            |_| true,
        );
        for (field, date) in [("StartDate", &self.start_date), ("EndDate", &self.end_date)] {
            if let Some(Repr::Literal(text)) = date.as_ref().map(|d| &d.0) {
                if !crate::syntax::is_rfc3339(text) {
                    f.problem(
                        field,
                        Code::InvalidTimestamp,
                        format!("`{text}` is not an RFC 3339 timestamp such as `2026-01-01T00:00:00.000Z`"),
                    );
                }
            }
        }
        let literal = |d: &Option<Input<String>>| d.as_ref().and_then(Input::literal).cloned();
        if let (Some(start), Some(end)) = (literal(&self.start_date), literal(&self.end_date)) {
            if start >= end {
                f.problem(
                    "StartDate",
                    Code::InvalidValue,
                    "`StartDate` must be before `EndDate`",
                );
            }
        }
    }
}

/// A literal `field` of `min..=max` characters, each accepted by `allowed`.
fn limit(
    f: &mut Fields,
    field: &str,
    value: Option<&Input<String>>,
    min: usize,
    max: usize,
    allowed: impl Fn(char) -> bool,
) {
    let Some(text) = value.and_then(Input::literal) else {
        return;
    };
    let count = text.chars().count();
    if count < min || count > max {
        f.problem(
            field,
            Code::ValueOutOfRange,
            format!("`{field}` is {min} to {max} characters long, not {count}"),
        );
    } else if !text.chars().all(allowed) {
        f.problem(
            field,
            Code::InvalidValue,
            format!("`{text}` has a character `{field}` does not allow"),
        );
    }
}
