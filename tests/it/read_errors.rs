//! The reader reports every shape problem at once, each with its path, code and
//! position, and never overflows the stack.

use stepfn::read::read_str;
use stepfn::Code;

/// The problems of `text` as `line:col path code` lines.
fn problems(text: &str) -> Vec<String> {
    match read_str(text) {
        Ok(_) => Vec::new(),
        Err(errors) => errors
            .as_slice()
            .iter()
            .map(|e| {
                let at = e.position().expect("read from text");
                format!("{}:{} {} {}", at.line, at.column, e.path(), e.code())
            })
            .collect(),
    }
}

#[test]
fn reports_every_problem_of_a_document_in_source_order() {
    let text = r#"{
  "StartAt": "Fetch",
  "States": {
    "Fetch": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "TimeoutSeconds": 1.5,
      "Retry": [
        {"ErrorEquals": ["A"]},
        {"ErrorEquals": ["States.ALL"], "BackoffRate": "2", "JitterStrategy": "full"}
      ],
      "Next": "Done",
      "End": true
    },
    "Wait": {"Type": "Wait", "Seconds": 1, "Timestamp": "2024-01-01T00:00:00Z", "End": true},
    "Done": {"Type": "Succeed", "ResultPath": "$.x"},
    "Pick": {"Type": "Choice", "Choices": [{"Variable": "$.a", "StringEquals": "x", "IsNull": true, "Next": "Done"}]}
  },
  "Extra": 1
}"#;
    assert_eq!(
        problems(text),
        [
            "7:25 States.Fetch.TimeoutSeconds WRONG_TYPE",
            "10:56 States.Fetch.Retry[1].BackoffRate WRONG_TYPE",
            "10:79 States.Fetch.Retry[1].JitterStrategy INVALID_VALUE",
            "13:7 States.Fetch.End NEXT_AND_END",
            "15:13 States.Wait WAIT_NEEDS_EXACTLY_ONE",
            "16:33 States.Done.ResultPath FIELD_NOT_ALLOWED",
            "17:85 States.Pick.Choices[0] CHOICE_RULE_MULTIPLE_OPERATORS",
            "19:3 Extra UNKNOWN_FIELD",
        ]
    );
}

#[test]
fn every_shape_code_is_reported_where_it_applies() {
    let cases: &[(&str, &str, Code)] = &[
        ("[1,", "(root)", Code::InvalidJson),
        (r#"[]"#, "(root)", Code::WrongType),
        (r#"{"States": {}}"#, "StartAt", Code::MissingField),
        (
            r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true, "Foo": 1}}}"#,
            "States.A.Foo",
            Code::UnknownField,
        ),
        (
            r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true, "Retry": []}}}"#,
            "States.A.Retry",
            Code::FieldNotAllowed,
        ),
        (
            r#"{"StartAt": "A", "QueryLanguage": "JSONata", "States": {"A": {"Type": "Pass", "End": true, "InputPath": "$"}}}"#,
            "States.A.InputPath",
            Code::JsonpathFieldInJsonataState,
        ),
        (
            r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true, "Output": {}}}}"#,
            "States.A.Output",
            Code::JsonataFieldInJsonpathState,
        ),
        (
            r#"{"StartAt": "A", "StartAt": "B", "States": {}}"#,
            "StartAt",
            Code::DuplicateField,
        ),
        (
            r#"{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "r", "End": true, "TimeoutSeconds": 5, "TimeoutSecondsPath": "$.t"}}}"#,
            "States.A.TimeoutSecondsPath",
            Code::MutuallyExclusive,
        ),
        (
            r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "A", "End": true}}}"#,
            "States.A.End",
            Code::NextAndEnd,
        ),
        (
            r#"{"StartAt": "A", "States": {"A": {"Type": "Pass"}}}"#,
            "States.A",
            Code::MissingNextOrEnd,
        ),
        (
            r#"{"StartAt": "A", "States": {"A": {"Type": "Paralel", "End": true}}}"#,
            "States.A.Type",
            Code::InvalidStateType,
        ),
        (
            r#"{"StartAt": "A", "QueryLanguage": "jsonata", "States": {}}"#,
            "QueryLanguage",
            Code::InvalidQueryLanguage,
        ),
        (
            r#"{"StartAt": "A", "States": {"A": {"Type": "Choice", "Choices": [{"Next": "A"}]}}}"#,
            "States.A.Choices[0]",
            Code::ChoiceRuleNoOperator,
        ),
        (
            r#"{"StartAt": "A", "States": {"A": {"Type": "Wait", "End": true}}}"#,
            "States.A",
            Code::WaitNeedsExactlyOne,
        ),
        (
            r#"{"StartAt": "A", "States": {"A": {"Type": "Map", "End": true}}}"#,
            "States.A",
            Code::MapNeedsOneProcessor,
        ),
    ];
    for (text, path, code) in cases {
        let errors = read_str(text).expect_err(text);
        assert!(
            errors
                .as_slice()
                .iter()
                .any(|e| e.path() == *path && e.code() == *code),
            "{text}\nexpected {path} {code}, got:\n{errors}"
        );
    }
}

