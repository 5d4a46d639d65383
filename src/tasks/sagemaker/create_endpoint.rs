//! [`SageMakerCreateEndpoint`]: `sagemaker:createEndpoint`.

use crate::model::Json;
use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::service::{Render, Rendering};
use crate::tasks::{Input, Integration};

/// Creates a SageMaker endpoint (`arn:aws:states:::sagemaker:createEndpoint`);
/// the CDK's `SageMakerCreateEndpoint`. Request-response only.
///
/// ```
/// use stepfn::builder::JsonPath;
/// use stepfn::tasks::SageMakerCreateEndpoint;
/// let state = SageMakerCreateEndpoint::new("Endpoint", "churn", JsonPath::new("$.configName"))
///     .tags(serde_json::json!([{"Key": "team", "Value": "ml"}]));
/// assert_eq!(state.to_json(), concat!(
///     r#"{"Type":"Task","Resource":"arn:aws:states:::sagemaker:createEndpoint","Parameters":{"#,
///     r#""EndpointConfigName.$":"$.configName","EndpointName":"churn","Tags":[{"Key":"team","Value":"ml"}]},"End":true}"#,
/// ));
/// ```
pub type SageMakerCreateEndpoint = Integration<SageMakerCreateEndpointProps>;

/// What a [`SageMakerCreateEndpoint`] sends (see there).
#[derive(Debug, Clone)]
pub struct SageMakerCreateEndpointProps {
    endpoint_name: Input<String>,
    config_name: Input<String>,
    tags: Option<Input<Json>>,
}

impl SageMakerCreateEndpoint {
    /// Creates the endpoint `endpoint_name` from `endpoint_config_name` (CDK
    /// `endpointName`, `endpointConfigName`). (Example on [`SageMakerCreateEndpoint`].)
    pub fn new(
        name: impl Into<String>,
        endpoint_name: impl Into<Input<String>>,
        endpoint_config_name: impl Into<Input<String>>,
    ) -> SageMakerCreateEndpoint {
        Integration::with(
            name,
            SageMakerCreateEndpointProps {
                endpoint_name: endpoint_name.into(),
                config_name: endpoint_config_name.into(),
                tags: None,
            },
        )
    }

    /// Sets `Tags`, `[{"Key": ..., "Value": ...}]` (CDK `tags`). (Example on
    /// [`SageMakerCreateEndpoint`].)
    pub fn tags(mut self, tags: impl Into<Input<Json>>) -> SageMakerCreateEndpoint {
        self.props.tags = Some(tags.into());
        self
    }
}

impl Render for SageMakerCreateEndpointProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        let mut f = cx.fields();
        f.input("EndpointConfigName", &self.config_name)
            .input("EndpointName", &self.endpoint_name)
            .opt("Tags", self.tags.as_ref());
        let arn = integration_arn(
            "sagemaker",
            "createEndpoint",
            IntegrationPattern::RequestResponse,
        );
        cx.write(arn, Some(f));
    }
}
