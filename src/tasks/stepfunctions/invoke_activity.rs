//! [`StepFunctionsInvokeActivity`]: an activity worker does the task.

use crate::model::Json;
use crate::tasks::service::{Render, Rendering};
use crate::tasks::Integration;

/// Hands the task to an activity (its ARN is the `Resource`); the CDK's
/// `StepFunctionsInvokeActivity`. A worker polls for it with
/// `GetActivityTask` and answers with `SendTaskSuccess` or
/// `SendTaskFailure`; the input it gets is the state input, or
/// [`input`](StepFunctionsInvokeActivity::input) when set.
///
/// ```
/// use stepfn::builder::{JsonPath, Payload};
/// use stepfn::tasks::StepFunctionsInvokeActivity;
/// let state = StepFunctionsInvokeActivity::new("Review", "arn:aws:states:us-east-1:123456789012:activity:review")
///     .input(Payload::new().field("doc", JsonPath::new("$.doc")))
///     .heartbeat_seconds(60);
/// assert_eq!(state.to_json(), concat!(
///     r#"{"Type":"Task","Resource":"arn:aws:states:us-east-1:123456789012:activity:review","#,
///     r#""Parameters":{"doc.$":"$.doc"},"HeartbeatSeconds":60,"End":true}"#,
/// ));
/// ```
///
/// An activity has no integration pattern to choose:
///
/// ```compile_fail
/// use stepfn::tasks::StepFunctionsInvokeActivity;
/// let state = StepFunctionsInvokeActivity::new("R", "arn:aws:states:us-east-1:1:activity:r").wait_for_task_token();
/// ```
pub type StepFunctionsInvokeActivity = Integration<StepFunctionsInvokeActivityProps>;

/// What a [`StepFunctionsInvokeActivity`] sends (see there).
#[derive(Debug, Clone)]
pub struct StepFunctionsInvokeActivityProps {
    activity_arn: String,
    input: Option<Json>,
    pass_execution_id: bool,
}

impl StepFunctionsInvokeActivity {
    /// Hands the task to the activity with ARN `activity_arn`. (Example on
    /// [`StepFunctionsInvokeActivity`].)
    pub fn new(
        name: impl Into<String>,
        activity_arn: impl Into<String>,
    ) -> StepFunctionsInvokeActivity {
        Integration::with(
            name,
            StepFunctionsInvokeActivityProps {
                activity_arn: activity_arn.into(),
                input: None,
                pass_execution_id: false,
            },
        )
    }

    /// Sets what the worker gets: `Parameters` in JSONPath, `Arguments` in
    /// JSONata (CDK `parameters`, `arguments`). (Example on
    /// [`StepFunctionsInvokeActivity`].)
    pub fn input(mut self, input: impl Into<Json>) -> StepFunctionsInvokeActivity {
        self.props.input = Some(input.into());
        self
    }

    /// Adds the execution's ARN to what the worker gets, which AWS does not
    /// tell an activity: `"execution_id.$": "$$.Execution.Id"` in
    /// `Parameters`, or `"execution_id": "{% $states.context.Execution.Id
    /// %}"` in `Arguments` after [`jsonata`](StepFunctionsInvokeActivity::jsonata).
    /// stepfn-runtime's `ActivityTask::execution_id` reads it. The
    /// [`input`](StepFunctionsInvokeActivity::input) must be set: without
    /// it the worker would get only the execution id, which is a build
    /// problem (`MISSING_FIELD`).
    ///
    /// ```
    /// use stepfn::builder::{JsonPath, Jsonata, Payload};
    /// use stepfn::tasks::StepFunctionsInvokeActivity;
    /// let arn = "arn:aws:states:us-east-1:123456789012:activity:review";
    /// let state = StepFunctionsInvokeActivity::new("Review", arn)
    ///     .input(Payload::new().field("doc", JsonPath::new("$.doc")))
    ///     .pass_execution_id();
    /// assert!(state.to_json().contains(r#""Parameters":{"doc.$":"$.doc","execution_id.$":"$$.Execution.Id"}"#));
    /// let state = StepFunctionsInvokeActivity::new("Review", arn)
    ///     .jsonata()
    ///     .input(Payload::new().field("doc", Jsonata::new("$states.input.doc")))
    ///     .pass_execution_id();
    /// assert!(state.to_json().contains(
    ///     r#""Arguments":{"doc":"{% $states.input.doc %}","execution_id":"{% $states.context.Execution.Id %}"}"#
    /// ));
    /// ```
    ///
    /// Other integrations get their context another way:
    ///
    /// ```compile_fail
    /// use stepfn::tasks::{LambdaFunction, LambdaInvoke};
    /// let state = LambdaInvoke::new("Charge", LambdaFunction::from_name("charge")).pass_execution_id();
    /// ```
    pub fn pass_execution_id(mut self) -> StepFunctionsInvokeActivity {
        self.props.pass_execution_id = true;
        self
    }
}

impl Render for StepFunctionsInvokeActivityProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        cx.write(self.activity_arn.clone(), None);
        if let Some(input) = &self.input {
            cx.input(input.clone(), Vec::new());
        }
        if self.pass_execution_id {
            if let Err((field, code, message)) =
                crate::builder::insert_execution_id(cx.task, cx.language, "input")
            {
                cx.problems.push(crate::tasks::render::Problem {
                    field,
                    code,
                    message,
                });
            }
        }
    }
}
