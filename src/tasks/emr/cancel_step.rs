//! [`EmrCancelStep`]: `elasticmapreduce:cancelStep`.

use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::service::{Render, Rendering};
use crate::tasks::{Input, Integration};

/// Cancels a pending step (`arn:aws:states:::elasticmapreduce:cancelStep`);
/// the CDK's `EmrCancelStep`. Request-response only.
///
/// ```
/// use stepfn::builder::JsonPath;
/// use stepfn::tasks::EmrCancelStep;
/// let state = EmrCancelStep::new("Cancel", "j-1", JsonPath::new("$.StepId"));
/// assert_eq!(state.to_json(), r#"{"Type":"Task","Resource":"arn:aws:states:::elasticmapreduce:cancelStep","Parameters":{"ClusterId":"j-1","StepId.$":"$.StepId"},"End":true}"#);
/// ```
pub type EmrCancelStep = Integration<EmrCancelStepProps>;

/// What an [`EmrCancelStep`] sends (see there).
#[derive(Debug, Clone)]
pub struct EmrCancelStepProps {
    cluster_id: Input<String>,
    step_id: Input<String>,
}

impl EmrCancelStep {
    /// Cancels `step_id` on `cluster_id` (CDK `clusterId`, `stepId`).
    /// (Example on [`EmrCancelStep`].)
    pub fn new(
        name: impl Into<String>,
        cluster_id: impl Into<Input<String>>,
        step_id: impl Into<Input<String>>,
    ) -> EmrCancelStep {
        let (cluster_id, step_id) = (cluster_id.into(), step_id.into());
        Integration::with(
            name,
            EmrCancelStepProps {
                cluster_id,
                step_id,
            },
        )
    }
}

impl Render for EmrCancelStepProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        let mut f = cx.fields();
        f.input("ClusterId", &self.cluster_id)
            .input("StepId", &self.step_id);
        let arn = integration_arn(
            "elasticmapreduce",
            "cancelStep",
            IntegrationPattern::RequestResponse,
        );
        cx.write(arn, Some(f));
    }
}
