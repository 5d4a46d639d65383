//! Parts of the input returned as results: numbers come back as JavaScript
//! reads them, and nesting is checked against the value-depth limit.

use stepfn::model::Json;
use stepfn_jsonata::{to_json_text, Bindings, Environment, Expression};

/// Evaluates `expr` against the JSON text `input`, as compact JSON text
/// (the error code for an error).
fn eval(expr: &str, input: &str, env: &Environment) -> String {
    let input: Json = serde_json::from_str(input).expect("test input is JSON");
    match Expression::compile(expr)
        .and_then(|e| e.evaluate_with(Some(&input), &Bindings::new(), env))
    {
        Ok(Some(json)) => to_json_text(&json, 0),
        Ok(None) => "undefined".to_string(),
        Err(e) => e.code.to_string(),
    }
}

#[test]
fn input_numbers_come_back_as_javascript_reads_them() {
    let env = Environment::new();
    let input = r#"{"a": {"x": 2.0, "y": [1e2, -0, 12345678901234567890, 0.5, "s", null, true]}}"#;
    assert_eq!(
        eval("a", input, &env),
        r#"{"x":2,"y":[100,0,12345678901234567000,0.5,"s",null,true]}"#
    );
    assert_eq!(
        eval("a.y", input, &env),
        "[100,0,12345678901234567000,0.5,\"s\",null,true]"
    );
    assert_eq!(eval("a.y[4]", input, &env), "\"s\"");
}

#[test]
fn deep_input_parts_are_converted_within_the_depth_limit() {
    let env = Environment::new();
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    // deeper than a plain copy takes, within the limit
    let input = format!("{{\"a\": {}}}", deep(100));
    assert_eq!(eval("a", &input, &env), deep(100));
    // beyond the value-depth limit (1,000)
    let mut json = Json::Array(Vec::new());
    for _ in 0..1100 {
        json = Json::Array(vec![json]);
    }
    let input = Json::Object([("a".to_string(), json)].into_iter().collect());
    let result = Expression::compile("a")
        .and_then(|e| e.evaluate_with(Some(&input), &Bindings::new(), &env));
    assert_eq!(result.map_err(|e| e.code), Err("U1001"));
}
