//! `LambdaInvoke`: `arn:aws:states:::lambda:invoke`.

use crate::builder::Retry;
use crate::model::{Json, QueryLanguage, Task};
use crate::tasks::{Input, LambdaFunction, LambdaInvocationType, LambdaInvoke};

use super::super::code::Expr;
use super::super::cx::FnCx;
use super::super::states::StateCx;
use super::args::{json, text, Arg, Field, Given};
use super::{candidate, language, Candidate, Pattern};

/// `LambdaInvoke::new(name, function)` with its payload and options.
pub(super) fn invoke(
    cx: &mut FnCx<'_>,
    at: &StateCx<'_>,
    task: &Task,
    given: &mut Given<'_>,
    pattern: Pattern,
) -> Option<Candidate> {
    let function = text::<LambdaFunction>(given.take("FunctionName")?)?;
    let built = Arg {
        value: LambdaInvoke::new(at.name, function.value),
        code: Expr::call("LambdaInvoke::new", vec![Expr::str(at.name), function.code]),
    };
    let mut uses = vec!["stepfn::tasks::LambdaInvoke"];
    let mut built = language(built, task, at);
    let default_payload = match given.language() {
        QueryLanguage::JsonPath => ("Payload.$", Json::from("$")),
        QueryLanguage::Jsonata => ("Payload", Json::from("{% $states.input %}")),
    };
    if !given.take_if(default_payload.0, &default_payload.1) {
        let payload = json(cx, given.take("Payload")?)?;
        built = built.set("payload", payload, LambdaInvoke::payload);
    }
    if let Some(field) = given.take("InvocationType") {
        let kind: Arg<Input<LambdaInvocationType>> = match field {
            Field::Literal(Json::String(s)) => {
                let kind = [
                    LambdaInvocationType::RequestResponse,
                    LambdaInvocationType::Event,
                    LambdaInvocationType::DryRun,
                ]
                .into_iter()
                .find(|k| k.as_str() == s)?;
                uses.push("stepfn::tasks::LambdaInvocationType");
                Arg {
                    code: Expr::path(format!("LambdaInvocationType::{kind:?}")),
                    value: kind.into(),
                }
            }
            other => super::args::dynamic(other)?,
        };
        built = built.set("invocation_type", kind, LambdaInvoke::invocation_type);
    }
    let mut built = built
        .set_text::<Input<String>>(
            given,
            "ClientContext",
            "client_context",
            LambdaInvoke::client_context,
        )?
        .set_text::<Input<String>>(given, "Qualifier", "qualifier", LambdaInvoke::qualifier)?;
    let service_retrier = Retry::lambda_service_errors().inner;
    if task.retry.as_ref().and_then(|r| r.first()) != Some(&service_retrier) {
        let off = Arg {
            code: Expr::Lit("false".to_owned()),
            value: false,
        };
        built = built.set(
            "retry_on_service_exceptions",
            off,
            LambdaInvoke::retry_on_service_exceptions,
        );
    }
    let built = pattern.without_sync(built, LambdaInvoke::wait_for_task_token)?;
    candidate(built, uses)
}
