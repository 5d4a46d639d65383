//! State names are unique across the whole machine, branches and processors
//! included (G3).

use std::collections::HashMap;

use crate::validate::cx::Cx;
use crate::validate::walk::Index;
use crate::Code;

pub(crate) fn check(cx: &mut Cx<'_>, ix: &Index<'_>) {
    // Names are unique within one `States` object (the reader rejects
    // duplicate keys), so a machine without nested scopes has nothing to check.
    if ix.scopes.len() == 1 {
        return;
    }
    let mut first: HashMap<&str, usize> = HashMap::with_capacity(ix.states.len());
    for (entry, e) in ix.states.iter().enumerate() {
        if let Some(&earlier) = first.get(e.name) {
            cx.error(
                ix.state_at(entry),
                Code::DuplicateStateName,
                format!(
                    "`{}` is also the name of `{}`: state names must be unique in the whole \
                     machine, including Parallel branches and Map processors",
                    e.name,
                    ix.state_at(earlier).render()
                ),
            );
        } else {
            first.insert(e.name, entry);
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
