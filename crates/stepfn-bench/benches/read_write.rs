#![allow(missing_docs)] // criterion_group! generates undocumented items
//! Reading and writing back ASL, against serde_json parsing and printing the same
//! bytes as a `serde_json::Value`.
//!
//! `cargo bench --bench read_write`

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// A definition with `n` states of the kinds real workflows use most: Tasks with
/// payloads, retries and catchers, Choices, Waits and Passes, chained in order.
fn definition(n: usize) -> String {
    let mut states = serde_json::Map::new();
    for i in 0..n {
        let next = if i + 1 == n {
            serde_json::json!({"End": true})
        } else {
            serde_json::json!({"Next": format!("Step {}", i + 1)})
        };
        let mut state = match i % 4 {
            0 => serde_json::json!({
                "Type": "Task",
                "Resource": "arn:aws:states:::lambda:invoke",
                "Parameters": {
                    "FunctionName": format!("arn:aws:lambda:us-east-1:123456789012:function:step-{i}"),
                    "Payload.$": "$",
                    "Options": {"retries": 3, "ratio": 0.75, "tags": ["a", "b"], "none": null}
                },
                "ResultSelector": {"body.$": "$.Payload"},
                "ResultPath": "$.result",
                "TimeoutSeconds": 30,
                "Retry": [{"ErrorEquals": ["States.Timeout"], "IntervalSeconds": 2, "MaxAttempts": 3, "BackoffRate": 2.0}],
                "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Failed"}]
            }),
            1 => serde_json::json!({
                "Type": "Choice",
                "Choices": [
                    {"Variable": "$.result.body.status", "StringEquals": "done", "Next": "Finished"},
                    {"And": [
                        {"Variable": "$.count", "NumericGreaterThan": 10},
                        {"Variable": "$.flag", "BooleanEquals": true}
                    ], "Next": "Finished"}
                ],
                "Default": format!("Step {}", i + 1)
            }),
            2 => {
                serde_json::json!({"Type": "Wait", "Seconds": 5, "Comment": "let the queue drain"})
            }
            _ => {
                serde_json::json!({"Type": "Pass", "Result": {"step": i, "ok": true}, "ResultPath": "$.pass"})
            }
        };
        if i % 4 != 1 {
            state
                .as_object_mut()
                .unwrap()
                .extend(next.as_object().unwrap().clone());
        }
        states.insert(format!("Step {i}"), state);
    }
    states.insert(
        "Failed".into(),
        serde_json::json!({"Type": "Fail", "Error": "StepFailed"}),
    );
    states.insert("Finished".into(), serde_json::json!({"Type": "Succeed"}));
    let machine =
        serde_json::json!({"Comment": "benchmark", "StartAt": "Step 0", "States": states});
    serde_json::to_string_pretty(&machine).unwrap()
}

fn serde_json_round_trip(text: &str) -> String {
    let value: serde_json::Value = serde_json::from_str(text).unwrap();
    serde_json::to_string_pretty(&value).unwrap()
}

fn stepfn_round_trip(text: &str) -> String {
    let machine = stepfn::read::read_str(text).unwrap();
    machine.to_json_pretty().unwrap()
}

fn ten_thousand_states(c: &mut Criterion) {
    let text = definition(10_000);
    let mut group = c.benchmark_group("10k_states");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("serde_json_value", |b| {
        b.iter(|| serde_json_round_trip(black_box(&text)))
    });
    group.bench_function("stepfn", |b| b.iter(|| stepfn_round_trip(black_box(&text))));
    group.finish();
}

/// Every valid file of the ASL corpus, when it is present beside the crate.
fn corpus_texts() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/asl-corpus");
    let Ok(verdicts) = std::fs::read_to_string(dir.join("verdicts.jsonl")) else {
        eprintln!(
            "notice: ASL corpus not found at {}; skipping the corpus benchmark",
            dir.display()
        );
        return Vec::new();
    };
    verdicts
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|v| v["expected"] == "valid")
        .filter_map(|v| std::fs::read_to_string(dir.join(v["file"].as_str()?)).ok())
        .collect()
}

fn corpus(c: &mut Criterion) {
    let texts = corpus_texts();
    if texts.is_empty() {
        return;
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("corpus_valid");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("serde_json_value", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| serde_json_round_trip(black_box(t)).len())
                .sum::<usize>()
        });
    });
    group.bench_function("stepfn", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| stepfn_round_trip(black_box(t)).len())
                .sum::<usize>()
        });
    });
    group.finish();
}

criterion_group!(benches, ten_thousand_states, corpus);
criterion_main!(benches);
