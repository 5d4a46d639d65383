//! Amazon EMR: [`EmrCreateCluster`], [`EmrAddStep`], [`EmrCancelStep`],
//! [`EmrTerminateCluster`], [`EmrSetClusterTerminationProtection`],
//! [`EmrModifyInstanceFleetByName`], [`EmrModifyInstanceGroupByName`].

mod add_step;
mod cancel_step;
mod cluster_config;
mod create_cluster;
mod instances;
mod modify_instance_fleet_by_name;
mod modify_instance_group_by_name;
mod set_cluster_termination_protection;
mod terminate_cluster;

pub use add_step::{ActionOnFailure, EmrAddStep, EmrAddStepProps};
pub use cancel_step::{EmrCancelStep, EmrCancelStepProps};
pub(crate) use cluster_config::string_map;
pub use cluster_config::{
    ComputeLimitsUnitType, EmrApplication, EmrBootstrapAction, EmrClusterScaleDownBehavior,
    EmrConfiguration, EmrKerberosAttributes, EmrManagedScalingPolicy,
};
pub use create_cluster::{EmrCreateCluster, EmrCreateClusterProps};
pub use instances::EmrInstances;
pub use modify_instance_fleet_by_name::{
    EmrModifyInstanceFleetByName, EmrModifyInstanceFleetByNameProps,
};
pub use modify_instance_group_by_name::{
    EmrInstanceGroupModifyConfig, EmrModifyInstanceGroupByName, EmrModifyInstanceGroupByNameProps,
};
pub use set_cluster_termination_protection::{
    EmrSetClusterTerminationProtection, EmrSetClusterTerminationProtectionProps,
};
pub use terminate_cluster::{EmrTerminateCluster, EmrTerminateClusterProps};
