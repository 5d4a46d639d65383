//! An inline Map whose item processor is a Choice that rejoins after its
//! branches (`afterwards`), with a Wait on one branch.
//!
//! Run with `cargo run --example map_inline`; it prints the ASL.

use stepfn::builder::{Choice, Condition, Context, Map, Pass, Payload, StateMachine, Wait};

/// The definition.
pub(crate) fn definition() -> StateMachine {
    let item_processor = Choice::new("Choice")
        .when(
            Condition::and([
                Condition::is_present("$.item.status", true),
                Condition::string_equals("$.item.status", "SUCCESS"),
            ]),
            Pass::new("Step1"),
        )
        .otherwise(Wait::seconds("Step2", 10))
        .afterwards()
        .next(Pass::new("Finish"));

    let map = Map::new("Map State", item_processor)
        .max_concurrency(2)
        .items_path("$.inputForMap")
        .item_selector(
            Payload::new()
                .field("item", Context::map_item_value())
                .field("index", Context::map_item_index()),
        )
        .result_path("$.mapOutput");

    StateMachine::new(map.next(Pass::new("Done")))
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
