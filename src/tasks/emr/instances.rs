//! `Instances`: the EC2 instances of an EMR cluster.

use super::cluster_config::{strings, Strings};
use crate::model::Json;
use crate::tasks::render::Fields;

/// `Instances`: the cluster's EC2 instances (the CDK's
/// `InstancesConfigProperty`). `KeepJobFlowAliveWhenNoSteps` is always
/// `true`, as the CDK writes it. Instance fleets and instance groups are
/// given in the EMR API's own JSON shape.
///
/// ```
/// use stepfn::tasks::EmrInstances;
/// use stepfn::tasks::{EmrCreateCluster};
/// let instances = EmrInstances::new()
///     .instance_count(3)
///     .master_instance_type("m5.xlarge")
///     .slave_instance_type("m5.xlarge")
///     .ec2_subnet_id("subnet-1")
///     .ec2_key_name("ops")
///     .termination_protected(false);
/// let state = EmrCreateCluster::new("Cluster", "analytics", instances);
/// assert!(state.to_json().contains(concat!(
///     r#""Instances":{"Ec2KeyName":"ops","Ec2SubnetId":"subnet-1","InstanceCount":3,"#,
///     r#""KeepJobFlowAliveWhenNoSteps":true,"MasterInstanceType":"m5.xlarge","#,
///     r#""SlaveInstanceType":"m5.xlarge","TerminationProtected":false}"#)));
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use]
pub struct EmrInstances {
    additional_master_security_groups: Strings,
    additional_slave_security_groups: Strings,
    ec2_key_name: Option<String>,
    ec2_subnet_id: Option<String>,
    ec2_subnet_ids: Strings,
    emr_managed_master_security_group: Option<String>,
    emr_managed_slave_security_group: Option<String>,
    hadoop_version: Option<String>,
    instance_count: Option<u32>,
    pub(crate) instance_fleets: Option<Json>,
    instance_groups: Option<Json>,
    master_instance_type: Option<String>,
    placement: Option<(Option<String>, Strings)>,
    service_access_security_group: Option<String>,
    slave_instance_type: Option<String>,
    termination_protected: Option<bool>,
}

