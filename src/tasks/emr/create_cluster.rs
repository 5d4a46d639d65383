//! [`EmrCreateCluster`]: `elasticmapreduce:createCluster`.

use std::time::Duration;

use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::service::{Render, Rendering};
use crate::tasks::{Input, Integration};
use crate::Code;

use super::{
    EmrApplication, EmrBootstrapAction, EmrClusterScaleDownBehavior, EmrConfiguration,
    EmrInstances, EmrKerberosAttributes, EmrManagedScalingPolicy,
};

/// Creates an EMR cluster (`arn:aws:states:::elasticmapreduce:createCluster`);
/// the CDK's `EmrCreateCluster`. It waits for the cluster by default
/// (`.sync`); [`request_response`](EmrCreateCluster::request_response) only
/// starts it.
///
/// The roles are given by name or ARN (`JobFlowRole` is the instance
/// profile, named as its role); without them, the task uses AWS's default
/// roles `EMR_DefaultRole`, `EMR_EC2_DefaultRole` and (without instance
/// fleets) `EMR_AutoScaling_DefaultRole`, where the CDK would create new ones.
///
/// ```
/// use std::time::Duration;
/// use stepfn::tasks::*;
/// let state = EmrCreateCluster::new("Cluster", "analytics", EmrInstances::new().instance_count(3))
///     .service_role("arn:aws:iam::123456789012:role/EmrService")
///     .cluster_role("EmrInstance")
///     .auto_scaling_role("EmrScaling")
///     .release_label("emr-7.1.0")
///     .log_uri("s3://logs/emr/")
///     .additional_info("{}")
///     .custom_ami_id("ami-1")
///     .ebs_root_volume_size_gib(20)
///     .ebs_root_volume_iops(3000)
///     .ebs_root_volume_throughput(125)
///     .scale_down_behavior(EmrClusterScaleDownBehavior::TerminateAtTaskCompletion)
///     .security_configuration("secure")
///     .step_concurrency_level(2)
///     .tag("team", "data")
///     .visible_to_all_users(false)
///     .auto_termination_policy_idle_timeout(Duration::from_secs(3600));
/// assert_eq!(state.to_json(), concat!(
///     r#"{"Type":"Task","Resource":"arn:aws:states:::elasticmapreduce:createCluster.sync","Parameters":{"#,
///     r#""Instances":{"InstanceCount":3,"KeepJobFlowAliveWhenNoSteps":true},"JobFlowRole":"EmrInstance","#,
///     r#""Name":"analytics","ServiceRole":"EmrService","AdditionalInfo":"{}","AutoScalingRole":"EmrScaling","#,
///     r#""CustomAmiId":"ami-1","EbsRootVolumeSize":20,"EbsRootVolumeIops":3000,"EbsRootVolumeThroughput":125,"#,
///     r#""LogUri":"s3://logs/emr/","ReleaseLabel":"emr-7.1.0","ScaleDownBehavior":"TERMINATE_AT_TASK_COMPLETION","#,
///     r#""SecurityConfiguration":"secure","StepConcurrencyLevel":2,"Tags":[{"Key":"team","Value":"data"}],"#,
///     r#""VisibleToAllUsers":false,"AutoTerminationPolicy":{"IdleTimeout":3600}},"End":true}"#,
/// ));
/// ```
pub type EmrCreateCluster = Integration<EmrCreateClusterProps>;

/// What an [`EmrCreateCluster`] sends (see there).
#[derive(Debug, Clone)]
pub struct EmrCreateClusterProps {
    cluster_name: Input<String>,
    instances: EmrInstances,
    pub(crate) service_role: String,
    pub(crate) cluster_role: String,
    pub(crate) auto_scaling_role: Option<String>,
    additional_info: Option<String>,
    applications: Vec<EmrApplication>,
    bootstrap_actions: Vec<EmrBootstrapAction>,
    configurations: Vec<EmrConfiguration>,
    custom_ami_id: Option<String>,
    ebs_root_volume_size_gib: Option<u32>,
    ebs_root_volume_iops: Option<u32>,
    ebs_root_volume_throughput: Option<u32>,
    kerberos: Option<EmrKerberosAttributes>,
    log_uri: Option<Input<String>>,
    managed_scaling: Option<EmrManagedScalingPolicy>,
    release_label: Option<String>,
    scale_down_behavior: Option<EmrClusterScaleDownBehavior>,
    security_configuration: Option<String>,
    step_concurrency_level: Option<u32>,
    tags: Vec<(String, String)>,
    visible_to_all_users: bool,
    idle_timeout: Option<Duration>,
}

