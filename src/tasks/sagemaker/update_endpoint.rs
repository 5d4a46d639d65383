//! [`SageMakerUpdateEndpoint`]: `sagemaker:updateEndpoint`.

use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::service::{Render, Rendering};
use crate::tasks::{Input, Integration};

/// Points a SageMaker endpoint at another configuration
/// (`arn:aws:states:::sagemaker:updateEndpoint`); the CDK's
/// `SageMakerUpdateEndpoint`. Request-response only.
///
/// ```
/// use stepfn::tasks::SageMakerUpdateEndpoint;
/// let state = SageMakerUpdateEndpoint::new("Update", "churn", "churn-v2");
/// assert_eq!(state.to_json(), r#"{"Type":"Task","Resource":"arn:aws:states:::sagemaker:updateEndpoint","Parameters":{"EndpointConfigName":"churn-v2","EndpointName":"churn"},"End":true}"#);
/// ```
pub type SageMakerUpdateEndpoint = Integration<SageMakerUpdateEndpointProps>;

/// What a [`SageMakerUpdateEndpoint`] sends (see there).
#[derive(Debug, Clone)]
pub struct SageMakerUpdateEndpointProps {
    endpoint_name: Input<String>,
    config_name: Input<String>,
}

impl SageMakerUpdateEndpoint {
    /// Updates `endpoint_name` to `endpoint_config_name` (CDK
    /// `endpointName`, `endpointConfigName`). (Example on [`SageMakerUpdateEndpoint`].)
    pub fn new(
        name: impl Into<String>,
        endpoint_name: impl Into<Input<String>>,
        endpoint_config_name: impl Into<Input<String>>,
    ) -> SageMakerUpdateEndpoint {
        Integration::with(
            name,
            SageMakerUpdateEndpointProps {
                endpoint_name: endpoint_name.into(),
                config_name: endpoint_config_name.into(),
            },
        )
    }
}

impl Render for SageMakerUpdateEndpointProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        let mut f = cx.fields();
        f.input("EndpointConfigName", &self.config_name)
            .input("EndpointName", &self.endpoint_name);
        let arn = integration_arn(
            "sagemaker",
            "updateEndpoint",
            IntegrationPattern::RequestResponse,
        );
        cx.write(arn, Some(f));
    }
}
