//! [`CallApiGatewayHttpApiEndpoint`]: `apigateway:invoke` on an HTTP API.

use crate::tasks::service::{Render, Rendering};
use crate::tasks::{Input, Integration};

use super::shared::{call_setters, endpoint, Call};
use super::HttpMethod;

/// An HTTP API: its ID and the region it is in.
///
/// ```
/// use stepfn::tasks::ApiGatewayHttpApi;
/// assert_eq!(ApiGatewayHttpApi::new("h1", "eu-west-1").endpoint(), "h1.execute-api.eu-west-1.amazonaws.com");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiGatewayHttpApi {
    id: String,
    region: String,
}

impl ApiGatewayHttpApi {
    /// The HTTP API `id` in `region` (CDK `apiId`, and the region of
    /// `apiStack`). (Example on [`ApiGatewayHttpApi`].)
    pub fn new(id: impl Into<String>, region: impl Into<String>) -> ApiGatewayHttpApi {
        ApiGatewayHttpApi {
            id: id.into(),
            region: region.into(),
        }
    }

    /// The endpoint host the task calls. (Example on [`ApiGatewayHttpApi`].)
    #[must_use]
    pub fn endpoint(&self) -> String {
        endpoint(&self.id, &self.region)
    }
}

/// Calls an HTTP API endpoint (`arn:aws:states:::apigateway:invoke`); the
/// CDK's `CallApiGatewayHttpApiEndpoint`. Without a stage, AWS calls the
/// `$default` stage. Patterns: request-response,
/// [`wait_for_task_token`](CallApiGatewayHttpApiEndpoint::wait_for_task_token).
///
/// ```
/// use stepfn::builder::JsonPath;
/// use stepfn::tasks::*;
/// let api = ApiGatewayHttpApi::new("h1", "us-east-1");
/// let state = CallApiGatewayHttpApiEndpoint::new("Call", api, HttpMethod::Get)
///     .stage_name("live")
///     .api_path(JsonPath::new("$.path"));
/// assert_eq!(state.to_json(), concat!(
///     r#"{"Type":"Task","Resource":"arn:aws:states:::apigateway:invoke","Parameters":{"#,
///     r#""ApiEndpoint":"h1.execute-api.us-east-1.amazonaws.com","Method":"GET","Stage":"live","#,
///     r#""Path.$":"$.path","AuthType":"NO_AUTH"},"End":true}"#,
/// ));
/// ```
pub type CallApiGatewayHttpApiEndpoint = Integration<CallApiGatewayHttpApiEndpointProps>;

/// What a [`CallApiGatewayHttpApiEndpoint`] sends (see there).
#[derive(Debug, Clone)]
pub struct CallApiGatewayHttpApiEndpointProps {
    api: ApiGatewayHttpApi,
    stage_name: Option<Input<String>>,
    call: Call,
}

impl CallApiGatewayHttpApiEndpoint {
    /// Calls `api` with `method` (CDK `apiId`/`apiStack`, `method`).
    /// (Example on [`CallApiGatewayHttpApiEndpoint`].)
    pub fn new(
        name: impl Into<String>,
        api: ApiGatewayHttpApi,
        method: impl Into<Input<HttpMethod>>,
    ) -> CallApiGatewayHttpApiEndpoint {
        Integration::with(
            name,
            CallApiGatewayHttpApiEndpointProps {
                api,
                stage_name: None,
                call: Call::new(method.into()),
            },
        )
    }

    /// Sets `Stage` (CDK `stageName`). (Example on [`CallApiGatewayHttpApiEndpoint`].)
    pub fn stage_name(mut self, stage: impl Into<Input<String>>) -> CallApiGatewayHttpApiEndpoint {
        self.props.stage_name = Some(stage.into());
        self
    }
}

call_setters!(CallApiGatewayHttpApiEndpoint);

impl Render for CallApiGatewayHttpApiEndpointProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        self.call
            .render(cx, self.api.endpoint(), self.stage_name.as_ref());
    }
}
