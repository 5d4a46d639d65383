//! Choice rules against AWS's observed verdicts.

use stepfn::model::{Json, State};

use super::Condition;
use crate::eval::{Env, EvalError, NoRoots};

/// Evaluates the rule `rule` (JSON text of one Choice rule without `Next`)
/// on `input`.
fn check(rule: &str, input: &str) -> Result<bool, EvalError> {
    let text = format!(
        r#"{{"StartAt":"C","States":{{"C":{{"Type":"Choice","Choices":[{}],"Default":"D"}},
            "D":{{"Type":"Succeed"}}}}}}"#,
        rule.replacen('{', r#"{"Next":"D","#, 1)
    );
    let machine = stepfn::read::read_str(&text).unwrap_or_else(|e| panic!("{rule}: {e}"));
    let State::Choice(choice) = &machine.states["C"] else {
        panic!("not a choice")
    };
    let condition = Condition::compile(&choice.choices[0].condition, &mut |_| 0).unwrap();
    let roots = NoRoots::new();
    let input: Json = serde_json::from_str(input).unwrap();
    condition.holds(
        Env {
            input: &input,
            roots: &roots,
        },
        &mut |_| Ok(false),
    )
}

fn holds(rule: &str, input: &str) -> bool {
    check(rule, input).unwrap_or_else(|e| panic!("{rule} on {input}: {e}"))
}

#[test]
fn type_mismatches_are_false() {
    assert!(holds(
        r#"{"Variable":"$.v","NumericEquals":1}"#,
        r#"{"v":1.0}"#
    ));
    assert!(!holds(
        r#"{"Variable":"$.v","NumericEquals":1}"#,
        r#"{"v":"1"}"#
    ));
    assert!(!holds(
        r#"{"Variable":"$.v","BooleanEquals":true}"#,
        r#"{"v":"true"}"#
    ));
    assert!(holds(
        r#"{"Variable":"$.v","IsBoolean":false}"#,
        r#"{"v":0}"#
    ));
    assert!(holds(
        r#"{"Variable":"$.v","IsNull":false}"#,
        r#"{"v":"x"}"#
    ));
    assert!(!holds(
        r#"{"Variable":"$.v","IsNull":false}"#,
        r#"{"v":null}"#
    ));
    assert!(!holds(
        r#"{"Variable":"$.v","StringEquals":"null"}"#,
        r#"{"v":null}"#
    ));
    for value in ["0", r#""HelloWorld""#] {
        let input = format!(r#"{{"v":{value}}}"#);
        assert!(!holds(
            r#"{"Variable":"$.v","TimestampEquals":"2012-10-09T19:00:55Z"}"#,
            &input
        ));
    }
}

#[test]
fn a_missing_variable_fails_except_under_is_present() {
    let err = check(r#"{"Variable":"$.x","StringEquals":"a"}"#, "{}").unwrap_err();
    assert_eq!(err.error, "States.Runtime");
    assert!(holds(r#"{"Variable":"$.x","IsPresent":false}"#, "{}"));
    assert!(!holds(r#"{"Variable":"$.x","IsPresent":true}"#, "{}"));
    assert!(!holds(
        r#"{"And":[{"Variable":"$.x","IsPresent":true},{"Variable":"$.x","StringEquals":"a"}]}"#,
        "{}"
    ));
    assert!(check(
        r#"{"Variable":"$.v","NumericEqualsPath":"$.w"}"#,
        r#"{"v":1}"#
    )
    .is_err());
}

#[test]
fn strings_compare_by_code_units() {
    assert!(!holds(
        r#"{"Variable":"$.v","StringLessThan":"A"}"#,
        r#"{"v":"AB"}"#
    ));
    assert!(holds(
        r#"{"Variable":"$.v","StringLessThan":"AB"}"#,
        r#"{"v":"A"}"#
    ));
    assert!(holds(
        r#"{"Variable":"$.v","StringGreaterThanEquals":""}"#,
        r#"{"v":""}"#
    ));
    // U+FF5E sorts after U+1F600 by UTF-16 code units (0xD83D < 0xFF5E is false).
    assert!(holds(
        r#"{"Variable":"$.v","StringGreaterThan":"😀"}"#,
        r#"{"v":"～"}"#
    ));
    assert!(holds(
        r#"{"Variable":"$.v","StringMatches":"log-*.txt"}"#,
        r#"{"v":"log-.txt"}"#
    ));
    assert!(holds(
        r#"{"Variable":"$.v","StringEqualsPath":"$.w"}"#,
        r#"{"v":"a","w":"a"}"#
    ));
}

#[test]
fn numbers_timestamps_and_logic() {
    assert!(holds(
        r#"{"Variable":"$.v","NumericGreaterThanEquals":2}"#,
        r#"{"v":2.0}"#
    ));
    assert!(holds(
        r#"{"Variable":"$.v","NumericLessThanPath":"$.w"}"#,
        r#"{"v":1,"w":1.5}"#
    ));
    assert!(holds(
        r#"{"Variable":"$.v","TimestampLessThan":"2016-03-14T02:00:00Z"}"#,
        r#"{"v":"2016-03-14T07:29:00+05:30"}"#
    ));
    assert!(holds(
        r#"{"Variable":"$.v","TimestampEquals":"2016-03-14T01:59:00Z"}"#,
        r#"{"v":"2016-03-14T01:59:00.000Z"}"#
    ));
    assert!(holds(
        r#"{"Variable":"$.v","IsTimestamp":true}"#,
        r#"{"v":"2016-03-14T01:59:00Z"}"#
    ));
    assert!(!holds(
        r#"{"Variable":"$.v","IsTimestamp":true}"#,
        r#"{"v":"2016-03-14T01:59:00"}"#
    ));
    assert!(holds(
        r#"{"Or":[{"Variable":"$.v","IsNull":true},{"Not":{"Variable":"$.v","IsString":true}}]}"#,
        r#"{"v":1}"#
    ));
}
