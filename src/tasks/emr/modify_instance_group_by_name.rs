//! [`EmrModifyInstanceGroupByName`]: `elasticmapreduce:modifyInstanceGroupByName`.

use std::time::Duration;

use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::render::Fields;
use crate::tasks::service::{Render, Rendering};
use crate::tasks::{Input, Integration};

use super::EmrConfiguration;

/// Resizes or reconfigures an instance group
/// (`arn:aws:states:::elasticmapreduce:modifyInstanceGroupByName`); the
/// CDK's `EmrModifyInstanceGroupByName`. Request-response only.
///
/// ```
/// use std::time::Duration;
/// use stepfn::tasks::*;
/// let change = EmrInstanceGroupModifyConfig::new()
///     .instance_count(4)
///     .ec2_instance_ids_to_terminate(["i-1"])
///     .configuration(EmrConfiguration::new("yarn-site").property("k", "v"))
///     .decommission_timeout(Duration::from_secs(300))
///     .instances_to_protect(["i-2"])
///     .instances_to_terminate(["i-3"])
///     .instance_termination_timeout(Duration::from_secs(60));
/// let state = EmrModifyInstanceGroupByName::new("Resize", "j-1", "core", change);
/// assert_eq!(state.to_json(), concat!(
///     r#"{"Type":"Task","Resource":"arn:aws:states:::elasticmapreduce:modifyInstanceGroupByName","Parameters":{"#,
///     r#""ClusterId":"j-1","InstanceGroupName":"core","InstanceGroup":{"#,
///     r#""Configurations":[{"Classification":"yarn-site","Properties":{"k":"v"}}],"EC2InstanceIdsToTerminate":["i-1"],"#,
///     r#""InstanceCount":4,"ShrinkPolicy":{"DecommissionTimeout":300,"InstanceResizePolicy":{"#,
///     r#""InstancesToProtect":["i-2"],"InstancesToTerminate":["i-3"],"InstanceTerminationTimeout":60}}}},"End":true}"#,
/// ));
/// ```
pub type EmrModifyInstanceGroupByName = Integration<EmrModifyInstanceGroupByNameProps>;

/// What an [`EmrModifyInstanceGroupByName`] sends (see there).
#[derive(Debug, Clone)]
pub struct EmrModifyInstanceGroupByNameProps {
    cluster_id: Input<String>,
    group_name: Input<String>,
    change: EmrInstanceGroupModifyConfig,
}

/// The change to an instance group (`InstanceGroup`; the CDK's
/// `InstanceGroupModifyConfigProperty`, with its shrink policy). (Example on
/// [`EmrModifyInstanceGroupByName`].)
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use]
pub struct EmrInstanceGroupModifyConfig {
    configurations: Vec<EmrConfiguration>,
    terminate_ids: Option<Vec<String>>,
    instance_count: Option<Input<i64>>,
    decommission_timeout: Option<Duration>,
    protect: Option<Vec<String>>,
    terminate: Option<Vec<String>>,
    termination_timeout: Option<Duration>,
}

/// Strings from any list of string-likes.
fn strings<S: Into<String>>(items: impl IntoIterator<Item = S>) -> Option<Vec<String>> {
    Some(items.into_iter().map(Into::into).collect())
}

impl EmrInstanceGroupModifyConfig {
    /// No change yet. (Example on [`EmrModifyInstanceGroupByName`].)
    pub fn new() -> EmrInstanceGroupModifyConfig {
        EmrInstanceGroupModifyConfig::default()
    }

    /// Adds a configuration (CDK `configurations`). (Example on [`EmrModifyInstanceGroupByName`].)
    pub fn configuration(
        mut self,
        configuration: EmrConfiguration,
    ) -> EmrInstanceGroupModifyConfig {
        self.configurations.push(configuration);
        self
    }

    /// Sets `EC2InstanceIdsToTerminate` (CDK `eC2InstanceIdsToTerminate`).
    /// (Example on [`EmrModifyInstanceGroupByName`].)
    pub fn ec2_instance_ids_to_terminate<S: Into<String>>(
        mut self,
        ids: impl IntoIterator<Item = S>,
    ) -> EmrInstanceGroupModifyConfig {
        self.terminate_ids = strings(ids);
        self
    }

