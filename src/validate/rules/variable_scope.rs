//! A state inside a Parallel branch or Map processor must not assign a
//! variable that an enclosing scope assigns.

use std::collections::HashSet;

use crate::model::graph::Graph;
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::validate::payloads::{for_each_payload, Payload, Role};
use crate::Code;

/// The names each scope's states assign (`Assign` of states, Choice rules
/// and catchers), by scope index.
pub(crate) fn assigned_names<'m>(graph: &Graph<'m>) -> Vec<HashSet<&'m str>> {
    let mut assigned: Vec<HashSet<&str>> = vec![HashSet::new(); graph.scopes().len()];
    for node in graph.states() {
        for_each_payload(node.state, node.language, |_, payload, role| {
            if let (Payload::Object(assign), Role::AssignTemplate | Role::AssignJsonata) =
                (payload, role)
            {
                for key in assign.keys() {
                    let name = if role == Role::AssignTemplate {
                        key.strip_suffix(".$").unwrap_or(key)
                    } else {
                        key
                    };
                    assigned[node.scope.index()].insert(name);
                }
            }
        });
    }
    assigned
}

pub(crate) fn check(found: &mut Findings<'_>, machine: &Definition<'_>) {
    let graph = &machine.graph;
    if graph.scopes().len() == 1 {
        return;
    }
    let assigned = assigned_names(graph);
    if assigned.iter().skip(1).all(HashSet::is_empty) {
        return;
    }
    for (id, node) in graph.state_ids().zip(graph.states()) {
        let Some(parent) = graph.scope(node.scope).parent else {
            continue;
        };
        for_each_payload(node.state, node.language, |field, payload, role| {
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
                    if assigned[s.index()].contains(name) {
                        found.error(
                            field.at(machine.state_path(id)).key(key),
                            Code::VariableAssignedInOuterScope,
                            format!(
                                "`{name}` is also assigned outside this branch or processor; \
                                 inner states may read it but not assign it: use another name"
                            ),
                        );
                        break;
                    }
                    scope = graph.scope(s).parent;
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
