//! No panic on any valid definition and input: generated machines of every
//! state type, in both query languages, with generated inputs, run to an
//! end (or to the transition budget) and say how they ended.

use proptest::prelude::*;
use serde_json::{json, Value};
use stepfn_sim::{Simulator, Status};

/// A value a state may read: numbers, strings, arrays and objects with the
/// keys the generated paths use.
fn any_input() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-5i64..50).prop_map(|n| json!(n)),
        (-1e3f64..1e3).prop_map(|f| json!(f)),
        "[ab]{0,3}".prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((prop_oneof![Just("a"), Just("b"), Just("n")], inner), 0..4)
                .prop_map(|m| Value::Object(
                    m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
                )),
        ]
    })
}

/// A JSONPath Path or intrinsic a template value may hold.
fn any_reference() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("$".to_owned()),
        Just("$.a".to_owned()),
        Just("$.n".to_owned()),
        Just("$.a[0]".to_owned()),
        Just("$..b".to_owned()),
        Just("$.a[*].b".to_owned()),
        Just("$$.State.Name".to_owned()),
        Just("$$.Execution.Input".to_owned()),
        Just("States.MathAdd($.n, 1)".to_owned()),
        Just("States.Format('{}-{}', $.a, $.b)".to_owned()),
        Just("States.ArrayLength($.a)".to_owned()),
        Just("States.JsonToString($)".to_owned()),
        Just("States.StringToJson($.b)".to_owned()),
        Just("States.ArrayPartition($.a, 2)".to_owned()),
        Just("States.Hash($.b, 'SHA-256')".to_owned()),
        Just("States.UUID()".to_owned()),
    ]
}

/// A JSONata expression a JSONata field may hold.
fn any_expression() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("$states.input".to_owned()),
        Just("$states.input.a".to_owned()),
        Just("$states.input.n + 1".to_owned()),
        Just("$count($states.input.a)".to_owned()),
        Just("$string($states.input)".to_owned()),
        Just("$states.input.a[0].b".to_owned()),
        Just("$states.context.State.Name".to_owned()),
        Just("$uuid()".to_owned()),
        Just("$now()".to_owned()),
        Just("[1, 2][$ > $states.input.n]".to_owned()),
        Just("$states.input.b & 'x'".to_owned()),
    ]
}