/// The role name of a role given by name or ARN.
fn role_name(role: impl Into<String>) -> String {
    let role = role.into();
    match role.strip_prefix("arn:") {
        Some(_) => role.rsplit('/').next().unwrap_or_default().to_owned(),
        None => role,
    }
}

impl EmrCreateCluster {
    /// Creates the cluster `cluster_name` with `instances` (CDK `name`,
    /// `instances`). (Example on [`EmrCreateCluster`].)
    pub fn new(
        name: impl Into<String>,
        cluster_name: impl Into<Input<String>>,
        instances: EmrInstances,
    ) -> EmrCreateCluster {
        Integration::with(
            name,
            EmrCreateClusterProps {
                cluster_name: cluster_name.into(),
                instances,
                service_role: "EMR_DefaultRole".to_owned(),
                cluster_role: "EMR_EC2_DefaultRole".to_owned(),
                auto_scaling_role: None,
                additional_info: None,
                applications: Vec::new(),
                bootstrap_actions: Vec::new(),
                configurations: Vec::new(),
                custom_ami_id: None,
                ebs_root_volume_size_gib: None,
                ebs_root_volume_iops: None,
                ebs_root_volume_throughput: None,
                kerberos: None,
                log_uri: None,
                managed_scaling: None,
                release_label: None,
                scale_down_behavior: None,
                security_configuration: None,
                step_concurrency_level: None,
                tags: Vec::new(),
                visible_to_all_users: true,
                idle_timeout: None,
            },
        )
        .pattern(IntegrationPattern::RunJob)
    }

    /// Sets `ServiceRole`, by name or ARN (CDK `serviceRole`). (Example on [`EmrCreateCluster`].)
    pub fn service_role(mut self, role: impl Into<String>) -> EmrCreateCluster {
        self.props.service_role = role_name(role);
        self
    }

    /// Sets `JobFlowRole`, the role of the instances, by name or ARN (CDK
    /// `clusterRole`). (Example on [`EmrCreateCluster`].)
    pub fn cluster_role(mut self, role: impl Into<String>) -> EmrCreateCluster {
        self.props.cluster_role = role_name(role);
        self
    }

    /// Sets `AutoScalingRole`, by name or ARN (CDK `autoScalingRole`; not
    /// with instance fleets). (Example on [`EmrCreateCluster`].)
    pub fn auto_scaling_role(mut self, role: impl Into<String>) -> EmrCreateCluster {
        self.props.auto_scaling_role = Some(role_name(role));
        self
    }

    /// Sets `AdditionalInfo`, JSON text (CDK `additionalInfo`). (Example on [`EmrCreateCluster`].)
    pub fn additional_info(mut self, info: impl Into<String>) -> EmrCreateCluster {
        self.props.additional_info = Some(info.into());
        self
    }

    /// Adds an application (CDK `applications`). (Example on [`EmrApplication`].)
    pub fn application(mut self, application: EmrApplication) -> EmrCreateCluster {
        self.props.applications.push(application);
        self
    }

    /// Adds a bootstrap action (CDK `bootstrapActions`). (Example on [`EmrBootstrapAction`].)
    pub fn bootstrap_action(mut self, action: EmrBootstrapAction) -> EmrCreateCluster {
        self.props.bootstrap_actions.push(action);
        self
    }

    /// Adds a configuration (CDK `configurations`). (Example on [`EmrConfiguration`].)
    pub fn configuration(mut self, configuration: EmrConfiguration) -> EmrCreateCluster {
        self.props.configurations.push(configuration);
        self
    }

    /// Sets `CustomAmiId` (CDK `customAmiId`). (Example on [`EmrCreateCluster`].)
    pub fn custom_ami_id(mut self, ami: impl Into<String>) -> EmrCreateCluster {
        self.props.custom_ami_id = Some(ami.into());
        self
    }

    /// Sets `EbsRootVolumeSize` in GiB, 15 to 100 (CDK `ebsRootVolumeSize`).
    /// (Example on [`EmrCreateCluster`].)
    pub fn ebs_root_volume_size_gib(mut self, gib: u32) -> EmrCreateCluster {
        self.props.ebs_root_volume_size_gib = Some(gib);
        self
    }

