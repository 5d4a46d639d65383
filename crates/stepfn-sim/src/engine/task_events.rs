//! The history events of a Task's call, which depend on what it calls:
//! `LambdaFunction…` for a Lambda function ARN, `Activity…` for an
//! activity, `Task…` for every integration.

use stepfn::model::Json;

use crate::history::{details, not_truncated, payload, s, EventType};
use crate::program::{ResourceKind, TaskNode};

/// One step of a Task's call.
pub(crate) enum Step<'a> {
    /// Scheduled with this input, literal timeouts when given.
    Scheduled {
        input: &'a Json,
        timeout: Option<u64>,
        heartbeat: Option<u64>,
        region: &'a str,
    },
    /// Started (an activity: by this worker).
    Started { worker: &'a str },
    /// Submitted: waiting for its callback.
    Submitted,
    /// Succeeded with this result.
    Succeeded(&'a Json),
    /// Failed with this error and cause.
    Failed(Option<&'a str>, Option<&'a str>),
    /// Timed out.
    TimedOut(Option<&'a str>, Option<&'a str>),
}

/// The event type of `step` for `task`, without building its details.
pub(crate) fn event_type(task: &TaskNode, step: &Step<'_>) -> EventType {
    use EventType as E;
    let (lambda, activity) = match task.resource_kind {
        ResourceKind::Lambda => (true, false),
        ResourceKind::Activity => (false, true),
        ResourceKind::Service { .. } => (false, false),
    };
    let pick = |l: EventType, a: EventType, t: EventType| {
        if lambda {
            l
        } else if activity {
            a
        } else {
            t
        }
    };
    match step {
        Step::Scheduled { .. } => pick(
            E::LambdaFunctionScheduled,
            E::ActivityScheduled,
            E::TaskScheduled,
        ),
        Step::Started { .. } => pick(E::LambdaFunctionStarted, E::ActivityStarted, E::TaskStarted),
        Step::Submitted => pick(
            E::LambdaFunctionStarted,
            E::ActivityStarted,
            E::TaskSubmitted,
        ),
        Step::Succeeded(_) => pick(
            E::LambdaFunctionSucceeded,
            E::ActivitySucceeded,
            E::TaskSucceeded,
        ),
        Step::Failed(..) => pick(E::LambdaFunctionFailed, E::ActivityFailed, E::TaskFailed),
        Step::TimedOut(..) => pick(
            E::LambdaFunctionTimedOut,
            E::ActivityTimedOut,
            E::TaskTimedOut,
        ),
    }
}

/// The event type and details of `step` for `task`.
pub(crate) fn event(task: &TaskNode, step: &Step<'_>) -> (EventType, Json) {
    use EventType as E;
    let num = |n: Option<u64>| n.map(|n| Json::Number(n.into()));
    let failure = |error: &Option<&str>, cause: &Option<&str>| {
        details([
            ("error", error.map(|e| Json::String(e.to_owned()))),
            ("cause", cause.map(|c| Json::String(c.to_owned()))),
        ])
    };
    match (&task.resource_kind, step) {
        (ResourceKind::Lambda, Step::Scheduled { input, timeout, .. }) => (
            E::LambdaFunctionScheduled,
            details([
                ("resource", s(&task.resource)),
                ("input", payload(input)),
                ("inputDetails", not_truncated()),
                ("timeoutInSeconds", num(*timeout)),
            ]),
        ),
        (ResourceKind::Lambda, Step::Started { .. } | Step::Submitted) => {
            (E::LambdaFunctionStarted, Json::Null)
        }
        (ResourceKind::Lambda, Step::Succeeded(output)) => (
            E::LambdaFunctionSucceeded,
            details([
                ("output", payload(output)),
                ("outputDetails", not_truncated()),
            ]),
        ),
        (ResourceKind::Lambda, Step::Failed(e, c)) => (E::LambdaFunctionFailed, failure(e, c)),
        (ResourceKind::Lambda, Step::TimedOut(e, c)) => (E::LambdaFunctionTimedOut, failure(e, c)),
        (
            ResourceKind::Activity,
            Step::Scheduled {
                input,
                timeout,
                heartbeat,
                ..
            },
        ) => (
            E::ActivityScheduled,
            details([
                ("resource", s(&task.resource)),
                ("input", payload(input)),
                ("inputDetails", not_truncated()),
                ("timeoutInSeconds", num(*timeout)),
                ("heartbeatInSeconds", num(*heartbeat)),
            ]),
        ),
        (ResourceKind::Activity, Step::Started { .. } | Step::Submitted) => {
            let worker = match step {
                Step::Started { worker } => *worker,
                _ => "",
            };
            (E::ActivityStarted, details([("workerName", s(worker))]))
        }
        (ResourceKind::Activity, Step::Succeeded(output)) => (
            E::ActivitySucceeded,
            details([
                ("output", payload(output)),
                ("outputDetails", not_truncated()),
            ]),
        ),
        (ResourceKind::Activity, Step::Failed(e, c)) => (E::ActivityFailed, failure(e, c)),
        (ResourceKind::Activity, Step::TimedOut(e, c)) => (E::ActivityTimedOut, failure(e, c)),
        (
            ResourceKind::Service {
                resource_type,
                resource,
                ..
            },
            step,
        ) => {
            let service = |mut extra: Vec<(&str, Option<Json>)>| {
                let mut pairs: Vec<(&str, Option<Json>)> = vec![
                    ("resourceType", s(resource_type)),
                    ("resource", s(resource)),
                ];
                pairs.append(&mut extra);
                Json::Object(
                    pairs
                        .into_iter()
                        .filter_map(|(k, v)| v.map(|v| (k.to_owned(), v)))
                        .collect(),
                )
            };
            match step {
                Step::Scheduled {
                    input,
                    timeout,
                    heartbeat,
                    region,
                } => (
                    E::TaskScheduled,
                    service(vec![
                        ("region", s(*region)),
                        ("parameters", payload(input)),
                        ("timeoutInSeconds", num(*timeout)),
                        ("heartbeatInSeconds", num(*heartbeat)),
                    ]),
                ),
                Step::Started { .. } => (E::TaskStarted, service(vec![])),
                Step::Submitted => (
                    E::TaskSubmitted,
                    service(vec![
                        ("output", s("{}")),
                        ("outputDetails", not_truncated()),
                    ]),
                ),
                Step::Succeeded(output) => (
                    E::TaskSucceeded,
                    service(vec![
                        ("output", payload(output)),
                        ("outputDetails", not_truncated()),
                    ]),
                ),
                Step::Failed(e, c) => (
                    E::TaskFailed,
                    service(vec![
                        ("error", e.map(|e| Json::String(e.to_owned()))),
                        ("cause", c.map(|c| Json::String(c.to_owned()))),
                    ]),
                ),
                Step::TimedOut(e, c) => (
                    E::TaskTimedOut,
                    service(vec![
                        ("error", e.map(|e| Json::String(e.to_owned()))),
                        ("cause", c.map(|c| Json::String(c.to_owned()))),
                    ]),
                ),
            }
        }
    }
}
