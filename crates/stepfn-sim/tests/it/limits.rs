//! Scale and limits: nothing recurses per state or item, the history cap
//! of Standard executions, and the transition budget.

use stepfn_sim::Status;

use crate::support::sim;

/// Runs `f` on a thread with a 2 MiB stack, as `cargo test` threads have.
fn small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}

const COUNTER: &str = r#"{"StartAt": "Add", "States": {
    "Add": {"Type": "Pass", "Parameters": {"n.$": "States.MathAdd($.n, 1)", "limit.$": "$.limit"}, "Next": "Check"},
    "Check": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericLessThanPath": "$.limit", "Next": "Add"}],
              "Default": "Done"},
    "Done": {"Type": "Succeed"}}}"#;

#[test]
fn a_hundred_thousand_item_map_on_a_small_stack() {
    let run = small_stack(|| {
        let items: Vec<u32> = (0..100_000).collect();
        let r = sim(r#"{"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
                "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}}}}}"#)
            .express(true)
            .history(false)
            .inspection(false)
            .payload_limit(None)
            .run(serde_json::json!(items))
            .unwrap();
        (
            r.status(),
            r.output()
                .map(|o| matches!(o, stepfn::model::Json::Array(a) if a.len() == 100_000)),
        )
    });
    assert_eq!(run, (Status::Succeeded, Some(true)));
}

#[test]
fn a_long_express_loop_on_a_small_stack() {
    let (status, output) = small_stack(|| {
        let r = sim(COUNTER)
            .express(true)
            .history(false)
            .inspection(false)
            .run(r#"{"n": 0, "limit": 100000}"#)
            .unwrap();
        (r.status(), r.output_text())
    });
    assert_eq!(status, Status::Succeeded);
    assert_eq!(output.as_deref(), Some(r#"{"n":100000,"limit":100000}"#));
}

#[test]
fn standard_executions_stop_at_25000_history_events() {
    let r = sim(COUNTER)
        .history(false)
        .run(r#"{"n": 0, "limit": 100000}"#)
        .unwrap();
    assert_eq!(r.status(), Status::Failed);
    assert_eq!(r.error(), Some("States.Runtime"));
    assert!(r.cause().unwrap().contains("25000"));
}

#[test]
fn an_endless_loop_ends_at_the_transition_budget() {
    let r = sim(COUNTER)
        .express(true)
        .history(false)
        .inspection(false)
        .max_transitions(1000)
        .run(r#"{"n": 0, "limit": 1e9}"#)
        .unwrap();
    assert_eq!(r.status(), Status::Aborted);
    assert_eq!(r.transitions(), 1000);
    assert!(r.cause().unwrap().contains("transition budget"));
}
