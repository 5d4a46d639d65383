//! [`Simulator`]: a definition compiled once, with its handlers and
//! settings, ready to run executions.

use std::sync::Arc;

use stepfn::model::StateMachine;
use stepfn::validate::Validator;

use crate::clock::DEFAULT_START_MILLIS;
use crate::engine::Config;
use crate::error::SimError;
use crate::execution::Execution;
use crate::input::IntoInput;
use crate::program::{compile, Program};
use crate::task::Handlers;
use crate::timeline::Timeline;

mod answers;

/// The transition budget of a run unless set: enough for any workflow
/// AWS would run, small enough to stop an endless loop in seconds.
pub const DEFAULT_MAX_TRANSITIONS: u64 = 10_000_000;

/// AWS's limit on a payload: 256 KiB.
pub const PAYLOAD_LIMIT: usize = 256 * 1024;

/// A state machine ready to run in-process, with the handlers that answer
/// its Tasks and the settings of its runs.
///
/// ```
/// use stepfn_sim::{Simulator, Status};
/// let sim = Simulator::from_json(r#"{"StartAt": "Add", "States": {
///     "Add": {"Type": "Pass", "Parameters": {"sum.$": "States.MathAdd($.a, $.b)"}, "End": true}}}"#)?;
/// let run = sim.run(r#"{"a": 1, "b": 2}"#)?;
/// assert_eq!(run.status(), Status::Succeeded);
/// assert_eq!(run.output_text().as_deref(), Some(r#"{"sum":3}"#));
/// # Ok::<(), stepfn_sim::SimError>(())
/// ```
#[derive(Clone)]
pub struct Simulator {
    machine: Arc<StateMachine>,
    program: Arc<Program>,
    config: Arc<Config>,
    express_problems: Option<stepfn::problem::Problems>,
}

impl std::fmt::Debug for Simulator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Simulator")
            .field("start_at", &self.machine.start_at)
            .field("states", &self.program.states.len())
            .field("handlers", &self.config.handlers)
            .finish_non_exhaustive()
    }
}

impl Simulator {
    /// A simulator of `machine` (a model, or the builder's output), which
    /// must validate.
    ///
    /// ```
    /// use stepfn::builder::{Pass, StateMachine};
    /// let built = StateMachine::new(Pass::new("Hello")).build()?;
    /// let sim = stepfn_sim::Simulator::new(built)?;
    /// assert_eq!(sim.run("{}")?.output_text().as_deref(), Some("{}"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`SimError::Invalid`] with the validator's problems, or
    /// [`SimError::Unsupported`] when it uses what this build cannot run.
    pub fn new(machine: impl Into<StateMachine>) -> Result<Simulator, SimError> {
        Simulator::with_validator(machine, &Validator::new())
    }

    /// A simulator of `machine`, which must pass `validator` as it is set:
    /// with `allow_resource_placeholders` for the state machine of a
    /// template, whose `Resource`s are `${...}` or `{"Ref": ...}` until
    /// deployed (the Tasks are then answered by handlers or mocks), or with
    /// `express` for the rules of Express workflows.
    ///
    /// ```
    /// use stepfn::validate::Validator;
    /// let machine = stepfn::read::read_str(r#"{"StartAt": "Charge", "States": {"Charge": {
    ///     "Type": "Task", "Resource": "${ChargeFunctionArn}", "End": true}}}"#)?;
    /// assert!(stepfn_sim::Simulator::new(machine.clone()).is_err());
    /// let sim = stepfn_sim::Simulator::with_validator(machine,
    ///     &Validator::new().allow_resource_placeholders(true))?
    ///     .handler("Charge", |_| Ok(serde_json::json!({"charged": true})));
    /// assert_eq!(sim.run("{}")?.output_text().as_deref(), Some(r#"{"charged":true}"#));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// As [`Simulator::new`], with `validator`'s problems.
    pub fn with_validator(
        machine: impl Into<StateMachine>,
        validator: &Validator,
    ) -> Result<Simulator, SimError> {
        let machine = machine.into();
        validator
            .check(&machine)
            .into_result()
            .map_err(SimError::Invalid)?;
        Simulator::compiled(machine)
    }

    /// A simulator of a definition's JSON text; its problems, if any, come
    /// with line and column.
    ///
    /// ```
    /// let err = stepfn_sim::Simulator::from_json(r#"{"StartAt": "Nope", "States": {"A": {"Type": "Succeed"}}}"#)
    ///     .unwrap_err();
    /// assert!(matches!(err, stepfn_sim::SimError::Invalid(_)));
    /// ```
    ///
    /// # Errors
    /// As [`Simulator::new`].
    pub fn from_json(text: &str) -> Result<Simulator, SimError> {
        Validator::new()
            .check_str(text)
            .into_result()
            .map_err(SimError::Invalid)?;
        let machine = stepfn::read::read_str(text).map_err(SimError::Invalid)?;
        Simulator::compiled(machine)
    }

