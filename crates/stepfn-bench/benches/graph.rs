#![allow(missing_docs)] // criterion_group! generates undocumented items
//! Drawing a 10,000-state machine: Mermaid and DOT text, and SVG laid out
//! in-process. The machine nests Parallel and Map states (blocks of 13
//! states: a Choice, a Task with retry and catch, a Parallel of two
//! branches and a Map with a processor).
//!
//! `cargo bench -p stepfn-bench --bench graph`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use stepfn::diagram::Diagram;
use stepfn_bench::inputs::{chain, nested};

fn read(text: &str) -> stepfn::model::StateMachine {
    match stepfn::read::read_str(text) {
        Ok(machine) => machine,
        Err(e) => panic!("benchmark definition does not read: {e}"),
    }
}

fn graph(c: &mut Criterion) {
    let nested = read(&nested(770));
    let chain = read(&chain(10_000));
    assert_eq!(
        stepfn::model::graph::Graph::new(&nested).states().len(),
        10_010
    );
    let mut group = c.benchmark_group("graph_10000");
    group.sample_size(10);
    group.bench_function("mermaid_nested", |b| {
        b.iter(|| black_box(Diagram::new(black_box(&nested)).to_mermaid()))
    });
    group.bench_function("dot_nested", |b| {
        b.iter(|| black_box(Diagram::new(black_box(&nested)).to_dot()))
    });
    group.bench_function("svg_nested", |b| {
        b.iter(|| black_box(Diagram::new(black_box(&nested)).to_svg()))
    });
    group.bench_function("svg_chain", |b| {
        b.iter(|| black_box(Diagram::new(black_box(&chain)).to_svg()))
    });
    group.finish();
}

criterion_group!(benches, graph);
criterion_main!(benches);
