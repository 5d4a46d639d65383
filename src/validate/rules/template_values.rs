//! In a payload template, a key ending `.$` takes a string that is a Path
//! (`$.x`, `$$.Execution.Id`, `$var`) or an intrinsic function call.

use crate::model::graph::{StateId, StateNode};
use crate::syntax::check_path_or_intrinsic;
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::validate::payloads::{extend, for_each_payload, walk, Role};
use crate::Code;

pub(crate) fn check(
    found: &mut Findings<'_>,
    machine: &Definition<'_>,
    id: StateId,
    node: &StateNode<'_>,
) {
    for_each_payload(node.state, node.language, |field, payload, role| {
        if !matches!(role, Role::Template | Role::AssignTemplate) {
            return;
        }
        walk(payload, |steps, node| {
            let Some(object) = node.object() else { return };
            for (key, value) in object {
                if !key.ends_with(".$") {
                    continue;
                }
                let at = || extend(field.at(machine.state_path(id)), steps).key(key);
                let Some(text) = value.as_str() else {
                    found.error(
                        at(),
                        Code::DollarKeyNotPathOrIntrinsic,
                        format!(
                            "`{key}` ends in `.$`, so its value must be a path or an intrinsic \
                             function call as a string, not {}; or drop the `.$`",
                            value.type_name()
                        ),
                    );
                    continue;
                };
                if let Err(e) = check_path_or_intrinsic(text) {
                    let code = if text.starts_with('$') {
                        Code::InvalidPath
                    } else {
                        Code::InvalidIntrinsic
                    };
                    let what = if code == Code::InvalidPath {
                        "not a valid JSONPath"
                    } else if text.contains('(') {
                        "not a valid intrinsic function call"
                    } else {
                        "neither a path (starting with `$`) nor an intrinsic function call"
                    };
                    found.error(
                        at(),
                        code,
                        format!(
                            "`{text}` is {what}: {} (at character {})",
                            e.message,
                            e.offset + 1
                        ),
                    );
                }
            }
        });
    });
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::{one_state, paths};
    use crate::Code;

    fn pass(parameters: &str) -> String {
        one_state(&format!(
            r#"{{"Type": "Pass", "Parameters": {parameters}, "Next": "Done"}}"#
        ))
    }

    #[test]
    fn accepts_paths_context_variables_and_intrinsics() {
        let text = pass(
            r#"{"a.$": "$.x", "b.$": "$$.Execution.Id", "c.$": "$total",
                "d.$": "States.Format('{} items', $.n)", "e": {"f.$": "States.UUID()"}}"#,
        );
        let report = crate::validate::Validator::new().check_str(&text);
        assert!(report.errors().is_empty(), "{:?}", report.errors());
    }

    #[test]
    fn flags_non_strings_bad_paths_and_bad_intrinsics() {
        let text = pass(r#"{"a.$": 5, "b": [{"c.$": "$..[bad"}], "d.$": "States.MathAdd(1)"}"#);
        assert_eq!(
            paths(&text, Code::DollarKeyNotPathOrIntrinsic),
            [r#"States.S.Parameters["a.$"]"#]
        );
        assert_eq!(
            paths(&text, Code::InvalidPath),
            [r#"States.S.Parameters.b[0]["c.$"]"#]
        );
        assert_eq!(
            paths(&text, Code::InvalidIntrinsic),
            [r#"States.S.Parameters["d.$"]"#]
        );
    }

    #[test]
    fn pass_result_is_not_a_template() {
        let text = one_state(r#"{"Type": "Pass", "Result": {"a.$": 5}, "Next": "Done"}"#);
        assert!(paths(&text, Code::DollarKeyNotPathOrIntrinsic).is_empty());
    }
}
