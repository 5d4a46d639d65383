//! A Task's `Resource` must be a Step Functions task ARN; an ItemReader's or
//! ResultWriter's an `arn:<partition>:states:::...` integration. With
//! [`Validator::allow_resource_placeholders`](crate::validate::Validator::allow_resource_placeholders),
//! any non-empty string or a one-key `Ref`/`Fn::*` object passes instead.

use crate::model::graph::{StateId, StateNode};
use crate::model::{Resource, State};
use crate::problem::Path;
use crate::validate::arn::split_colons;
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::Code;

const PARTITIONS: [&str; 3] = ["aws", "aws-cn", "aws-us-gov"];

pub(crate) fn check(
    found: &mut Findings<'_>,
    machine: &Definition<'_>,
    id: StateId,
    node: &StateNode<'_>,
) {
    match node.state {
        State::Task(task) => {
            let at = || machine.state_path(id).key("Resource");
            let arn_ok = |_: &str| {
                machine
                    .task_arn(id)
                    .is_some_and(|arn| is_task(arn.as_slice()))
            };
            check_one(found, &task.resource, at, arn_ok);
        }
        State::Map(map) => {
            if let Some(reader) = &map.item_reader {
                let at = || machine.state_path(id).key("ItemReader").key("Resource");
                check_one(found, &reader.resource, at, is_integration_arn);
            }
            if let Some(resource) = map.result_writer.as_ref().and_then(|w| w.resource.as_ref()) {
                let at = || machine.state_path(id).key("ResultWriter").key("Resource");
                check_one(found, resource, at, is_integration_arn);
            }
        }
        _ => {}
    }
}

fn check_one(
    found: &mut Findings<'_>,
    resource: &Resource,
    at: impl Fn() -> Path,
    arn_ok: impl Fn(&str) -> bool,
) {
    let relaxed = found.options.resource_placeholders;
    let problem = match resource {
        Resource::Uri(uri) if arn_ok(uri) => return,
        Resource::Uri(uri) if relaxed && !uri.is_empty() => return,
        Resource::Template(_) if relaxed => return,
        Resource::Uri(uri) if relaxed => format!("`{uri}` is empty"),
        Resource::Uri(uri) => format!(
            "`{uri}` is not a Step Functions task ARN (`arn:aws:states:::service:action`, \
             `arn:aws:states:::aws-sdk:service:action`, a Lambda function or an activity ARN); \
             if it is a deploy-time placeholder, allow placeholders"
        ),
        Resource::Template(_) => "a CloudFormation expression is not an ARN; AWS needs the ARN \
             itself (if this is a deploy template, allow placeholders)"
            .to_owned(),
    };
    found.error(at(), Code::InvalidResource, problem);
}

/// `arn:<partition>:states:::...`, a Lambda function ARN or an activity ARN.
#[cfg(test)]
fn is_task_arn(arn: &str) -> bool {
    is_task(split_colons::<6>(arn).as_slice())
}

/// [`is_task_arn`] on an ARN split at its first five colons.
fn is_task(arn: &[&str]) -> bool {
    match arn {
        ["arn", p, "states", "", "", rest] if PARTITIONS.contains(p) => is_integration(rest),
        ["arn", p, "lambda", _region, _account, rest] if PARTITIONS.contains(p) => {
            matches!(rest.split_once(':'), Some(("function", name)) if is_function(name))
        }
        ["arn", p, "states", _region, _account, rest] if PARTITIONS.contains(p) => {
            matches!(rest.split_once(':'), Some(("activity", name)) if is_activity_name(name))
        }
        _ => false,
    }
}

/// `arn:<partition>:states:::<service>:<action>`, as ItemReader and ResultWriter need.
pub(crate) fn is_integration_arn(arn: &str) -> bool {
    let parts = split_colons::<6>(arn);
    match parts.as_slice() {
        ["arn", p, "states", "", "", rest] if PARTITIONS.contains(p) => is_integration(rest),
        _ => false,
    }
}

/// `service:action[.suffix]` or `aws-sdk:service:action[.waitForTaskToken]`.
fn is_integration(rest: &str) -> bool {
    if let Some(sdk) = rest.strip_prefix("aws-sdk:") {
        let Some((service, action)) = sdk.split_once(':') else {
            return false;
        };
        let action = action.strip_suffix(".waitForTaskToken").unwrap_or(action);
        return is_name(service) && is_word(action);
    }
    let Some((service, action)) = rest.split_once(':') else {
        return false;
    };
    let action = [".sync:2", ".sync", ".waitForTaskToken"]
        .iter()
        .find_map(|suffix| action.strip_suffix(suffix))
        .unwrap_or(action);
    is_name(service) && is_word(action)
}

