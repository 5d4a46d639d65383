//! Numbering and (when asked) recording history events, and the 25,000
//! event cap of Standard executions.

use stepfn::builder::errors;
use stepfn::model::Json;

use crate::failure::Failure;
use crate::history::{EventType, HistoryEvent};

/// The most events a Standard execution's history holds.
pub(crate) const MAX_EVENTS: u64 = 25_000;

/// Tags the event chain of a Distributed Map's child execution: its
/// events belong to the child's own history (numbered from 1, its
/// `ExecutionStarted`), so they are counted there and never kept here.
pub(crate) const CHILD_EXECUTION: u64 = 1 << 63;

/// The events of one execution.
#[derive(Debug)]
pub(crate) struct Events {
    /// The id the next event gets.
    next_id: u64,
    /// Whether events are kept.
    recording: bool,
    /// Whether the 25,000-event cap applies (Standard).
    capped: bool,
    /// The kept events.
    pub(crate) list: Vec<HistoryEvent>,
    /// Set when the cap was passed.
    limit_hit: bool,
}

impl Events {
    pub(crate) fn new(recording: bool, capped: bool) -> Events {
        Events {
            next_id: 1,
            recording,
            capped,
            list: Vec::new(),
            limit_hit: false,
        }
    }

    /// Adds an event after `last` (a fiber's last event), which becomes
    /// the new event; returns its id. `details` runs only when recording.
    #[inline]
    pub(crate) fn emit(
        &mut self,
        last: &mut u64,
        millis: i64,
        event_type: EventType,
        details: impl FnOnce() -> Json,
    ) -> u64 {
        if *last & CHILD_EXECUTION != 0 {
            let id = (*last & !CHILD_EXECUTION).saturating_add(1);
            *last = CHILD_EXECUTION | id;
            return id;
        }
        let id = self.push(*last, millis, event_type, details);
        *last = id;
        if self.capped && id >= MAX_EVENTS {
            self.limit_hit = true;
        }
        id
    }

    /// Adds the execution's last event; the cap does not apply to it.
    pub(crate) fn emit_final(
        &mut self,
        last: &mut u64,
        millis: i64,
        event_type: EventType,
        details: impl FnOnce() -> Json,
    ) {
        if *last & CHILD_EXECUTION == 0 {
            *last = self.push(*last, millis, event_type, details);
        }
    }

    #[inline]
    fn push(
        &mut self,
        prev: u64,
        millis: i64,
        event_type: EventType,
        details: impl FnOnce() -> Json,
    ) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        if self.recording {
            let details = details();
            let has_details = !matches!(&details, Json::Object(o) if o.is_empty())
                && !matches!(details, Json::Null);
            self.list.push(HistoryEvent {
                id,
                previous_event_id: prev,
                timestamp_millis: millis,
                event_type,
                details: has_details.then_some(details),
            });
        }
        id
    }

    /// The failure to end the execution with, once the cap was passed.
    pub(crate) fn take_limit_failure(&mut self) -> Option<Failure> {
        if !std::mem::take(&mut self.limit_hit) {
            return None;
        }
        self.capped = false;
        Some(Failure::new(
            errors::RUNTIME,
            format!(
                "The execution reached the maximum number of history events ({MAX_EVENTS}) of a Standard workflow; \
                 use an Express workflow or a Distributed Map, or start a new execution to continue"
            ),
        ))
    }
}
