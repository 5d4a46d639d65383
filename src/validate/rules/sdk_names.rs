//! SDK integrations (`arn:aws:states:::aws-sdk:<service>:<action>`) name
//! the service in lowercase, the action in camelCase and the parameters in
//! PascalCase, as the SDK spells them; with the `aws-sdk-models` feature,
//! names are checked against AWS's API models too, with the closest real
//! name. A service the models do not know is left alone (it may be newer
//! than the table) unless its name is close to one they know. AWS accepts
//! such a definition and fails the task when it runs, so these are warnings.

use crate::model::graph::{StateId, StateNode};
use crate::model::{Json, State};
use crate::tasks::aws_sdk::names::{action_problem, known_service, parameter_problem};
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
    let Some(arn) = machine.task_arn(id) else {
        return;
    };
    let ["arn", _, "states", "", "", rest] = arn.as_slice() else {
        return;
    };
    let Some((service, action)) = rest
        .strip_prefix("aws-sdk:")
        .and_then(|r| r.split_once(':'))
    else {
        return;
    };
    let action = action.strip_suffix(".waitForTaskToken").unwrap_or(action);
    let resource = || machine.state_path(id).key("Resource");
    let lower = service.to_lowercase();
    if known_service(&lower) == Some(false) {
        // Not in AWS's models: only a likely typo of a service they know.
        #[cfg(feature = "aws-sdk-models")]
        for unknown in crate::tasks::aws_sdk::models::unknown_names(&lower, action, [].into_iter())
        {
            if unknown.suggested {
                found.warn(resource(), Code::SdkNaming, unknown.message);
            }
        }
        return;
    }
    if lower != service {
        let message = format!("SDK service names are lowercase: `{lower}`, not `{service}`");
        found.warn(resource(), Code::SdkNaming, message);
    }
    let action_ok = match action_problem(action) {
        Some(message) => {
            found.warn(resource(), Code::SdkNaming, message);
            false
        }
        None => true,
    };
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
            let at = machine.state_path(id).key(field).key(key);
            found.warn(at, Code::SdkNaming, message);
        }
    }
    #[cfg(feature = "aws-sdk-models")]
    if cased && action_ok {
        let unknowns =
            crate::tasks::aws_sdk::models::unknown_names(&lower, action, keys.into_iter());
        for unknown in unknowns {
            let at = match &unknown.parameter {
                Some(key) => machine.state_path(id).key(field).key(key),
                None => resource(),
            };
            found.warn(at, Code::SdkNaming, unknown.message);
        }
    }
    #[cfg(not(feature = "aws-sdk-models"))]
    let _ = (cased, action_ok, keys);
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
    fn services_the_models_do_not_know_are_left_alone_unless_a_typo() {
        let text = task("arn:aws:states:::aws-sdk:stripe:charge", r#"{"amount": 1}"#);
        assert!(paths(&text, Code::SdkNaming).is_empty());
        let text = task("arn:aws:states:::aws-sdk:dynamodbb:getItem", "{}");
        assert_eq!(
            messages(&text, Code::SdkNaming),
            ["the AWS SDK has no service `dynamodbb`: did you mean `dynamodb`?"]
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
