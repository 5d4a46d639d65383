//! JSONPath-mode values: Paths with Jayway's results (one node or an
//! array of matches) and the 18 intrinsic functions with the results AWS
//! gives.

use stepfn::model::Json;
use stepfn_sim::{evaluate_jsonpath, JsonPathScope};

fn json(text: &str) -> Json {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// The value of `text` on `input`, as compact JSON text, or the error code.
fn eval(text: &str, input: &str) -> String {
    let input = json(input);
    let scope = JsonPathScope::new(&input).seed(1);
    match evaluate_jsonpath(text, &scope) {
        Ok(value) => serde_json::to_string(&value).unwrap_or_default(),
        Err(e) => e.code.to_string(),
    }
}

const STORE: &str = r#"{"store": {"book": [
    {"category": "reference", "author": "Nigel Rees", "title": "Sayings", "price": 8.95},
    {"category": "fiction", "author": "Evelyn Waugh", "title": "Sword", "price": 12.99},
    {"category": "fiction", "author": "Herman Melville", "title": "Moby Dick", "isbn": "0-553", "price": 8.99}
  ], "bicycle": {"color": "red", "price": 19.95}}, "vals": [1, 2, 3, 4, 5]}"#;

#[test]
fn definite_paths_give_the_node_or_fail() {
    assert_eq!(eval("$.store.bicycle.color", STORE), r#""red""#);
    assert_eq!(
        eval("$['store']['book'][1]['author']", STORE),
        r#""Evelyn Waugh""#
    );
    assert_eq!(eval("$", r#"{"a": 1}"#), r#"{"a":1}"#);
    assert_eq!(eval("$.store.car", STORE), "States.Runtime");
    assert_eq!(eval("$.vals[9]", STORE), "States.Runtime");
    // a name on an array selects nothing
    assert_eq!(eval("$.vals.a", STORE), "States.Runtime");
}

#[test]
fn indefinite_paths_give_every_match_in_an_array() {
    assert_eq!(
        eval("$.store.book[*].author", STORE),
        r#"["Nigel Rees","Evelyn Waugh","Herman Melville"]"#
    );
    assert_eq!(eval("$..price", STORE), "[8.95,12.99,8.99,19.95]");
    assert_eq!(eval("$.vals[-3:]", STORE), "[3,4,5]");
    assert_eq!(eval("$.vals[1:4:2]", STORE), "[2,4]");
    assert_eq!(eval("$.vals[0,2]", STORE), "[1,3]");
    assert_eq!(
        eval("$.store.book[?(@.price < 10)].title", STORE),
        r#"["Sayings","Moby Dick"]"#
    );
    assert_eq!(
        eval("$.store.book[?(@.isbn)].title", STORE),
        r#"["Moby Dick"]"#
    );
    assert_eq!(
        eval(
            "$.store.book[?(@.category == 'fiction' && @.price > 10)].title",
            STORE
        ),
        r#"["Sword"]"#
    );
    assert_eq!(
        eval("$.store.book[?(!@.isbn)].price", STORE),
        "[8.95,12.99]"
    );
    assert_eq!(eval("$.items[*]", "{}"), "[]");
}

#[test]
fn script_indexes_and_a_final_merge_keep_a_path_definite() {
    assert_eq!(
        eval("$.store.book[(@.length-1)].title", STORE),
        r#""Moby Dick""#
    );
    assert_eq!(
        eval("$.store.bicycle['color','price']", STORE),
        r#"{"color":"red","price":19.95}"#
    );
}

#[test]
fn context_object_and_variables() {
    let input = json("{}");
    let context = json(r#"{"Map": {"Item": {"Index": 3}}}"#);
    let Json::Object(variables) = json(r#"{"limit": {"max": 10}}"#) else {
        unreachable!("an object")
    };
    let scope = JsonPathScope::new(&input)
        .context(&context)
        .variables(&variables);
    assert_eq!(
        evaluate_jsonpath("$$.Map.Item.Index", &scope),
        Ok(json("3"))
    );
    assert_eq!(evaluate_jsonpath("$limit.max", &scope), Ok(json("10")));
    let unknown = evaluate_jsonpath("$other", &scope).unwrap_err();
    assert_eq!(unknown.code, "States.Runtime");
    assert!(
        unknown
            .message
            .contains("The variable 'other' is not defined"),
        "{}",
        unknown.message
    );
}

#[test]
fn text_functions() {
    let input = r#"{"name": "Ann", "n": 2.5, "o": {"a": 1, "b": [true, null, "x"]}}"#;
    assert_eq!(
        eval("States.Format('Hi {}, n={}', $.name, $.n)", input),
        r#""Hi Ann, n=2.5""#
    );
    assert_eq!(
        eval("States.Format('{} {}', $.o, $.o.b)", input),
        r#""{a=1, b=[true, null, x]} [true, null, x]""#
    );
    assert_eq!(
        eval(r"States.Format('\{\} {}', null)", input),
        r#""{} null""#
    );
    assert_eq!(
        eval("States.JsonToString($.o)", input),
        r#""{\"a\":1,\"b\":[true,null,\"x\"]}""#
    );
    assert_eq!(
        eval("States.StringToJson('{\"k\": [1]}')", input),
        r#"{"k":[1]}"#
    );
    assert_eq!(eval("States.StringToJson('  ')", input), "null");
    assert_eq!(
        eval("States.StringToJson('{')", input),
        "States.IntrinsicFailure"
    );
    assert_eq!(
        eval("States.StringSplit(' , ', ',')", input),
        r#"[" "," "]"#
    );
    assert_eq!(eval("States.StringSplit(',,,,', ',')", input), "[]");
    assert_eq!(
        eval("States.StringSplit('This.is+a,test=string', '.+,=')", input),
        r#"["This","is","a","test","string"]"#
    );
    assert_eq!(
        eval("States.Base64Encode('Data to encode')", input),
        r#""RGF0YSB0byBlbmNvZGU=""#
    );
    assert_eq!(
        eval("States.Base64Decode('RGF0YSB0byBlbmNvZGU=')", input),
        r#""Data to encode""#
    );
    assert_eq!(
        eval("States.Base64Decode('!!')", input),
        "States.IntrinsicFailure"
    );
    assert_eq!(
        eval("States.Hash('input data', 'SHA-1')", input),
        r#""aaff4a450a104cd177d28d18d74485e8cae074b7""#
    );
    // `printf Ann | md5sum`
    assert_eq!(
        eval("States.Hash($.name, 'MD5')", input),
        r#""82e335f7ac0e0e412b2ae15abe662110""#
    );
    assert_eq!(
        eval("States.Hash('x', 'sha-256')", input),
        "INVALID_INTRINSIC"
    );
    assert_eq!(
        eval("States.Base64Encode($.n)", input),
        "States.IntrinsicFailure"
    );
    // what the validator cannot see fails when evaluated
    assert_eq!(
        eval("States.Hash('x', $.alg)", r#"{"alg": "sha-256"}"#),
        "States.IntrinsicFailure"
    );
}

#[test]
fn array_functions() {
    let input = r#"{"a": [1, 2, 3, 4, 5], "nested": [[1, 2, 3], 2]}"#;
    let zero = r#"{"a": [0]}"#;
    assert_eq!(
        eval("States.ArrayPartition($.a, $.a[0])", zero),
        "States.IntrinsicFailure"
    );
    assert_eq!(
        eval("States.ArrayRange(0, 5, $.a[0])", zero),
        "States.IntrinsicFailure"
    );
    assert_eq!(eval("States.Array()", input), "[]");
    assert_eq!(
        eval("States.Array(1, 'two', $.a[0], null)", input),
        r#"[1,"two",1,null]"#
    );
    assert_eq!(
        eval("States.ArrayPartition($.a, 2)", input),
        "[[1,2],[3,4],[5]]"
    );
    assert_eq!(
        eval("States.ArrayPartition($.a, 0)", input),
        "INVALID_INTRINSIC"
    );
    assert_eq!(
        eval(
            "States.ArrayContains($.nested, States.Array(1, 2, 3))",
            input
        ),
        "true"
    );
    assert_eq!(eval("States.ArrayContains($.a, 9)", input), "false");
    assert_eq!(eval("States.ArrayRange(0, 10, 3)", input), "[0,3,6,9]");
    assert_eq!(eval("States.ArrayRange(1, 9, 9)", input), "[1]");
    assert_eq!(eval("States.ArrayRange(5, 1, -2)", input), "[5,3,1]");
    assert_eq!(
        eval("States.ArrayRange(0, 1000, 1)", input),
        "States.IntrinsicFailure"
    );
    assert_eq!(
        eval("States.ArrayRange(0, 5, 0)", input),
        "INVALID_INTRINSIC"
    );
    assert_eq!(eval("States.ArrayGetItem($.a, 4)", input), "5");
    assert_eq!(
        eval("States.ArrayGetItem($.a, 5)", input),
        "States.IntrinsicFailure"
    );
    assert_eq!(eval("States.ArrayLength($.a)", input), "5");
    assert_eq!(
        eval(
            "States.ArrayUnique(States.Array(1, 1.0, 'x', 'x', $.nested))",
            input
        ),
        r#"[1,"x",[[1,2,3],2]]"#
    );
    assert_eq!(
        eval("States.ArrayLength($.nested[0][0])", input),
        "States.IntrinsicFailure"
    );
}

#[test]
fn object_and_math_functions() {
    let input = r#"{"a": {"x": 1, "in": {"p": 1}}, "b": {"in": {"q": 2}, "y": 3}}"#;
    assert_eq!(
        eval("States.JsonMerge($.a, $.b, $.b.y)", input),
        "States.IntrinsicFailure"
    );
    assert_eq!(
        eval("States.JsonMerge($.a, $.b, false)", input),
        r#"{"x":1,"in":{"q":2},"y":3}"#
    );
    assert_eq!(
        eval("States.JsonMerge($.a, $.b, true)", input),
        "INVALID_INTRINSIC"
    );
    assert_eq!(eval("States.MathAdd(1.5, 2.5)", input), "5");
    assert_eq!(eval("States.MathAdd(-1.5, -2.5)", input), "-3");
    assert_eq!(eval("States.MathAdd(-0.5, 10)", input), "10");
    assert_eq!(eval("States.MathRandom(7, 7)", input), "7");
    let seeded = eval("States.MathRandom(1, 1000, 42)", input);
    assert_eq!(seeded, eval("States.MathRandom(1, 1000, 42)", input));
    let n: i64 = seeded.parse().unwrap_or(0);
    assert!((1..=1000).contains(&n), "{seeded}");
}

#[test]
fn uuids_follow_the_seed() {
    let input = json("{}");
    let scope = JsonPathScope::new(&input).seed(9);
    let first = evaluate_jsonpath("States.UUID()", &scope);
    assert_eq!(first, evaluate_jsonpath("States.UUID()", &scope));
    let Ok(Json::String(uuid)) = first else {
        panic!("not a string: {first:?}");
    };
    assert_eq!(uuid.len(), 36);
    assert_eq!(uuid.as_bytes()[14], b'4');
}

#[test]
fn text_that_does_not_parse_names_the_validator_code() {
    assert_eq!(eval("$.a[", "{}"), "INVALID_PATH");
    assert_eq!(eval("States.Nope()", "{}"), "INVALID_INTRINSIC");
    let input = json("{}");
    let e = evaluate_jsonpath(
        "States.Format('{}', $.missing)",
        &JsonPathScope::new(&input),
    )
    .unwrap_err();
    assert_eq!((e.code, e.position), ("States.Runtime", 20));
}
