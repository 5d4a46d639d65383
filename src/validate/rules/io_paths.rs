//! `InputPath` and `OutputPath` are Paths (or null).

use crate::model::graph::{StateId, StateNode};
use crate::model::State;
use crate::syntax::check_path;
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::Code;

pub(crate) fn check(
    found: &mut Findings<'_>,
    machine: &Definition<'_>,
    id: StateId,
    node: &StateNode<'_>,
) {
    let (input, output) = match node.state {
        State::Task(s) => (&s.input_path, &s.output_path),
        State::Parallel(s) => (&s.input_path, &s.output_path),
        State::Map(s) => (&s.input_path, &s.output_path),
        State::Pass(s) => (&s.input_path, &s.output_path),
        State::Wait(s) => (&s.input_path, &s.output_path),
        State::Choice(s) => (&s.input_path, &s.output_path),
        State::Succeed(s) => (&s.input_path, &s.output_path),
        State::Fail(_) => return,
    };
    for (field, value) in [("InputPath", input), ("OutputPath", output)] {
        let Some(Some(path)) = value else { continue };
        if let Err(e) = check_path(path) {
            found.error(
                machine.state_path(id).key(field),
                Code::InvalidPath,
                format!(
                    "`{path}` is not a valid JSONPath: {} (at character {})",
                    e.message,
                    e.offset + 1
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::{one_state, paths};
    use crate::Code;

    #[test]
    fn flags_bad_paths_and_accepts_null() {
        let bad = one_state(
            r#"{"Type": "Pass", "InputPath": "States.Array($.x)", "OutputPath": "$.a[", "Next": "Done"}"#,
        );
        assert_eq!(
            paths(&bad, Code::InvalidPath),
            ["States.S.InputPath", "States.S.OutputPath"]
        );
        let good = one_state(
            r#"{"Type": "Pass", "InputPath": null, "OutputPath": "$.items[*].id", "Next": "Done"}"#,
        );
        assert!(paths(&good, Code::InvalidPath).is_empty());
    }
}