/// A setter of one optional field of [`EmrInstances`].
macro_rules! setters {
    ($($(#[$doc:meta])* $name:ident: $ty:ty => $convert:expr;)*) => {
        impl EmrInstances {
            $(
                $(#[$doc])*
                #[doc = "(Example on [`EmrInstances`].)"]
                pub fn $name(mut self, value: $ty) -> EmrInstances {
                    self.$name = Some(($convert)(value));
                    self
                }
            )*
        }
    };
}

setters! {
    /// Sets `Ec2KeyName`, the SSH key pair.
    ec2_key_name: impl Into<String> => Into::into;
    /// Sets `Ec2SubnetId`.
    ec2_subnet_id: impl Into<String> => Into::into;
    /// Sets `EmrManagedMasterSecurityGroup`.
    emr_managed_master_security_group: impl Into<String> => Into::into;
    /// Sets `EmrManagedSlaveSecurityGroup`.
    emr_managed_slave_security_group: impl Into<String> => Into::into;
    /// Sets `HadoopVersion`.
    hadoop_version: impl Into<String> => Into::into;
    /// Sets `InstanceCount`.
    instance_count: u32 => std::convert::identity;
    /// Sets `InstanceFleets`, in the EMR API's JSON shape.
    instance_fleets: impl Into<Json> => Into::into;
    /// Sets `InstanceGroups`, in the EMR API's JSON shape.
    instance_groups: impl Into<Json> => Into::into;
    /// Sets `MasterInstanceType`.
    master_instance_type: impl Into<String> => Into::into;
    /// Sets `ServiceAccessSecurityGroup`.
    service_access_security_group: impl Into<String> => Into::into;
    /// Sets `SlaveInstanceType`.
    slave_instance_type: impl Into<String> => Into::into;
    /// Sets `TerminationProtected`.
    termination_protected: bool => std::convert::identity;
}

impl EmrInstances {
    /// No instance settings yet. (Example on [`EmrInstances`].)
    pub fn new() -> EmrInstances {
        EmrInstances::default()
    }

    /// Sets `AdditionalMasterSecurityGroups`. (Example on [`EmrInstances`].)
    pub fn additional_master_security_groups<S: Into<String>>(
        mut self,
        groups: impl IntoIterator<Item = S>,
    ) -> EmrInstances {
        self.additional_master_security_groups = Some(strings(groups));
        self
    }

    /// Sets `AdditionalSlaveSecurityGroups`. (Example on [`EmrInstances`].)
    pub fn additional_slave_security_groups<S: Into<String>>(
        mut self,
        groups: impl IntoIterator<Item = S>,
    ) -> EmrInstances {
        self.additional_slave_security_groups = Some(strings(groups));
        self
    }

    /// Sets `Ec2SubnetIds`. (Example on [`EmrInstances`].)
    pub fn ec2_subnet_ids<S: Into<String>>(
        mut self,
        subnets: impl IntoIterator<Item = S>,
    ) -> EmrInstances {
        self.ec2_subnet_ids = Some(strings(subnets));
        self
    }

    /// Sets `Placement.AvailabilityZone`. (Example on [`EmrInstances`].)
    pub fn availability_zone(mut self, zone: impl Into<String>) -> EmrInstances {
        let (_, zones) = self.placement.take().unwrap_or_default();
        self.placement = Some((Some(zone.into()), zones));
        self
    }

    /// Sets `Placement.AvailabilityZones`. (Example on [`EmrInstances`].)
    pub fn availability_zones<S: Into<String>>(
        mut self,
        zones: impl IntoIterator<Item = S>,
    ) -> EmrInstances {
        let (zone, _) = self.placement.take().unwrap_or_default();
        self.placement = Some((zone, Some(strings(zones))));
        self
    }

    pub(crate) fn render(&self, mut f: Fields) -> Fields {
        let list = |f: &mut Fields, key: &str, v: &Strings| {
            if let Some(items) = v {
                f.literal(
                    key,
                    Json::Array(items.iter().cloned().map(Json::String).collect()),
                );
            }
        };
        let text = |f: &mut Fields, key: &str, v: &Option<String>| {
            if let Some(v) = v {
                f.literal(key, v.clone());
            }
        };
        list(
            &mut f,
            "AdditionalMasterSecurityGroups",
            &self.additional_master_security_groups,
        );
        list(
            &mut f,
            "AdditionalSlaveSecurityGroups",
            &self.additional_slave_security_groups,
        );
        text(&mut f, "Ec2KeyName", &self.ec2_key_name);
        text(&mut f, "Ec2SubnetId", &self.ec2_subnet_id);
        list(&mut f, "Ec2SubnetIds", &self.ec2_subnet_ids);
        text(
            &mut f,
            "EmrManagedMasterSecurityGroup",
            &self.emr_managed_master_security_group,
        );
        text(
            &mut f,
            "EmrManagedSlaveSecurityGroup",
            &self.emr_managed_slave_security_group,
        );
        text(&mut f, "HadoopVersion", &self.hadoop_version);
        if let Some(count) = self.instance_count {
            f.int("InstanceCount", i64::from(count));
        }
        if let Some(fleets) = &self.instance_fleets {
            f.literal("InstanceFleets", fleets.clone());
        }
        if let Some(groups) = &self.instance_groups {
            f.literal("InstanceGroups", groups.clone());
        }
        f.literal("KeepJobFlowAliveWhenNoSteps", true);
        text(&mut f, "MasterInstanceType", &self.master_instance_type);
        if let Some((zone, zones)) = &self.placement {
            let mut placement = f.child();
            text(&mut placement, "AvailabilityZone", zone);
            list(&mut placement, "AvailabilityZones", zones);
            f.object("Placement", placement);
        }
        text(
            &mut f,
            "ServiceAccessSecurityGroup",
            &self.service_access_security_group,
        );
        text(&mut f, "SlaveInstanceType", &self.slave_instance_type);
        if let Some(protected) = self.termination_protected {
            f.literal("TerminationProtected", protected);
        }
        f
    }
}
