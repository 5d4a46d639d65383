//! A JSONata Map's `Items` is an array or a `{% expression %}`.

use crate::model::graph::{StateId, StateNode};
use crate::model::{Json, MapItems, State};
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::Code;

pub(crate) fn check(
    found: &mut Findings<'_>,
    machine: &Definition<'_>,
    id: StateId,
    node: &StateNode<'_>,
) {
    let State::Map(map) = node.state else { return };
    let Some(MapItems::Items(items)) = &map.items else {
        return;
    };
    if matches!(items, Json::Array(_) | Json::String(_)) {
        // Strings are checked as expressions with every other JSONata string.
        return;
    }
    found.error(
        machine.state_path(id).key("Items"),
        Code::InvalidItems,
        format!(
            "`Items` is {}; it must be an array or a `{{% expression %}}` giving one",
            items.type_name()
        ),
    );
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::{one_state, paths};
    use crate::Code;

    fn map(items: &str) -> String {
        one_state(&format!(
            r#"{{"Type": "Map", "QueryLanguage": "JSONata", "Items": {items}, "End": true,
                "ItemProcessor": {{"StartAt": "I", "States": {{"I": {{"Type": "Succeed"}}}}}}}}"#
        ))
    }

    #[test]
    fn items_must_be_an_array_or_an_expression() {
        assert_eq!(
            paths(&map(r#"{"bad": 42}"#), Code::InvalidItems),
            ["States.S.Items"]
        );
        assert!(paths(&map("[1, 2]"), Code::InvalidItems).is_empty());
        assert_eq!(
            paths(&map(r#""states.input.detail""#), Code::ExpectedJsonata),
            ["States.S.Items"]
        );
    }
}
