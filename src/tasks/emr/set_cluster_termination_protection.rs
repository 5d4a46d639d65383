//! [`EmrSetClusterTerminationProtection`]: `elasticmapreduce:setClusterTerminationProtection`.

use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::service::{Render, Rendering};
use crate::tasks::{Input, Integration};

/// Turns a cluster's termination protection on or off
/// (`arn:aws:states:::elasticmapreduce:setClusterTerminationProtection`);
/// the CDK's `EmrSetClusterTerminationProtection`. Request-response only.
///
/// ```
/// use stepfn::tasks::EmrSetClusterTerminationProtection;
/// let state = EmrSetClusterTerminationProtection::new("Protect", "j-1", true);
/// assert_eq!(state.to_json(), r#"{"Type":"Task","Resource":"arn:aws:states:::elasticmapreduce:setClusterTerminationProtection","Parameters":{"ClusterId":"j-1","TerminationProtected":true},"End":true}"#);
/// ```
pub type EmrSetClusterTerminationProtection = Integration<EmrSetClusterTerminationProtectionProps>;

/// What an [`EmrSetClusterTerminationProtection`] sends (see there).
#[derive(Debug, Clone)]
pub struct EmrSetClusterTerminationProtectionProps {
    cluster_id: Input<String>,
    protected: Input<bool>,
}

impl EmrSetClusterTerminationProtection {
    /// Sets the protection of `cluster_id` to `protected` (CDK `clusterId`,
    /// `terminationProtected`). (Example on [`EmrSetClusterTerminationProtection`].)
    pub fn new(
        name: impl Into<String>,
        cluster_id: impl Into<Input<String>>,
        protected: impl Into<Input<bool>>,
    ) -> EmrSetClusterTerminationProtection {
        let (cluster_id, protected) = (cluster_id.into(), protected.into());
        Integration::with(
            name,
            EmrSetClusterTerminationProtectionProps {
                cluster_id,
                protected,
            },
        )
    }
}

impl Render for EmrSetClusterTerminationProtectionProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        let mut f = cx.fields();
        f.input("ClusterId", &self.cluster_id)
            .input("TerminationProtected", &self.protected);
        let arn = integration_arn(
            "elasticmapreduce",
            "setClusterTerminationProtection",
            IntegrationPattern::RequestResponse,
        );
        cx.write(arn, Some(f));
    }
}
