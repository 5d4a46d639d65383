//! `LambdaInvoke`: `arn:aws:states:::lambda:invoke`.

use crate::builder::Retry;
use crate::model::{Json, QueryLanguage, Task};
use crate::tasks::{Input, LambdaFunction, LambdaInvocationType, LambdaInvoke};

use super::super::code::Expr;
use super::super::cx::FnCx;
use super::super::states::StateCx;
use super::args::{json, text, Field, Given};
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
    let mut value = LambdaInvoke::new(at.name, function.value);
    let mut code = Expr::call("LambdaInvoke::new", vec![Expr::str(at.name), function.code]);
    let mut uses = vec!["stepfn::tasks::LambdaInvoke"];
    (value, code) = language(value, code, task, at);
    let default_payload = match given.language() {
        QueryLanguage::JsonPath => ("Payload.$", Json::from("$")),
        QueryLanguage::Jsonata => ("Payload", Json::from("{% $states.input %}")),
    };
    if !given.take_if(default_payload.0, &default_payload.1) {
        let payload = json(cx, given.take("Payload")?)?;
        value = value.payload(payload.value);
        code = code.method("payload", vec![payload.code]);
    }
    if let Some(field) = given.take("InvocationType") {
        let kind: super::args::Arg<Input<LambdaInvocationType>> = match field {
            Field::Literal(Json::String(s)) => {
                let kind = [
                    LambdaInvocationType::RequestResponse,
                    LambdaInvocationType::Event,
                    LambdaInvocationType::DryRun,
                ]
                .into_iter()
                .find(|k| k.as_str() == s)?;
                uses.push("stepfn::tasks::LambdaInvocationType");
                super::args::Arg {
                    code: Expr::path(format!("LambdaInvocationType::{kind:?}")),
                    value: kind.into(),
                }
            }
            other => super::args::dynamic(other)?,
        };
        value = value.invocation_type(kind.value);
        code = code.method("invocation_type", vec![kind.code]);
    }
    if let Some(field) = given.take("ClientContext") {
        let context = text::<Input<String>>(field)?;
        value = value.client_context(context.value);
        code = code.method("client_context", vec![context.code]);
    }
    if let Some(field) = given.take("Qualifier") {
        let qualifier = text::<Input<String>>(field)?;
        value = value.qualifier(qualifier.value);
        code = code.method("qualifier", vec![qualifier.code]);
    }
    let service_retrier = Retry::lambda_service_errors().inner;
    if task.retry.as_ref().and_then(|r| r.first()) != Some(&service_retrier) {
        value = value.retry_on_service_exceptions(false);
        code = code.method(
            "retry_on_service_exceptions",
            vec![Expr::Lit("false".to_owned())],
        );
    }
    match pattern {
        Pattern::RequestResponse => {}
        Pattern::WaitForTaskToken => {
            value = value.wait_for_task_token();
            code = code.method("wait_for_task_token", Vec::new());
        }
        Pattern::Sync2 => return None,
    }
    candidate(value, code, uses)
}
