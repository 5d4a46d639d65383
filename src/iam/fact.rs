//! [`Fact`]: what a typed integration knows about its permissions that its
//! ASL does not say.

use super::Statement;

/// Something the IAM policy of one task needs that its ASL does not say,
/// carried from a typed integration to [`StateMachine::iam_policy`](crate::builder::StateMachine::iam_policy).
#[derive(Debug, Clone, PartialEq)]
#[doc(hidden)]
pub enum Fact {
    /// The roles the task hands to the service (`iam:PassRole`): an ECS task
    /// definition's roles, a SageMaker transform job's role.
    PassRoles(Vec<String>),
    /// The task's whole set of statements (`CallAwsService`: its IAM
    /// resources, action and extra statements).
    Statements(Vec<Statement>),
    /// The ARN of an EventBridge connection's secret (`HttpInvoke`).
    ConnectionSecret(String),
}
