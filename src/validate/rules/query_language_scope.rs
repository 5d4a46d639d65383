//! A machine whose top level is JSONata cannot hold a `"QueryLanguage": "JSONPath"`
//! state, nested ones included.

use crate::model::graph::{StateId, StateNode};
use crate::model::QueryLanguage;
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::Code;

pub(crate) fn check(
    found: &mut Findings<'_>,
    machine: &Definition<'_>,
    id: StateId,
    node: &StateNode<'_>,
) {
    if machine.language != QueryLanguage::Jsonata {
        return;
    }
    if node.state.query_language() == Some(QueryLanguage::JsonPath) {
        found.error(
            machine.state_path(id).key("QueryLanguage"),
            Code::JsonpathStateInJsonataMachine,
            "`QueryLanguage` cannot be \"JSONPath\" when the whole machine is \"JSONata\": \
             remove it and write the state in JSONata, or make the machine JSONPath and \
             set \"JSONata\" on the states that use it",
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::paths;
    use crate::Code;

    #[test]
    fn flags_a_downgrade_but_not_an_upgrade() {
        let down = r#"{"QueryLanguage": "JSONata", "StartAt": "A", "States": {
            "A": {"Type": "Pass", "QueryLanguage": "JSONPath", "End": true}}}"#;
        assert_eq!(
            paths(down, Code::JsonpathStateInJsonataMachine),
            ["States.A.QueryLanguage"]
        );
        let up = r#"{"StartAt": "A", "States": {
            "A": {"Type": "Pass", "QueryLanguage": "JSONata", "End": true}}}"#;
        assert!(paths(up, Code::JsonpathStateInJsonataMachine).is_empty());
    }
}