/// One state named `S{i}` of `count`: each goes on to the next, so every
/// state is reachable; a Choice may also loop back, and only the last state
/// may end the machine (a Choice never is last).
fn any_state(i: usize, count: usize, jsonata: bool) -> BoxedStrategy<Value> {
    let last = i + 1 == count;
    let next = if last {
        json!({"End": true})
    } else {
        json!({"Next": format!("S{}", i + 1)})
    };
    let after = format!("S{}", i + 1);
    let back = move |k: usize| format!("S{}", i - k % (i + 1));
    let with_next = move |mut state: Value| {
        if let (Value::Object(s), Value::Object(n)) = (&mut state, &next) {
            s.extend(n.clone());
        }
        state
    };
    let mut options: Vec<BoxedStrategy<Value>> = Vec::new();
    if jsonata {
        options.push(
            (any_expression(), any_expression())
                .prop_map(move |(a, b)| {
                    json!({"Type": "Pass", "Output": {"x": format!("{{% {a} %}}")},
                        "Assign": {"v": format!("{{% {b} %}}")}})
                })
                .boxed(),
        );
        options.push(
            any_expression()
                .prop_map(move |a| {
                    json!({"Type": "Map", "Items": format!("{{% {a} %}}"),
                        "ItemProcessor": {"StartAt": format!("I{i}"), "States": {
                            format!("I{i}"): {"Type": "Pass", "Output": "{% $states.input %}", "End": true}}}})
                })
                .boxed(),
        );
        options.push(
            any_expression()
                .prop_map(
                    |a| json!({"Type": "Wait", "Seconds": 1, "Output": format!("{{% {a} %}}")}),
                )
                .boxed(),
        );
        if last {
            options.push(
                Just(json!({"Type": "Fail", "Error": "{% 'E' & $string($states.input.n) %}"}))
                    .boxed(),
            );
        } else {
            options.push(
                (any_expression(), 0usize..8)
                    .prop_map(move |(a, k)| {
                        json!({"Type": "Choice", "Choices": [
                            {"Condition": format!("{{% {a} = 1 %}}"), "Next": back(k)}],
                            "Default": after.clone()})
                    })
                    .boxed(),
            );
        }
    } else {
        options.push(
            (any_reference(), any_reference())
                .prop_map(|(a, b)| {
                    json!({"Type": "Pass", "Parameters": {"x.$": a, "y": 1}, "Assign": {"v.$": b},
                        "ResultPath": "$.out"})
                })
                .boxed(),
        );
        options.push(
            any_reference()
                .prop_map(move |a| {
                    json!({"Type": "Parallel", "ResultSelector": {"r.$": a}, "Branches": [
                        {"StartAt": format!("B{i}"), "States": {format!("B{i}"): {"Type": "Pass", "End": true}}}]})
                })
                .boxed(),
        );
        options.push(
            Just(json!({"Type": "Map", "ItemsPath": "$.a", "MaxConcurrency": 2,
                "ItemSelector": {"v.$": "$$.Map.Item.Value"},
                "ItemProcessor": {"StartAt": format!("I{i}"), "States": {format!("I{i}"): {"Type": "Pass", "End": true}}}}))
            .boxed(),
        );
        options.push(
            (0u32..3)
                .prop_map(|s| json!({"Type": "Wait", "Seconds": s}))
                .boxed(),
        );
        if last {
            options.push(
                Just(json!({"Type": "Fail", "ErrorPath": "$.b", "CausePath": "States.Format('{}', $.n)"}))
                    .boxed(),
            );
            options.push(Just(json!({"Type": "Succeed", "OutputPath": "$.a"})).boxed());
        } else {
            options.push(
                (0usize..8, -2i64..3)
                    .prop_map(move |(k, limit)| {
                        json!({"Type": "Choice", "Choices": [
                            {"Variable": "$.n", "NumericGreaterThan": limit, "Next": back(k)},
                            {"Not": {"Variable": "$.a", "IsPresent": true}, "Next": after.clone()}],
                            "Default": after.clone()})
                    })
                    .boxed(),
            );
        }
    }
    proptest::strategy::Union::new(options)
        .prop_map(move |state| match state["Type"].as_str() {
            Some("Choice" | "Fail" | "Succeed") => state,
            _ => with_next(state),
        })
        .boxed()
}

/// A machine of 1 to 6 generated states in one query language.
fn any_machine() -> impl Strategy<Value = Value> {
    (1usize..7, any::<bool>()).prop_flat_map(|(count, jsonata)| {
        let states: Vec<_> = (0..count).map(|i| any_state(i, count, jsonata)).collect();
        states.prop_map(move |states| {
            let mut machine = json!({"StartAt": "S0", "States": {}});
            if jsonata {
                machine["QueryLanguage"] = json!("JSONata");
            }
            for (i, state) in states.into_iter().enumerate() {
                machine["States"][format!("S{i}")] = state;
            }
            machine
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn valid_machines_run_to_an_end_without_panicking(machine in any_machine(), input in any_input(), seed in any::<u64>()) {
        let text = machine.to_string();
        let sim = match Simulator::from_json(&text) {
            Ok(sim) => sim,
            Err(e) => return Err(TestCaseError::fail(format!("{e}\n{text}"))),
        };
        let run = sim.seed(seed).max_transitions(500).run(input).expect("input is JSON");
        prop_assert_ne!(run.status(), Status::Running, "{}", text);
        if run.status() == Status::Succeeded {
            prop_assert!(run.output().is_some());
        } else {
            prop_assert!(run.error().is_some(), "{} ended {} without an error", text, run.status());
        }
    }
}
