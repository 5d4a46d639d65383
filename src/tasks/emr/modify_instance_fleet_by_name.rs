//! [`EmrModifyInstanceFleetByName`]: `elasticmapreduce:modifyInstanceFleetByName`.

use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::service::{Render, Rendering};
use crate::tasks::{Input, Integration};

/// Resizes an instance fleet
/// (`arn:aws:states:::elasticmapreduce:modifyInstanceFleetByName`); the
/// CDK's `EmrModifyInstanceFleetByName`. Request-response only.
///
/// ```
/// use stepfn::tasks::EmrModifyInstanceFleetByName;
/// let state = EmrModifyInstanceFleetByName::new("Resize", "j-1", "core", 2, 4);
/// assert_eq!(state.to_json(), concat!(
///     r#"{"Type":"Task","Resource":"arn:aws:states:::elasticmapreduce:modifyInstanceFleetByName","Parameters":{"#,
///     r#""ClusterId":"j-1","InstanceFleetName":"core","InstanceFleet":{"TargetOnDemandCapacity":2,"TargetSpotCapacity":4}},"End":true}"#,
/// ));
/// ```
pub type EmrModifyInstanceFleetByName = Integration<EmrModifyInstanceFleetByNameProps>;

/// What an [`EmrModifyInstanceFleetByName`] sends (see there).
#[derive(Debug, Clone)]
pub struct EmrModifyInstanceFleetByNameProps {
    cluster_id: Input<String>,
    fleet_name: Input<String>,
    on_demand: Input<i64>,
    spot: Input<i64>,
}

impl EmrModifyInstanceFleetByName {
    /// Sets the target capacities of the fleet `fleet_name` of `cluster_id`
    /// (CDK `clusterId`, `instanceFleetName`, `targetOnDemandCapacity`,
    /// `targetSpotCapacity`). (Example on [`EmrModifyInstanceFleetByName`].)
    pub fn new(
        name: impl Into<String>,
        cluster_id: impl Into<Input<String>>,
        fleet_name: impl Into<Input<String>>,
        target_on_demand_capacity: impl Into<Input<i64>>,
        target_spot_capacity: impl Into<Input<i64>>,
    ) -> EmrModifyInstanceFleetByName {
        Integration::with(
            name,
            EmrModifyInstanceFleetByNameProps {
                cluster_id: cluster_id.into(),
                fleet_name: fleet_name.into(),
                on_demand: target_on_demand_capacity.into(),
                spot: target_spot_capacity.into(),
            },
        )
    }
}

impl Render for EmrModifyInstanceFleetByNameProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        let mut f = cx.fields();
        let mut fleet = f.child();
        fleet
            .input("TargetOnDemandCapacity", &self.on_demand)
            .input("TargetSpotCapacity", &self.spot);
        f.input("ClusterId", &self.cluster_id)
            .input("InstanceFleetName", &self.fleet_name)
            .object("InstanceFleet", fleet);
        let arn = integration_arn(
            "elasticmapreduce",
            "modifyInstanceFleetByName",
            IntegrationPattern::RequestResponse,
        );
        cx.write(arn, Some(f));
    }
}
