#![allow(missing_docs)] // criterion_group! generates undocumented items
//! Building machines with the builder and writing their JSON: the CDK's two
//! performance workloads (a chain of 10,000 Pass states; 500 Choice states
//! with 3 rules each), each measured two ways: `render`, what the CDK's
//! "graph render" figure covers (the states exist; assemble the definition and
//! serialize it), and `full`, the whole path of a user's program (make the
//! states, chain them, build with the validator's checks, serialize).
//!
//! `cargo bench --bench build`

use std::hint::black_box;

use criterion::measurement::WallTime;
use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkGroup, Criterion};
use stepfn::builder::{Chain, Choice, Condition, Goto, IntoChain, Pass, StateMachine, Succeed};
use stepfn::validate::Validator;

/// `n` Pass states chained with `.next()`.
fn pass_chain(n: usize) -> StateMachine {
    let mut chain = Chain::start(Pass::new("S0"));
    for i in 1..n {
        chain = chain.next(Pass::new(format!("S{i}")));
    }
    StateMachine::new(chain)
}

/// The CDK's `choice-ladder` workload: Choice `i` has a `NumericGreaterThan`
/// rule to Choice `i+1`, an `And(IsPresent, StringEquals)` rule to a shared
/// Succeed, a `BooleanEquals` rule to its own Pass, and Choice `i+1` as
/// otherwise; the last Choice's rules lead to the Succeed. 1,002 states.
fn choice_ladder(n: usize) -> StateMachine {
    let done = Succeed::new("Done");
    let rung = |i: usize, next: &str| {
        Choice::new(format!("Choice {i}"))
            .when(
                Condition::numeric_greater_than("$.n", i64::try_from(i).unwrap_or(0)),
                Goto::new(next),
            )
            .when(
                Condition::and([
                    Condition::is_present("$.kind", true),
                    Condition::string_equals("$.kind", "stop"),
                ]),
                done.clone(),
            )
            .when(
                Condition::boolean_equals("$.leaf", true),
                Pass::new(format!("Leaf {i}")),
            )
    };
    let mut ladder = rung(n - 1, "Done").otherwise(done.clone()).into_chain();
    for i in (0..n - 1).rev() {
        let next = ladder.start_state().to_owned();
        ladder = rung(i, &next).otherwise(ladder).into_chain();
    }
    StateMachine::new(ladder)
}

/// What the CDK's "graph render" figure covers: the states already exist;
/// assemble the definition and serialize it (freeing it is not timed).
fn render(group: &mut BenchmarkGroup<'_, WallTime>, name: &str, make: impl Fn() -> StateMachine) {
    group.bench_function(name, |b| {
        b.iter_batched(
            &make,
            |machine| {
                let (model, _) = machine.build_unchecked();
                (model.to_json_compact(), model)
            },
            BatchSize::LargeInput,
        );
    });
}

/// Everything a user's program does: make the states, chain them, build
/// (assemble and validate) and serialize.
fn full(group: &mut BenchmarkGroup<'_, WallTime>, name: &str, make: impl Fn() -> StateMachine) {
    group.bench_function(name, |b| b.iter(|| black_box(make().to_json())));
}

fn build(c: &mut Criterion) {
    let mut group = c.benchmark_group("build");
    group.sample_size(50);
    render(&mut group, "pass_chain_10000/render", || pass_chain(10_000));
    full(&mut group, "pass_chain_10000/full", || pass_chain(10_000));
    group.bench_function("pass_chain_10000/validate_only", |b| {
        let (model, _) = pass_chain(10_000).build_unchecked();
        let validator = Validator::new();
        b.iter(|| black_box(validator.check(&model)));
    });
    render(&mut group, "choice_ladder_500/render", || {
        choice_ladder(500)
    });
    full(&mut group, "choice_ladder_500/full", || choice_ladder(500));
    group.finish();
}

criterion_group!(benches, build);
criterion_main!(benches);
