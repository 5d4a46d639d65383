//! An optimized integration's `Resource` suffix must be a pattern its
//! service supports: `.sync:2` exists only for Step Functions executions,
//! and services such as DynamoDB have no `.sync` or `.waitForTaskToken`.
//! SDK integrations (`aws-sdk:`) and services not listed here are not
//! checked.

use crate::model::graph::{StateId, StateNode};
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::Code;

/// Whether each optimized service supports `.sync` and `.waitForTaskToken`.
const SERVICES: &[(&str, bool, bool)] = &[
    ("apigateway", false, true),
    ("athena", true, false),
    ("batch", true, false),
    ("bedrock", true, true),
    ("codebuild", true, false),
    ("databrew", true, false),
    ("dynamodb", false, false),
    ("ecs", true, true),
    ("eks", true, true),
    ("elasticmapreduce", true, false),
    ("emr-containers", true, false),
    ("emr-serverless", true, false),
    ("events", false, true),
    ("glue", true, false),
    ("http", false, false),
    ("lambda", false, true),
    ("mediaconvert", true, false),
    ("sagemaker", true, false),
    ("sns", false, true),
    ("sqs", false, true),
    ("states", true, true),
];

pub(crate) fn check(
    found: &mut Findings<'_>,
    machine: &Definition<'_>,
    id: StateId,
    _node: &StateNode<'_>,
) {
    let Some(arn) = machine.task_arn(id) else {
        return;
    };
    let Some(problem) = problem(arn.as_slice()) else {
        return;
    };
    found.error(
        machine.state_path(id).key("Resource"),
        Code::UnsupportedIntegrationPattern,
        problem,
    );
}

/// What is wrong with the suffix of a `Resource` ARN (split at its first
/// five colons), if anything.
fn problem(arn: &[&str]) -> Option<String> {
    let ["arn", _, "states", "", "", rest] = arn else {
        return None;
    };
    let (service, action) = rest.split_once(':')?;
    if service == "aws-sdk" {
        return None;
    }
    let (action, suffix) = action.split_once('.')?;
    let (_, sync, callback) = SERVICES.iter().find(|(s, ..)| *s == service)?;
    let name = format!("`{service}:{action}`");
    match suffix {
        "sync:2" if service != "states" => Some(format!(
            "{name} has no `.sync:2`: only Step Functions executions (`states:startExecution`) do; \
             use `.sync`{}",
            if *sync { "" } else { ", which it does not support either" }
        )),
        "sync" | "sync:2" if !sync => Some(format!(
            "{name} cannot run as a job (`.{suffix}`): {service} supports {}",
            supported(*sync, *callback)
        )),
        "waitForTaskToken" if !callback => Some(format!(
            "{name} cannot wait for a task token (`.waitForTaskToken`): {service} supports {}",
            supported(*sync, *callback)
        )),
        _ => None,
    }
}

/// The patterns a service supports, in words.
fn supported(sync: bool, callback: bool) -> &'static str {
    match (sync, callback) {
        (true, true) => "request-response, `.sync` and `.waitForTaskToken`",
        (true, false) => "request-response and `.sync` only",
        (false, true) => "request-response and `.waitForTaskToken` only",
        (false, false) => "request-response only (no suffix)",
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::{messages, one_state, paths};
    use crate::Code;

    fn task(resource: &str) -> String {
        one_state(&format!(
            r#"{{"Type": "Task", "Resource": "{resource}", "Parameters": {{}}, "End": true}}"#
        ))
    }

    #[test]
    fn accepts_the_patterns_each_service_supports() {
        for ok in [
            "arn:aws:states:::lambda:invoke",
            "arn:aws:states:::lambda:invoke.waitForTaskToken",
            "arn:aws:states:::states:startExecution.sync:2",
            "arn:aws:states:::states:startExecution.sync",
            "arn:aws:states:::states:startExecution.waitForTaskToken",
            "arn:aws:states:::batch:submitJob.sync",
            "arn:aws:states:::ecs:runTask.waitForTaskToken",
            "arn:aws:states:::dynamodb:getItem",
            "arn:aws:states:::aws-sdk:dynamodb:getItem.waitForTaskToken",
            "arn:aws:states:::unknownservice:doThing.sync",
            "arn:aws:lambda:us-east-1:123456789012:function:f",
        ] {
            assert!(
                paths(&task(ok), Code::UnsupportedIntegrationPattern).is_empty(),
                "{ok}"
            );
        }
    }

    #[test]
    fn rejects_suffixes_a_service_does_not_have() {
        for bad in [
            "arn:aws:states:::dynamodb:putItem.waitForTaskToken",
            "arn:aws:states:::dynamodb:putItem.sync",
            "arn:aws:states:::lambda:invoke.sync",
            "arn:aws:states:::batch:submitJob.sync:2",
            "arn:aws:states:::glue:startJobRun.waitForTaskToken",
            "arn:aws:states:::http:invoke.waitForTaskToken",
            "arn:aws-cn:states:::sns:publish.sync",
        ] {
            assert_eq!(
                paths(&task(bad), Code::UnsupportedIntegrationPattern),
                ["States.S.Resource"],
                "{bad}"
            );
        }
    }

    #[test]
    fn says_what_the_service_supports() {
        let m = messages(
            &task("arn:aws:states:::dynamodb:putItem.waitForTaskToken"),
            Code::UnsupportedIntegrationPattern,
        );
        assert_eq!(
            m,
            ["`dynamodb:putItem` cannot wait for a task token (`.waitForTaskToken`): dynamodb supports request-response only (no suffix)"]
        );
        let m = messages(
            &task("arn:aws:states:::batch:submitJob.sync:2"),
            Code::UnsupportedIntegrationPattern,
        );
        assert!(m[0].contains("only Step Functions executions"), "{m:?}");
    }
}
