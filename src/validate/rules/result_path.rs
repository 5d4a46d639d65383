//! `ResultPath` (on a state or a catcher) is a reference path into the state's
//! input: not the context object (`$$`), not a variable.

use crate::model::graph::{StateId, StateNode};
use crate::model::State;
use crate::problem::Path;
use crate::syntax::{check_reference_path, PathRoot};
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::Code;

pub(crate) fn check(
    found: &mut Findings<'_>,
    machine: &Definition<'_>,
    id: StateId,
    node: &StateNode<'_>,
) {
    let own = match node.state {
        State::Task(s) => &s.result_path,
        State::Parallel(s) => &s.result_path,
        State::Map(s) => &s.result_path,
        State::Pass(s) => &s.result_path,
        _ => &None,
    };
    if let Some(Some(path)) = own {
        check_one(found, path, || machine.state_path(id).key("ResultPath"));
    }
    let catch = node.state.catchers();
    for (i, catcher) in catch.iter().enumerate() {
        if let Some(Some(path)) = &catcher.result_path {
            check_one(found, path, || {
                machine
                    .state_path(id)
                    .key("Catch")
                    .index(i)
                    .key("ResultPath")
            });
        }
    }
}

fn check_one(found: &mut Findings<'_>, path: &str, at: impl Fn() -> Path) {
    let message = match check_reference_path(path) {
        Ok(PathRoot::Input) => return,
        Ok(PathRoot::Context) => {
            format!("`{path}` writes into the context object, which is read-only: use a path starting with `$.`")
        }
        Ok(PathRoot::Variable(name)) => format!(
            "`{path}` writes into the variable `{name}`; `ResultPath` can only write into the state's input: use `Assign` to set variables"
        ),
        Err(e) => format!(
            "`{path}` is not a reference path (only `.field`, `['field']` and `[index]` steps): {} (at character {})",
            e.message,
            e.offset + 1
        ),
    };
    found.error(at(), Code::InvalidReferencePath, message);
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::{one_state, paths};
    use crate::Code;

    #[test]
    fn flags_context_variables_and_wildcards() {
        let text = one_state(
            r#"{"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Next": "Done",
                "ResultPath": "$$.Execution", "Catch": [
                    {"ErrorEquals": ["A"], "Next": "Done", "ResultPath": "$x.y"},
                    {"ErrorEquals": ["B"], "Next": "Done", "ResultPath": "$.items[*]"},
                    {"ErrorEquals": ["C"], "Next": "Done", "ResultPath": "$.error"},
                    {"ErrorEquals": ["States.ALL"], "Next": "Done", "ResultPath": null}]}"#,
        );
        assert_eq!(
            paths(&text, Code::InvalidReferencePath),
            [
                "States.S.ResultPath",
                "States.S.Catch[0].ResultPath",
                "States.S.Catch[1].ResultPath"
            ]
        );
    }
}