    /// Sets `EbsRootVolumeIops` (CDK `ebsRootVolumeIops`). (Example on [`EmrCreateCluster`].)
    pub fn ebs_root_volume_iops(mut self, iops: u32) -> EmrCreateCluster {
        self.props.ebs_root_volume_iops = Some(iops);
        self
    }

    /// Sets `EbsRootVolumeThroughput` in MiB/s (CDK `ebsRootVolumeThroughput`).
    /// (Example on [`EmrCreateCluster`].)
    pub fn ebs_root_volume_throughput(mut self, mib_per_second: u32) -> EmrCreateCluster {
        self.props.ebs_root_volume_throughput = Some(mib_per_second);
        self
    }

    /// Sets `KerberosAttributes` (CDK `kerberosAttributes`). (Example on
    /// [`EmrKerberosAttributes`].)
    pub fn kerberos_attributes(mut self, kerberos: EmrKerberosAttributes) -> EmrCreateCluster {
        self.props.kerberos = Some(kerberos);
        self
    }

    /// Sets `LogUri` (CDK `logUri`). (Example on [`EmrCreateCluster`].)
    pub fn log_uri(mut self, uri: impl Into<Input<String>>) -> EmrCreateCluster {
        self.props.log_uri = Some(uri.into());
        self
    }

    /// Sets `ManagedScalingPolicy` (CDK `managedScalingPolicy`). (Example on
    /// [`EmrManagedScalingPolicy`].)
    pub fn managed_scaling_policy(mut self, policy: EmrManagedScalingPolicy) -> EmrCreateCluster {
        self.props.managed_scaling = Some(policy);
        self
    }

    /// Sets `ReleaseLabel`, such as `emr-7.1.0` (CDK `releaseLabel`). (Example on [`EmrCreateCluster`].)
    pub fn release_label(mut self, label: impl Into<String>) -> EmrCreateCluster {
        self.props.release_label = Some(label.into());
        self
    }

    /// Sets `ScaleDownBehavior` (CDK `scaleDownBehavior`). (Example on [`EmrCreateCluster`].)
    pub fn scale_down_behavior(
        mut self,
        behavior: EmrClusterScaleDownBehavior,
    ) -> EmrCreateCluster {
        self.props.scale_down_behavior = Some(behavior);
        self
    }

    /// Sets `SecurityConfiguration` (CDK `securityConfiguration`). (Example on [`EmrCreateCluster`].)
    pub fn security_configuration(mut self, name: impl Into<String>) -> EmrCreateCluster {
        self.props.security_configuration = Some(name.into());
        self
    }

    /// Sets `StepConcurrencyLevel`, 1 to 256 (CDK `stepConcurrencyLevel`).
    /// (Example on [`EmrCreateCluster`].)
    pub fn step_concurrency_level(mut self, level: u32) -> EmrCreateCluster {
        self.props.step_concurrency_level = Some(level);
        self
    }

    /// Adds a tag (CDK `tags`). (Example on [`EmrCreateCluster`].)
    pub fn tag(mut self, key: impl Into<String>, value: impl Into<String>) -> EmrCreateCluster {
        self.props.tags.push((key.into(), value.into()));
        self
    }

    /// Sets `VisibleToAllUsers` (CDK `visibleToAllUsers`, `true` by default).
    /// (Example on [`EmrCreateCluster`].)
    pub fn visible_to_all_users(mut self, visible: bool) -> EmrCreateCluster {
        self.props.visible_to_all_users = visible;
        self
    }

    /// Terminates the cluster after `idle` without work, 60 s to 7 days (CDK
    /// `autoTerminationPolicyIdleTimeout`). (Example on [`EmrCreateCluster`].)
    pub fn auto_termination_policy_idle_timeout(mut self, idle: Duration) -> EmrCreateCluster {
        self.props.idle_timeout = Some(idle);
        self
    }

    /// Only starts creating the cluster (no suffix). (Example on
    /// [`EmrCreateCluster`]'s sibling [`EmrTerminateCluster`](super::EmrTerminateCluster).)
    pub fn request_response(self) -> EmrCreateCluster {
        self.pattern(IntegrationPattern::RequestResponse)
    }

    /// Waits for the cluster (`.sync`, the default). (Example on [`EmrCreateCluster`].)
    pub fn run_job(self) -> EmrCreateCluster {
        self.pattern(IntegrationPattern::RunJob)
    }
}

