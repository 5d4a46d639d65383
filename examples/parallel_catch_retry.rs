//! A Parallel state with two branches, retriers (with `MaxDelaySeconds` and
//! `JitterStrategy`) and catchers on the Parallel, a Task-level retry,
//! `ResultSelector`, and a payload with paths, the context object and an
//! intrinsic function.
//!
//! Run with `cargo run --example parallel_catch_retry`; it prints the ASL.

use stepfn::builder::{
    errors, Catch, Context, Fail, Intrinsic, JitterStrategy, JsonPath, Parallel, Pass, Payload,
    Retry, StateMachine, Succeed,
};
use stepfn::tasks::{LambdaFunction, LambdaInvoke};

/// The definition.
pub(crate) fn definition() -> StateMachine {
    let function = LambdaFunction::from_arn("arn:aws:lambda:us-east-1:123456789012:function:Ship");
    let ship = LambdaInvoke::new("ShipItem", function)
        .payload(
            Payload::new()
                .field("orderId", JsonPath::new("$.order.id"))
                .field("items", JsonPath::new("$.order.items"))
                .field("count", JsonPath::new("$.order.count"))
                .field("execution", Context::execution_id())
                .field(
                    "label",
                    Intrinsic::format("order-{}", [JsonPath::new("$.order.id")]),
                )
                .field("static", "literal"),
        )
        .retry_on_service_exceptions(false)
        .result_selector(Payload::new().field("tracking", JsonPath::new("$.Payload.tracking")))
        .retry(
            Retry::on(["Ship.Transient"])
                .interval_seconds(3)
                .max_attempts(4)
                .backoff_rate(1.5),
        )
        .retry(Retry::all());

    let invoice = Pass::new("SendInvoice")
        .parameters(Payload::new().field("invoiceFor", JsonPath::new("$.order.customer")))
        .result_path("$.invoice");
    let restock = Pass::new("Restock").result(serde_json::json!({"restocked": true}));

    // Retriers and catchers are written in the order given: `States.ALL` goes
    // last, or the build says so (it is never moved silently).
    let parallel = Parallel::new("Do the work in parallel")
        .comment("fan out")
        .result_path("$.results")
        .branch(ship)
        .branch(invoice.next(restock))
        .retry(
            Retry::on([errors::TASK_FAILED])
                .interval_seconds(1)
                .max_attempts(2),
        )
        .retry(
            Retry::all()
                .max_attempts(1)
                .max_delay_seconds(5)
                .jitter_strategy(JitterStrategy::Full),
        )
        .catch(
            Catch::on([errors::TIMEOUT]),
            Fail::new("Timeout").error("TimedOut"),
        )
        .catch(
            Catch::all().result_path("$.error"),
            Pass::new("SendFailureNotification"),
        );

    StateMachine::new(parallel.next(Succeed::new("CloseOrder")))
}

fn main() {
    match definition().to_json_pretty() {
        Ok(json) => println!("{json}"),
        Err(errors) => {
            eprintln!("{errors}");
            std::process::exit(1);
        }
    }
}
