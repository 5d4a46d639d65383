//! [`EmrContainersDeleteVirtualCluster`]: `emr-containers:deleteVirtualCluster`.

use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::service::{Render, Rendering};
use crate::tasks::{Input, Integration};

/// Deletes an EMR on EKS virtual cluster
/// (`arn:aws:states:::emr-containers:deleteVirtualCluster`); the CDK's
/// `EmrContainersDeleteVirtualCluster`. Patterns: request-response,
/// [`run_job`](EmrContainersDeleteVirtualCluster::run_job).
///
/// ```
/// use stepfn::builder::JsonPath;
/// use stepfn::tasks::EmrContainersDeleteVirtualCluster;
/// let state = EmrContainersDeleteVirtualCluster::new("Delete", JsonPath::new("$.cluster.Id")).run_job();
/// assert_eq!(state.to_json(), r#"{"Type":"Task","Resource":"arn:aws:states:::emr-containers:deleteVirtualCluster.sync","Parameters":{"Id.$":"$.cluster.Id"},"End":true}"#);
/// ```
pub type EmrContainersDeleteVirtualCluster = Integration<EmrContainersDeleteVirtualClusterProps>;

/// What an [`EmrContainersDeleteVirtualCluster`] sends (see there).
#[derive(Debug, Clone)]
pub struct EmrContainersDeleteVirtualClusterProps {
    id: Input<String>,
}

impl EmrContainersDeleteVirtualCluster {
    /// Deletes the virtual cluster `virtual_cluster_id` (CDK
    /// `virtualClusterId`). (Example on [`EmrContainersDeleteVirtualCluster`].)
    pub fn new(
        name: impl Into<String>,
        virtual_cluster_id: impl Into<Input<String>>,
    ) -> EmrContainersDeleteVirtualCluster {
        let id = virtual_cluster_id.into();
        Integration::with(name, EmrContainersDeleteVirtualClusterProps { id })
    }

    /// Waits until it is deleted (`.sync`). (Example on
    /// [`EmrContainersDeleteVirtualCluster`].)
    pub fn run_job(self) -> EmrContainersDeleteVirtualCluster {
        self.pattern(IntegrationPattern::RunJob)
    }
}

impl Render for EmrContainersDeleteVirtualClusterProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        let mut f = cx.fields();
        f.input("Id", &self.id);
        cx.write(
            integration_arn("emr-containers", "deleteVirtualCluster", cx.pattern),
            Some(f),
        );
    }
}
