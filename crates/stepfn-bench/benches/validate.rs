#![allow(missing_docs)] // criterion_group! generates undocumented items
//! Validating definitions: a chain of Pass states at several sizes (the cost
//! must grow linearly), and a 2,000-state definition nesting Choice, Parallel
//! and Map states.
//!
//! `cargo bench -p stepfn-bench --bench validate`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use stepfn::model::StateMachine;
use stepfn::validate::Validator;
use stepfn_bench::inputs::{chain, nested};

fn read(text: &str) -> StateMachine {
    match stepfn::read::read_str(text) {
        Ok(machine) => machine,
        Err(e) => panic!("benchmark definition does not read: {e}"),
    }
}

fn chain_scaling(c: &mut Criterion) {
    let validator = Validator::new();
    let mut group = c.benchmark_group("validate_chain");
    group.sample_size(20);
    for n in [1_000, 10_000, 100_000] {
        let machine = read(&chain(n));
        // Past about 25,000 states the chain outgrows AWS's 1 MiB definition
        // limit; that must be its only problem.
        let report = validator.check(&machine);
        assert!(report
            .errors()
            .iter()
            .all(|e| e.code() == stepfn::Code::DefinitionTooLarge));
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &machine, |b, m| {
            b.iter(|| black_box(validator.check(black_box(m))));
        });
    }
    group.finish();
}

fn nested_2000(c: &mut Criterion) {
    let validator = Validator::new();
    let text = nested(154); // 2,002 states
    let machine = read(&text);
    let report = validator.check(&machine);
    assert!(report.is_valid(), "{:?}", report.errors());
    let mut group = c.benchmark_group("validate_nested");
    group.bench_function("2000_states", |b| {
        b.iter(|| black_box(validator.check(black_box(&machine))));
    });
    group.bench_function("2000_states_from_text", |b| {
        b.iter(|| black_box(validator.check_str(black_box(&text))));
    });
    group.finish();
}

criterion_group!(benches, chain_scaling, nested_2000);
criterion_main!(benches);
