//! The order workflow, defined once and used by `build.rs` (to write the ASL
//! file deploy tools read) and by tests (to snapshot it).

mod steps;

use stepfn::builder::{Catch, Choice, Condition, Fail, StateMachine, Succeed};

/// Charge the card, then ship or refund.
pub fn order() -> StateMachine {
    let refund = steps::lambda("Refund", "refund-payment").next(Fail::new("Payment failed"));
    let charge = steps::lambda("Charge card", "charge-card")
        .result_path("$.charge")
        .catch(Catch::all().result_path("$.error"), refund);
    let decide = Choice::new("In stock?")
        .when(
            Condition::boolean_equals("$.inStock", true),
            steps::lambda("Ship", "ship-order").next(Succeed::new("Shipped")),
        )
        .otherwise(Fail::new("Out of stock").error("OutOfStock"));
    StateMachine::new(charge.next(decide))
        .comment("Charge the card, then ship or refund")
        .timeout_seconds(3600)
}
