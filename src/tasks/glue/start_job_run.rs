//! [`GlueStartJobRun`]: `glue:startJobRun`.

use std::time::Duration;

use crate::model::{Json, QueryLanguage};
use crate::tasks::input::{aws_enum, Repr};
use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::service::{Render, Rendering};
use crate::tasks::{Input, Integration};
use crate::Code;

aws_enum! {
    /// The kind of worker a Glue job runs on (`WorkerType`).
    WorkerType {
        /// Standard.
        Standard = "Standard",
        /// G.025X
        G025X = "G.025X",
        /// G.1X
        G1X = "G.1X",
        /// G.2X
        G2X = "G.2X",
        /// G.4X
        G4X = "G.4X",
        /// G.8X
        G8X = "G.8X",
        /// Z.2X
        Z2X = "Z.2X",
    }
}

aws_enum! {
    /// Whether the job may run on spare capacity (`ExecutionClass`).
    ExecutionClass {
        /// Flexible: cheaper, may start later.
        Flex = "FLEX",
        /// Standard.
        Standard = "STANDARD",
    }
}

/// Starts an AWS Glue job run (`arn:aws:states:::glue:startJobRun`); the
/// CDK's `GlueStartJobRun`. Patterns: request-response,
/// [`run_job`](GlueStartJobRun::run_job). As the CDK writes it, the task's
/// timeout becomes the job run's `Timeout` in whole minutes, not the
/// state's `TimeoutSeconds`.
///
/// ```
/// use std::time::Duration;
/// use stepfn::builder::{JsonPath, Payload};
/// use stepfn::tasks::*;
/// let state = GlueStartJobRun::new("ETL", "nightly-etl")
///     .arguments(Payload::new().field("--day", JsonPath::new("$.day")))
///     .security_configuration("encrypted")
///     .notify_delay_after(Duration::from_secs(300))
///     .worker_configuration(WorkerType::G1X, 10)
///     .execution_class(ExecutionClass::Flex)
///     .timeout_seconds(3600)
///     .run_job();
/// assert_eq!(state.to_json(), concat!(
///     r#"{"Type":"Task","Resource":"arn:aws:states:::glue:startJobRun.sync","Parameters":{"#,
///     r#""JobName":"nightly-etl","Arguments":{"--day.$":"$.day"},"Timeout":60,"#,
///     r#""SecurityConfiguration":"encrypted","NotificationProperty":{"NotifyDelayAfter":5},"#,
///     r#""WorkerType":"G.1X","NumberOfWorkers":10,"ExecutionClass":"FLEX"},"End":true}"#,
/// ));
/// ```
pub type GlueStartJobRun = Integration<GlueStartJobRunProps>;

/// What a [`GlueStartJobRun`] sends (see there).
#[derive(Debug, Clone)]
pub struct GlueStartJobRunProps {
    job_name: Input<String>,
    arguments: Option<Input<Json>>,
    security_configuration: Option<Input<String>>,
    notify_delay_after: Option<Duration>,
    workers: Option<(Input<WorkerType>, Input<i64>)>,
    execution_class: Option<Input<ExecutionClass>>,
}

impl GlueStartJobRun {
    /// Starts a run of the Glue job `job_name` (CDK `glueJobName`).
    /// (Example on [`GlueStartJobRun`].)
    pub fn new(name: impl Into<String>, job_name: impl Into<Input<String>>) -> GlueStartJobRun {
        Integration::with(
            name,
            GlueStartJobRunProps {
                job_name: job_name.into(),
                arguments: None,
                security_configuration: None,
                notify_delay_after: None,
                workers: None,
                execution_class: None,
            },
        )
    }

    /// Sets `Arguments`, the job's `--key` arguments (CDK `arguments`).
    /// (Example on [`GlueStartJobRun`].)
    pub fn arguments(mut self, arguments: impl Into<Input<Json>>) -> GlueStartJobRun {
        self.props.arguments = Some(arguments.into());
        self
    }

    /// Sets `SecurityConfiguration` (CDK `securityConfiguration`). (Example
    /// on [`GlueStartJobRun`].)
    pub fn security_configuration(mut self, name: impl Into<Input<String>>) -> GlueStartJobRun {
        self.props.security_configuration = Some(name.into());
        self
    }

    /// Sends a delay notification after `delay`, in whole minutes (CDK
    /// `notifyDelayAfter`). (Example on [`GlueStartJobRun`].)
    pub fn notify_delay_after(mut self, delay: Duration) -> GlueStartJobRun {
        self.props.notify_delay_after = Some(delay);
        self
    }

    /// Sets `WorkerType` and `NumberOfWorkers` (CDK `workerConfiguration`).
    /// (Example on [`GlueStartJobRun`].)
    pub fn worker_configuration(
        mut self,
        worker_type: impl Into<Input<WorkerType>>,
        number_of_workers: impl Into<Input<i64>>,
    ) -> GlueStartJobRun {
        self.props.workers = Some((worker_type.into(), number_of_workers.into()));
        self
    }

    /// Sets `ExecutionClass` (CDK `executionClass`). (Example on [`GlueStartJobRun`].)
    pub fn execution_class(mut self, class: impl Into<Input<ExecutionClass>>) -> GlueStartJobRun {
        self.props.execution_class = Some(class.into());
        self
    }

    /// Waits for the job run (`glue:startJobRun.sync`). (Example on [`GlueStartJobRun`].)
    pub fn run_job(self) -> GlueStartJobRun {
        self.pattern(IntegrationPattern::RunJob)
    }
}

impl Render for GlueStartJobRunProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        let timeout = cx.take_timeout();
        let mut f = cx.fields();
        f.input("JobName", &self.job_name)
            .opt("Arguments", self.arguments.as_ref());
        match timeout.map(|t| t.0) {
            None => {}
            Some(Repr::Literal(seconds)) => {
                let seconds = u64::try_from(seconds).unwrap_or_default();
                f.minutes("Timeout", &Input::from(Duration::from_secs(seconds)));
            }
            Some(Repr::Path(path)) => {
                f.literal("Timeout.$", path);
            }
            Some(Repr::Jsonata(_)) => f.problem(
                "Timeout",
                Code::InvalidValue,
                "Glue takes its timeout in minutes as part of the job run: give the task's \
                 timeout in seconds or as a path",
            ),
        }
        f.opt(
            "SecurityConfiguration",
            self.security_configuration.as_ref(),
        );
        match self.notify_delay_after {
            Some(delay) => {
                let mut notification = f.child();
                notification.minutes("NotifyDelayAfter", &Input::from(delay));
                f.object("NotificationProperty", notification);
            }
            // The CDK writes an explicit `null` in JSONata `Arguments`.
            None if f.language() == QueryLanguage::Jsonata => {
                f.literal("NotificationProperty", Json::Null);
            }
            None => {}
        }
        if let Some((worker_type, count)) = &self.workers {
            f.input("WorkerType", worker_type)
                .input("NumberOfWorkers", count);
        }
        f.opt("ExecutionClass", self.execution_class.as_ref());
        cx.write(integration_arn("glue", "startJobRun", cx.pattern), Some(f));
    }
}