#[test]
fn messages_say_what_to_do() {
    let text = r#"{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true, "TimeoutSeconds": 3, "Reslt": 1}}}"#;
    let report = read_str(text).unwrap_err().to_string();
    assert_eq!(
        report,
        "1:64: States.A.TimeoutSeconds: FIELD_NOT_ALLOWED: `TimeoutSeconds` is not allowed on a \
         Pass state; it belongs on Task states\n\
         1:85: States.A.Reslt: UNKNOWN_FIELD: `Reslt` is not an ASL state field; did you mean `Result`?"
    );
}

#[test]
fn state_names_with_spaces_and_dots_are_quoted_in_paths() {
    let text = r#"{"StartAt": "a.b c", "States": {"a.b c": {"Type": "Pass"}}}"#;
    let errors = read_str(text).unwrap_err();
    assert_eq!(errors.as_slice()[0].path(), r#"States["a.b c"]"#);
}

#[test]
fn a_hundred_thousand_nested_arrays_in_parameters_is_an_error_not_a_crash() {
    let depth = 100_000;
    let text = format!(
        r#"{{"StartAt": "A", "States": {{"A": {{"Type": "Pass", "End": true, "Parameters": {}{}}}}}}}"#,
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let errors = read_str(&text).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors.as_slice()[0].code(), Code::TooDeeplyNested);
    assert_eq!(errors.as_slice()[0].line(), Some(1));
}

#[test]
fn nesting_up_to_the_limit_reads_and_writes() {
    let depth = stepfn::read::MAX_NESTING_DEPTH - 6;
    let text = format!(
        r#"{{"StartAt": "A", "States": {{"A": {{"Type": "Pass", "End": true, "Result": {}{}}}}}}}"#,
        "[".repeat(depth),
        "]".repeat(depth)
    );
    let machine = read_str(&text).expect("within the limit");
    let written = machine.to_json_compact().unwrap();
    assert_eq!(read_str(&written).unwrap(), machine);
}

/// A chain of `n` Pass states, each pointing at the next.
pub(crate) fn chain(n: usize) -> String {
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

#[test]
fn a_hundred_thousand_chained_states_read_and_write() {
    let machine = read_str(&chain(100_000)).expect("reads");
    assert_eq!(machine.states.len(), 100_000);
    let written = machine.to_json_pretty().unwrap();
    assert_eq!(read_str(&written).unwrap(), machine);
}

#[test]
fn serde_deserialize_uses_the_same_reader() {
    let ok: stepfn::model::StateMachine =
        serde_json::from_str(r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#).unwrap();
    assert_eq!(ok.start_at, "A");
    let err = serde_json::from_str::<stepfn::model::StateMachine>(
        r#"{"StartAt": "A", "States": {"A": {"Type": "Pass"}}}"#,
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("States.A: MISSING_NEXT_OR_END"),
        "{err}"
    );
}

#[test]
fn a_shape_error_does_not_hide_the_other_problems() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/definitions/shape-and-rules.asl.json"),
    )
    .unwrap();
    let report = stepfn::validate::Validator::new().check_str(&text);
    let found: Vec<(String, Code)> = report
        .errors()
        .iter()
        .map(|e| (e.path().to_string(), e.code()))
        .collect();
    assert_eq!(
        found,
        [
            ("States.Charge.TimeoutSeconds".to_owned(), Code::WrongType),
            ("States.Ship.InputPath".to_owned(), Code::InvalidPath),
            ("States.Ship.Next".to_owned(), Code::DanglingNext),
        ]
    );
    assert_eq!(
        report.errors()[2].message(),
        "there is no state named `Notify`"
    );
}

#[test]
fn a_state_that_does_not_read_causes_no_follow_on_problems() {
    let text = r#"{"StartAt": "A", "States": {
        "A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "B"},
        "B": {"Type": "Wait", "Next": "C"},
        "C": {"Type": "Pass", "Next": "D"},
        "D": {"Type": "Pas", "End": true}}}"#;
    let report = stepfn::validate::Validator::new().check_str(text);
    let codes: Vec<Code> = report.errors().iter().map(|e| e.code()).collect();
    // B and D do not read; nothing about A's `Next`, C's reachability or a
    // missing terminal state follows from that.
    assert_eq!(codes, [Code::WaitNeedsExactlyOne, Code::InvalidStateType]);
}

#[test]
fn a_misspelt_reader_setting_gets_a_suggestion() {
    let text = r#"{"StartAt": "M", "States": {"M": {"Type": "Map", "End": true,
        "ItemReader": {"Resource": "arn:aws:states:::s3:getObject",
            "ReaderConfig": {"InputType": "CVS", "CSVDelimiter": "PIPES"},
            "Parameters": {"Bucket": "b", "Key": "k"}},
        "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "P", "States": {"P": {"Type": "Succeed"}}}}}}"#;
    let errors = read_str(text).unwrap_err();
    let messages: Vec<&str> = errors.iter().map(|e| e.message()).collect();
    assert_eq!(
        messages,
        [
            "`CVS` is not an input type; did you mean \"CSV\"?",
            "`PIPES` is not a CSV delimiter; did you mean \"PIPE\"?"
        ]
    );
}
