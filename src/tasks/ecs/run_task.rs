//! [`EcsRunTask`]: `ecs:runTask`.

use crate::tasks::input::aws_enum;
use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::service::{Render, Rendering};
use crate::tasks::{Input, Integration};

use super::{EcsContainerOverride, EcsLaunchTarget};

aws_enum! {
    /// Where the task's tags come from (`PropagateTags`).
    PropagatedTagSource {
        /// The service.
        Service = "SERVICE",
        /// The task definition.
        TaskDefinition = "TASK_DEFINITION",
        /// Nowhere.
        None = "NONE",
    }
}

/// A task definition, by family (and revision), with the roles it runs
/// with: the state machine's role must be allowed to pass them
/// (`iam:PassRole`), and ASL does not name them.
///
/// ```
/// use stepfn::tasks::EcsTaskDefinition;
/// let td = EcsTaskDefinition::from_family("app")
///     .task_role("arn:aws:iam::123456789012:role/AppTask")
///     .execution_role("arn:aws:iam::123456789012:role/AppExecution");
/// assert_eq!(td.family(), "app");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EcsTaskDefinition {
    family: String,
    pub(crate) roles: Vec<String>,
}

impl EcsTaskDefinition {
    /// The task definition family `family`; its latest revision runs unless
    /// the task sets [`revision_number`](EcsRunTask::revision_number).
    /// (Example on [`EcsTaskDefinition`].)
    pub fn from_family(family: impl Into<String>) -> EcsTaskDefinition {
        EcsTaskDefinition {
            family: family.into(),
            roles: Vec::new(),
        }
    }

    /// The task role (for the IAM policy). (Example on [`EcsTaskDefinition`].)
    #[must_use]
    pub fn task_role(mut self, role_arn: impl Into<String>) -> EcsTaskDefinition {
        self.roles.push(role_arn.into());
        self
    }

    /// The execution role (for the IAM policy). (Example on [`EcsTaskDefinition`].)
    #[must_use]
    pub fn execution_role(mut self, role_arn: impl Into<String>) -> EcsTaskDefinition {
        self.roles.push(role_arn.into());
        self
    }

    /// The family. (Example on [`EcsTaskDefinition`].)
    #[must_use]
    pub fn family(&self) -> &str {
        &self.family
    }
}

/// Runs an ECS task (`arn:aws:states:::ecs:runTask`); the CDK's
/// `EcsRunTask`. Patterns: request-response,
/// [`run_job`](EcsRunTask::run_job) (waits for the task to stop),
/// [`wait_for_task_token`](EcsRunTask::wait_for_task_token) (a container's
/// environment passes the token).
///
/// Network settings are written when subnets or security groups are given
/// (tasks whose definition uses the `awsvpc` network mode need them).
///
/// ```
/// use stepfn::tasks::*;
/// let state = EcsRunTask::new(
///     "Run",
///     "arn:aws:ecs:us-east-1:123456789012:cluster/jobs",
///     EcsTaskDefinition::from_family("app"),
///     EcsFargateLaunchTarget::new(FargatePlatformVersion::Version1_4),
/// )
/// .revision_number(3)
/// .subnets(["subnet-1", "subnet-2"])
/// .security_groups(["sg-1"])
/// .assign_public_ip(true)
/// .cpu("512")
/// .memory_mib("1024")
/// .propagated_tag_source(PropagatedTagSource::TaskDefinition)
/// .enable_execute_command(true)
/// .run_job();
/// assert_eq!(state.to_json(), concat!(
///     r#"{"Type":"Task","Resource":"arn:aws:states:::ecs:runTask.sync","Parameters":{"#,
///     r#""Cluster":"arn:aws:ecs:us-east-1:123456789012:cluster/jobs","TaskDefinition":"app:3","#,
///     r#""NetworkConfiguration":{"AwsvpcConfiguration":{"AssignPublicIp":"ENABLED","Subnets":["subnet-1","subnet-2"],"SecurityGroups":["sg-1"]}},"#,
///     r#""Overrides":{"Cpu":"512","Memory":"1024"},"PropagateTags":"TASK_DEFINITION","#,
///     r#""LaunchType":"FARGATE","PlatformVersion":"1.4.0","EnableExecuteCommand":true},"End":true}"#,
/// ));
/// ```
pub type EcsRunTask = Integration<EcsRunTaskProps>;

/// What an [`EcsRunTask`] sends (see there).
#[derive(Debug, Clone)]
pub struct EcsRunTaskProps {
    cluster: Input<String>,
    pub(crate) task_definition: EcsTaskDefinition,
    launch_target: EcsLaunchTarget,
    revision: Option<u64>,
    overrides: Vec<EcsContainerOverride>,
    subnets: Vec<String>,
    security_groups: Vec<String>,
    assign_public_ip: bool,
    propagated_tag_source: Option<Input<PropagatedTagSource>>,
    enable_execute_command: Option<Input<bool>>,
    cpu: Option<Input<String>>,
    memory_mib: Option<Input<String>>,
}

impl EcsRunTask {
    /// Runs `task_definition` on the cluster with ARN `cluster_arn` (CDK
    /// `cluster`, `taskDefinition`, `launchTarget`). (Example on [`EcsRunTask`].)
    pub fn new(
        name: impl Into<String>,
        cluster_arn: impl Into<Input<String>>,
        task_definition: EcsTaskDefinition,
        launch_target: impl Into<EcsLaunchTarget>,
    ) -> EcsRunTask {
        Integration::with(
            name,
            EcsRunTaskProps {
                cluster: cluster_arn.into(),
                task_definition,
                launch_target: launch_target.into(),
                revision: None,
                overrides: Vec::new(),
                subnets: Vec::new(),
                security_groups: Vec::new(),
                assign_public_ip: false,
                propagated_tag_source: None,
                enable_execute_command: None,
                cpu: None,
                memory_mib: None,
            },
        )
    }

