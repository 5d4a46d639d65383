//! A machine whose top level is JSONata cannot hold a `"QueryLanguage": "JSONPath"`
//! state, nested ones included (§1.2 rule 3, D13).

use crate::model::QueryLanguage;
use crate::validate::cx::Cx;
use crate::validate::walk::{Entry, Index};
use crate::Code;

pub(crate) fn check(cx: &mut Cx<'_>, ix: &Index<'_>, entry: usize, e: &Entry<'_>) {
    if ix.language != QueryLanguage::Jsonata {
        return;
    }
    if e.state.query_language() == Some(QueryLanguage::JsonPath) {
        cx.error(
            ix.state_at(entry).key("QueryLanguage"),
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
