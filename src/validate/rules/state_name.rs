//! A state name is 1 to 80 characters.

use crate::model::graph::{StateId, StateNode};
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::Code;

const MAX_CHARS: usize = 80;

pub(crate) fn check(
    found: &mut Findings<'_>,
    machine: &Definition<'_>,
    id: StateId,
    node: &StateNode<'_>,
) {
    // A name of 1 to 80 bytes has 1 to 80 characters: count only longer ones.
    if (1..=MAX_CHARS).contains(&node.name.len()) {
        return;
    }
    let chars = node.name.chars().count();
    if chars == 0 {
        found.error(
            machine.state_path(id),
            Code::InvalidStateName,
            "a state name cannot be empty",
        );
    } else if chars > MAX_CHARS {
        found.error(
            machine.state_path(id),
            Code::InvalidStateName,
            format!("the state name has {chars} characters; AWS allows at most {MAX_CHARS}"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::paths;
    use crate::Code;

    #[test]
    fn allows_80_characters_and_not_81() {
        for (len, bad) in [(80, false), (81, true)] {
            let name = "é".repeat(len);
            let text = format!(
                r#"{{"StartAt": "{name}", "States": {{"{name}": {{"Type": "Succeed"}}}}}}"#
            );
            assert_eq!(
                !paths(&text, Code::InvalidStateName).is_empty(),
                bad,
                "{len}"
            );
        }
    }
}
