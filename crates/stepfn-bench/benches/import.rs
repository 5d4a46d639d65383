#![allow(missing_docs)] // criterion_group! generates undocumented items
//! Importing definitions as Rust builder code (`stepfn::import`): a chain of
//! 1,000 Pass states, and a 1,001-state definition nesting Choice, Task,
//! Parallel and Map states (each with payloads, retriers and catchers), from
//! the model, and from text the way `stepfn import` does it (read, validate,
//! import).
//!
//! `cargo bench -p stepfn-bench --bench import`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use stepfn::import::Import;
use stepfn::model::StateMachine;
use stepfn::validate::Validator;
use stepfn_bench::inputs::{chain, nested};

fn read(text: &str) -> StateMachine {
    match stepfn::read::read_str(text) {
        Ok(machine) => machine,
        Err(e) => panic!("benchmark definition does not read: {e}"),
    }
}

/// Read, validate and import, as the command does.
fn from_text(text: &str) -> String {
    let report = Validator::new().check_str(text);
    assert!(report.is_valid(), "{:?}", report.errors());
    Import::new().to_rust(&read(text)).into_code()
}

fn import_1000(c: &mut Criterion) {
    let import = Import::new();
    let chain_text = chain(1_000);
    let nested_text = nested(77); // 1,001 states
    let chain_machine = read(&chain_text);
    let nested_machine = read(&nested_text);
    let mut group = c.benchmark_group("import");
    group.throughput(Throughput::Elements(1_000));
    group.bench_function("chain_1000", |b| {
        b.iter(|| black_box(import.to_rust(black_box(&chain_machine))));
    });
    group.bench_function("nested_1001", |b| {
        b.iter(|| black_box(import.to_rust(black_box(&nested_machine))));
    });
    group.bench_function("nested_1001_from_text", |b| {
        b.iter(|| black_box(from_text(black_box(&nested_text))));
    });
    group.finish();
}

criterion_group!(benches, import_1000);
criterion_main!(benches);
