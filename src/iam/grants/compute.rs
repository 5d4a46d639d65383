//! Lambda, ECS and Batch.

use super::super::params::Value;
use super::Grant;

/// `lambda:InvokeFunction` on the function and its versions and aliases.
fn invoke(g: &mut Grant<'_>, function: Value<'_>) {
    let arn = match function.text() {
        Some(arn) if arn.starts_with("arn:") => arn.to_owned(),
        Some(name) => g.arn("lambda", &format!("function:{name}")),
        None => g.arn("lambda", "function:*"),
    };
    let resources = if arn.ends_with(":*") {
        vec![arn]
    } else {
        vec![arn.clone(), format!("{arn}:*")]
    };
    g.allow(["lambda:InvokeFunction"], resources);
}

/// `lambda:invoke`: the function in `FunctionName`.
pub(super) fn lambda_invoke(g: &mut Grant<'_>) {
    let function = g.params.get("FunctionName");
    invoke(g, function);
}

/// A Lambda function ARN as the `Resource`.
pub(super) fn lambda_arn(g: &mut Grant<'_>, arn: &str) {
    invoke(g, Value::Text(arn));
}

/// `ecs:runTask`: the task definition family, the task's own calls, the
/// roles it passes, and the `.sync` rule.
pub(super) fn ecs(g: &mut Grant<'_>) {
    let family = match g.params.get("TaskDefinition").text() {
        Some(arn) if arn.starts_with("arn:") => {
            let name = arn.rsplit('/').next().unwrap_or(arn);
            name.split(':').next().unwrap_or(name).to_owned()
        }
        Some(definition) => definition
            .split(':')
            .next()
            .unwrap_or(definition)
            .to_owned(),
        None => "*".to_owned(),
    };
    let definition = g.arn("ecs", &format!("task-definition/{family}:*"));
    g.allow(["ecs:RunTask"], vec![definition]);
    g.allow(["ecs:StopTask", "ecs:DescribeTasks"], vec!["*".to_owned()]);
    match g.pass_roles() {
        Some(roles) => g.allow(["iam:PassRole"], roles),
        None => {
            // ASL does not name the task definition's roles: allow passing
            // roles to ECS tasks only.
            let any_role = g.env.global_arn("iam", "role/*");
            let statement = crate::iam::Statement::allow(["iam:PassRole"], [any_role]).condition(
                "StringEquals",
                "iam:PassedToService",
                "ecs-tasks.amazonaws.com",
            );
            g.push(statement);
        }
    }
    if g.sync {
        g.events_rule("StepFunctionsGetEventsForECSTaskRule");
    }
}

/// `batch:submitJob`: any job definition and the queue, and the rule
/// (always, as the CDK grants it).
pub(super) fn batch(g: &mut Grant<'_>) {
    let resources = match g.params.get("JobQueue").text() {
        Some(queue) => vec![g.arn("batch", "job-definition/*"), queue.to_owned()],
        None => vec!["*".to_owned()],
    };
    g.allow(["batch:SubmitJob"], resources);
    g.events_rule("StepFunctionsGetEventsForBatchJobsRule");
}
