//! Conditions, built or parsed, put in a Choice state of a tiny machine pass
//! the [`Validator`], and survive a JSON round trip through the reader.

use crate::model::{
    Choice, ChoiceCondition, ChoiceRule, QueryLanguage, State, StateMachine, States, Succeed,
};
use crate::validate::{Report, Validator};

use super::Condition;

/// A machine whose Choice state `Pick` has one rule with `condition`, going
/// to `Done`, and `Done` as its default.
fn machine(condition: ChoiceCondition, language: Option<QueryLanguage>) -> StateMachine {
    let choice = Choice {
        comment: None,
        query_language: None,
        input_path: None,
        choices: vec![ChoiceRule {
            comment: None,
            condition,
            assign: None,
            output: None,
            next: "Done".to_owned(),
        }],
        default: Some("Done".to_owned()),
        output_path: None,
        output: None,
        assign: None,
    };
    let mut states = States::default();
    states.insert("Pick".to_owned(), State::from(choice));
    states.insert("Done".to_owned(), State::from(Succeed::default()));
    let mut machine = StateMachine::new("Pick", states);
    machine.query_language = language;
    machine
}

/// The validator's report on `condition` in a machine of `language`, also
/// checking that the machine's JSON reads back to the same machine.
fn check(condition: Condition, language: Option<QueryLanguage>) -> Report {
    let machine = machine(condition.into_model().unwrap(), language);
    let text = machine.to_json_compact().unwrap();
    assert_eq!(crate::read::read_str(&text).unwrap(), machine, "{text}");
    Validator::new().check(&machine)
}

/// Asserts that `condition` makes a valid JSONPath machine.
fn assert_valid(condition: Condition) {
    let shown = condition.to_string();
    let report = check(condition, None);
    assert!(
        report.errors().is_empty() && report.warnings().is_empty(),
        "{shown}: {:?} {:?}",
        report.errors(),
        report.warnings()
    );
}

#[test]
fn every_constructor_makes_a_valid_rule() {
    let ts = "2024-01-31T09:30:00Z";
    for c in [
        Condition::string_equals("$.v", "x"),
        Condition::string_less_than("$.v", "x"),
        Condition::string_greater_than("$.v", "x"),
        Condition::string_less_than_equals("$.v", "x"),
        Condition::string_greater_than_equals("$.v", "x"),
        Condition::string_equals_path("$.v", "$.p"),
        Condition::string_less_than_path("$.v", "$.p"),
        Condition::string_greater_than_path("$.v", "$.p"),
        Condition::string_less_than_equals_path("$.v", "$.p"),
        Condition::string_greater_than_equals_path("$.v", "$.p"),
        Condition::string_matches("$.v", r"log-\*-*.txt"),
        Condition::numeric_equals("$.v", 1),
        Condition::numeric_less_than("$.v", -2),
        Condition::numeric_greater_than("$.v", 2.5),
        Condition::numeric_less_than_equals("$.v", u64::MAX),
        Condition::numeric_greater_than_equals("$.v", i64::MIN),
        Condition::numeric_equals_path("$.v", "$.p"),
        Condition::numeric_less_than_path("$.v", "$.p"),
        Condition::numeric_greater_than_path("$.v", "$.p"),
        Condition::numeric_less_than_equals_path("$.v", "$.p"),
        Condition::numeric_greater_than_equals_path("$.v", "$.p"),
        Condition::boolean_equals("$.v", false),
        Condition::boolean_equals_path("$.v", "$.p"),
        Condition::timestamp_equals("$.v", ts),
        Condition::timestamp_less_than("$.v", ts),
        Condition::timestamp_greater_than("$.v", ts),
        Condition::timestamp_less_than_equals("$.v", ts),
        Condition::timestamp_greater_than_equals("$.v", ts),
        Condition::timestamp_equals_path("$.v", "$.p"),
        Condition::timestamp_less_than_path("$.v", "$.p"),
        Condition::timestamp_greater_than_path("$.v", "$.p"),
        Condition::timestamp_less_than_equals_path("$.v", "$.p"),
        Condition::timestamp_greater_than_equals_path("$.v", "$.p"),
        Condition::is_null("$.v", true),
        Condition::is_present("$.v", false),
        Condition::is_numeric("$.v", true),
        Condition::is_string("$.v", false),
        Condition::is_boolean("$.v", true),
        Condition::is_timestamp("$.v", true),
    ] {
        assert_valid(c);
    }
}

#[test]
fn parsed_expressions_make_valid_rules() {
    for src in [
        "$.status == 'FAILED' || $.attempts > 5",
        "!is_present($.token) && ($.retries >= 3 || $$.Execution.Name == 'test')",
        "$.due < timestamp($.now) && $.kind != null",
        "$.t >= timestamp('2024-01-31T09:30:00.123+01:00')",
        "5 < $.n && $.n <= number($counter.max) && !($.n == 7)",
        "$['my key'] != 'x' || $.items[0].ok == bool($.expected)",
        "matches($.file, 'log-*.txt') && is_string($.file)",
        "and(or(is_numeric($.n)), !!is_null($.n), $.n == 1.5e3)",
        "$.a[?(@.b > 1)].c == 'x'",
        "timestamp($.t) < '2024-01-31T09:30:00Z'",
        "$.n == 123456789012345678901234567890",
    ] {
        assert_valid(Condition::parse(src).unwrap());
    }
}

#[test]
fn the_deepest_parse_stays_within_the_nesting_limits() {
    let deep = format!("{}$.a == 1{}", "($.b == 2 && ".repeat(100), ")".repeat(100));
    assert_valid(Condition::parse(&deep).unwrap());
    let bangs = format!("{}is_null($.a)", "!".repeat(100));
    assert_valid(Condition::parse(&bangs).unwrap());
}

#[test]
fn jsonata_conditions_are_valid_in_jsonata_machines() {
    let report = check(
        Condition::jsonata("$states.input.n > 5"),
        Some(QueryLanguage::Jsonata),
    );
    assert!(report.errors().is_empty(), "{:?}", report.errors());
}

#[test]
fn the_validator_still_sees_what_the_parser_does_not_check() {
    let report = check(
        Condition::parse("$.t < timestamp('yesterday') && $.a... == 1").unwrap(),
        None,
    );
    let codes: Vec<_> = report.errors().iter().map(|e| e.code()).collect();
    assert_eq!(
        codes,
        [crate::Code::InvalidTimestamp, crate::Code::InvalidPath],
        "{:?}",
        report.errors()
    );
}
