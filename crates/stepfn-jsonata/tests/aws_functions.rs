//! The functions AWS Step Functions adds to JSONata, and the evaluation
//! environment: a fixed clock and seed make evaluation repeatable.

use stepfn::model::Json;
use stepfn_jsonata::{Bindings, Environment, Expression};

/// Evaluates `expr` with no input in `env`, as compact JSON text
/// (`undefined` for no result, the error code for an error).
fn eval_in(expr: &str, env: &Environment) -> String {
    match Expression::compile(expr).and_then(|e| e.evaluate_with(None, &Bindings::new(), env)) {
        Ok(Some(json)) => stepfn_jsonata::to_json_text(&json, 0),
        Ok(None) => "undefined".to_string(),
        Err(e) => e.code.to_string(),
    }
}

fn eval(expr: &str) -> String {
    eval_in(expr, &Environment::new().at_millis(0).with_seed(3))
}

#[test]
fn partition_chunks_arrays() {
    assert_eq!(eval("$partition([1,2,3,4,5], 2)"), "[[1,2],[3,4],[5]]");
    assert_eq!(eval("$partition([1,2,3], 2.9)"), "[[1,2],[3]]");
    assert_eq!(eval("$partition([1,2], 5)"), "[[1,2]]");
    assert_eq!(eval("$partition([], 2)"), "undefined");
    assert_eq!(eval("$partition([1,2], 0)"), "undefined");
    assert_eq!(eval("$partition('a', 'b')"), "T0410");
}

#[test]
fn range_counts_by_step() {
    assert_eq!(eval("$range(0, 10, 3)"), "[0,3,6,9]");
    // a sequence of one collapses to its item, as in AWS
    assert_eq!(eval("$range(1, 9, 9)"), "1");
    assert_eq!(eval("$range(5, 1, -2)"), "[5,3,1]");
    assert_eq!(eval("$range(0.9, 3.7, 1.2)"), "[0,1,2,3]");
    assert_eq!(eval("$range(1, 5)"), "undefined");
    assert_eq!(eval("$range(1, 5, 0)"), "undefined");
    assert_eq!(eval("$range(1, 5, -1)"), "undefined");
    assert_eq!(eval("$count($range(1, 360145, 1))"), "360145");
    assert_eq!(eval("$range(0, 360145, 1)"), "D3210");
}

#[test]
fn hash_digests_in_lowercase_hex() {
    assert_eq!(
        eval("$hash('input data', 'SHA-1')"),
        "\"aaff4a450a104cd177d28d18d74485e8cae074b7\""
    );
    assert_eq!(
        eval("$hash('abc', 'MD5')"),
        "\"900150983cd24fb0d6963f7d28e17f72\""
    );
    assert_eq!(
        eval("$hash('abc', 'SHA-256')"),
        "\"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad\""
    );
    assert_eq!(
        eval("$hash('abc', 'SHA-384')"),
        "\"cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7\""
    );
    assert_eq!(
        eval("$hash('abc', 'SHA-512')"),
        "\"ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f\""
    );
    assert_eq!(eval("$hash('abc')"), "undefined");
    assert_eq!(eval("$hash('abc', 'sha-1')"), "D3220");
    assert_eq!(
        eval("'abc' ~> $hash('MD5')"),
        "\"900150983cd24fb0d6963f7d28e17f72\""
    );
}

#[test]
fn random_with_a_seed_repeats() {
    assert_eq!(eval("$random(42) = $random(42)"), "true");
    assert_eq!(eval("$random(42) = $random(42.9)"), "true");
    assert_eq!(eval("$random(42) = $random(43)"), "false");
    assert_eq!(eval("$random() >= 0 and $random() < 1"), "true");
    let env = Environment::new().with_seed(11);
    assert_eq!(eval_in("$random()", &env), eval_in("$random()", &env));
    assert_eq!(
        eval_in("$shuffle([1,2,3,4,5,6,7,8])", &env),
        eval_in("$shuffle([1,2,3,4,5,6,7,8])", &env)
    );
    assert_eq!(eval("$sort($shuffle([3,1,2]))"), "[1,2,3]");
}

#[test]
fn uuid_is_version_4() {
    let id = eval("$uuid()");
    let id = id.trim_matches('"');
    let parts: Vec<&str> = id.split('-').collect();
    assert_eq!(
        parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
        vec![8, 4, 4, 4, 12]
    );
    assert!(parts[2].starts_with('4'), "{id}");
    assert!(
        matches!(parts[3].chars().next(), Some('8' | '9' | 'a' | 'b')),
        "{id}"
    );
    assert_eq!(eval("$uuid() = $uuid()"), "false");
}

#[test]
fn parse_reads_json_text() {
    assert_eq!(
        eval(r#"$parse('{"a": [1, 2.5, null], "b": "x"}')"#),
        r#"{"a":[1,2.5,null],"b":"x"}"#
    );
    assert_eq!(eval(r#"$parse('[1]')"#), "[1]");
    assert_eq!(eval(r#"$parse('{"a": 1}').a + 1"#), "2");
    assert_eq!(eval("$parse('nope')"), "D3240");
}

#[test]
fn eval_is_not_available() {
    assert_eq!(eval("$eval('1 + 1')"), "T1006");
}

#[test]
fn clock_fixes_now_and_millis() {
    let env = Environment::new().at_millis(1_521_801_216_617);
    assert_eq!(eval_in("$now()", &env), "\"2018-03-23T10:33:36.617Z\"");
    assert_eq!(eval_in("$millis()", &env), "1521801216617");
    assert_eq!(eval_in("$now('[Y]-[M01]', '+0100')", &env), "\"2018-03\"");
    assert_eq!(
        eval_in("$toMillis('2018-03-23T10:33:36.617Z')", &env),
        "1521801216617"
    );
}

#[test]
fn states_binding_as_a_simulator_uses_it() {
    let states: Json = serde_json::from_str(
        r#"{"input": {"orderId": "o-1", "items": [{"sku": "a", "qty": 2}, {"sku": "b", "qty": 0}]},
            "context": {"Execution": {"Id": "arn:aws:states:us-east-1:123:execution:m:e"}}}"#,
    )
    .unwrap();
    let expr = Expression::compile(
        r#"{"id": $states.input.orderId, "skus": $states.input.items[qty > 0].sku, "exec": $split($states.context.Execution.Id, ':')[-1]}"#,
    )
    .unwrap();
    let env = Environment::new();
    let bindings = Bindings::new().bind("states", &states);
    for _ in 0..3 {
        let out = expr.evaluate_with(None, &bindings, &env).unwrap().unwrap();
        assert_eq!(
            stepfn_jsonata::to_json_text(&out, 0),
            r#"{"id":"o-1","skus":"a","exec":"e"}"#
        );
    }
}
