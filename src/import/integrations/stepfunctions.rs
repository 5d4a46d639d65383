//! `StepFunctionsStartExecution`: `arn:aws:states:::states:startExecution`.

use crate::model::{Json, QueryLanguage, Task};
use crate::tasks::{Input, StepFunctionsStartExecution};

use super::super::code::Expr;
use super::super::cx::FnCx;
use super::super::json::{value as json_value, Place};
use super::super::states::StateCx;
use super::args::{json, text, Arg, Field, Given};
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
    let built = Arg {
        value: StepFunctionsStartExecution::new(at.name, arn.value),
        code: Expr::call(
            "StepFunctionsStartExecution::new",
            vec![Expr::str(at.name), arn.code],
        ),
    };
    let mut built = language(built, task, at);
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
                    let input = Arg {
                        code: json_value(cx, &rest, Place::Json),
                        value: Input::from(rest),
                    };
                    built = built.set("input", input, StepFunctionsStartExecution::input);
                }
                let on = Arg {
                    code: Expr::Lit("true".to_owned()),
                    value: true,
                };
                built = built.set(
                    "associate_with_parent",
                    on,
                    StepFunctionsStartExecution::associate_with_parent,
                );
            }
            other => {
                let input = json(cx, other)?;
                built = built.set("input", input, StepFunctionsStartExecution::input);
            }
        }
    }
    let built = built.set_text::<Input<String>>(
        given,
        "Name",
        "execution_name",
        StepFunctionsStartExecution::execution_name,
    )?;
    let built = match pattern {
        Pattern::Sync2 => built.call("run_job", StepFunctionsStartExecution::run_job),
        other => other.without_sync(built, StepFunctionsStartExecution::wait_for_task_token)?,
    };
    candidate(built, vec!["stepfn::tasks::StepFunctionsStartExecution"])
}
