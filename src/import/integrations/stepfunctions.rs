//! `StepFunctionsStartExecution`: `arn:aws:states:::states:startExecution`.

use crate::model::{Json, QueryLanguage, Task};
use crate::tasks::{Input, StepFunctionsStartExecution};

use super::super::code::Expr;
use super::super::cx::FnCx;
use super::super::json::{value as json_value, Place};
use super::super::states::StateCx;
use super::args::{json, text, Field, Given};
use super::{candidate, language, Candidate, Pattern};

/// The key that links a child execution to its parent.
const PARENT_KEY: &str = "AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID";

/// `StepFunctionsStartExecution::new(name, arn)` with its input and name.
pub(super) fn start_execution(
    cx: &mut FnCx<'_>,
    at: &StateCx<'_>,
    task: &Task,
    given: &mut Given<'_>,
    pattern: Pattern,
) -> Option<Candidate> {
    let arn = text::<Input<String>>(given.take("StateMachineArn")?)?;
    let mut value = StepFunctionsStartExecution::new(at.name, arn.value);
    let mut code = Expr::call(
        "StepFunctionsStartExecution::new",
        vec![Expr::str(at.name), arn.code],
    );
    (value, code) = language(value, code, task, at);
    let (default_key, default_value, parent) = match given.language() {
        QueryLanguage::JsonPath => (
            "Input.$",
            "$",
            (format!("{PARENT_KEY}.$"), "$$.Execution.Id"),
        ),
        QueryLanguage::Jsonata => (
            "Input",
            "$",
            (PARENT_KEY.to_owned(), "{% $states.context.Execution.Id %}"),
        ),
    };
    if !given.take_if(default_key, &Json::from(default_value)) {
        match given.take("Input")? {
            Field::Literal(Json::Object(object))
                if object.get(&parent.0) == Some(&Json::from(parent.1)) =>
            {
                let mut rest = object.clone();
                rest.shift_remove(&parent.0);
                if !rest.is_empty() {
                    let rest = Json::Object(rest);
                    let input = json_value(cx, &rest, Place::Json);
                    value = value.input(Input::from(rest));
                    code = code.method("input", vec![input]);
                }
                value = value.associate_with_parent(true);
                code = code.method("associate_with_parent", vec![Expr::Lit("true".to_owned())]);
            }
            other => {
                let input = json(cx, other)?;
                value = value.input(input.value);
                code = code.method("input", vec![input.code]);
            }
        }
    }
    if let Some(field) = given.take("Name") {
        let name = text::<Input<String>>(field)?;
        value = value.execution_name(name.value);
        code = code.method("execution_name", vec![name.code]);
    }
    match pattern {
        Pattern::RequestResponse => {}
        Pattern::WaitForTaskToken => {
            value = value.wait_for_task_token();
            code = code.method("wait_for_task_token", Vec::new());
        }
        Pattern::Sync2 => {
            value = value.run_job();
            code = code.method("run_job", Vec::new());
        }
    }
    candidate(
        value,
        code,
        vec!["stepfn::tasks::StepFunctionsStartExecution"],
    )
}
