//! Two keys of one payload-template object must differ once `.$` is removed:
//! `"a"` and `"a.$"` would both write `a`.

use crate::fast_hash::FastSet;
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
        if !matches!(role, Role::Template | Role::AssignTemplate) {
            return;
        }
        walk(payload, |steps, node| {
            let Some(object) = node.object() else { return };
            if !object.keys().any(|k| k.ends_with(".$")) {
                return;
            }
            // Small objects are compared key by key; larger ones through a set.
            let mut seen = FastSet::default();
            for (i, key) in object.keys().enumerate() {
                let name = written_name(key);
                let repeated = if object.len() <= 8 {
                    object
                        .keys()
                        .take(i)
                        .any(|earlier| written_name(earlier) == name)
                } else {
                    !seen.insert(name)
                };
                if repeated {
                    found.error(
                        extend(field.at(machine.state_path(id)), steps).key(key),
                        Code::DuplicateTemplateKey,
                        format!("`{key}` writes the same field `{name}` as another key of this object: keep one"),
                    );
                }
            }
        });
    });
}

/// The field a template key writes: the key without its `.$`.
fn written_name(key: &str) -> &str {
    key.strip_suffix(".$").unwrap_or(key)
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::{one_state, paths};
    use crate::Code;

    #[test]
    fn flags_a_key_with_and_without_dollar() {
        let text = one_state(
            r#"{"Type": "Pass", "Next": "Done",
                "Parameters": {"x": 1, "inner": {"a": 1, "a.$": "$.a"}}}"#,
        );
        assert_eq!(
            paths(&text, Code::DuplicateTemplateKey),
            [r#"States.S.Parameters.inner["a.$"]"#]
        );
    }
}
