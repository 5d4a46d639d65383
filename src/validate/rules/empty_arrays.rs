//! A Choice state needs at least one rule and a Parallel state at least one
//! branch.

use crate::model::graph::{StateId, StateNode};
use crate::model::State;
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::Code;

pub(crate) fn check(
    found: &mut Findings<'_>,
    machine: &Definition<'_>,
    id: StateId,
    node: &StateNode<'_>,
) {
    match node.state {
        State::Choice(choice) if choice.choices.is_empty() => found.error(
            machine.state_path(id).key("Choices"),
            Code::EmptyArray,
            "a Choice state needs at least one rule in `Choices`",
        ),
        State::Parallel(parallel) if parallel.branches.is_empty() => found.error(
            machine.state_path(id).key("Branches"),
            Code::EmptyArray,
            "a Parallel state needs at least one branch in `Branches`",
        ),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::{one_state, paths};
    use crate::Code;

    #[test]
    fn flags_empty_choices_and_branches() {
        let choice = one_state(r#"{"Type": "Choice", "Choices": [], "Default": "Done"}"#);
        assert_eq!(paths(&choice, Code::EmptyArray), ["States.S.Choices"]);
        let parallel = one_state(r#"{"Type": "Parallel", "Branches": [], "Next": "Done"}"#);
        assert_eq!(paths(&parallel, Code::EmptyArray), ["States.S.Branches"]);
    }
}
