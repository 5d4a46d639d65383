//! Amazon EventBridge: [`EventBridgePutEvents`] and EventBridge Scheduler's
//! [`EventBridgeSchedulerCreateScheduleTask`].

mod put_events;
mod schedule;
mod scheduler;

pub use put_events::{EventBridgePutEvents, EventBridgePutEventsEntry, EventBridgePutEventsProps};
pub use schedule::{Cron, Schedule};
pub use scheduler::{
    ActionAfterCompletion, EventBridgeSchedulerCreateScheduleTask,
    EventBridgeSchedulerCreateScheduleTaskProps, EventBridgeSchedulerTarget,
};
