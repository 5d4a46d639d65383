//! One fragment reused four times: three copies renamed with
//! `prefix_states` as branches of a Parallel, and one wrapped as a single
//! state with `to_single_state`.
//!
//! Run with `cargo run --example fragment_prefix`; it prints the ASL.

use stepfn::builder::{Chain, Choice, Condition, Parallel, Pass, StateMachine, Succeed};

/// The reusable fragment: a Choice between two Pass states. A fragment is just
/// a function returning a chain.
fn my_job(flavor: &str) -> Chain {
    Choice::new("Choice")
        .when(
            Condition::string_equals("$.branch", "left"),
            Pass::new("Left Branch"),
        )
        .when(
            Condition::string_equals("$.branch", "right"),
            Pass::new("Right Branch").result(flavor),
        )
        .afterwards()
}

/// The definition.
pub(crate) fn definition() -> StateMachine {
    let all_jobs = Parallel::new("All jobs")
        .branch(my_job("quick").prefix_states("Quick: "))
        .branch(my_job("medium").prefix_states("Medium: "))
        .branch(my_job("slow").prefix_states("S/"));
    let wrapped = my_job("wrapped")
        .prefix_states("Wrapped: ")
        .to_single_state("Wrapped")
        .result_path("$.wrapped");
    StateMachine::new(all_jobs.next(wrapped).next(Succeed::new("End")))
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
