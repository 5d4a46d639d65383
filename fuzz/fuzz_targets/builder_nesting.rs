//! Builder values nested as the input says (Parallel, Map, Not, And): building,
//! cloning, writing and dropping them never exhausts the stack.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stepfn::builder::{Chain, Choice, Condition, Map, Parallel, Pass, StateMachine, Succeed};

fuzz_target!(|shape: &[u8]| {
    let mut chain = Chain::start(Pass::new("Leaf"));
    let mut condition = Condition::is_present("$.a", true);
    for (i, byte) in shape.iter().take(20_000).enumerate() {
        match byte % 4 {
            0 => chain = Chain::start(Parallel::new(format!("P{i}")).branch(chain)),
            1 => chain = Chain::start(Map::new(format!("M{i}"), chain)),
            2 => condition = Condition::not(condition),
            _ => condition = Condition::and([condition, Condition::is_null("$.b", true)]),
        }
    }
    let chain = chain.next(
        Choice::new("Decide")
            .when(condition, Succeed::new("Yes"))
            .otherwise(Succeed::new("No")),
    );
    let copy = chain.clone();
    let _ = StateMachine::new(copy).to_json_pretty();
    drop(chain);
});
