//! The validator never panics or overflows, on any model, any text and any
//! nesting; and a model and its JSON text get the same verdict.

use proptest::prelude::*;
use stepfn::validate::{Report, Validator};
use stepfn::Code;

use super::fixtures::{corpus_dir, verdicts};
use stepfn_testkit::for_any_machine;

fn problems(report: &Report) -> Vec<(Code, String)> {
    let mut all: Vec<(Code, String)> = report
        .errors()
        .iter()
        .chain(report.warnings())
        .map(|e| (e.code(), e.path().to_string()))
        .collect();
    all.sort();
    all
}

#[test]
fn a_model_and_its_text_get_the_same_problems() {
    for_any_machine(256, |machine| {
        let validator = Validator::new();
        let from_model = validator.check(&machine);
        let text = machine.to_json_pretty().unwrap();
        let from_text = validator.check_str(&text);
        prop_assert_eq!(problems(&from_model), problems(&from_text), "{}", text);
        for e in from_text.errors() {
            prop_assert!(e.line().is_some() && e.column().is_some(), "{}", e);
        }
        Ok(())
    });
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn never_panics_on_mutated_corpus_files(
        file in 0usize..542,
        cut in 0usize..4000,
        at in 0usize..4000,
        insert in "[\\[\\]{}\",:0-9a-zA-Z.$%*' ()-]{0,12}",
    ) {
        let dir = corpus_dir();
        let all = verdicts(&dir);
        let bytes = std::fs::read(&all[file % all.len()].file).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let keep = text.len().saturating_sub(cut % 40);
        let mut mutated: String = text.char_indices().take_while(|(i, _)| *i < keep).map(|(_, c)| c).collect();
        let at = mutated.char_indices().map(|(i, _)| i).nth(at % mutated.len().max(1)).unwrap_or(0);
        mutated.insert_str(at, &insert);
        for validator in [Validator::new(), Validator::new().allow_resource_placeholders(true).express(true)] {
            let report = validator.check_str(&mutated);
            for e in report.errors() {
                prop_assert!(!e.message().is_empty() && !e.path().to_string().is_empty());
            }
        }
    }

    #[test]
    fn never_panics_on_arbitrary_text(text in "\\PC{0,300}") {
        let _ = Validator::new().check_str(&text);
    }

    #[test]
    fn never_panics_on_arbitrary_strings_in_checked_fields(
        value in "\\PC{0,40}",
        field in prop::sample::select(vec![
            "InputPath", "OutputPath", "ResultPath", "ItemsPath", "Parameters.x.$", "Output",
            "Arguments.a", "Assign.v", "Assign.v.$", "TimestampPath",
        ]),
    ) {
        let language = if matches!(field, "Output" | "Arguments.a") { "JSONata" } else { "JSONPath" };
        let value = serde_json::Value::String(value);
        let mut state = serde_json::json!({"Type": "Map", "QueryLanguage": language, "End": true,
            "ItemProcessor": {"StartAt": "I", "States": {"I": {"Type": "Succeed"}}}});
        let object = state.as_object_mut().unwrap();
        match field.split_once('.') {
            Some((outer, inner)) => { object.insert(outer.into(), serde_json::json!({inner: value})); }
            None => { object.insert(field.into(), value); }
        }
        let text = serde_json::json!({"StartAt": "S", "States": {"S": state}}).to_string();
        let _ = Validator::new().check_str(&text);
    }
}

/// `depth` Parallel states, each the only state of the branch of the one before.
fn nested_parallels(depth: usize) -> String {
    let mut text = String::new();
    for i in 0..depth {
        text.push_str(&format!(
            r#"{{"StartAt": "P{i}", "States": {{"P{i}": {{"Type": "Parallel", "End": true, "Branches": ["#
        ));
    }
    text.push_str(r#"{"StartAt": "Leaf", "States": {"Leaf": {"Type": "Succeed"}}}"#);
    for _ in 0..depth {
        text.push_str("]}}}");
    }
    text
}

#[test]
fn ten_thousand_nested_parallel_states_are_an_error_not_a_crash() {
    let report = Validator::new().check_str(&nested_parallels(10_000));
    assert_eq!(report.errors().len(), 1);
    assert_eq!(report.errors()[0].code(), Code::TooDeeplyNested);
}

#[test]
fn parallel_states_nest_as_deep_as_json_text_allows() {
    let report = Validator::new().check_str(&nested_parallels(60));
    assert!(report.is_valid(), "{:?}", report.errors());
}

#[test]
fn one_hundred_thousand_nested_arrays_are_an_error_not_a_crash() {
    let text = format!(
        r#"{{"StartAt": "A", "States": {{"A": {{"Type": "Pass", "End": true, "Result": {}1{}}}}}}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let report = Validator::new().check_str(&text);
    assert_eq!(report.errors()[0].code(), Code::TooDeeplyNested);
}

#[test]
fn one_hundred_thousand_chained_states_validate_without_overflow() {
    let mut text = String::from(r#"{"StartAt": "S0", "States": {"#);
    for i in 0..100_000 {
        text.push_str(&format!(
            r#""S{i}": {{"Type": "Pass", "Next": "S{}"}},"#,
            i + 1
        ));
    }
    text.push_str(r#""S100000": {"Type": "Succeed"}}}"#);
    let report = Validator::new().check_str(&text);
    // Every graph rule ran over the whole chain; only AWS's size limit objects.
    let codes: Vec<Code> = report.errors().iter().map(|e| e.code()).collect();
    assert_eq!(codes, [Code::DefinitionTooLarge]);
}
