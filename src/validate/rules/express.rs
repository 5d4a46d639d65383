//! With [`Validator::express`](crate::validate::Validator::express): no
//! `.sync`, `.waitForTaskToken` or activity resources.

use crate::model::graph::{StateId, StateNode};
use crate::model::{Resource, State};
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::Code;

pub(crate) fn check(
    found: &mut Findings<'_>,
    machine: &Definition<'_>,
    id: StateId,
    node: &StateNode<'_>,
) {
    if !found.options.express {
        return;
    }
    let State::Task(task) = node.state else {
        return;
    };
    let Resource::Uri(uri) = &task.resource else {
        return;
    };
    let what = if uri.ends_with(".waitForTaskToken") {
        "'.waitForTaskToken' service integrations"
    } else if uri.ends_with(".sync") || uri.ends_with(".sync:2") {
        "'.sync' service integrations"
    } else if uri.split(':').nth(5) == Some("activity") {
        "activities"
    } else {
        return;
    };
    found.error(
        machine.state_path(id).key("Resource"),
        Code::NotSupportedByExpress,
        format!("Express state machines do not support {what}: use a Standard machine or a request-response integration"),
    );
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::{one_state, paths, paths_with};
    use crate::validate::Validator;
    use crate::Code;

    #[test]
    fn flags_callbacks_and_jobs_only_for_express() {
        let text = one_state(
            r#"{"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "End": true}"#,
        );
        assert!(paths(&text, Code::NotSupportedByExpress).is_empty());
        let express = Validator::new().express(true);
        assert_eq!(
            paths_with(&express, &text, Code::NotSupportedByExpress),
            ["States.S.Resource"]
        );
    }
}
