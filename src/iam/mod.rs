//! The IAM policy a state machine's role needs to run its tasks.
//!
//! [`policy`] reads any definition, task by task, from each `Resource` and
//! its `Parameters` or `Arguments`, and grants what the AWS CDK grants for
//! the same task: `lambda:InvokeFunction` on a function and its versions,
//! `sqs:SendMessage` on the queue behind a `QueueUrl`, for a `.sync`
//! integration also the calls that watch and stop the job and the
//! `StepFunctionsGetEventsFor...` EventBridge rule, `sts:AssumeRole` for a
//! task's `Credentials`, and so on. An SDK integration
//! (`arn:aws:states:::aws-sdk:<service>:<action>`) gets `<prefix>:<action>`
//! with the IAM prefix of the service ([`iam_prefix`](crate::tasks::iam_prefix)).
//!
//! A definition does not say everything: an SDK call's resources, the roles
//! of an ECS task definition, the role of a SageMaker transform job, the
//! secret of an EventBridge connection. [`StateMachine::iam_policy`](crate::builder::StateMachine::iam_policy)
//! knows them from the typed integrations; from ASL alone, the policy
//! allows `*` for an SDK call, and passing any role of the account to the
//! one service that needs it.
//!
//! ```
//! use stepfn::iam::{policy, Environment};
//! let machine = stepfn::read::read_str(r#"{
//!   "StartAt": "Save",
//!   "States": {"Save": {"Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem",
//!     "Parameters": {"TableName": "orders", "Item": {"id": {"S.$": "$.id"}}}, "End": true}}
//! }"#)?;
//! let document = policy(&machine, &Environment::new("us-east-1", "123456789012"));
//! assert_eq!(document.to_json(), r#"{"Statement":[{"Action":"dynamodb:PutItem","Effect":"Allow","Resource":"arn:aws:dynamodb:us-east-1:123456789012:table/orders"}],"Version":"2012-10-17"}"#);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod document;
mod environment;
mod fact;
mod grants;
mod machine;
mod params;
mod statement;

pub use document::PolicyDocument;
pub use environment::Environment;
pub(crate) use fact::Fact;
pub use statement::Statement;

use std::collections::HashMap;

use crate::model::graph::Graph;
use crate::model::{self, State};

/// The policy the role of `machine` needs, for every Task state in it
/// (Parallel branches and Map processors included). (Example on the
/// [module](self).)
#[must_use]
pub fn policy(machine: &model::StateMachine, env: &Environment) -> PolicyDocument {
    policy_with_facts(machine, &[], env)
}

/// As [`policy`], with what typed integrations knew about each state.
pub(crate) fn policy_with_facts(
    machine: &model::StateMachine,
    facts: &[(String, Fact)],
    env: &Environment,
) -> PolicyDocument {
    let mut by_state: HashMap<&str, Vec<Fact>> = HashMap::new();
    for (state, fact) in facts {
        by_state
            .entry(state.as_str())
            .or_default()
            .push(fact.clone());
    }
    let graph = Graph::new(machine);
    let mut document = PolicyDocument::new();
    for node in graph.states() {
        if let State::Task(task) = node.state {
            let facts = by_state.get(node.name).map_or(&[][..], Vec::as_slice);
            for statement in grants::task_statements(task, facts, env) {
                document.add(statement);
            }
        }
    }
    document
}
