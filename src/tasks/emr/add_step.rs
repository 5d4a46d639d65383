//! [`EmrAddStep`]: `elasticmapreduce:addStep`.

use crate::tasks::input::aws_enum;
use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::service::{Render, Rendering};
use crate::tasks::{Input, Integration};

aws_enum! {
    /// What the cluster does when the step fails (`ActionOnFailure`).
    ActionOnFailure {
        /// Terminate the cluster.
        TerminateCluster = "TERMINATE_CLUSTER",
        /// Cancel the remaining steps and wait.
        CancelAndWait = "CANCEL_AND_WAIT",
        /// Go on with the next step (the default).
        Continue = "CONTINUE",
    }
}

/// Adds a step to an EMR cluster (`arn:aws:states:::elasticmapreduce:addStep`);
/// the CDK's `EmrAddStep`. It waits for the step by default (`.sync`);
/// [`request_response`](EmrAddStep::request_response) only adds it.
///
/// ```
/// use stepfn::builder::JsonPath;
/// use stepfn::tasks::*;
/// let state = EmrAddStep::new("Step", JsonPath::new("$.ClusterId"), "spark", "command-runner.jar")
///     .action_on_failure(ActionOnFailure::TerminateCluster)
///     .main_class("Main")
///     .args(["spark-submit", "s3://jobs/job.py"])
///     .property("k", "v")
///     .execution_role_arn("arn:aws:iam::123456789012:role/Step");
/// assert_eq!(state.to_json(), concat!(
///     r#"{"Type":"Task","Resource":"arn:aws:states:::elasticmapreduce:addStep.sync","Parameters":{"#,
///     r#""ClusterId.$":"$.ClusterId","ExecutionRoleArn":"arn:aws:iam::123456789012:role/Step","Step":{"#,
///     r#""Name":"spark","ActionOnFailure":"TERMINATE_CLUSTER","HadoopJarStep":{"Jar":"command-runner.jar","#,
///     r#""MainClass":"Main","Args":["spark-submit","s3://jobs/job.py"],"Properties":[{"Key":"k","Value":"v"}]}}},"End":true}"#,
/// ));
/// ```
pub type EmrAddStep = Integration<EmrAddStepProps>;

/// What an [`EmrAddStep`] sends (see there).
#[derive(Debug, Clone)]
pub struct EmrAddStepProps {
    cluster_id: Input<String>,
    step_name: Input<String>,
    jar: Input<String>,
    action_on_failure: ActionOnFailure,
    main_class: Option<Input<String>>,
    args: Option<Input<Vec<String>>>,
    properties: Vec<(String, String)>,
    execution_role_arn: Option<Input<String>>,
}

impl EmrAddStep {
    /// Adds the step `step_name` running `jar` to the cluster `cluster_id`
    /// (CDK `clusterId`, `name`, `jar`). (Example on [`EmrAddStep`].)
    pub fn new(
        name: impl Into<String>,
        cluster_id: impl Into<Input<String>>,
        step_name: impl Into<Input<String>>,
        jar: impl Into<Input<String>>,
    ) -> EmrAddStep {
        Integration::with(
            name,
            EmrAddStepProps {
                cluster_id: cluster_id.into(),
                step_name: step_name.into(),
                jar: jar.into(),
                action_on_failure: ActionOnFailure::Continue,
                main_class: None,
                args: None,
                properties: Vec::new(),
                execution_role_arn: None,
            },
        )
        .pattern(IntegrationPattern::RunJob)
    }

    /// Sets `ActionOnFailure` (CDK `actionOnFailure`, `CONTINUE` by default).
    /// (Example on [`EmrAddStep`].)
    pub fn action_on_failure(mut self, action: ActionOnFailure) -> EmrAddStep {
        self.props.action_on_failure = action;
        self
    }

    /// Sets `MainClass` (CDK `mainClass`). (Example on [`EmrAddStep`].)
    pub fn main_class(mut self, class: impl Into<Input<String>>) -> EmrAddStep {
        self.props.main_class = Some(class.into());
        self
    }

    /// Sets `Args` (CDK `args`). (Example on [`EmrAddStep`].)
    pub fn args(mut self, args: impl Into<Input<Vec<String>>>) -> EmrAddStep {
        self.props.args = Some(args.into());
        self
    }

    /// Adds a Java property (CDK `properties`). (Example on [`EmrAddStep`].)
    pub fn property(mut self, key: impl Into<String>, value: impl Into<String>) -> EmrAddStep {
        self.props.properties.push((key.into(), value.into()));
        self
    }

    /// Sets `ExecutionRoleArn`, the role the step runs as (CDK
    /// `executionRoleArn`). (Example on [`EmrAddStep`].)
    pub fn execution_role_arn(mut self, arn: impl Into<Input<String>>) -> EmrAddStep {
        self.props.execution_role_arn = Some(arn.into());
        self
    }

    /// Only adds the step (no suffix).
    ///
    /// ```
    /// use stepfn::tasks::EmrAddStep;
    /// let state = EmrAddStep::new("Step", "j-1", "s", "a.jar").request_response();
    /// assert!(state.to_json().contains(r#""Resource":"arn:aws:states:::elasticmapreduce:addStep","#));
    /// ```
    pub fn request_response(self) -> EmrAddStep {
        self.pattern(IntegrationPattern::RequestResponse)
    }

    /// Waits for the step (`.sync`, the default). (Example on [`EmrAddStep`].)
    pub fn run_job(self) -> EmrAddStep {
        self.pattern(IntegrationPattern::RunJob)
    }
}

impl Render for EmrAddStepProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        let mut f = cx.fields();
        let mut jar = f.child();
        jar.input("Jar", &self.jar)
            .opt("MainClass", self.main_class.as_ref())
            .opt("Args", self.args.as_ref());
        if !self.properties.is_empty() {
            let items = self
                .properties
                .iter()
                .map(|(k, v)| {
                    let mut item = f.child();
                    item.literal("Key", k.clone()).literal("Value", v.clone());
                    item
                })
                .collect();
            jar.array("Properties", items);
        }
        let mut step = f.child();
        step.input("Name", &self.step_name)
            .literal("ActionOnFailure", self.action_on_failure.as_str())
            .object("HadoopJarStep", jar);
        f.input("ClusterId", &self.cluster_id)
            .opt("ExecutionRoleArn", self.execution_role_arn.as_ref())
            .object("Step", step);
        cx.write(
            integration_arn("elasticmapreduce", "addStep", cx.pattern),
            Some(f),
        );
    }
}
