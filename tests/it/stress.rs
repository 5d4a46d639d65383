//! Shapes that once exhausted the stack or took quadratic time: every API
//! either works on them or returns an error, on a 2 MiB thread.

use stepfn::builder::{Chain, Condition, Map, Parallel, Pass, StateMachine};
use stepfn::validate::Validator;
use stepfn::Code;

/// Runs `f` on a thread with a 2 MiB stack, as test threads and many
/// programs' worker threads have.
fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("no stack overflow");
}

fn nested_parallels(levels: usize) -> Chain {
    let mut chain = Chain::start(Pass::new("Leaf"));
    for i in 0..levels {
        chain = Chain::start(Parallel::new(format!("P{i}")).branch(chain));
    }
    chain
}

#[test]
fn nesting_parallels_past_what_json_holds_is_refused_as_it_is_built() {
    on_small_stack(|| {
        let chain = nested_parallels(30_000);
        let copy = chain.clone();
        drop(copy);
        let errors = StateMachine::new(chain).build().unwrap_err();
        assert!(
            errors.iter().all(|e| e.code() == Code::TooDeeplyNested),
            "{errors}"
        );
        assert!(
            errors.to_string().contains("child state machine"),
            "{errors}"
        );
    });
}

#[test]
fn nesting_maps_past_what_json_holds_is_refused_too() {
    on_small_stack(|| {
        let mut chain = Chain::start(Pass::new("Leaf"));
        for i in 0..10_000 {
            chain = Chain::start(Map::new(format!("M{i}"), chain));
        }
        let errors = StateMachine::new(chain.clone()).build().unwrap_err();
        assert_eq!(errors.as_slice()[0].code(), Code::TooDeeplyNested);
    });
}

#[test]
fn nesting_within_the_limit_builds_clones_writes_and_drops() {
    on_small_stack(|| {
        let chain = nested_parallels(40);
        let json = StateMachine::new(chain.clone()).to_json().expect("builds");
        let machine = stepfn::read::read_str(&json).expect("reads back");
        assert!(Validator::new().is_valid(&machine));
    });
}

#[test]
fn conditions_nested_a_hundred_thousand_deep_are_an_error_not_a_crash() {
    on_small_stack(|| {
        let mut not = Condition::is_present("$.a", true);
        let mut and = Condition::is_present("$.a", true);
        for _ in 0..100_000 {
            not = Condition::not(not);
            and = Condition::and([and, Condition::is_null("$.b", true)]);
        }
        assert!(not.to_json().is_err());
        assert!(and.to_json().is_err());
        assert!(!not.to_string().is_empty());
        assert!(!and.to_string().is_empty());
        let copy = and.clone();
        drop(copy);
    });
}

#[test]
fn ten_thousand_dangling_nexts_each_get_their_error() {
    let states: Vec<String> = (0..10_000)
        .map(|i| format!(r#""State{i:05}": {{"Type": "Pass", "Next": "Stat{i:05}"}}"#))
        .collect();
    let text = format!(
        r#"{{"StartAt": "State00000", "States": {{{}, "Done": {{"Type": "Succeed"}}}}}}"#,
        states.join(", ")
    );
    let report = Validator::new().check_str(&text);
    let dangling = report
        .errors()
        .iter()
        .filter(|e| e.code() == Code::DanglingNext)
        .count();
    assert_eq!(dangling, 10_000);
    // the first ones still say what was probably meant
    assert!(report.errors()[0]
        .message()
        .contains("did you mean `State00000`?"));
}

#[test]
fn minus_zero_reads_back_as_it_was_written() {
    let text = r#"{"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": {"z": -0, "f": -0.0}, "End": true}}}"#;
    let machine = stepfn::read::read_str(text).unwrap();
    let written = machine.to_json_compact().unwrap();
    let again = stepfn::read::read_str(&written).unwrap();
    assert_eq!(machine, again);
    assert!(written.contains(r#""z":-0"#), "{written}");
}
