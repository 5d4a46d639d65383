//! The simulator's speed as figures a script can put beside a peer's: the
//! counter loop (a Pass with `States.MathAdd` and a Choice) from 1,000 to
//! 1,000,000 state transitions, and a Map over 100,000 items, in-process,
//! Express with history and inspection off. Each line is
//! `workload<TAB>count<TAB>seconds`, the best of five runs after a warm-up.
//!
//! `cargo bench -p stepfn-bench --bench simulate_curve`
//! (`bash crates/stepfn-bench/benches/simulate_vs_local_stepfunctions.sh`
//! runs it beside aws-local-stepfunctions)

use std::time::Instant;

use stepfn_bench::inputs::{counter_input, map_items, COUNTER_LOOP, MAP_OF_PASS};
use stepfn_sim::{Simulator, Status};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn simulator(definition: &str) -> Simulator {
    match Simulator::from_json(definition) {
        Ok(sim) => sim
            .express(true)
            .history(false)
            .inspection(false)
            .payload_limit(None),
        Err(e) => panic!("benchmark definition does not load: {e}"),
    }
}

/// The best of five timed runs of `run` after one untimed one.
fn best(mut run: impl FnMut() -> u64, expected: u64) -> f64 {
    assert_eq!(run(), expected, "the workload did not run to its end");
    (0..5)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(run());
            start.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    // `cargo bench` passes `--bench`; any argument that is a number limits
    // the curve (for a quick look).
    let limit: u64 = std::env::args()
        .filter_map(|a| a.parse().ok())
        .next()
        .unwrap_or(1_000_000);
    let counter = simulator(COUNTER_LOOP);
    for transitions in [1_000u64, 10_000, 100_000, 1_000_000] {
        if transitions > limit {
            break;
        }
        let turns = transitions / 2;
        let input = counter_input(turns);
        let seconds = best(
            || {
                let run = counter.run(input.as_str()).expect("input is JSON");
                assert_eq!(run.status(), Status::Succeeded);
                run.transitions()
            },
            2 * turns + 1,
        );
        println!("counter\t{}\t{seconds:.6}", 2 * turns + 1);
    }
    let map = simulator(MAP_OF_PASS);
    let items: stepfn::model::Json =
        serde_json::from_str(&map_items(100_000)).expect("items are JSON");
    let seconds = best(
        || {
            let run = map.run(items.clone()).expect("input is JSON");
            assert_eq!(run.status(), Status::Succeeded);
            match run.output() {
                Some(stepfn::model::Json::Array(out)) => out.len() as u64,
                _ => 0,
            }
        },
        100_000,
    );
    println!("map\t100000\t{seconds:.6}");
}
