//! Choice rule data tests: `Variable` and every `...Path` operand are Paths,
//! `Timestamp...` literals are RFC 3339, and `And`/`Or` are not empty.

use crate::model::graph::{StateId, StateNode};
use crate::model::{ChoiceCondition, Comparison, State};
use crate::syntax::{check_path, is_rfc3339};
use crate::validate::conditions::for_each_condition;
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::validate::payloads::extend;
use crate::Code;

pub(crate) fn check(
    found: &mut Findings<'_>,
    machine: &Definition<'_>,
    id: StateId,
    node: &StateNode<'_>,
) {
    let State::Choice(choice) = node.state else {
        return;
    };
    for_each_condition(choice, |steps, condition| {
        let at = || extend(machine.state_path(id), steps);
        let test = match condition {
            ChoiceCondition::And(rules) | ChoiceCondition::Or(rules) if rules.is_empty() => {
                let op = if matches!(condition, ChoiceCondition::And(_)) {
                    "And"
                } else {
                    "Or"
                };
                found.error(
                    at().key(op),
                    Code::EmptyArray,
                    format!("`{op}` needs at least one rule"),
                );
                return;
            }
            ChoiceCondition::Data(test) => test,
            _ => return,
        };
        if let Err(err) = check_path(&test.variable) {
            found.error(
                at().key("Variable"),
                Code::InvalidPath,
                format!(
                    "`{}` is not a valid JSONPath: {} (at character {})",
                    test.variable,
                    err.message,
                    err.offset + 1
                ),
            );
        }
        let operator = test.comparison.operator();
        match &test.comparison {
            c if operator.ends_with("Path") => {
                let path = operand_string(c);
                if let Err(err) = check_path(path) {
                    found.error(
                        at().key(operator),
                        Code::InvalidPath,
                        format!(
                            "`{operator}` compares with the value at a path, and `{path}` is \
                             not a valid JSONPath: {} (at character {}); to compare with a \
                             literal use `{}`",
                            err.message,
                            err.offset + 1,
                            operator.trim_end_matches("Path")
                        ),
                    );
                }
            }
            Comparison::TimestampEquals(t)
            | Comparison::TimestampLessThan(t)
            | Comparison::TimestampGreaterThan(t)
            | Comparison::TimestampLessThanEquals(t)
            | Comparison::TimestampGreaterThanEquals(t)
                if !is_rfc3339(t) =>
            {
                found.error(
                    at().key(operator),
                    Code::InvalidTimestamp,
                    format!("`{t}` is not an RFC 3339 timestamp such as `2024-01-31T09:30:00Z` (uppercase `T`, and `Z` or an offset like `+01:00`)"),
                );
            }
            _ => {}
        }
    });
}

/// The string operand of a `...Path` operator.
pub(crate) fn operand_string(c: &Comparison) -> &str {
    match c {
        Comparison::StringEqualsPath(s)
        | Comparison::StringLessThanPath(s)
        | Comparison::StringGreaterThanPath(s)
        | Comparison::StringLessThanEqualsPath(s)
        | Comparison::StringGreaterThanEqualsPath(s)
        | Comparison::NumericEqualsPath(s)
        | Comparison::NumericLessThanPath(s)
        | Comparison::NumericGreaterThanPath(s)
        | Comparison::NumericLessThanEqualsPath(s)
        | Comparison::NumericGreaterThanEqualsPath(s)
        | Comparison::BooleanEqualsPath(s)
        | Comparison::TimestampEqualsPath(s)
        | Comparison::TimestampLessThanPath(s)
        | Comparison::TimestampGreaterThanPath(s)
        | Comparison::TimestampLessThanEqualsPath(s)
        | Comparison::TimestampGreaterThanEqualsPath(s) => s,
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::{one_state, paths};
    use crate::Code;

    #[test]
    fn checks_variables_path_operands_and_timestamps_at_any_depth() {
        let text = one_state(
            r#"{"Type": "Choice", "Default": "Done", "Choices": [
                {"Variable": "status", "StringEquals": "x", "Next": "Done"},
                {"And": [{"Or": [{"Variable": "$", "StringLessThanPath": "x"}]},
                         {"Not": {"Variable": "$.t", "TimestampEquals": "2016-03-14T01:59:00"}}],
                 "Next": "Done"},
                {"Or": [], "Next": "Done"}]}"#,
        );
        assert_eq!(
            paths(&text, Code::InvalidPath),
            [
                "States.S.Choices[0].Variable",
                "States.S.Choices[1].And[0].Or[0].StringLessThanPath"
            ]
        );
        assert_eq!(
            paths(&text, Code::InvalidTimestamp),
            ["States.S.Choices[1].And[1].Not.TimestampEquals"]
        );
        assert_eq!(paths(&text, Code::EmptyArray), ["States.S.Choices[2].Or"]);
    }

    #[test]
    fn accepts_context_and_variable_paths() {
        let text = one_state(
            r#"{"Type": "Choice", "Default": "Done", "Choices": [
                {"Variable": "$$.Execution.Input.mode", "StringEqualsPath": "$expected", "Next": "Done"},
                {"Variable": "$.when", "TimestampLessThan": "2024-01-31T09:30:00.123+01:00", "Next": "Done"}]}"#,
        );
        let report = crate::validate::Validator::new().check_str(&text);
        assert!(report.errors().is_empty(), "{:?}", report.errors());
    }
}
