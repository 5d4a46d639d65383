//! [`StepFunctionsStartExecution`]: `states:startExecution`.

use crate::model::{Json, QueryLanguage};
use crate::tasks::input::Repr;
use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::service::{Render, Rendering};
use crate::tasks::{Input, Integration};
use crate::Code;

/// The key that links a child execution to the execution that started it.
const PARENT_KEY: &str = "AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID";

/// Starts an execution of another state machine
/// (`arn:aws:states:::states:startExecution`); the CDK's
/// `StepFunctionsStartExecution`. The child gets the whole state input unless
/// told otherwise (`"Input.$": "$"`; in JSONata the CDK writes the literal
/// string `"$"`, and so does this type: pass `Jsonata::states_input()` to send
/// the state input). Patterns: request-response,
/// [`run_job`](StepFunctionsStartExecution::run_job) (`.sync:2`: waits and
/// returns the child's output as JSON),
/// [`wait_for_task_token`](StepFunctionsStartExecution::wait_for_task_token).
///
/// ```
/// use stepfn::builder::{JsonPath, Payload};
/// use stepfn::tasks::StepFunctionsStartExecution;
/// let state = StepFunctionsStartExecution::new("Child", "arn:aws:states:us-east-1:123456789012:stateMachine:child")
///     .input(Payload::new().field("order", JsonPath::new("$.order")))
///     .execution_name(JsonPath::new("$.id"))
///     .associate_with_parent(true)
///     .run_job();
/// assert_eq!(state.to_json(), concat!(
///     r#"{"Type":"Task","Resource":"arn:aws:states:::states:startExecution.sync:2","Parameters":{"#,
///     r#""Input":{"order.$":"$.order","AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$":"$$.Execution.Id"},"#,
///     r#""StateMachineArn":"arn:aws:states:us-east-1:123456789012:stateMachine:child","Name.$":"$.id"},"End":true}"#,
/// ));
/// ```
pub type StepFunctionsStartExecution = Integration<StepFunctionsStartExecutionProps>;

/// What a [`StepFunctionsStartExecution`] sends (see there).
#[derive(Debug, Clone)]
pub struct StepFunctionsStartExecutionProps {
    state_machine: Input<String>,
    input: Option<Input<Json>>,
    name: Option<Input<String>>,
    associate_with_parent: bool,
}

impl StepFunctionsStartExecution {
    /// Starts the state machine with ARN `state_machine_arn` (or read from
    /// the state). (Example on [`StepFunctionsStartExecution`].)
    pub fn new(
        name: impl Into<String>,
        state_machine_arn: impl Into<Input<String>>,
    ) -> StepFunctionsStartExecution {
        Integration::with(
            name,
            StepFunctionsStartExecutionProps {
                state_machine: state_machine_arn.into(),
                input: None,
                name: None,
                associate_with_parent: false,
            },
        )
    }

    /// Sets `Input`, the child's input (CDK `input`). (Example on
    /// [`StepFunctionsStartExecution`].)
    pub fn input(mut self, input: impl Into<Input<Json>>) -> StepFunctionsStartExecution {
        self.props.input = Some(input.into());
        self
    }

    /// Sets `Name`, the child execution's name (CDK `name`). (Example on
    /// [`StepFunctionsStartExecution`].)
    pub fn execution_name(mut self, name: impl Into<Input<String>>) -> StepFunctionsStartExecution {
        self.props.name = Some(name.into());
        self
    }

    /// Links the child to this execution in the console (CDK
    /// `associateWithParent`): adds
    /// `AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID` (this execution's ID) to
    /// the input, which must then be an object. (Example on
    /// [`StepFunctionsStartExecution`].)
    pub fn associate_with_parent(mut self, associate: bool) -> StepFunctionsStartExecution {
        self.props.associate_with_parent = associate;
        self
    }

    /// Waits for the child to finish (`.sync:2`). (Example on
    /// [`StepFunctionsStartExecution`].)
    pub fn run_job(self) -> StepFunctionsStartExecution {
        self.pattern(IntegrationPattern::RunJob)
    }

    /// Waits for the task token (`.waitForTaskToken`): the input must pass
    /// `Context::task_token()`.
    ///
    /// ```
    /// use stepfn::builder::{Context, Payload};
    /// use stepfn::tasks::StepFunctionsStartExecution;
    /// let state = StepFunctionsStartExecution::new("Child", "arn:aws:states:us-east-1:123456789012:stateMachine:child")
    ///     .input(Payload::new().field("token", Context::task_token()))
    ///     .wait_for_task_token();
    /// assert!(state.to_json().contains(r#""Resource":"arn:aws:states:::states:startExecution.waitForTaskToken""#));
    /// ```
    pub fn wait_for_task_token(self) -> StepFunctionsStartExecution {
        self.pattern(IntegrationPattern::WaitForTaskToken)
    }
}

impl Render for StepFunctionsStartExecutionProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        let mut f = cx.fields();
        if self.associate_with_parent {
            let mut input = match self.input.as_ref().map(|i| &i.0) {
                None => crate::model::JsonObject::new(),
                Some(Repr::Literal(Json::Object(object))) => object.clone(),
                Some(_) => {
                    f.problem(
                        "Input",
                        Code::WrongType,
                        "`associate_with_parent` adds a key to the input, which must then be an \
                         object: use a `Payload`",
                    );
                    crate::model::JsonObject::new()
                }
            };
            match cx.language {
                QueryLanguage::JsonPath => {
                    input.insert(format!("{PARENT_KEY}.$"), Json::from("$$.Execution.Id"))
                }
                QueryLanguage::Jsonata => input.insert(
                    PARENT_KEY.to_owned(),
                    Json::from("{% $states.context.Execution.Id %}"),
                ),
            };
            f.literal("Input", Json::Object(input));
        } else {
            match &self.input {
                Some(input) => f.input("Input", input),
                None if cx.language == QueryLanguage::Jsonata => f.literal("Input", "$"),
                None => f.literal("Input.$", "$"),
            };
        }
        f.input("StateMachineArn", &self.state_machine)
            .opt("Name", self.name.as_ref());
        let mut arn = integration_arn("states", "startExecution", cx.pattern);
        if cx.pattern == IntegrationPattern::RunJob {
            arn.push_str(":2");
        }
        cx.write(arn, Some(f));
    }
}
