//! JSONata expressions must parse (`INVALID_JSONATA`), must not refer to `$`
//! or a bare field at their top level or to `$$` (`UNSUPPORTED_JSONATA_EXPRESSION`),
//! and may use `$states.result` only in a Task, Parallel or Map state's own
//! `Output`/`Assign` and `$states.errorOutput` only in a catcher.

use crate::model::graph::{StateId, StateNode};
use crate::model::State;
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::validate::jsonata::{check as check_expression, UnsupportedKind};
use crate::validate::payloads::Field;
use crate::validate::strings::{expression, for_each_candidate};
use crate::Code;

pub(crate) fn check(
    found: &mut Findings<'_>,
    machine: &Definition<'_>,
    id: StateId,
    node: &StateNode<'_>,
) {
    let has_result = matches!(
        node.state,
        State::Task(_) | State::Parallel(_) | State::Map(_)
    );
    for_each_candidate(machine, id, |c| {
        let Some(inner) = expression(c.text) else {
            return;
        };
        let analysis = match check_expression(inner) {
            Ok(analysis) => analysis,
            Err(e) => {
                found.error(
                    c.at,
                    Code::InvalidJsonata,
                    format!(
                        "the JSONata expression does not parse: {} (at character {})",
                        e.message,
                        e.offset + 1
                    ),
                );
                return;
            }
        };
        for u in &analysis.unsupported {
            let hint = match &u.kind {
                UnsupportedKind::TopLevelField(name) => {
                    format!("Start from `$states.input` (`$states.input.{name}`) or a variable.")
                }
                UnsupportedKind::TopLevelContext => "Use `$states.input`.".to_owned(),
                UnsupportedKind::DoubleDollar => {
                    "Use `$states.context` for the context object.".to_owned()
                }
            };
            let message = format!("{} {hint}", u.kind.message());
            found.error(c.at.clone(), Code::UnsupportedJsonataExpression, message);
        }
        for (name, _) in &analysis.states_fields {
            let allowed = match name.as_str() {
                "result" => has_result && matches!(c.field, Field::Top("Output" | "Assign")),
                "errorOutput" => matches!(c.field, Field::Catch(_, "Output" | "Assign")),
                _ => true,
            };
            if !allowed {
                let where_ = if name == "result" {
                    "a Task, Parallel or Map state's own `Output` and `Assign`"
                } else {
                    "a catcher's `Output` and `Assign`"
                };
                found.error(
                    c.at.clone(),
                    Code::StatesFieldNotAvailable,
                    format!(
                        "`$states.{name}` has no value in `{}`: it exists only in {where_}",
                        c.field.name()
                    ),
                );
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::{one_state, paths};
    use crate::Code;

    #[test]
    fn flags_expressions_that_do_not_parse() {
        let text = one_state(
            r#"{"Type": "Pass", "QueryLanguage": "JSONata", "Output": "{% (1 + %}", "Next": "Done"}"#,
        );
        assert_eq!(paths(&text, Code::InvalidJsonata), ["States.S.Output"]);
    }

    #[test]
    fn flags_top_level_references() {
        let text = one_state(
            r#"{"Type": "Pass", "QueryLanguage": "JSONata", "Next": "Done",
                "Output": {"a": "{% phone %}", "b": "{% $$.Execution.Id %}", "c": "{% $states.input.phone %}"}}"#,
        );
        assert_eq!(
            paths(&text, Code::UnsupportedJsonataExpression),
            ["States.S.Output.a", "States.S.Output.b"]
        );
    }

    #[test]
    fn states_result_only_in_task_output_and_error_output_only_in_catchers() {
        let text = one_state(
            r#"{"Type": "Task", "QueryLanguage": "JSONata", "Resource": "arn:aws:states:::lambda:invoke",
                "Arguments": {"x": "{% $states.result %}"},
                "Output": "{% $states.result.Payload %}",
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Done",
                    "Output": "{% $states.result %}", "Assign": {"e": "{% $states.errorOutput %}"}}],
                "Next": "Done"}"#,
        );
        assert_eq!(
            paths(&text, Code::StatesFieldNotAvailable),
            ["States.S.Arguments.x", "States.S.Catch[0].Output"]
        );
        let pass = one_state(
            r#"{"Type": "Pass", "QueryLanguage": "JSONata", "Output": "{% $states.result %}", "Next": "Done"}"#,
        );
        assert_eq!(
            paths(&pass, Code::StatesFieldNotAvailable),
            ["States.S.Output"]
        );
    }
}