/// `name` or `name:qualifier`.
fn is_function(rest: &str) -> bool {
    match rest.split_once(':') {
        None => is_name(rest),
        Some((name, qualifier)) => is_name(name) && (qualifier == "$LATEST" || is_name(qualifier)),
    }
}

fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// An activity name: 1 to 80 characters, none of them whitespace, control
/// characters or ``< > { } [ ] ? * " # % \ ^ | ~ $ & , ; : / ` ``.
fn is_activity_name(s: &str) -> bool {
    const FORBIDDEN: &str = "<>{}[]?*\"#%\\^|~$&,;:/`";
    (1..=80).contains(&s.chars().count())
        && !s
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || FORBIDDEN.contains(c))
}

fn is_word(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::is_task_arn;
    use crate::validate::rules::test_util::{one_state, paths, paths_with};
    use crate::validate::Validator;
    use crate::Code;

    #[test]
    fn knows_the_task_arn_forms() {
        for good in [
            "arn:aws:states:::lambda:invoke",
            "arn:aws:states:::lambda:invoke.waitForTaskToken",
            "arn:aws:states:::states:startExecution.sync:2",
            "arn:aws:states:::batch:submitJob.sync",
            "arn:aws:states:::http:invoke",
            "arn:aws-cn:states:::aws-sdk:s3:getObject",
            "arn:aws:states:::aws-sdk:dynamodb:getItem.waitForTaskToken",
            "arn:aws:lambda:us-east-1:123456789012:function:my-fn",
            "arn:aws:lambda:REGION:ACCOUNT_ID:function:FUNCTION_NAME:$LATEST",
            "arn:aws:lambda:::function:f:prod_1",
            "arn:aws-us-gov:states:us-west-2:42:activity:a-task",
            "arn:aws:states:us-east-1:123456789012:activity:orders.v2",
        ] {
            assert!(is_task_arn(good), "{good}");
        }
        for bad in [
            "",
            "foo:bar",
            "arn:x",
            "${LambdaArn}",
            "arn:aws:swf:us-east-1:123456789012:task:X",
            "arn:aws:lambda:r:1:function:f:",
            "arn:aws:lambda:r:1:function:f:$*#$7485",
            "arn:aws:states:::lambda",
            "arn:aws:states:::lambda:invoke.sync:3",
            "arn:aws:states:::aws-sdk:s3:getObject.sync",
            "arn:azure:states:::lambda:invoke",
            "arn:aws:states:us-east-1:1:activity:has space",
            "arn:aws:states:us-east-1:1:activity:",
            "arn:aws:states:us-east-1:1:activity",
            "arn:aws:lambda:us-east-1:1:function",
            "arn:aws:lambda:us-east-1:1:functions:f",
        ] {
            assert!(!is_task_arn(bad), "{bad}");
        }
    }

    proptest::proptest! {
        /// A function or activity ARN has seven colon-separated parts, the
        /// last one the name; split at five colons, the check finds the
        /// same ones.
        #[test]
        fn functions_and_activities_read_as_seven_parts(
            service in "(lambda|states)",
            region in "(|us-east-1)",
            kind in "(function|activity|functio|activityy)",
            name in "[a-z:$ ]{0,6}",
        ) {
            let arn = format!("arn:aws:{service}:{region}:1:{kind}:{name}");
            let seven: Vec<&str> = arn.splitn(7, ':').collect();
            let expected = match seven.as_slice() {
                ["arn", "aws", "states", "", "", ..] => is_task_arn(&arn),
                ["arn", "aws", "lambda", _, _, "function", name] => super::is_function(name),
                ["arn", "aws", "states", _, _, "activity", name] => super::is_activity_name(name),
                _ => false,
            };
            proptest::prop_assert_eq!(is_task_arn(&arn), expected, "{}", arn);
        }
    }

    #[test]
    fn placeholders_pass_only_when_allowed() {
        let text =
            one_state(r#"{"Type": "Task", "Resource": {"Fn::GetAtt": ["F", "Arn"]}, "End": true}"#);
        assert_eq!(paths(&text, Code::InvalidResource), ["States.S.Resource"]);
        let relaxed = Validator::new().allow_resource_placeholders(true);
        assert!(paths_with(&relaxed, &text, Code::InvalidResource).is_empty());
        let empty = one_state(r#"{"Type": "Task", "Resource": "", "End": true}"#);
        assert_eq!(
            paths_with(&relaxed, &empty, Code::InvalidResource),
            ["States.S.Resource"]
        );
    }

    #[test]
    fn item_reader_needs_an_integration_arn() {
        let text = one_state(
            r#"{"Type": "Map", "End": true,
                "ItemReader": {"Resource": "arn:x"},
                "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
                    "StartAt": "I", "States": {"I": {"Type": "Succeed"}}}}"#,
        );
        assert_eq!(
            paths(&text, Code::InvalidResource),
            ["States.S.ItemReader.Resource"]
        );
    }
}
