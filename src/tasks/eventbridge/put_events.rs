//! [`EventBridgePutEvents`]: `events:putEvents`.

use crate::model::Json;
use crate::tasks::input::Repr;
use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::service::{Render, Rendering};
use crate::tasks::{Input, Integration};
use crate::Code;

/// Sends events to EventBridge (`arn:aws:states:::events:putEvents`); the
/// CDK's `EventBridgePutEvents`. Patterns: request-response,
/// [`wait_for_task_token`](EventBridgePutEvents::wait_for_task_token).
///
/// ```
/// use stepfn::builder::{JsonPath, Payload};
/// use stepfn::tasks::{EventBridgePutEvents, EventBridgePutEventsEntry};
/// let entry = EventBridgePutEventsEntry::new(
///     Payload::new().field("order", JsonPath::new("$.order")),
///     "OrderPlaced",
///     "shop.orders",
/// )
/// .event_bus("arn:aws:events:us-east-1:123456789012:event-bus/orders");
/// let state = EventBridgePutEvents::new("Announce", [entry]);
/// assert_eq!(state.to_json(), concat!(
///     r#"{"Type":"Task","Resource":"arn:aws:states:::events:putEvents","Parameters":{"Entries":[{"#,
///     r#""Detail":{"order.$":"$.order"},"DetailType":"OrderPlaced","#,
///     r#""EventBusName":"arn:aws:events:us-east-1:123456789012:event-bus/orders","Source":"shop.orders"}]},"End":true}"#,
/// ));
/// ```
pub type EventBridgePutEvents = Integration<EventBridgePutEventsProps>;

/// What an [`EventBridgePutEvents`] sends (see there).
#[derive(Debug, Clone)]
pub struct EventBridgePutEventsProps {
    entries: Vec<EventBridgePutEventsEntry>,
}

/// One event of an [`EventBridgePutEvents`].
///
/// ```
/// use stepfn::builder::Jsonata;
/// use stepfn::tasks::{EventBridgePutEvents, EventBridgePutEventsEntry};
/// let entry = EventBridgePutEventsEntry::new(Jsonata::new("$states.input"), "Done", "shop");
/// let state = EventBridgePutEvents::new("Announce", [entry]).jsonata();
/// assert!(state.to_json().contains(r#""Entries":[{"Detail":"{% $states.input %}","DetailType":"Done","Source":"shop"}]"#));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct EventBridgePutEventsEntry {
    detail: Input<Json>,
    detail_type: Input<String>,
    event_bus: Option<Input<String>>,
    source: Input<String>,
}

impl EventBridgePutEventsEntry {
    /// An event with `detail` (CDK `detail`), `detail_type` (`detailType`)
    /// and `source` (`source`, which must not start with `aws.`), sent to the
    /// account's default bus. (Example on [`EventBridgePutEventsEntry`].)
    pub fn new(
        detail: impl Into<Input<Json>>,
        detail_type: impl Into<Input<String>>,
        source: impl Into<Input<String>>,
    ) -> EventBridgePutEventsEntry {
        EventBridgePutEventsEntry {
            detail: detail.into(),
            detail_type: detail_type.into(),
            event_bus: None,
            source: source.into(),
        }
    }

    /// Sends the event to the bus with this ARN or name (CDK `eventBus`).
    /// (Example on [`EventBridgePutEvents`].)
    #[must_use]
    pub fn event_bus(mut self, bus: impl Into<Input<String>>) -> EventBridgePutEventsEntry {
        self.event_bus = Some(bus.into());
        self
    }
}

impl EventBridgePutEvents {
    /// Sends `entries` (CDK `entries`, at least one). (Example on
    /// [`EventBridgePutEvents`].)
    pub fn new(
        name: impl Into<String>,
        entries: impl IntoIterator<Item = EventBridgePutEventsEntry>,
    ) -> EventBridgePutEvents {
        let entries = entries.into_iter().collect();
        Integration::with(name, EventBridgePutEventsProps { entries })
    }

    /// Waits for the task token (`events:putEvents.waitForTaskToken`): an
    /// event's detail must pass `Context::task_token()`.
    ///
    /// ```
    /// use stepfn::builder::{Context, Payload};
    /// use stepfn::tasks::{EventBridgePutEvents, EventBridgePutEventsEntry};
    /// let entry = EventBridgePutEventsEntry::new(Payload::new().field("token", Context::task_token()), "Ask", "shop");
    /// let state = EventBridgePutEvents::new("Ask", [entry]).wait_for_task_token();
    /// assert!(state.to_json().contains(r#""Resource":"arn:aws:states:::events:putEvents.waitForTaskToken""#));
    /// ```
    pub fn wait_for_task_token(self) -> EventBridgePutEvents {
        self.pattern(IntegrationPattern::WaitForTaskToken)
    }
}

impl Render for EventBridgePutEventsProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        let mut f = cx.fields();
        if self.entries.is_empty() {
            f.problem(
                "Entries",
                Code::EmptyArray,
                "`Entries` needs at least one event",
            );
        }
        let mut entries = Vec::with_capacity(self.entries.len());
        for entry in &self.entries {
            let mut e = f.child();
            if let Repr::Literal(source) = &entry.source.0 {
                if source.starts_with("aws.") {
                    e.problem(
                        "Source",
                        Code::InvalidValue,
                        format!("`{source}`: an event source cannot start with `aws.`, which AWS keeps for its own services"),
                    );
                }
            }
            e.input("Detail", &entry.detail)
                .input("DetailType", &entry.detail_type)
                .opt("EventBusName", entry.event_bus.as_ref())
                .input("Source", &entry.source);
            entries.push(e);
        }
        f.array("Entries", entries);
        cx.write(integration_arn("events", "putEvents", cx.pattern), Some(f));
    }
}