    /// A simulator of a definition read with [`stepfn::source`]: an ASL
    /// file, or one state machine of a CloudFormation, SAM or CDK template,
    /// whose placeholder `Resource`s (`Fn::GetAtt`, `${...}`) are allowed,
    /// handlers or mocks answering those Tasks (YAML files need `stepfn`'s
    /// `yaml` feature). Problems come located in the file.
    ///
    /// ```
    /// use stepfn::source::{read_str, Syntax};
    /// let template = read_str(r#"{"Resources": {"Orders": {
    ///     "Type": "AWS::StepFunctions::StateMachine",
    ///     "Properties": {"Definition": {"StartAt": "Charge", "States": {"Charge": {"Type": "Task",
    ///         "Resource": {"Fn::GetAtt": ["ChargeFunction", "Arn"]}, "End": true}}}}}}}"#,
    ///     Syntax::Json);
    /// let orders = template.definitions().iter().find(|d| d.machine() == Some("Orders"))
    ///     .ok_or("no Orders")?;
    /// let sim = stepfn_sim::Simulator::from_definition(orders)?
    ///     .handler("Charge", |_| Ok(serde_json::json!({"charged": true})));
    /// assert_eq!(sim.run("{}")?.output_text().as_deref(), Some(r#"{"charged":true}"#));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// As [`Simulator::new`].
    pub fn from_definition(definition: &stepfn::source::Definition) -> Result<Simulator, SimError> {
        let checked = definition.read_and_check(&Validator::new());
        checked.report.into_result().map_err(SimError::Invalid)?;
        let machine = checked.machine.ok_or_else(|| {
            SimError::Unsupported("the definition holds no state machine to run".to_owned())
        })?;
        Simulator::compiled(machine)
    }

    fn compiled(machine: StateMachine) -> Result<Simulator, SimError> {
        let program = compile(&machine).map_err(SimError::Unsupported)?;
        let machine_name = "StateMachine".to_owned();
        Ok(Simulator {
            machine: Arc::new(machine),
            program: Arc::new(program),
            config: Arc::new(Config {
                handlers: Handlers::default(),
                seed: 0,
                start_millis: DEFAULT_START_MILLIS,
                express: false,
                history: true,
                inspection: true,
                max_transitions: DEFAULT_MAX_TRANSITIONS,
                payload_limit: Some(PAYLOAD_LIMIT),
                machine_name,
                execution_name: None,
                context_fields: None,
                region: "us-east-1".to_owned(),
                account: "123456789012".to_owned(),
                timeline: Vec::new(),
                auto_timeouts: false,
                paced: false,
                single: None,
            }),
            express_problems: None,
        })
    }

    /// The definition being simulated.
    ///
    /// ```
    /// let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#)?;
    /// assert_eq!(sim.machine().start_at, "A");
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn machine(&self) -> &StateMachine {
        &self.machine
    }

    /// Seeds everything random in a run (`States.UUID`, `States.MathRandom`,
    /// jitter, tokens, the execution name). Default 0.
    ///
    /// ```
    /// # let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "U", "States": {
    /// #     "U": {"Type": "Pass", "Parameters": {"id.$": "States.UUID()"}, "End": true}}}"#)?;
    /// let a = sim.clone().seed(7).run("{}")?.output_text();
    /// assert_eq!(a, sim.clone().seed(7).run("{}")?.output_text());
    /// assert_ne!(a, sim.seed(8).run("{}")?.output_text());
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn seed(mut self, seed: u64) -> Simulator {
        Arc::make_mut(&mut self.config).seed = seed;
        self
    }

    /// When executions start, in milliseconds since the Unix epoch (default
    /// 2024-01-01T00:00:00Z).
    ///
    /// ```
    /// # let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "P", "States": {
    /// #     "P": {"Type": "Pass", "Parameters": {"t.$": "$$.Execution.StartTime"}, "End": true}}}"#)?;
    /// let run = sim.start_millis(0).run("{}")?;
    /// assert_eq!(run.output_text().as_deref(), Some(r#"{"t":"1970-01-01T00:00:00.000Z"}"#));
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn start_millis(mut self, millis: i64) -> Simulator {
        Arc::make_mut(&mut self.config).start_millis = millis;
        self
    }

