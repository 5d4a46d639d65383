//! A JSONata expression is written `{% expression %}`: the whole string, with
//! blank space (a space or a line break) after `{%` and before `%}`; the
//! expression may span several lines. A value-typed field in a JSONata state
//! (a number, a boolean) that holds a string must hold such an expression.

use crate::model::graph::{StateId, StateNode};
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::validate::strings::{for_each_candidate, looks_like_expression, Expect};
use crate::Code;

pub(crate) fn check(
    found: &mut Findings<'_>,
    machine: &Definition<'_>,
    id: StateId,
    _: &StateNode<'_>,
) {
    for_each_candidate(machine, id, |c| {
        if looks_like_expression(c.text) {
            if !well_delimited(c.text) {
                found.error(
                    c.at,
                    Code::JsonataDelimiters,
                    "write a JSONata expression as `{% expression %}`: the whole string, opened by \
                     `{% ` and closed by ` %}`, with a space inside each delimiter",
                );
            }
        } else if c.expect == Expect::Expression {
            found.error(
                c.at,
                Code::ExpectedJsonata,
                format!(
                    "`{}` is neither a value of this field's type nor a `{{% expression %}}`",
                    c.text
                ),
            );
        }
    });
}

fn well_delimited(text: &str) -> bool {
    let Some(inner) = text
        .strip_prefix("{%")
        .and_then(|rest| rest.strip_suffix("%}"))
    else {
        return false;
    };
    inner.starts_with(char::is_whitespace)
        && inner.ends_with(char::is_whitespace)
        && !inner.trim().is_empty()
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::{one_state, paths};
    use crate::Code;

    fn pass(output: &str) -> String {
        one_state(&format!(
            r#"{{"Type": "Pass", "QueryLanguage": "JSONata", "Output": {output}, "Next": "Done"}}"#
        ))
    }

    #[test]
    fn flags_each_malformed_delimiter() {
        for bad in [
            r#""{%10%}""#,
            r#""{% 10 %""#,
            r#""10 %}""#,
            r#""{%  %}""#,
            r#""{%\n%}""#,
        ] {
            assert_eq!(
                paths(&pass(bad), Code::JsonataDelimiters),
                ["States.S.Output"],
                "{bad}"
            );
        }
        let nested = pass(r#"{"a": ["{% 1 %}", "{%2 %}"]}"#);
        assert_eq!(
            paths(&nested, Code::JsonataDelimiters),
            ["States.S.Output.a[1]"]
        );
        assert!(paths(&pass(r#""{% $states.input %}""#), Code::JsonataDelimiters).is_empty());
        for multi_line in [r#""{% \n10         %}""#, r#""{%\ntrue\n%}""#] {
            assert!(
                paths(&pass(multi_line), Code::JsonataDelimiters).is_empty(),
                "{multi_line}"
            );
        }
        assert!(paths(&pass(r#""100% sure""#), Code::JsonataDelimiters).is_empty());
    }

    #[test]
    fn a_typed_field_needs_an_expression_not_a_plain_string() {
        let text = one_state(
            r#"{"Type": "Wait", "QueryLanguage": "JSONata", "Seconds": "ten", "Next": "Done"}"#,
        );
        assert_eq!(paths(&text, Code::ExpectedJsonata), ["States.S.Seconds"]);
        let fine = one_state(
            r#"{"Type": "Wait", "QueryLanguage": "JSONata", "Seconds": "{% $states.input.n %}", "Next": "Done"}"#,
        );
        assert!(paths(&fine, Code::ExpectedJsonata).is_empty());
    }
}
