//! A Map `Label` is at most 40 characters, none of them whitespace, control
//! characters or ``? * < > { } [ ] : ; , \ | ^ ~ $ # % & " ` ``.

use crate::model::graph::{StateId, StateNode};
use crate::model::State;
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::Code;

const MAX_CHARS: usize = 40;
const FORBIDDEN: &str = "?*<>{}[]:;,\\|^~$#%&\"`";

pub(crate) fn check(
    found: &mut Findings<'_>,
    machine: &Definition<'_>,
    id: StateId,
    node: &StateNode<'_>,
) {
    let State::Map(map) = node.state else { return };
    let Some(label) = &map.label else { return };
    let chars = label.chars().count();
    let bad = label
        .chars()
        .find(|&c| c.is_whitespace() || c.is_control() || FORBIDDEN.contains(c));
    let message = if chars > MAX_CHARS {
        format!("the label has {chars} characters; AWS allows at most {MAX_CHARS}")
    } else if let Some(c) = bad {
        format!("the label contains {c:?}, which AWS does not allow in a Map label")
    } else {
        return;
    };
    found.error(
        machine.state_path(id).key("Label"),
        Code::InvalidLabel,
        message,
    );
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::{one_state, paths};
    use crate::Code;

    fn map(label: &str) -> String {
        one_state(&format!(
            r#"{{"Type": "Map", "End": true, "Label": {label},
                "ItemProcessor": {{"ProcessorConfig": {{"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"}},
                    "StartAt": "I", "States": {{"I": {{"Type": "Succeed"}}}}}}}}"#
        ))
    }

    #[test]
    fn checks_length_and_characters() {
        assert!(paths(&map(r#""Orders-2024_run""#), Code::InvalidLabel).is_empty());
        for bad in [r#""has space""#, r#""a:b""#, r#""tab\there""#] {
            assert_eq!(
                paths(&map(bad), Code::InvalidLabel),
                ["States.S.Label"],
                "{bad}"
            );
        }
        let long = format!("\"{}\"", "x".repeat(41));
        assert_eq!(paths(&map(&long), Code::InvalidLabel), ["States.S.Label"]);
    }
}
