//! SDK integrations (`arn:aws:states:::aws-sdk:<service>:<action>`) name
//! the service in lowercase, the action in camelCase and the parameters in
//! PascalCase, as the SDK spells them; with the `aws-sdk-models` feature,
//! names are checked against AWS's API models too, with the closest real
//! name. AWS accepts such a definition and fails the task when it runs, so
//! these are warnings.

use crate::model::{Json, Resource, State};
use crate::tasks::aws_sdk::names::{action_problem, parameter_problem};
use crate::validate::cx::Cx;
use crate::validate::walk::{Entry, Index};
use crate::Code;

pub(crate) fn check(cx: &mut Cx<'_>, ix: &Index<'_>, entry: usize, e: &Entry<'_>) {
    let State::Task(task) = e.state else { return };
    let Resource::Uri(uri) = &task.resource else {
        return;
    };
    let parts: Vec<&str> = uri.splitn(6, ':').collect();
    let ["arn", _, "states", "", "", rest] = parts.as_slice() else {
        return;
    };
    let Some((service, action)) = rest
        .strip_prefix("aws-sdk:")
        .and_then(|r| r.split_once(':'))
    else {
        return;
    };
    let action = action.strip_suffix(".waitForTaskToken").unwrap_or(action);
    let resource = || ix.state_at(entry).key("Resource");
    if service.chars().any(|c| c.is_ascii_uppercase()) {
        let message = format!(
            "SDK service names are lowercase: `{}`, not `{service}`",
            service.to_lowercase()
        );
        cx.warn(resource(), Code::SdkNaming, message);
    }
    if let Some(message) = action_problem(action) {
        cx.warn(resource(), Code::SdkNaming, message);
    }
    let (field, input) = match (&task.parameters, &task.arguments) {
        (Some(Json::Object(p)), _) => ("Parameters", Some(p)),
        (_, Some(Json::Object(a))) => ("Arguments", Some(a)),
        _ => ("Parameters", None),
    };
    let keys: Vec<&str> = input
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default();
    let mut cased = true;
    for key in &keys {
        if let Some(message) = parameter_problem(key) {
            cased = false;
            cx.warn(
                ix.state_at(entry).key(field).key(key),
                Code::SdkNaming,
                message,
            );
        }
    }
    #[cfg(feature = "aws-sdk-models")]
    if cased && action_problem(action).is_none() {
        let service = service.to_lowercase();
        for unknown in
            crate::tasks::aws_sdk::models::unknown_names(&service, action, keys.into_iter())
        {
            let at = match &unknown.parameter {
                Some(key) => ix.state_at(entry).key(field).key(key),
                None => resource(),
            };
            cx.warn(at, Code::SdkNaming, unknown.message);
        }
    }
    #[cfg(not(feature = "aws-sdk-models"))]
    let _ = (cased, keys);
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::{messages, one_state, paths};
    use crate::Code;

    fn task(resource: &str, parameters: &str) -> String {
        one_state(&format!(
            r#"{{"Type": "Task", "Resource": "{resource}", "Parameters": {parameters}, "End": true}}"#
        ))
    }

    #[test]
    fn names_spelled_as_the_sdk_pass() {
        let text = task(
            "arn:aws:states:::aws-sdk:s3:getObject",
            r#"{"Bucket": "b", "Key.$": "$.key"}"#,
        );
        assert!(paths(&text, Code::SdkNaming).is_empty());
    }

    #[test]
    fn case_mistakes_are_warned_at_their_place() {
        let text = task(
            "arn:aws:states:::aws-sdk:S3:GetObject",
            r#"{"bucket": "b"}"#,
        );
        assert_eq!(
            paths(&text, Code::SdkNaming),
            [
                "States.S.Resource",
                "States.S.Resource",
                "States.S.Parameters.bucket"
            ]
        );
    }

    #[cfg(feature = "aws-sdk-models")]
    #[test]
    fn unknown_names_get_the_closest_real_one() {
        let text = task("arn:aws:states:::aws-sdk:s3:getObjekt", "{}");
        assert_eq!(
            messages(&text, Code::SdkNaming),
            ["`s3` has no action `getObjekt`: did you mean `getObject`?"]
        );
        let text = task(
            "arn:aws:states:::aws-sdk:dynamodb:getItem",
            r#"{"TableNme": "t"}"#,
        );
        assert_eq!(
            paths(&text, Code::SdkNaming),
            ["States.S.Parameters.TableNme"]
        );
    }

    #[test]
    fn a_warning_is_not_an_error() {
        let text = task("arn:aws:states:::aws-sdk:s3:GetObject", "{}");
        let report = crate::validate::Validator::new().check_str(&text);
        assert!(report.errors().iter().all(|e| e.code() != Code::SdkNaming));
        assert!(!messages(&text, Code::SdkNaming).is_empty());
    }
}
