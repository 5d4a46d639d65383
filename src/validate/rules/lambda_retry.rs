//! A Task that invokes Lambda should retry Lambda's transient service errors
//! (`Lambda.ServiceException`, `Lambda.AWSLambdaException`,
//! `Lambda.SdkClientException`), as AWS's best practices advise: they happen
//! now and then and go away on retry. A warning.

use crate::model::graph::{StateId, StateNode};
use crate::validate::definition::Definition;
use crate::validate::findings::Findings;
use crate::Code;

/// The errors AWS advises retrying on every Lambda call.
const TRANSIENT: [&str; 3] = [
    "Lambda.ServiceException",
    "Lambda.AWSLambdaException",
    "Lambda.SdkClientException",
];

pub(crate) fn check(
    found: &mut Findings<'_>,
    machine: &Definition<'_>,
    id: StateId,
    node: &StateNode<'_>,
) {
    let Some(arn) = machine.task_arn(id) else {
        return;
    };
    if !is_lambda(arn.as_slice()) {
        return;
    }
    let retried = |error: &str| {
        node.state.retriers().iter().any(|r| {
            r.error_equals
                .iter()
                .any(|e| e == error || e == "States.ALL")
        })
    };
    let missing: Vec<&str> = TRANSIENT.into_iter().filter(|e| !retried(e)).collect();
    if missing.is_empty() {
        return;
    }
    found.warn(
        machine.state_path(id),
        Code::LambdaWithoutRetry,
        format!(
            "this Lambda call does not retry {}: these transient service errors go away on \
             retry, so add a retrier for them (`Retry::lambda_service_errors()` in the builder: \
             IntervalSeconds 2, MaxAttempts 6, BackoffRate 2)",
            missing
                .iter()
                .map(|e| format!("`{e}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    );
}

/// Whether a `Resource` ARN (split at its first five colons) invokes a
/// Lambda function: the optimized integration or a function ARN.
fn is_lambda(arn: &[&str]) -> bool {
    match arn {
        ["arn", _, "states", "", "", rest] => rest.starts_with("lambda:invoke"),
        ["arn", _, "lambda", _, _, rest] => rest.starts_with("function:"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::validate::rules::test_util::{messages, one_state, paths};
    use crate::Code;

    fn task(resource: &str, retry: &str) -> String {
        one_state(&format!(
            r#"{{"Type": "Task", "Resource": "{resource}", "TimeoutSeconds": 30, {retry} "Next": "Done"}}"#
        ))
    }

    #[test]
    fn warns_about_lambda_calls_that_do_not_retry_service_errors() {
        for resource in [
            "arn:aws:states:::lambda:invoke",
            "arn:aws:states:::lambda:invoke.waitForTaskToken",
            "arn:aws:lambda:us-east-1:123456789012:function:work",
        ] {
            assert_eq!(
                paths(&task(resource, ""), Code::LambdaWithoutRetry),
                ["States.S"],
                "{resource}"
            );
        }
        let partial = task(
            "arn:aws:states:::lambda:invoke",
            r#""Retry": [{"ErrorEquals": ["Lambda.ServiceException"]}],"#,
        );
        assert_eq!(
            messages(&partial, Code::LambdaWithoutRetry)[0]
                .split(':')
                .next(),
            Some("this Lambda call does not retry `Lambda.AWSLambdaException`, `Lambda.SdkClientException`")
        );
    }

    #[test]
    fn a_full_retrier_or_another_service_is_fine() {
        let all = task(
            "arn:aws:states:::lambda:invoke",
            r#""Retry": [{"ErrorEquals": ["States.ALL"]}],"#,
        );
        assert!(paths(&all, Code::LambdaWithoutRetry).is_empty());
        let listed = task(
            "arn:aws:states:::lambda:invoke",
            r#""Retry": [{"ErrorEquals": ["Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException"]}],"#,
        );
        assert!(paths(&listed, Code::LambdaWithoutRetry).is_empty());
        let sns = task("arn:aws:states:::sns:publish", "");
        assert!(paths(&sns, Code::LambdaWithoutRetry).is_empty());
    }
}