    /// Sets `InstanceCount` (CDK `instanceCount`). (Example on [`EmrModifyInstanceGroupByName`].)
    pub fn instance_count(mut self, count: impl Into<Input<i64>>) -> EmrInstanceGroupModifyConfig {
        self.instance_count = Some(count.into());
        self
    }

    /// Sets `ShrinkPolicy.DecommissionTimeout`, in whole seconds (CDK
    /// `shrinkPolicy.decommissionTimeout`). (Example on [`EmrModifyInstanceGroupByName`].)
    pub fn decommission_timeout(mut self, timeout: Duration) -> EmrInstanceGroupModifyConfig {
        self.decommission_timeout = Some(timeout);
        self
    }

    /// Sets `InstanceResizePolicy.InstancesToProtect`. (Example on [`EmrModifyInstanceGroupByName`].)
    pub fn instances_to_protect<S: Into<String>>(
        mut self,
        ids: impl IntoIterator<Item = S>,
    ) -> EmrInstanceGroupModifyConfig {
        self.protect = strings(ids);
        self
    }

    /// Sets `InstanceResizePolicy.InstancesToTerminate`. (Example on [`EmrModifyInstanceGroupByName`].)
    pub fn instances_to_terminate<S: Into<String>>(
        mut self,
        ids: impl IntoIterator<Item = S>,
    ) -> EmrInstanceGroupModifyConfig {
        self.terminate = strings(ids);
        self
    }

    /// Sets `InstanceResizePolicy.InstanceTerminationTimeout`, in whole
    /// seconds. (Example on [`EmrModifyInstanceGroupByName`].)
    pub fn instance_termination_timeout(
        mut self,
        timeout: Duration,
    ) -> EmrInstanceGroupModifyConfig {
        self.termination_timeout = Some(timeout);
        self
    }

    fn render(&self, mut f: Fields) -> Fields {
        let list = |f: &mut Fields, key: &str, v: &Option<Vec<String>>| {
            if let Some(v) = v {
                f.input(key, &Input::from(v.clone()));
            }
        };
        if !self.configurations.is_empty() {
            let items = self
                .configurations
                .iter()
                .map(EmrConfiguration::to_json)
                .collect();
            f.literal("Configurations", crate::model::Json::Array(items));
        }
        list(&mut f, "EC2InstanceIdsToTerminate", &self.terminate_ids);
        f.opt("InstanceCount", self.instance_count.as_ref());
        let resize = self.protect.is_some()
            || self.terminate.is_some()
            || self.termination_timeout.is_some();
        if self.decommission_timeout.is_some() || resize {
            let mut shrink = f.child();
            if let Some(timeout) = self.decommission_timeout {
                shrink.seconds("DecommissionTimeout", &Input::from(timeout));
            }
            if resize {
                let mut policy = f.child();
                list(&mut policy, "InstancesToProtect", &self.protect);
                list(&mut policy, "InstancesToTerminate", &self.terminate);
                if let Some(timeout) = self.termination_timeout {
                    policy.seconds("InstanceTerminationTimeout", &Input::from(timeout));
                }
                shrink.object("InstanceResizePolicy", policy);
            }
            f.object("ShrinkPolicy", shrink);
        }
        f
    }
}

impl EmrModifyInstanceGroupByName {
    /// Applies `change` to the group `group_name` of `cluster_id` (CDK
    /// `clusterId`, `instanceGroupName`, `instanceGroup`). (Example on
    /// [`EmrModifyInstanceGroupByName`].)
    pub fn new(
        name: impl Into<String>,
        cluster_id: impl Into<Input<String>>,
        group_name: impl Into<Input<String>>,
        change: EmrInstanceGroupModifyConfig,
    ) -> EmrModifyInstanceGroupByName {
        Integration::with(
            name,
            EmrModifyInstanceGroupByNameProps {
                cluster_id: cluster_id.into(),
                group_name: group_name.into(),
                change,
            },
        )
    }
}

impl Render for EmrModifyInstanceGroupByNameProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        let mut f = cx.fields();
        let group = self.change.render(f.child());
        f.input("ClusterId", &self.cluster_id)
            .input("InstanceGroupName", &self.group_name)
            .object("InstanceGroup", group);
        let arn = integration_arn(
            "elasticmapreduce",
            "modifyInstanceGroupByName",
            IntegrationPattern::RequestResponse,
        );
        cx.write(arn, Some(f));
    }
}
