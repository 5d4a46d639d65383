//! A state inside a Parallel branch or Map processor must not assign a
//! variable that an enclosing scope assigns (§1.7, F12).

use std::collections::HashSet;

use crate::validate::cx::Cx;
use crate::validate::payloads::{for_each_payload, Payload, Role};
use crate::validate::walk::Index;
use crate::Code;

pub(crate) fn check(cx: &mut Cx<'_>, ix: &Index<'_>) {
    if ix.scopes.len() == 1 {
        return;
    }
    // Names assigned per scope; scopes come parents first.
    let mut assigned: Vec<HashSet<&str>> = vec![HashSet::new(); ix.scopes.len()];
    for e in &ix.states {
        for_each_payload(e.state, e.language, |_, payload, role| {
            if let (Payload::Object(assign), Role::AssignTemplate | Role::AssignJsonata) =
                (payload, role)
            {
                for key in assign.keys() {
                    let name = if role == Role::AssignTemplate {
                        key.strip_suffix(".$").unwrap_or(key)
                    } else {
                        key
                    };
                    assigned[e.scope].insert(name);
                }
            }
        });
    }
    if assigned.iter().skip(1).all(HashSet::is_empty) {
        return;
    }
    for (entry, e) in ix.states.iter().enumerate() {
        let Some(parent) = ix.scopes[e.scope].parent else {
            continue;
        };
        for_each_payload(e.state, e.language, |field, payload, role| {
            let (Payload::Object(assign), Role::AssignTemplate | Role::AssignJsonata) =
                (payload, role)
            else {
                return;
            };
            for key in assign.keys() {
                let name = if role == Role::AssignTemplate {
                    key.strip_suffix(".$").unwrap_or(key)
                } else {
                    key
                };
                let mut scope = Some(parent);
                while let Some(s) = scope {
                    if assigned[s].contains(name) {
                        cx.error(
                            field.at(ix.state_at(entry)).key(key),
                            Code::VariableAssignedInOuterScope,
                            format!(
                                "`{name}` is also assigned outside this branch or processor; \
                                 inner states may read it but not assign it: use another name"
                            ),
                        );
                        break;
                    }
                    scope = ix.scopes[s].parent;
                }
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::paths;
    use crate::Code;

    #[test]
    fn flags_an_inner_assignment_of_an_outer_name() {
        let text = r#"{"StartAt": "A", "States": {
            "A": {"Type": "Pass", "Assign": {"total": 0}, "Next": "M"},
            "M": {"Type": "Map", "End": true, "ItemProcessor": {"StartAt": "I", "States": {
                "I": {"Type": "Pass", "Assign": {"total": 1, "mine": 2}, "End": true}}}}}}"#;
        assert_eq!(
            paths(text, Code::VariableAssignedInOuterScope),
            ["States.M.ItemProcessor.States.I.Assign.total"]
        );
    }
}
