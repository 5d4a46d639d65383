//! [`StepFunctionsInvokeActivity`]: an activity worker does the task.

use crate::model::Json;
use crate::tasks::integration::{Cx, Render};
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
}

impl Render for StepFunctionsInvokeActivityProps {
    fn render(&self, cx: &mut Cx<'_>) {
        cx.write(self.activity_arn.clone(), None);
        if let Some(input) = &self.input {
            cx.input(input.clone(), Vec::new());
        }
    }
}
