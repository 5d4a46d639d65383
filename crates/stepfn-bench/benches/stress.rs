#![allow(missing_docs)] // criterion_group! generates undocumented items
//! Inputs under AWS's 1 MiB limit that once took quadratic time or exhausted
//! the stack: each must validate (or be refused) well within 100 ms.
//!
//! `cargo bench -p stepfn-bench --bench stress`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use stepfn::builder::{Chain, Condition, Parallel, Pass, StateMachine};
use stepfn::validate::Validator;

/// `n` Pass states, each with a `Next` to a state that does not exist.
fn dangling(n: usize) -> String {
    let states: Vec<String> = (0..n)
        .map(|i| format!(r#""S{i}":{{"Type":"Pass","Next":"T{i}"}}"#))
        .collect();
    format!(
        r#"{{"StartAt":"S0","States":{{{},"Done":{{"Type":"Succeed"}}}}}}"#,
        states.join(", ")
    )
}

/// One state whose `Next` and name are both 340,000 characters and differ.
fn long_names() -> String {
    let name = "a".repeat(340_000);
    let target = format!("{}b", "a".repeat(339_999));
    format!(
        r#"{{"StartAt": "{name}", "States": {{"{name}": {{"Type": "Pass", "Next": "{target}"}}}}}}"#
    )
}

/// `n` states no transition reaches.
fn unreachable(n: usize) -> String {
    let states: Vec<String> = (0..n)
        .map(|i| format!(r#""U{i}":{{"Type":"Succeed"}}"#))
        .collect();
    format!(
        r#"{{"StartAt": "Start", "States": {{"Start": {{"Type": "Succeed"}}, {}}}}}"#,
        states.join(", ")
    )
}

/// One Pass state whose `Parameters` holds `n` keys ending `.$` with bad paths.
fn bad_paths(n: usize) -> String {
    let fields: Vec<String> = (0..n).map(|i| format!(r#""k{i}.$":"$.[""#)).collect();
    format!(
        r#"{{"StartAt": "P", "States": {{"P": {{"Type": "Pass", "Parameters": {{{}}}, "End": true}}}}}}"#,
        fields.join(", ")
    )
}

fn stress(c: &mut Criterion) {
    let validator = Validator::new();
    let mut group = c.benchmark_group("stress");
    group.sample_size(10);
    for (name, text) in [
        ("dangling_next_10000", dangling(10_000)),
        ("dangling_next_26000", dangling(26_000)),
        ("long_next_and_name_340000", long_names()),
        ("unreachable_38000", unreachable(38_000)),
        ("bad_paths_in_one_object_60000", bad_paths(60_000)),
    ] {
        assert!(text.len() <= 1_100_000, "{name}: {} bytes", text.len());
        assert!(!validator.check_str(&text).is_valid(), "{name}");
        group.bench_function(name, |b| {
            b.iter(|| black_box(validator.check_str(black_box(&text))));
        });
    }
    group.bench_function("builder_30000_nested_parallels", |b| {
        b.iter(|| {
            let mut chain = Chain::start(Pass::new("Leaf"));
            for i in 0..30_000 {
                chain = Chain::start(Parallel::new(format!("P{i}")).branch(chain));
            }
            black_box(StateMachine::new(chain).build().is_err())
        });
    });
    group.bench_function("condition_not_100000", |b| {
        b.iter(|| {
            let mut condition = Condition::is_present("$.a", true);
            for _ in 0..100_000 {
                condition = Condition::not(condition);
            }
            black_box(condition.to_string())
        });
    });
    group.finish();
}

criterion_group!(benches, stress);
criterion_main!(benches);
