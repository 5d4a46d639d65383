//! What a Task's `Resource` calls, which decides its history events
//! (`LambdaFunction…`, `Activity…` or `Task…`) and how it completes
//! (request-response, `.sync`, `.waitForTaskToken`).

/// How an integration completes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pattern {
    /// The call's response is the result.
    RequestResponse,
    /// `.sync`: the job's completion is the result.
    Sync,
    /// `.sync:2`.
    Sync2,
    /// `.waitForTaskToken`: a callback with the task token completes it.
    WaitForTaskToken,
}

/// The kind of resource a Task calls.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ResourceKind {
    /// A Lambda function ARN (`arn:aws:lambda:…:function:…`).
    Lambda,
    /// An activity ARN (`arn:aws:states:…:activity:…`); a worker serves it.
    Activity,
    /// An integration `arn:aws:states:::<service>:<action>[.<suffix>]`.
    Service {
        /// The history's `resourceType`: `sqs`, `aws-sdk:s3`, …
        resource_type: String,
        /// The history's `resource`: `sendMessage.waitForTaskToken`, …
        resource: String,
        /// How it completes.
        pattern: Pattern,
    },
}

impl ResourceKind {
    /// Classifies a `Resource`.
    pub(crate) fn of(arn: &str) -> ResourceKind {
        let parts: Vec<&str> = arn.splitn(6, ':').collect();
        match parts.as_slice() {
            ["arn", _, "lambda", _, _, rest] if rest.starts_with("function:") => {
                return ResourceKind::Lambda
            }
            ["arn", _, "states", _, _, rest] if rest.starts_with("activity:") => {
                return ResourceKind::Activity
            }
            _ => {}
        }
        let service = arn
            .splitn(6, ':')
            .nth(5)
            .filter(|_| arn.starts_with("arn:"))
            .unwrap_or(arn);
        let (action_part, pattern) = if let Some(base) = service.strip_suffix(".waitForTaskToken") {
            (base, Pattern::WaitForTaskToken)
        } else if let Some(base) = service.strip_suffix(".sync:2") {
            (base, Pattern::Sync2)
        } else if let Some(base) = service.strip_suffix(".sync") {
            (base, Pattern::Sync)
        } else {
            (service, Pattern::RequestResponse)
        };
        let (resource_type, action) = match action_part.rsplit_once(':') {
            Some((kind, action)) => (kind.to_owned(), action),
            None => (String::new(), action_part),
        };
        let suffix = &service[action_part.len()..];
        ResourceKind::Service {
            resource_type,
            resource: format!("{action}{suffix}"),
            pattern,
        }
    }

    /// How the task completes.
    pub(crate) fn pattern(&self) -> Pattern {
        match self {
            ResourceKind::Service { pattern, .. } => *pattern,
            ResourceKind::Lambda => Pattern::RequestResponse,
            ResourceKind::Activity => Pattern::WaitForTaskToken,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn service(arn: &str) -> (String, String, Pattern) {
        match ResourceKind::of(arn) {
            ResourceKind::Service {
                resource_type,
                resource,
                pattern,
            } => (resource_type, resource, pattern),
            other => panic!("{arn}: {other:?}"),
        }
    }

    #[test]
    fn splits_as_the_history_does() {
        assert_eq!(
            service("arn:aws:states:::sqs:sendMessage.waitForTaskToken"),
            (
                "sqs".into(),
                "sendMessage.waitForTaskToken".into(),
                Pattern::WaitForTaskToken
            )
        );
        assert_eq!(
            service("arn:aws:states:::states:startExecution.sync:2"),
            (
                "states".into(),
                "startExecution.sync:2".into(),
                Pattern::Sync2
            )
        );
        assert_eq!(
            service("arn:aws:states:::aws-sdk:s3:getObject"),
            (
                "aws-sdk:s3".into(),
                "getObject".into(),
                Pattern::RequestResponse
            )
        );
        assert_eq!(
            ResourceKind::of("arn:aws:lambda:us-east-1:123456789012:function:Hello"),
            ResourceKind::Lambda
        );
        assert_eq!(
            ResourceKind::of("arn:aws:states:us-east-1:123456789012:activity:Work"),
            ResourceKind::Activity
        );
    }
}
