#![allow(missing_docs)] // criterion_group! generates undocumented items
//! Validating definitions: a chain of Pass states at several sizes (the cost
//! must grow linearly), and a 2,000-state definition nesting Choice, Parallel
//! and Map states.
//!
//! `cargo bench --bench validate`

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use stepfn::model::StateMachine;
use stepfn::validate::Validator;

/// `n` Pass states, each going to the next, the last one ending.
fn chain(n: usize) -> String {
    let mut text = String::from(r#"{"StartAt": "S0", "States": {"#);
    for i in 0..n {
        if i > 0 {
            text.push(',');
        }
        if i + 1 == n {
            text.push_str(&format!(r#""S{i}": {{"Type": "Pass", "End": true}}"#));
        } else {
            text.push_str(&format!(
                r#""S{i}": {{"Type": "Pass", "Next": "S{}"}}"#,
                i + 1
            ));
        }
    }
    text.push_str("}}");
    text
}

/// Blocks of 13 states chained one after another: a Choice with three rules,
/// a Task with retry and catch, a Parallel of two three-state branches, and a
/// Map whose processor holds a Choice, a Task and a Succeed.
fn nested(blocks: usize) -> String {
    let mut states = Vec::new();
    for b in 0..blocks {
        let next = if b + 1 == blocks {
            r#""End": true"#.to_owned()
        } else {
            format!(r#""Next": "Choose{}""#, b + 1)
        };
        states.push(format!(
            r#""Choose{b}": {{"Type": "Choice", "Default": "Work{b}", "Choices": [
                {{"Variable": "$.kind", "StringEquals": "a", "Next": "Work{b}"}},
                {{"And": [{{"Variable": "$.n", "NumericGreaterThan": 5}},
                          {{"Variable": "$.when", "TimestampLessThan": "2024-01-31T09:30:00Z"}}],
                  "Next": "Fan{b}"}},
                {{"Not": {{"Variable": "$.done", "BooleanEquals": true}}, "Next": "Each{b}"}}]}},
            "Work{b}": {{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "Parameters": {{"FunctionName": "f", "Payload.$": "$", "Id.$": "States.Format('{{}}-{b}', $.id)"}},
                "ResultSelector": {{"body.$": "$.Payload"}}, "ResultPath": "$.work",
                "Retry": [{{"ErrorEquals": ["States.Timeout"], "MaxAttempts": 2}}, {{"ErrorEquals": ["States.ALL"]}}],
                "Catch": [{{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Fan{b}"}}],
                "Next": "Fan{b}"}},
            "Fan{b}": {{"Type": "Parallel", "Next": "Each{b}", "ResultPath": "$.fan", "Branches": [
                {{"StartAt": "L{b}a", "States": {{
                    "L{b}a": {{"Type": "Pass", "Next": "L{b}b"}},
                    "L{b}b": {{"Type": "Wait", "Seconds": 1, "Next": "L{b}c"}},
                    "L{b}c": {{"Type": "Succeed"}}}}}},
                {{"StartAt": "R{b}a", "States": {{
                    "R{b}a": {{"Type": "Task", "Resource": "arn:aws:states:::sns:publish", "Next": "R{b}b"}},
                    "R{b}b": {{"Type": "Pass", "Result": {{"ok": true}}, "Next": "R{b}c"}},
                    "R{b}c": {{"Type": "Succeed"}}}}}}]}},
            "Each{b}": {{"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 5, "ResultPath": "$.each", {next},
                "ItemSelector": {{"item.$": "$$.Map.Item.Value", "index.$": "$$.Map.Item.Index"}},
                "ItemProcessor": {{"StartAt": "Check{b}", "States": {{
                    "Check{b}": {{"Type": "Choice", "Default": "Skip{b}", "Choices": [
                        {{"Variable": "$.item.ok", "IsPresent": true, "Next": "Handle{b}"}}]}},
                    "Handle{b}": {{"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem", "Next": "Skip{b}"}},
                    "Skip{b}": {{"Type": "Succeed"}}}}}}}}"#
        ));
    }
    format!(
        r#"{{"StartAt": "Choose0", "States": {{{}}}}}"#,
        states.join(",")
    )
}

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