    /// Runs as an Express workflow: no history cap, five minutes at most,
    /// and the definition must follow Express rules (checked by `run`).
    ///
    /// ```
    /// let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "T", "States": {"T": {"Type": "Task",
    ///     "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "End": true}}}"#)?;
    /// assert!(sim.express(true).run("{}").is_err());
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn express(mut self, express: bool) -> Simulator {
        Arc::make_mut(&mut self.config).express = express;
        self.express_problems = if express {
            Validator::new()
                .express(true)
                .check(&self.machine)
                .into_result()
                .err()
        } else {
            None
        };
        self
    }

    /// Keeps the execution history (on by default). Off, events are only
    /// counted, so long runs use little memory.
    ///
    /// ```
    /// # let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#)?;
    /// assert_eq!(sim.clone().history(true).run("{}")?.history().len(), 4);
    /// assert!(sim.history(false).run("{}")?.history().is_empty());
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn history(mut self, keep: bool) -> Simulator {
        Arc::make_mut(&mut self.config).history = keep;
        self
    }

    /// Keeps per-state records, task invocations and delays (on by
    /// default).
    ///
    /// ```
    /// # let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#)?;
    /// assert_eq!(sim.clone().run("{}")?.states_entered(), ["A"]);
    /// assert!(sim.inspection(false).run("{}")?.records().is_empty());
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn inspection(mut self, keep: bool) -> Simulator {
        Arc::make_mut(&mut self.config).inspection = keep;
        self
    }

    /// The most states a run may enter before it is stopped (status
    /// `Aborted`, error `stepfn.TransitionBudgetExceeded`).
    ///
    /// ```
    /// use stepfn_sim::{Simulator, Status};
    /// let sim = Simulator::from_json(r#"{"StartAt": "Loop", "States": {
    ///     "Loop": {"Type": "Pass", "Next": "Again"},
    ///     "Again": {"Type": "Choice", "Choices": [{"Variable": "$.stop", "IsPresent": true, "Next": "Done"}],
    ///               "Default": "Loop"},
    ///     "Done": {"Type": "Succeed"}}}"#)?.express(true).max_transitions(100);
    /// let run = sim.run("{}")?;
    /// assert_eq!(run.status(), Status::Aborted);
    /// assert_eq!(run.error(), Some("stepfn.TransitionBudgetExceeded"));
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn max_transitions(mut self, transitions: u64) -> Simulator {
        Arc::make_mut(&mut self.config).max_transitions = transitions;
        self
    }

    /// The payload size limit (AWS's 256 KiB by default); `None` turns it
    /// off for load tests.
    ///
    /// ```
    /// # let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#)?;
    /// let run = sim.payload_limit(Some(4)).run(r#"{"big": true}"#)?;
    /// assert_eq!(run.error(), Some("States.DataLimitExceeded"));
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn payload_limit(mut self, bytes: Option<usize>) -> Simulator {
        Arc::make_mut(&mut self.config).payload_limit = bytes;
        self
    }

    /// The state machine's name, in ARNs and the Context Object (default
    /// `StateMachine`).
    ///
    /// ```
    /// # let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "P", "States": {
    /// #     "P": {"Type": "Pass", "Parameters": {"n.$": "$$.StateMachine.Name"}, "End": true}}}"#)?;
    /// let run = sim.name("Orders").run("{}")?;
    /// assert_eq!(run.output_text().as_deref(), Some(r#"{"n":"Orders"}"#));
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn name(mut self, name: impl Into<String>) -> Simulator {
        Arc::make_mut(&mut self.config).machine_name = name.into();
        self
    }

    /// The execution's name (default: a UUID from the seed).
    ///
    /// ```
    /// # let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "P", "States": {
    /// #     "P": {"Type": "Pass", "Parameters": {"n.$": "$$.Execution.Name"}, "End": true}}}"#)?;
    /// let run = sim.execution_name("run-1").run("{}")?;
    /// assert_eq!(run.output_text().as_deref(), Some(r#"{"n":"run-1"}"#));
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn execution_name(mut self, name: impl Into<String>) -> Simulator {
        Arc::make_mut(&mut self.config).execution_name = Some(name.into());
        self
    }

