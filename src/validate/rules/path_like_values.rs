//! Warnings for values that look like paths where nothing evaluates them: a
//! template key without `.$` (`NO_DOLLAR`), and a Pass state's `Result`
//! (`PASS_RESULT_IS_STATIC`).

use crate::model::graph::{StateId, StateNode};
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
        if !matches!(role, Role::Template | Role::Static) {
            return;
        }
        walk(payload, |steps, node| {
            let Some(object) = node.object() else { return };
            for (key, value) in object {
                let at = || extend(field.at(machine.state_path(id)), steps).key(key);
                if role == Role::Static && key.ends_with(".$") {
                    found.warn(
                        at(),
                        Code::PassResultIsStatic,
                        format!("a Pass state's `Result` is never evaluated, so `{key}` stays as written: use `Parameters` to compute values"),
                    );
                } else if role == Role::Template && !key.ends_with(".$") {
                    if let Some(text) = value.as_str().filter(|t| looks_like_path(t)) {
                        found.warn(
                            at(),
                            Code::NoDollar,
                            format!("`{text}` looks like a path but is passed as a literal string: name the key `{key}.$` to evaluate it (in the builder: `.field(\"{key}\", JsonPath::new(\"{text}\"))`)"),
                        );
                    }
                }
            }
        });
    });
}

fn looks_like_path(text: &str) -> bool {
    text == "$"
        || text.starts_with("$.")
        || text.starts_with("$$.")
        || text.starts_with("$[")
        || (text.starts_with("States.") && text.ends_with(')') && text.contains('('))
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::{one_state, paths};
    use crate::validate::Validator;
    use crate::Code;

    #[test]
    fn warns_about_unevaluated_paths_without_failing() {
        let text = one_state(
            r#"{"Type": "Pass", "Next": "Done", "Parameters": {"id": "$.id", "price": "$5"}}"#,
        );
        assert_eq!(paths(&text, Code::NoDollar), ["States.S.Parameters.id"]);
        assert!(Validator::new().check_str(&text).is_valid());
        let result = one_state(r#"{"Type": "Pass", "Next": "Done", "Result": {"a.$": "$.x"}}"#);
        assert_eq!(
            paths(&result, Code::PassResultIsStatic),
            [r#"States.S.Result["a.$"]"#]
        );
    }
}
