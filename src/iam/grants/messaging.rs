//! SNS, SQS, EventBridge and Step Functions.

use super::super::params::Value;
use super::Grant;

/// `sns:Publish` on the topic.
pub(super) fn sns(g: &mut Grant<'_>) {
    let topic = match g.params.get("TopicArn").text() {
        Some(arn) => arn.to_owned(),
        None => g.arn("sns", "*"),
    };
    g.allow(["sns:Publish"], vec![topic]);
}

/// `sqs:SendMessage` on the queue whose URL is `QueueUrl`.
pub(super) fn sqs(g: &mut Grant<'_>) {
    let queue = match g
        .params
        .get("QueueUrl")
        .text()
        .and_then(|url| queue_arn(g, url))
    {
        Some(arn) => arn,
        None => g.arn("sqs", "*"),
    };
    g.allow(["sqs:SendMessage"], vec![queue]);
}

/// The ARN of the queue at `https://sqs.<region>.<domain>/<account>/<name>`.
fn queue_arn(g: &Grant<'_>, url: &str) -> Option<String> {
    let rest = url.strip_prefix("https://")?;
    let mut parts = rest.split('/');
    let host = parts.next()?;
    let account = parts.next()?;
    let name = parts.next()?;
    let region = host.strip_prefix("sqs.")?.split('.').next()?;
    Some(format!(
        "arn:{}:sqs:{region}:{account}:{name}",
        g.env.partition
    ))
}

/// `events:PutEvents` on each entry's bus (the default bus without one).
pub(super) fn events(g: &mut Grant<'_>) {
    let mut buses = Vec::new();
    for entry in g.params.objects("Entries") {
        buses.push(match entry.get("EventBusName") {
            Value::Absent => g.arn("events", "event-bus/default"),
            Value::Text(arn) if arn.starts_with("arn:") => arn.to_owned(),
            Value::Text(name) => g.arn("events", &format!("event-bus/{name}")),
            _ => g.arn("events", "event-bus/*"),
        });
    }
    if buses.is_empty() {
        buses.push(g.arn("events", "event-bus/default"));
    }
    g.allow(["events:PutEvents"], buses);
}

/// `states:startExecution`: the child machine; with `.sync`, its executions
/// and the rule.
pub(super) fn step_functions(g: &mut Grant<'_>) {
    let machine = g.params.get("StateMachineArn").text().map(str::to_owned);
    let arn = machine
        .clone()
        .unwrap_or_else(|| g.arn("states", "stateMachine:*"));
    g.allow(["states:StartExecution"], vec![arn]);
    if g.sync {
        let name = machine
            .as_deref()
            .and_then(|arn| arn.rsplit(':').next())
            .map_or_else(|| "*".to_owned(), |name| format!("{name}*"));
        let executions = g.arn("states", &format!("execution:{name}"));
        g.allow(
            ["states:DescribeExecution", "states:StopExecution"],
            vec![executions],
        );
        g.events_rule("StepFunctionsGetEventsForStepFunctionsExecutionRule");
    }
}
