//! `Assign` keys are variable names: a Unicode identifier of at most 80
//! characters, never `states`, never a sub-path like `x.y`.

use crate::model::graph::{StateId, StateNode};
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::validate::payloads::{for_each_payload, Payload, Role};
use crate::Code;

const MAX_CHARS: usize = 80;

pub(crate) fn check(
    found: &mut Findings<'_>,
    machine: &Definition<'_>,
    id: StateId,
    node: &StateNode<'_>,
) {
    for_each_payload(node.state, node.language, |field, payload, role| {
        let Payload::Object(assign) = payload else {
            return;
        };
        let template = match role {
            Role::AssignTemplate => true,
            Role::AssignJsonata => false,
            _ => return,
        };
        for key in assign.keys() {
            let name = if template {
                key.strip_suffix(".$").unwrap_or(key)
            } else {
                key.as_str()
            };
            if let Some(problem) = name_problem(name) {
                found.error(
                    field.at(machine.state_path(id)).key(key),
                    Code::InvalidVariableName,
                    problem,
                );
            }
        }
    });
}

/// What is wrong with `name` as a variable name, if anything.
pub(crate) fn name_problem(name: &str) -> Option<String> {
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return Some("a variable name cannot be empty".to_owned());
    };
    if name == "states" {
        return Some("`states` is reserved for `$states`; choose another name".to_owned());
    }
    if name.chars().count() > MAX_CHARS {
        return Some(format!(
            "a variable name has at most {MAX_CHARS} characters"
        ));
    }
    let starts = first.is_alphabetic() || first == '_';
    let bad = chars.find(|&c| !(c.is_alphanumeric() || c == '_'));
    if !starts || bad.is_some() {
        let what = match bad {
            Some('.' | '[') => {
                " (sub-paths cannot be assigned; assign the whole variable)".to_owned()
            }
            Some(c) if starts => format!(" ({c:?} is not allowed)"),
            _ => " (it must start with a letter or `_`)".to_owned(),
        };
        return Some(format!(
            "`{name}` is not a variable name: use letters, digits and `_`{what}"
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::name_problem;
    use crate::validate::rules::test_util::{one_state, paths};
    use crate::Code;

    #[test]
    fn knows_identifiers() {
        for good in ["x", "_tmp", "orderId2", "ünïcödé", "名前"] {
            assert_eq!(name_problem(good), None, "{good}");
        }
        for bad in [
            "",
            "states",
            "top-level",
            "x.y",
            "x[2]",
            "2x",
            &"a".repeat(81),
        ] {
            assert!(name_problem(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn checks_state_rule_and_catcher_assign_in_both_languages() {
        let text = one_state(
            r#"{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
                "Assign": {"ok": 1, "x.y.$": "$.a", "fine.$": "$.b"},
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Done", "Assign": {"states": 1}}]}"#,
        );
        assert_eq!(
            paths(&text, Code::InvalidVariableName),
            [
                r#"States.S.Assign["x.y.$"]"#,
                "States.S.Catch[0].Assign.states"
            ]
        );
        let jsonata = one_state(
            r#"{"Type": "Pass", "QueryLanguage": "JSONata", "End": true, "Assign": {"top-level": 1}}"#,
        );
        assert_eq!(
            paths(&jsonata, Code::InvalidVariableName),
            ["States.S.Assign.top-level"]
        );
    }
}
