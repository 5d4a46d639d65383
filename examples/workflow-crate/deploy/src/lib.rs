//! The order workflow's ASL, as written by `build.rs`, compiled into the
//! crate (for a program that creates or updates the state machine itself).

/// The canonical ASL of the order workflow.
pub const ORDER_ASL: &str = include_str!("../workflows/order.asl.json");
