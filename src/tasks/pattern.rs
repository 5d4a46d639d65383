//! Integration patterns and the `Resource` ARNs they give.

/// How a Task waits for the AWS API it calls, written as the suffix of its
/// `Resource`.
///
/// ```
/// use stepfn::tasks::IntegrationPattern;
/// assert_eq!(IntegrationPattern::RequestResponse.suffix(), "");
/// assert_eq!(IntegrationPattern::RunJob.suffix(), ".sync");
/// assert_eq!(IntegrationPattern::WaitForTaskToken.suffix(), ".waitForTaskToken");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum IntegrationPattern {
    /// Call the API and go on as soon as it answers (no suffix).
    RequestResponse,
    /// Start a job and wait until it is done (`.sync`; `.sync:2` for Step
    /// Functions executions).
    RunJob,
    /// Call the API with a task token and wait until someone sends it back
    /// with `SendTaskSuccess` or `SendTaskFailure` (`.waitForTaskToken`).
    WaitForTaskToken,
}

impl IntegrationPattern {
    /// The `Resource` suffix of this pattern.
    #[must_use]
    pub fn suffix(self) -> &'static str {
        match self {
            IntegrationPattern::RequestResponse => "",
            IntegrationPattern::RunJob => ".sync",
            IntegrationPattern::WaitForTaskToken => ".waitForTaskToken",
        }
    }
}

/// `arn:aws:states:::<service>:<action>` with the suffix of `pattern`.
pub(crate) fn integration_arn(service: &str, action: &str, pattern: IntegrationPattern) -> String {
    format!("arn:aws:states:::{service}:{action}{}", pattern.suffix())
}

/// Unit tests.
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arns_carry_the_suffix() {
        assert_eq!(
            integration_arn("sqs", "sendMessage", IntegrationPattern::WaitForTaskToken),
            "arn:aws:states:::sqs:sendMessage.waitForTaskToken"
        );
        assert_eq!(
            integration_arn("batch", "submitJob", IntegrationPattern::RunJob),
            "arn:aws:states:::batch:submitJob.sync"
        );
    }
}