    /// Context Object fields to read in place of the ones the run gives,
    /// in every state: each top-level object (`Execution`, `State`,
    /// `StateMachine`, `Task`, `Map`) merged field by field, so
    /// `{"Execution": {"Name": "order-7"}}` changes `$$.Execution.Name` and
    /// nothing else; any other value replaced whole. As `local-sfn
    /// --context` of aws-local-stepfunctions, for tests that read fields
    /// the simulator cannot know.
    ///
    /// ```
    /// # let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "P", "States": {"P": {"Type": "Pass",
    /// #     "Parameters": {"name.$": "$$.Execution.Name", "state.$": "$$.State.Name",
    /// #                    "trace.$": "$$.Execution.TraceHeader"}, "End": true}}}"#)?;
    /// let fields = serde_json::from_str(r#"{"Execution": {"Name": "order-7", "TraceHeader": "Root=1-abc"}}"#)?;
    /// let run = sim.context_fields(fields).run("{}")?;
    /// assert_eq!(run.output_text().as_deref(),
    ///     Some(r#"{"name":"order-7","state":"P","trace":"Root=1-abc"}"#));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn context_fields(mut self, fields: stepfn::model::JsonObject) -> Simulator {
        Arc::make_mut(&mut self.config).context_fields = Some(fields);
        self
    }

    /// Scripted answers to callbacks and activities.
    ///
    /// ```
    /// use stepfn_sim::{Action, Simulator, Status, Timeline};
    /// let sim = Simulator::from_json(r#"{"StartAt": "Approve", "States": {"Approve": {"Type": "Task",
    ///     "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
    ///     "Parameters": {"MessageBody.$": "$$.Task.Token"}, "End": true}}}"#)?
    ///     .timeline(Timeline::new().at(3600.0, Action::success("Approve", serde_json::json!("yes"))));
    /// let run = sim.run("{}")?;
    /// assert_eq!(run.status(), Status::Succeeded);
    /// assert_eq!(run.output_text().as_deref(), Some(r#""yes""#));
    /// assert_eq!(run.elapsed_millis(), 3_600_000);
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn timeline(mut self, timeline: Timeline) -> Simulator {
        Arc::make_mut(&mut self.config).timeline = timeline.actions;
        self
    }

    /// Lets timeouts of waiting callbacks and activities fire on their own
    /// instead of pausing the run for the test to answer (off by default;
    /// on with a timeline).
    ///
    /// ```
    /// use stepfn_sim::{Simulator, Status};
    /// let sim = Simulator::from_json(r#"{"StartAt": "Approve", "States": {"Approve": {"Type": "Task",
    ///     "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "TimeoutSeconds": 60,
    ///     "End": true}}}"#)?;
    /// assert_eq!(sim.clone().run("{}")?.status(), Status::Running);
    /// let run = sim.auto_timeouts(true).run("{}")?;
    /// assert_eq!(run.error(), Some("States.Timeout"));
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn auto_timeouts(mut self, on: bool) -> Simulator {
        Arc::make_mut(&mut self.config).auto_timeouts = on;
        self
    }

    /// Paces the clock from outside: Waits, retry back-offs and timeouts
    /// take effect only as [`Execution::advance`] moves the clock (a server
    /// running in real time advances it by the time that really passed).
    /// Off by default: a run jumps over its Waits.
    ///
    /// ```
    /// use stepfn_sim::{Simulator, Status};
    /// let sim = Simulator::from_json(r#"{"StartAt": "W", "States": {"W": {"Type": "Wait",
    ///     "Seconds": 10, "End": true}}}"#)?.paced(true);
    /// let mut run = sim.run("{}")?;
    /// assert_eq!(run.status(), Status::Running);
    /// run.advance(9.0);
    /// assert_eq!(run.status(), Status::Running);
    /// run.advance(1.0);
    /// assert_eq!(run.status(), Status::Succeeded);
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn paced(mut self, on: bool) -> Simulator {
        Arc::make_mut(&mut self.config).paced = on;
        self
    }

    /// Starts an execution with `input` (JSON text, a `serde_json::Value`
    /// or a [`Json`](stepfn::model::Json)) and runs it until it ends or waits for the test
    /// (a callback, an activity).
    ///
    /// ```
    /// let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}"#)?;
    /// assert_eq!(sim.run(serde_json::json!({"x": 1}))?.output_text().as_deref(), Some(r#"{"x":1}"#));
    /// assert!(sim.run("{oops").is_err());
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    ///
    /// # Errors
    /// [`SimError::Input`] when the input is not JSON;
    /// [`SimError::Invalid`] when an Express run's definition breaks the
    /// Express rules.
    pub fn run(&self, input: impl IntoInput) -> Result<Execution, SimError> {
        if let Some(problems) = &self.express_problems {
            return Err(SimError::Invalid(problems.clone()));
        }
        let input = input.into_input()?;
        Ok(Execution::start(
            Arc::clone(&self.program),
            Arc::clone(&self.config),
            input,
        ))
    }

    pub(crate) fn program(&self) -> &Program {
        &self.program
    }

    pub(crate) fn program_arc(&self) -> Arc<Program> {
        Arc::clone(&self.program)
    }

    pub(crate) fn config(&self) -> &Config {
        &self.config
    }
}
