//! State names are unique across the whole machine, branches and processors
//! included.

use crate::fast_hash::FastMap;
use crate::model::graph::StateId;
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::Code;

pub(crate) fn check(found: &mut Findings<'_>, machine: &Definition<'_>) {
    let graph = &machine.graph;
    if graph.scopes().len() == 1 {
        return;
    }
    let mut first: FastMap<&str, StateId> =
        FastMap::with_capacity_and_hasher(graph.states().len(), Default::default());
    for (id, node) in graph.state_ids().zip(graph.states()) {
        if let Some(&earlier) = first.get(node.name) {
            found.error(
                machine.state_path(id),
                Code::DuplicateStateName,
                format!(
                    "`{}` is also the name of `{}`: state names must be unique in the whole \
                     machine, including Parallel branches and Map processors",
                    node.name,
                    machine.state_path(earlier)
                ),
            );
        } else {
            first.insert(node.name, id);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::{messages, paths};
    use crate::Code;

    #[test]
    fn flags_a_name_reused_in_a_branch() {
        let text = r#"{"StartAt": "P", "States": {
            "P": {"Type": "Parallel", "Next": "Done", "Branches": [
                {"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}]},
            "Done": {"Type": "Succeed"}}}"#;
        assert_eq!(
            paths(text, Code::DuplicateStateName),
            ["States.P.Branches[0].States.Done"]
        );
        assert!(messages(text, Code::DuplicateStateName)[0].contains("`States.Done`"));
    }
}
