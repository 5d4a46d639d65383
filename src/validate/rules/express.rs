//! Express workflows support no `.sync`, `.waitForTaskToken` or activity
//! resources: in a machine checked with
//! [`Validator::express`](crate::validate::Validator::express), and in the
//! item processor of a Distributed Map whose `ExecutionType` is `EXPRESS`
//! (each item runs as an Express child workflow), at any depth.

use crate::model::graph::{ScopeHolder, StateId, StateNode};
use crate::model::{ExecutionType, Resource, State};
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::Code;

pub(crate) fn check(
    found: &mut Findings<'_>,
    machine: &Definition<'_>,
    id: StateId,
    node: &StateNode<'_>,
) {
    let State::Task(task) = node.state else {
        return;
    };
    let context = if found.options.express {
        "Express state machines"
    } else if in_express_children(machine, node) {
        "Express child workflows (this state runs in a Distributed Map whose `ExecutionType` is \
         `EXPRESS`)"
    } else {
        return;
    };
    let Resource::Uri(uri) = &task.resource else {
        return;
    };
    let what = if uri.ends_with(".waitForTaskToken") {
        "'.waitForTaskToken' service integrations"
    } else if uri.ends_with(".sync") || uri.ends_with(".sync:2") {
        "'.sync' service integrations"
    } else if machine
        .task_arn(id)
        .is_some_and(|arn| super::task_heartbeat::is_activity(arn.as_slice()))
    {
        "activities"
    } else {
        return;
    };
    found.error(
        machine.state_path(id).key("Resource"),
        Code::NotSupportedByExpress,
        format!(
            "{context} do not support {what}: use a request-response integration, or a \
             Standard workflow"
        ),
    );
}

/// Whether `node` runs inside the item processor of a Distributed Map whose
/// children are Express workflows.
fn in_express_children(machine: &Definition<'_>, node: &StateNode<'_>) -> bool {
    let graph = &machine.graph;
    let mut scope = node.scope;
    while let Some((owner, holder)) = graph.scope(scope).owner {
        if let (State::Map(map), ScopeHolder::ItemProcessor | ScopeHolder::Iterator) =
            (graph.state(owner).state, holder)
        {
            let execution = map
                .processor
                .processor()
                .processor_config
                .as_ref()
                .and_then(|c| c.execution_type);
            if execution == Some(ExecutionType::Express) {
                return true;
            }
        }
        scope = graph.state(owner).scope;
    }
    false
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

    #[test]
    fn flags_them_in_the_express_children_of_a_distributed_map() {
        let map = |execution: &str| {
            format!(
                r#"{{"StartAt": "M", "States": {{"M": {{"Type": "Map", "End": true,
                "ItemProcessor": {{"ProcessorConfig": {{"Mode": "DISTRIBUTED", "ExecutionType": "{execution}"}},
                  "StartAt": "Approve", "States": {{"Approve": {{"Type": "Task",
                    "Resource": "arn:aws:states:us-east-1:123456789012:activity:approve",
                    "TimeoutSeconds": 60, "HeartbeatSeconds": 10, "End": true}}}}}}}}}}}}"#
            )
        };
        assert_eq!(
            paths(&map("EXPRESS"), Code::NotSupportedByExpress),
            ["States.M.ItemProcessor.States.Approve.Resource"]
        );
        assert!(paths(&map("STANDARD"), Code::NotSupportedByExpress).is_empty());
    }
}
