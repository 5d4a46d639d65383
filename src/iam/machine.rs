//! [`StateMachine::iam_policy`]: the policy of a machine built with the
//! builder, with what its typed integrations know.

use crate::builder::StateMachine;
use crate::problem::Problems;

use super::{policy_with_facts, Environment, PolicyDocument};

impl StateMachine {
    /// Builds the machine (as [`StateMachine::build`]) and gives the IAM
    /// policy its role needs in `env`, with what the typed integrations know
    /// beyond their ASL (an SDK call's resources, an ECS task's roles, ...).
    ///
    /// ```
    /// use stepfn::builder::StateMachine;
    /// use stepfn::iam::Environment;
    /// use stepfn::tasks::{LambdaFunction, LambdaInvoke};
    /// let f = LambdaFunction::from_arn("arn:aws:lambda:us-east-1:123456789012:function:charge");
    /// let policy = StateMachine::new(LambdaInvoke::new("Charge", f))
    ///     .iam_policy(&Environment::new("us-east-1", "123456789012"))?;
    /// assert_eq!(policy.to_json(), concat!(
    ///     r#"{"Statement":[{"Action":"lambda:InvokeFunction","Effect":"Allow","Resource":["#,
    ///     r#""arn:aws:lambda:us-east-1:123456789012:function:charge","#,
    ///     r#""arn:aws:lambda:us-east-1:123456789012:function:charge:*"]}],"Version":"2012-10-17"}"#,
    /// ));
    /// # Ok::<(), stepfn::problem::Problems>(())
    /// ```
    ///
    /// # Errors
    /// As [`StateMachine::build`]: every problem of the machine.
    pub fn iam_policy(self, env: &Environment) -> Result<PolicyDocument, Problems> {
        let (machine, facts) = self.build_with_facts()?;
        Ok(policy_with_facts(&machine, &facts, env))
    }
}
