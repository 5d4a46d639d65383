#![allow(missing_docs)] // criterion_group! generates undocumented items
//! Diffing two 10,000-state definitions (blocks of 13 states nesting
//! Choice, Parallel and Map states): equal machines, and machines where one
//! field of every block changed. The baseline reads both texts into
//! `serde_json::Value`s and compares them with `==`, which says only
//! whether they differ.
//!
//! `cargo bench -p stepfn-bench --bench diff`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use stepfn_bench::inputs::nested;

fn read(text: &str) -> stepfn::model::StateMachine {
    match stepfn::read::read_str(text) {
        Ok(machine) => machine,
        Err(e) => panic!("benchmark definition does not read: {e}"),
    }
}

fn diff(c: &mut Criterion) {
    let old_text = nested(770);
    let new_text = old_text.replace(r#""MaxConcurrency": 5"#, r#""MaxConcurrency": 6"#);
    let (old, new) = (read(&old_text), read(&new_text));
    assert_eq!(stepfn::diff::diff(&old, &new).changes().len(), 770);
    let mut group = c.benchmark_group("diff_10000");
    group.sample_size(20);
    group.bench_function("equal_models", |b| {
        b.iter(|| black_box(stepfn::diff::diff(black_box(&old), black_box(&old))))
    });
    group.bench_function("770_changes_models", |b| {
        b.iter(|| black_box(stepfn::diff::diff(black_box(&old), black_box(&new))))
    });
    group.bench_function("770_changes_from_text", |b| {
        b.iter(|| {
            let (a, b) = (read(black_box(&old_text)), read(black_box(&new_text)));
            black_box(stepfn::diff::diff(&a, &b))
        })
    });
    group.bench_function("serde_json_value_eq_from_text", |b| {
        b.iter(|| {
            let a: serde_json::Value =
                serde_json::from_str(black_box(&old_text)).unwrap_or_default();
            let b: serde_json::Value =
                serde_json::from_str(black_box(&new_text)).unwrap_or_default();
            black_box(a == b)
        })
    });
    group.finish();
}

criterion_group!(benches, diff);
criterion_main!(benches);
