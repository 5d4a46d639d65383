#![allow(missing_docs)] // criterion_group! generates undocumented items
//! Running workflows in-process with the simulator: the counter loop (a
//! Pass with `States.MathAdd` and a Choice) from 1,000 to 1,000,000 state
//! transitions, and a Map over 100,000 items. Express, history and
//! inspection off, as a load test runs them. The allocator is mimalloc, as
//! in the `stepfn` binary.
//!
//! `cargo bench -p stepfn-bench --bench simulate`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion, Throughput};
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

fn counter_loop(c: &mut Criterion) {
    let sim = simulator(COUNTER_LOOP);
    let mut group = c.benchmark_group("counter_loop_transitions");
    group.sample_size(10);
    for turns in [500u64, 5_000, 50_000, 500_000] {
        let input = counter_input(turns);
        let check = sim.run(input.as_str()).expect("input is JSON");
        assert_eq!(check.status(), Status::Succeeded);
        assert_eq!(check.transitions(), 2 * turns + 1);
        group.throughput(Throughput::Elements(2 * turns + 1));
        group.bench_with_input(
            BenchmarkId::from_parameter(2 * turns),
            &input,
            |b, input| {
                b.iter(|| black_box(sim.run(input.as_str()).map(|run| run.transitions())));
            },
        );
    }
    group.finish();
}

fn map_100k(c: &mut Criterion) {
    let sim = simulator(MAP_OF_PASS);
    let input: stepfn::model::Json =
        serde_json::from_str(&map_items(100_000)).expect("items are JSON");
    let check = sim.run(input.clone()).expect("input is JSON");
    assert_eq!(check.status(), Status::Succeeded);
    let mut group = c.benchmark_group("map_items");
    group.sample_size(10);
    group.throughput(Throughput::Elements(100_000));
    group.bench_function("100000", |b| {
        b.iter_batched(
            || input.clone(),
            |input| black_box(sim.run(input).map(|run| run.transitions())),
            BatchSize::LargeInput,
        );
    });
    group.finish();
}

criterion_group!(benches, counter_loop, map_100k);
criterion_main!(benches);
