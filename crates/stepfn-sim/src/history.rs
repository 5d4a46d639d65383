//! Execution history in AWS's shape: typed events with ids, the causal
//! `previousEventId`, timestamps from the virtual clock and each type's
//! details object.

use stepfn::model::{Json, JsonObject, Number};

use crate::clock::iso_millis;

macro_rules! event_types {
    ($($name:ident),* $(,)?) => {
        /// The type of a history event, as `GetExecutionHistory` names it.
        ///
        /// ```
        /// use stepfn_sim::EventType;
        /// assert_eq!(EventType::PassStateEntered.as_str(), "PassStateEntered");
        /// assert_eq!(EventType::PassStateEntered.details_field(), "stateEnteredEventDetails");
        /// assert_eq!(EventType::TaskScheduled.details_field(), "taskScheduledEventDetails");
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[allow(missing_docs)]
        pub enum EventType {
            $($name,)*
        }

        impl EventType {
            /// The type's name.
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self {
                    $(EventType::$name => stringify!($name),)*
                }
            }
        }
    };
}

event_types!(
    ExecutionStarted,
    ExecutionSucceeded,
    ExecutionFailed,
    ExecutionAborted,
    ExecutionTimedOut,
    TaskStateEntered,
    TaskStateExited,
    TaskStateAborted,
    PassStateEntered,
    PassStateExited,
    ChoiceStateEntered,
    ChoiceStateExited,
    WaitStateEntered,
    WaitStateExited,
    WaitStateAborted,
    SucceedStateEntered,
    SucceedStateExited,
    FailStateEntered,
    ParallelStateEntered,
    ParallelStateExited,
    ParallelStateAborted,
    ParallelStateStarted,
    ParallelStateSucceeded,
    ParallelStateFailed,
    MapStateEntered,
    MapStateExited,
    MapStateAborted,
    MapStateStarted,
    MapStateSucceeded,
    MapStateFailed,
    MapIterationStarted,
    MapIterationSucceeded,
    MapIterationFailed,
    MapIterationAborted,
    MapRunStarted,
    MapRunSucceeded,
    MapRunFailed,
    TaskScheduled,
    TaskStarted,
    TaskSubmitted,
    TaskSucceeded,
    TaskFailed,
    TaskTimedOut,
    LambdaFunctionScheduled,
    LambdaFunctionStarted,
    LambdaFunctionSucceeded,
    LambdaFunctionFailed,
    LambdaFunctionTimedOut,
    ActivityScheduled,
    ActivityStarted,
    ActivitySucceeded,
    ActivityFailed,
    ActivityTimedOut,
    EvaluationFailed,
);

impl EventType {
    /// The name of the event's details field: `stateEnteredEventDetails`
    /// for every `…StateEntered`, `stateExitedEventDetails` for every
    /// `…StateExited`, otherwise the type in camel case with
    /// `EventDetails` (examples on [`EventType`]).
    #[must_use]
    pub fn details_field(self) -> String {
        let name = self.as_str();
        if name.ends_with("StateEntered") {
            return "stateEnteredEventDetails".to_owned();
        }
        if name.ends_with("StateExited") {
            return "stateExitedEventDetails".to_owned();
        }
        let mut out = String::with_capacity(name.len() + 12);
        let mut chars = name.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_lowercase());
        }
        out.extend(chars);
        out.push_str("EventDetails");
        out
    }
}

/// One event of an execution's history.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryEvent {
    /// 1-based, in order.
    pub id: u64,
    /// The event this one follows in its branch or iteration (0 for the
    /// first events).
    pub previous_event_id: u64,
    /// Milliseconds since the Unix epoch, on the virtual clock.
    pub timestamp_millis: i64,
    /// The type.
    pub event_type: EventType,
    /// The details object, when the type has one.
    pub details: Option<Json>,
}

impl HistoryEvent {
    /// The timestamp as AWS writes it: `2024-01-01T00:00:00.000Z`.
    ///
    /// ```
    /// use stepfn_sim::{EventType, HistoryEvent};
    /// let event = HistoryEvent { id: 1, previous_event_id: 0, timestamp_millis: 1500,
    ///     event_type: EventType::ExecutionStarted, details: None };
    /// assert_eq!(event.timestamp(), "1970-01-01T00:00:01.500Z");
    /// ```
    #[must_use]
    pub fn timestamp(&self) -> String {
        iso_millis(self.timestamp_millis)
    }

    /// The event as `GetExecutionHistory` returns it: `timestamp`, `type`,
    /// `id`, `previousEventId` and the details under their field name.
    ///
    /// ```
    /// use stepfn_sim::{EventType, HistoryEvent};
    /// let event = HistoryEvent { id: 1, previous_event_id: 0, timestamp_millis: 0,
    ///     event_type: EventType::ExecutionStarted, details: None };
    /// assert_eq!(serde_json::to_string(&event.to_json()).unwrap(),
    ///     r#"{"timestamp":"1970-01-01T00:00:00.000Z","type":"ExecutionStarted","id":1,"previousEventId":0}"#);
    /// ```
    #[must_use]
    pub fn to_json(&self) -> Json {
        let mut out = JsonObject::new();
        out.insert(
            "timestamp".into(),
            Json::String(iso_millis(self.timestamp_millis)),
        );
        out.insert(
            "type".into(),
            Json::String(self.event_type.as_str().to_owned()),
        );
        out.insert("id".into(), Json::Number(Number::from(self.id)));
        out.insert(
            "previousEventId".into(),
            Json::Number(Number::from(self.previous_event_id)),
        );
        if let Some(details) = &self.details {
            out.insert(self.event_type.details_field(), details.clone());
        }
        Json::Object(out)
    }
}

/// Builds a details object from pairs, leaving out `None`s.
pub(crate) fn details<const N: usize>(pairs: [(&str, Option<Json>); N]) -> Json {
    Json::Object(
        pairs
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| (k.to_owned(), v)))
            .collect(),
    )
}

/// A string value for a details object.
pub(crate) fn s(text: impl Into<String>) -> Option<Json> {
    Some(Json::String(text.into()))
}

/// A JSON payload written as text, with `…Details: {"truncated": false}`.
pub(crate) fn payload(value: &Json) -> Option<Json> {
    Some(Json::String(crate::json::text(value)))
}

/// `{"truncated": false}`.
pub(crate) fn not_truncated() -> Option<Json> {
    Some(Json::Object(
        [("truncated".to_owned(), Json::Bool(false))]
            .into_iter()
            .collect(),
    ))
}