    /// Runs this revision of the family (CDK `revisionNumber`). (Example on [`EcsRunTask`].)
    pub fn revision_number(mut self, revision: u64) -> EcsRunTask {
        self.props.revision = Some(revision);
        self
    }

    /// Adds overrides for one container (CDK `containerOverrides`). (Example
    /// on [`EcsContainerOverride`].)
    pub fn container_override(mut self, container: EcsContainerOverride) -> EcsRunTask {
        self.props.overrides.push(container);
        self
    }

    /// The subnets the task runs in (CDK `subnets`). (Example on [`EcsRunTask`].)
    pub fn subnets<S: Into<String>>(mut self, subnets: impl IntoIterator<Item = S>) -> EcsRunTask {
        self.props.subnets = subnets.into_iter().map(Into::into).collect();
        self
    }

    /// The security groups of the task (CDK `securityGroups`). (Example on [`EcsRunTask`].)
    pub fn security_groups<S: Into<String>>(
        mut self,
        groups: impl IntoIterator<Item = S>,
    ) -> EcsRunTask {
        self.props.security_groups = groups.into_iter().map(Into::into).collect();
        self
    }

    /// Gives the task a public IP (CDK `assignPublicIp`; `false` writes
    /// nothing, as the CDK does). (Example on [`EcsRunTask`].)
    pub fn assign_public_ip(mut self, assign: bool) -> EcsRunTask {
        self.props.assign_public_ip = assign;
        self
    }

    /// Sets `PropagateTags` (CDK `propagatedTagSource`). (Example on [`EcsRunTask`].)
    pub fn propagated_tag_source(
        mut self,
        source: impl Into<Input<PropagatedTagSource>>,
    ) -> EcsRunTask {
        self.props.propagated_tag_source = Some(source.into());
        self
    }

    /// Sets `EnableExecuteCommand` (CDK `enableExecuteCommand`). (Example on [`EcsRunTask`].)
    pub fn enable_execute_command(mut self, enable: impl Into<Input<bool>>) -> EcsRunTask {
        self.props.enable_execute_command = Some(enable.into());
        self
    }

    /// Overrides the task's CPU units, as text (CDK `cpu`). (Example on [`EcsRunTask`].)
    pub fn cpu(mut self, units: impl Into<Input<String>>) -> EcsRunTask {
        self.props.cpu = Some(units.into());
        self
    }

    /// Overrides the task's memory in MiB, as text (CDK `memoryMiB`).
    /// (Example on [`EcsRunTask`].)
    pub fn memory_mib(mut self, mib: impl Into<Input<String>>) -> EcsRunTask {
        self.props.memory_mib = Some(mib.into());
        self
    }

    /// Waits for the task to stop (`ecs:runTask.sync`). (Example on [`EcsRunTask`].)
    pub fn run_job(self) -> EcsRunTask {
        self.pattern(IntegrationPattern::RunJob)
    }

    /// Waits for the task token (`ecs:runTask.waitForTaskToken`): a
    /// container's environment must pass `Context::task_token()`. (Example
    /// on [`EcsContainerOverride`].)
    pub fn wait_for_task_token(self) -> EcsRunTask {
        self.pattern(IntegrationPattern::WaitForTaskToken)
    }
}

impl Render for EcsRunTaskProps {
    fn facts(&self) -> Vec<crate::iam::Fact> {
        match self.task_definition.roles.is_empty() {
            true => Vec::new(),
            false => vec![crate::iam::Fact::PassRoles(
                self.task_definition.roles.clone(),
            )],
        }
    }

    fn render(&self, cx: &mut Rendering<'_>) {
        let mut f = cx.fields();
        let family = &self.task_definition.family;
        let definition = match self.revision {
            Some(revision) => format!("{family}:{revision}"),
            None => family.clone(),
        };
        f.input("Cluster", &self.cluster)
            .literal("TaskDefinition", definition);
        if !self.subnets.is_empty() || !self.security_groups.is_empty() {
            let mut vpc = f.child();
            if self.assign_public_ip {
                vpc.literal("AssignPublicIp", "ENABLED");
            }
            vpc.input("Subnets", &Input::from(self.subnets.clone()))
                .input("SecurityGroups", &Input::from(self.security_groups.clone()));
            let mut network = f.child();
            network.object("AwsvpcConfiguration", vpc);
            f.object("NetworkConfiguration", network);
        }
        if !self.overrides.is_empty() || self.cpu.is_some() || self.memory_mib.is_some() {
            let mut overrides = f.child();
            overrides
                .opt("Cpu", self.cpu.as_ref())
                .opt("Memory", self.memory_mib.as_ref());
            if !self.overrides.is_empty() {
                let items = self.overrides.iter().map(|o| o.render(f.child())).collect();
                overrides.array("ContainerOverrides", items);
            }
            f.object("Overrides", overrides);
        }
        f.opt("PropagateTags", self.propagated_tag_source.as_ref());
        self.launch_target.render(&mut f);
        f.opt("EnableExecuteCommand", self.enable_execute_command.as_ref());
        cx.write(integration_arn("ecs", "runTask", cx.pattern), Some(f));
    }
}
