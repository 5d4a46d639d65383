//! The intrinsics' results and failures, AWS's examples first.

use stepfn::model::Json;

use super::Intrinsic;
use crate::eval::{Env, EvalError, NoRoots};

fn run(call: &str, input: &str) -> Result<String, EvalError> {
    let roots = NoRoots::new();
    let input: Json = serde_json::from_str(input).unwrap();
    let env = Env {
        input: &input,
        roots: &roots,
    };
    let call = Intrinsic::parse(call).unwrap_or_else(|e| panic!("{call}: {e}"));
    call.evaluate(env)
        .map(|v| serde_json::to_string(&v).unwrap())
}

fn ok(call: &str, input: &str) -> String {
    run(call, input).unwrap_or_else(|e| panic!("{call}: {e}"))
}

fn fails(call: &str, input: &str) -> EvalError {
    run(call, input).expect_err(call)
}

#[test]
fn format_renders_values_as_aws_does() {
    assert_eq!(
        ok("States.Format('Hello, {}!', $.n)", r#"{"n":"Ann"}"#),
        r#""Hello, Ann!""#
    );
    assert_eq!(
        ok(
            "States.Format('x={}', $.obj)",
            r#"{"obj":{"Arg1":1,"Arg2":[]}}"#
        ),
        r#""x={Arg1=1, Arg2=[]}""#
    );
    assert_eq!(
        ok("States.Format('{} {} {} {}', 1, 1.5, true, null)", "{}"),
        r#""1 1.5 true null""#
    );
    assert_eq!(ok("States.Format('\\{\\}{}', 'a')", "{}"), r#""{}a""#);
    assert_eq!(ok("States.Format($.t, 2)", r#"{"t":"n={}"}"#), r#""n=2""#);
    let err = fails("States.Format($.t, 1)", r#"{"t":"{} {}"}"#);
    assert_eq!(err.error, "States.IntrinsicFailure");
}

#[test]
fn string_and_json_conversions() {
    assert_eq!(ok("States.StringToJson('')", "{}"), "null");
    assert_eq!(ok("States.StringToJson('  ')", "{}"), "null");
    assert_eq!(ok("States.StringToJson('-0')", "{}"), "0");
    assert_eq!(
        ok("States.StringToJson($.s)", r#"{"s":"{\"a\":[1,2]}"}"#),
        r#"{"a":[1,2]}"#
    );
    assert_eq!(
        fails("States.StringToJson('{')", "{}").error,
        "States.IntrinsicFailure"
    );
    assert_eq!(
        ok(
            "States.JsonToString($.o)",
            r#"{"o":{"name":"Foo","year":2020}}"#
        ),
        r#""{\"name\":\"Foo\",\"year\":2020}""#
    );
    assert_eq!(ok("States.JsonToString($.s)", r#"{"s":"x"}"#), r#""\"x\"""#);
    assert_eq!(ok("States.JsonToString($.n)", r#"{"n":null}"#), r#""null""#);
}

#[test]
fn string_split_drops_empty_pieces() {
    assert_eq!(ok("States.StringSplit('a,,b', ',')", "{}"), r#"["a","b"]"#);
    assert_eq!(ok("States.StringSplit(',,,,', ',')", "{}"), "[]");
    assert_eq!(ok("States.StringSplit(' , ', ',')", "{}"), r#"[" "," "]"#);
    assert_eq!(
        ok("States.StringSplit('This.is+a,test=string', '.+,=')", "{}"),
        r#"["This","is","a","test","string"]"#
    );
}

#[test]
fn arrays() {
    assert_eq!(ok("States.Array()", "{}"), "[]");
    assert_eq!(
        ok("States.Array(1, 'a', $.x)", r#"{"x":[true]}"#),
        r#"[1,"a",[true]]"#
    );
    assert_eq!(
        ok("States.ArrayPartition($.a, 2)", r#"{"a":[1,2,3,4,5]}"#),
        "[[1,2],[3,4],[5]]"
    );
    assert_eq!(ok("States.ArrayPartition($.a, 2)", r#"{"a":[]}"#), "[]");
    assert!(run("States.ArrayPartition($.a, $.n)", r#"{"a":[1],"n":0}"#).is_err());
    assert_eq!(
        ok(
            "States.ArrayContains($.a, $.v)",
            r#"{"a":[[1,2,3],2],"v":[1,2,3]}"#
        ),
        "true"
    );
    assert_eq!(ok("States.ArrayContains($.a, 1)", r#"{"a":[1.0]}"#), "true");
    assert_eq!(ok("States.ArrayContains($.a, 3)", r#"{"a":[1]}"#), "false");
    assert_eq!(ok("States.ArrayRange(0, 10, 3)", "{}"), "[0,3,6,9]");
    assert_eq!(ok("States.ArrayRange(1, 9, 9)", "{}"), "[1]");
    assert_eq!(ok("States.ArrayRange(5, 1, -2)", "{}"), "[5,3,1]");
    assert_eq!(ok("States.ArrayRange(5, 1, 2)", "{}"), "[]");
    assert_eq!(
        ok("States.ArrayRange(1, 1000, 1)", "{}")
            .matches(',')
            .count(),
        999
    );
    assert_eq!(
        fails("States.ArrayRange(0, 1000, 1)", "{}").error,
        "States.IntrinsicFailure"
    );
    assert!(run("States.ArrayRange(0, 10, $.z)", r#"{"z":0}"#).is_err());
    assert_eq!(ok("States.ArrayGetItem($.a, 1)", r#"{"a":[1,2]}"#), "2");
    assert!(run("States.ArrayGetItem($.a, 2)", r#"{"a":[1,2]}"#).is_err());
    assert_eq!(ok("States.ArrayLength($.a)", r#"{"a":[1,2]}"#), "2");
    assert_eq!(
        ok("States.ArrayUnique($.a)", r#"{"a":[1,2,1.0,[1],[1],"1"]}"#),
        r#"[1,2,[1],"1"]"#
    );
    assert_eq!(
        ok(
            "States.JsonMerge($.a, $.b, false)",
            r#"{"a":{"x":1,"y":{"p":1}},"b":{"y":{"q":2},"z":3}}"#
        ),
        r#"{"x":1,"y":{"q":2},"z":3}"#
    );
    assert!(run(
        "States.JsonMerge($.a, $.b, $.deep)",
        r#"{"a":{},"b":{},"deep":true}"#
    )
    .is_err());
}

#[test]
fn base64_and_hash() {
    assert_eq!(
        ok("States.Base64Encode('Data to encode')", "{}"),
        r#""RGF0YSB0byBlbmNvZGU=""#
    );
    assert_eq!(ok("States.Base64Encode('')", "{}"), r#""""#);
    assert_eq!(
        ok("States.Base64Decode('RGF0YSB0byBlbmNvZGU=')", "{}"),
        r#""Data to encode""#
    );
    assert!(run("States.Base64Decode('*')", "{}").is_err());
    let long = format!(r#"{{"s":"{}"}}"#, "a".repeat(10_001));
    assert!(run("States.Base64Encode($.s)", &long).is_err());
    assert_eq!(
        ok("States.Hash('input data', 'SHA-1')", "{}"),
        r#""aaff4a450a104cd177d28d18d74485e8cae074b7""#
    );
    assert_eq!(
        ok("States.Hash('', 'MD5')", "{}"),
        r#""d41d8cd98f00b204e9800998ecf8427e""#
    );
    assert_eq!(ok("States.Hash('abc', 'SHA-256')", "{}").len(), 66);
    assert!(run("States.Hash('abc', $.alg)", r#"{"alg":"sha-256"}"#).is_err());
}

#[test]
fn math_rounds_as_java_does() {
    assert_eq!(ok("States.MathAdd(1.5, 0)", "{}"), "2");
    assert_eq!(ok("States.MathAdd(2.5, 0)", "{}"), "3");
    assert_eq!(ok("States.MathAdd(-1.5, 0)", "{}"), "-1");
    assert_eq!(ok("States.MathAdd(-2.5, 0)", "{}"), "-2");
    assert_eq!(ok("States.MathAdd(-0.5, 0)", "{}"), "0");
    assert_eq!(ok("States.MathAdd($.n, 1)", r#"{"n":41}"#), "42");
    assert!(run("States.MathAdd($.s, 1)", r#"{"s":"1"}"#).is_err());
    let a = ok("States.MathRandom(1, 100, 7)", "{}");
    assert_eq!(a, ok("States.MathRandom(1, 100, 7)", "{}"));
    let n: i64 = a.parse().unwrap();
    assert!((1..=100).contains(&n));
    assert_eq!(ok("States.MathRandom(3, 3)", "{}"), "3");
    assert!(run("States.MathRandom($.a, 2)", r#"{"a":3}"#).is_err());
}

#[test]
fn uuids_come_from_the_seeded_generator() {
    let a = ok("States.UUID()", "{}");
    assert_eq!(a, ok("States.UUID()", "{}"));
    assert_eq!(a.len(), 38);
}

#[test]
fn a_missing_path_argument_is_a_runtime_error() {
    let err = fails("States.ArrayLength($.missing)", "{}");
    assert_eq!(err.error, "States.Runtime");
    assert_eq!(
        err.cause,
        "Invalid path '$.missing' : No results for path: $['missing']"
    );
    assert_eq!(ok("States.ArrayLength($.a[*].b)", r#"{"a":[]}"#), "0");
}
