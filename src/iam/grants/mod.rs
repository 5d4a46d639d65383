//! The statements each task needs, from its `Resource` and input, as the
//! CDK grants them for the same task.

mod compute;
mod data;
mod emr;
mod endpoints;
mod machine_learning;
mod messaging;

use crate::model::{Json, Resource, Task};

use super::params::{Params, Value};
use super::{Environment, Fact, Statement};

/// What one task's grants are worked out from, and where they go.
pub(crate) struct Grant<'a> {
    pub(crate) env: &'a Environment,
    pub(crate) params: Params<'a>,
    /// `.sync` or `.sync:2`: the task waits for a job.
    pub(crate) sync: bool,
    pub(crate) facts: &'a [Fact],
    pub(crate) out: Vec<Statement>,
}

impl Grant<'_> {
    /// Allows `actions` on `resources`.
    pub(crate) fn allow<const A: usize>(&mut self, actions: [&str; A], resources: Vec<String>) {
        self.out.push(Statement::allow(actions, resources));
    }

    /// Adds `statement`.
    pub(crate) fn push(&mut self, statement: Statement) {
        self.out.push(statement);
    }

    /// `arn:<p>:<service>:<region>:<account>:<resource>`.
    pub(crate) fn arn(&self, service: &str, resource: &str) -> String {
        self.env.arn(service, resource)
    }

    /// The PutTargets/PutRule/DescribeRule statement of a `.sync` rule.
    pub(crate) fn events_rule(&mut self, rule: &str) {
        let arn = self.env.events_rule(rule);
        self.allow(
            ["events:PutTargets", "events:PutRule", "events:DescribeRule"],
            vec![arn],
        );
    }

    /// The roles facts name, if any.
    pub(crate) fn pass_roles(&self) -> Option<Vec<String>> {
        self.facts.iter().find_map(|f| match f {
            Fact::PassRoles(roles) => Some(roles.clone()),
            _ => None,
        })
    }

    /// A role's ARN from its name or ARN.
    pub(crate) fn role_arn(&self, role: &str) -> String {
        if role.starts_with("arn:") {
            role.to_owned()
        } else {
            self.env.global_arn("iam", &format!("role/{role}"))
        }
    }

    /// `name` of the field `key`, or `*` when it is computed at run time.
    pub(crate) fn name_or_any(&self, key: &str) -> String {
        match self.params.get(key) {
            Value::Text(text) => text.to_owned(),
            _ => "*".to_owned(),
        }
    }
}

/// The statements `task` needs, given what the builder knew (`facts`).
pub(crate) fn task_statements(task: &Task, facts: &[Fact], env: &Environment) -> Vec<Statement> {
    let mut g = Grant {
        env,
        params: Params::of(task),
        sync: false,
        facts,
        out: Vec::new(),
    };
    let given = facts.iter().find_map(|f| match f {
        Fact::Statements(statements) => Some(statements.clone()),
        _ => None,
    });
    match (given, &task.resource) {
        (Some(statements), _) => g.out.extend(statements),
        (None, Resource::Uri(uri)) => resource(&mut g, uri),
        (None, Resource::Template(_)) => {}
    }
    if let Some(Json::Object(credentials)) =
        task.credentials.as_ref().map(|c| Json::Object(c.clone()))
    {
        let role = match (
            credentials.get("RoleArn"),
            credentials.contains_key("RoleArn.$"),
        ) {
            (Some(Json::String(arn)), false) if !super::params::is_jsonata(arn) => arn.clone(),
            _ => "*".to_owned(),
        };
        g.out.push(Statement::allow(["sts:AssumeRole"], [role]));
    }
    g.out
}

/// Dispatches on the `Resource`: an optimized integration, an SDK call, a
/// Lambda function or an activity.
fn resource(g: &mut Grant<'_>, uri: &str) {
    let parts: Vec<&str> = uri.splitn(6, ':').collect();
    match parts.as_slice() {
        ["arn", _, "states", "", "", rest] => integration(g, rest),
        ["arn", _, "lambda", _, _, _] => compute::lambda_arn(g, uri),
        _ => {}
    }
}

/// `<service>:<action>[.suffix]` or `aws-sdk:<service>:<action>[.suffix]`.
fn integration(g: &mut Grant<'_>, rest: &str) {
    let (path, suffix) = match rest.split_once('.') {
        Some((path, suffix)) => (path, suffix),
        None => (rest, ""),
    };
    g.sync = suffix.starts_with("sync");
    let Some((service, action)) = path.split_once(':') else {
        return;
    };
    if service == "aws-sdk" {
        return endpoints::aws_sdk(g, action);
    }
    match service {
        "lambda" => compute::lambda_invoke(g),
        "ecs" => compute::ecs(g),
        "batch" => compute::batch(g),
        "sns" => messaging::sns(g),
        "sqs" => messaging::sqs(g),
        "events" => messaging::events(g),
        "states" => messaging::step_functions(g),
        "dynamodb" => data::dynamodb(g, action),
        "athena" => data::athena(g, action),
        "glue" => data::glue(g),
        "databrew" => data::databrew(g),
        "codebuild" => machine_learning::codebuild(g, action),
        "elasticmapreduce" => emr::emr(g, action),
        "emr-containers" => emr::emr_containers(g, action),
        "sagemaker" => machine_learning::sagemaker(g, action),
        "bedrock" => machine_learning::bedrock(g, action),
        "mediaconvert" => machine_learning::mediaconvert(g),
        "http" => endpoints::http(g),
        "apigateway" => endpoints::api_gateway(g),
        _ => {}
    }
}