impl Render for EmrCreateClusterProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        let mut f = cx.fields();
        let instances = self.instances.render(f.child());
        f.object("Instances", instances)
            .literal("JobFlowRole", self.cluster_role.clone())
            .input("Name", &self.cluster_name)
            .literal("ServiceRole", self.service_role.clone());
        if let Some(info) = &self.additional_info {
            f.literal("AdditionalInfo", info.clone());
        }
        if !self.applications.is_empty() {
            let items = self
                .applications
                .iter()
                .map(|a| a.render(f.child()))
                .collect();
            f.array("Applications", items);
        }
        if let Some(role) = self.auto_scaling_role() {
            f.literal("AutoScalingRole", role);
        }
        if !self.bootstrap_actions.is_empty() {
            let items = self
                .bootstrap_actions
                .iter()
                .map(|a| a.render(f.child()))
                .collect();
            f.array("BootstrapActions", items);
        }
        if !self.configurations.is_empty() {
            let items = self
                .configurations
                .iter()
                .map(EmrConfiguration::to_json)
                .collect();
            f.literal("Configurations", crate::model::Json::Array(items));
        }
        self.render_volumes_and_more(&mut f);
        cx.write(
            integration_arn("elasticmapreduce", "createCluster", cx.pattern),
            Some(f),
        );
    }
}

impl EmrCreateClusterProps {
    /// The auto-scaling role: given, or AWS's default without instance fleets.
    pub(crate) fn auto_scaling_role(&self) -> Option<String> {
        let fleets = self.instances.instance_fleets.is_some();
        match &self.auto_scaling_role {
            Some(role) => Some(role.clone()),
            None if !fleets => Some("EMR_AutoScaling_DefaultRole".to_owned()),
            None => None,
        }
    }

    /// `CustomAmiId` to `AutoTerminationPolicy`, in the CDK's order.
    fn render_volumes_and_more(&self, f: &mut crate::tasks::render::Fields) {
        if let Some(ami) = &self.custom_ami_id {
            f.literal("CustomAmiId", ami.clone());
        }
        if let Some(size) = self.ebs_root_volume_size_gib {
            if !(15..=100).contains(&size) {
                f.problem(
                    "EbsRootVolumeSize",
                    Code::ValueOutOfRange,
                    format!("the root volume is 15 to 100 GiB, not {size}"),
                );
            }
            f.int("EbsRootVolumeSize", i64::from(size));
        }
        if let Some(iops) = self.ebs_root_volume_iops {
            f.int("EbsRootVolumeIops", i64::from(iops));
        }
        if let Some(throughput) = self.ebs_root_volume_throughput {
            f.int("EbsRootVolumeThroughput", i64::from(throughput));
        }
        if let Some(kerberos) = &self.kerberos {
            let rendered = kerberos.render(f.child());
            f.object("KerberosAttributes", rendered);
        }
        f.opt("LogUri", self.log_uri.as_ref());
        if let Some(policy) = &self.managed_scaling {
            let rendered = policy.render(f.child());
            f.object("ManagedScalingPolicy", rendered);
        }
        if let Some(label) = &self.release_label {
            f.literal("ReleaseLabel", label.clone());
        }
        if let Some(behavior) = self.scale_down_behavior {
            f.literal("ScaleDownBehavior", behavior.as_str());
        }
        if let Some(name) = &self.security_configuration {
            f.literal("SecurityConfiguration", name.clone());
        }
        if let Some(level) = self.step_concurrency_level {
            if !(1..=256).contains(&level) {
                f.problem(
                    "StepConcurrencyLevel",
                    Code::ValueOutOfRange,
                    format!("the step concurrency level is 1 to 256, not {level}"),
                );
            }
            f.int("StepConcurrencyLevel", i64::from(level));
        }
        if !self.tags.is_empty() {
            let items = self
                .tags
                .iter()
                .map(|(key, value)| {
                    let mut tag = f.child();
                    tag.literal("Key", key.clone())
                        .literal("Value", value.clone());
                    tag
                })
                .collect();
            f.array("Tags", items);
        }
        f.literal("VisibleToAllUsers", self.visible_to_all_users);
        if let Some(idle) = self.idle_timeout {
            if !(60..=604_800).contains(&idle.as_secs()) {
                f.problem(
                    "AutoTerminationPolicy.IdleTimeout",
                    Code::ValueOutOfRange,
                    format!("the idle timeout is 60 s to 7 days, not {idle:?}"),
                );
            }
            let mut policy = f.child();
            policy.seconds("IdleTimeout", &Input::from(idle));
            f.object("AutoTerminationPolicy", policy);
        }
    }
}
