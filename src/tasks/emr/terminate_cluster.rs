//! [`EmrTerminateCluster`]: `elasticmapreduce:terminateCluster`.

use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::service::{Render, Rendering};
use crate::tasks::{Input, Integration};

/// Terminates an EMR cluster
/// (`arn:aws:states:::elasticmapreduce:terminateCluster`); the CDK's
/// `EmrTerminateCluster`. It waits until the cluster is gone by default
/// (`.sync`); [`request_response`](EmrTerminateCluster::request_response)
/// only asks.
///
/// ```
/// use stepfn::builder::JsonPath;
/// use stepfn::tasks::EmrTerminateCluster;
/// let state = EmrTerminateCluster::new("Terminate", JsonPath::new("$.ClusterId")).request_response();
/// assert_eq!(state.to_json(), r#"{"Type":"Task","Resource":"arn:aws:states:::elasticmapreduce:terminateCluster","Parameters":{"ClusterId.$":"$.ClusterId"},"End":true}"#);
/// ```
pub type EmrTerminateCluster = Integration<EmrTerminateClusterProps>;

/// What an [`EmrTerminateCluster`] sends (see there).
#[derive(Debug, Clone)]
pub struct EmrTerminateClusterProps {
    cluster_id: Input<String>,
}

impl EmrTerminateCluster {
    /// Terminates `cluster_id` (CDK `clusterId`). (Example on [`EmrTerminateCluster`].)
    pub fn new(
        name: impl Into<String>,
        cluster_id: impl Into<Input<String>>,
    ) -> EmrTerminateCluster {
        let cluster_id = cluster_id.into();
        Integration::with(name, EmrTerminateClusterProps { cluster_id })
            .pattern(IntegrationPattern::RunJob)
    }

    /// Only asks for termination (no suffix). (Example on [`EmrTerminateCluster`].)
    pub fn request_response(self) -> EmrTerminateCluster {
        self.pattern(IntegrationPattern::RequestResponse)
    }

    /// Waits until the cluster is terminated (`.sync`, the default).
    ///
    /// ```
    /// use stepfn::tasks::EmrTerminateCluster;
    /// let state = EmrTerminateCluster::new("Terminate", "j-1").run_job();
    /// assert!(state.to_json().contains(r#""Resource":"arn:aws:states:::elasticmapreduce:terminateCluster.sync""#));
    /// ```
    pub fn run_job(self) -> EmrTerminateCluster {
        self.pattern(IntegrationPattern::RunJob)
    }
}

impl Render for EmrTerminateClusterProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        let mut f = cx.fields();
        f.input("ClusterId", &self.cluster_id);
        cx.write(
            integration_arn("elasticmapreduce", "terminateCluster", cx.pattern),
            Some(f),
        );
    }
}
