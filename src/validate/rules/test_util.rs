//! Helpers for the rules' tests.

use crate::validate::Validator;
use crate::Code;

/// The paths of every problem with `code` when `text` is checked with the default rules.
pub(crate) fn paths(text: &str, code: Code) -> Vec<String> {
    paths_with(&Validator::new(), text, code)
}

/// As [`paths`], with a configured validator.
pub(crate) fn paths_with(validator: &Validator, text: &str, code: Code) -> Vec<String> {
    let report = validator.check_str(text);
    report
        .errors()
        .iter()
        .chain(report.warnings())
        .filter(|e| e.code() == code)
        .map(|e| e.path().to_string())
        .collect()
}

/// The messages of every problem with `code`.
pub(crate) fn messages(text: &str, code: Code) -> Vec<String> {
    let report = Validator::new().check_str(text);
    report
        .errors()
        .iter()
        .chain(report.warnings())
        .filter(|e| e.code() == code)
        .map(|e| e.message().to_owned())
        .collect()
}

/// A machine whose one state `S` is `state` (JSON text), plus a Succeed state `Done`.
pub(crate) fn one_state(state: &str) -> String {
    format!(r#"{{"StartAt": "S", "States": {{"S": {state}, "Done": {{"Type": "Succeed"}}}}}}"#)
}
