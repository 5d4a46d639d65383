//! Typed integrations of [`crate::tasks`] for Task states whose `Resource`
//! and input one of them renders exactly: `LambdaInvoke`, `SnsPublish`,
//! `SqsSendMessage`, `DynamoGetItem`, `DynamoPutItem` and
//! `StepFunctionsStartExecution`.
//!
//! Each candidate is built twice, side by side: as the code to write, and
//! here, as the integration that code makes. The integration is rendered
//! and compared with the definition (`Resource`, `Parameters` or
//! `Arguments`, `QueryLanguage`, the retriers it adds, no problems); only
//! an exact match is written, anything else stays a plain `Task`.

mod args;
mod dynamodb;
mod lambda;
mod sns;
mod sqs;
mod stepfunctions;

use crate::builder::Task as BuilderTask;
use crate::model::{Json, QueryLanguage, Resource, Task};
use crate::tasks::{Integration, Service};

use super::code::Expr;
use super::cx::FnCx;
use super::fields::{comment, object, path};
use super::states::StateCx;
use args::{Arg, Given};

/// A candidate: the code, the task it renders, and the items it names.
pub(super) struct Candidate {
    code: Expr,
    rendered: BuilderTask,
    uses: Vec<&'static str>,
}

/// The integration pattern a `Resource` ends with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Pattern {
    RequestResponse,
    WaitForTaskToken,
    /// `.sync:2`
    Sync2,
}

/// The typed integration writing `task`, if one writes it exactly.
pub(crate) fn typed(cx: &mut FnCx<'_>, at: &StateCx<'_>, task: &Task) -> Option<Expr> {
    let Resource::Uri(uri) = &task.resource else {
        return None;
    };
    // `.retries([])` and `.catches([])` are Task setters only.
    if task.retry.as_ref().is_some_and(Vec::is_empty)
        || task.catch.as_ref().is_some_and(Vec::is_empty)
    {
        return None;
    }
    let input = match (at.language, &task.parameters, &task.arguments) {
        (QueryLanguage::JsonPath, Some(Json::Object(o)), None) => o,
        (QueryLanguage::Jsonata, None, Some(Json::Object(o))) => o,
        _ => return None,
    };
    let (base, pattern) = if let Some(base) = uri.strip_suffix(".waitForTaskToken") {
        (base, Pattern::WaitForTaskToken)
    } else if let Some(base) = uri.strip_suffix(".sync:2") {
        (base, Pattern::Sync2)
    } else {
        (uri.as_str(), Pattern::RequestResponse)
    };
    let statements = cx.statements.len();
    let mut given = Given::new(input, at.language);
    let candidate = match base {
        "arn:aws:states:::lambda:invoke" => lambda::invoke(cx, at, task, &mut given, pattern),
        "arn:aws:states:::sns:publish" => sns::publish(cx, at, task, &mut given, pattern),
        "arn:aws:states:::sqs:sendMessage" => sqs::send_message(cx, at, task, &mut given, pattern),
        "arn:aws:states:::dynamodb:getItem" => {
            dynamodb::get_item(cx, at, task, &mut given, pattern)
        }
        "arn:aws:states:::dynamodb:putItem" => {
            dynamodb::put_item(cx, at, task, &mut given, pattern)
        }
        "arn:aws:states:::states:startExecution" => {
            stepfunctions::start_execution(cx, at, task, &mut given, pattern)
        }
        _ => None,
    };
    let accepted = candidate
        .filter(|_| given.all_taken())
        .and_then(|candidate| accept(task, candidate));
    let Some(Accepted {
        code,
        uses,
        retriers,
    }) = accepted
    else {
        // Values moved out of a refused candidate are not needed.
        cx.statements.truncate(statements);
        return None;
    };
    for path in uses {
        cx.file.uses(path);
    }
    let code = comment(code, task.comment.as_deref());
    let code = object(cx, code, "credentials", task.credentials.as_ref());
    let code = path(code, "input_path", task.input_path.as_ref());
    Some(super::states::after_input(cx, code, task, retriers))
}

/// A candidate that renders the definition exactly.
struct Accepted<'t> {
    code: Expr,
    uses: Vec<&'static str>,
    /// The state's retriers the code still adds (after the integration's).
    retriers: Option<&'t [crate::model::Retrier]>,
}

/// The candidate's code and the retriers left for the code to add, when it
/// renders exactly `task`'s resource and input.
fn accept(task: &Task, candidate: Candidate) -> Option<Accepted<'_>> {
    let Candidate {
        code,
        rendered,
        uses,
    } = candidate;
    let inner = &rendered.inner;
    let same = inner.resource == task.resource
        && inner.parameters == task.parameters
        && inner.arguments == task.arguments
        && inner.query_language == task.query_language
        && rendered.problems.iter().all(|p| p.fact.is_some());
    if !same {
        return None;
    }
    let added = inner.retry.as_deref().unwrap_or_default();
    let own = task.retry.as_deref().unwrap_or_default();
    let rest = own.strip_prefix(added)?;
    let rest = (!rest.is_empty()).then_some(rest);
    Some(Accepted {
        code,
        uses,
        retriers: rest,
    })
}

/// The state's query language on the integration, as the definition says
/// it: its own `QueryLanguage`, or `.jsonata()` in a JSONata machine.
fn language<S: Service>(
    built: Arg<Integration<S>>,
    task: &Task,
    at: &StateCx<'_>,
) -> Arg<Integration<S>> {
    match (task.query_language, at.language) {
        (Some(language), _) => {
            let variant = match language {
                QueryLanguage::JsonPath => "QueryLanguage::JsonPath",
                QueryLanguage::Jsonata => "QueryLanguage::Jsonata",
            };
            let arg = Arg {
                code: Expr::path(variant),
                value: language,
            };
            built.set("query_language", arg, Integration::query_language)
        }
        (None, QueryLanguage::Jsonata) => built.call("jsonata", Integration::jsonata),
        (None, QueryLanguage::JsonPath) => built,
    }
}

impl Pattern {
    /// The pattern of a service without a `.sync` form: nothing for
    /// request-response, `wait` (`.wait_for_task_token()`) for a callback,
    /// `None` for `.sync:2`.
    fn without_sync<V>(self, built: Arg<V>, wait: impl FnOnce(V) -> V) -> Option<Arg<V>> {
        match self {
            Pattern::RequestResponse => Some(built),
            Pattern::WaitForTaskToken => Some(built.call("wait_for_task_token", wait)),
            Pattern::Sync2 => None,
        }
    }
}

/// A finished candidate.
fn candidate<S: Service>(built: Arg<Integration<S>>, uses: Vec<&'static str>) -> Option<Candidate> {
    Some(Candidate {
        code: built.code,
        rendered: built.value.into_task(),
        uses,
    })
}
