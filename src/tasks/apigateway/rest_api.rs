//! [`CallApiGatewayRestApiEndpoint`]: `apigateway:invoke` on a REST API.

use crate::tasks::service::{Render, Rendering};
use crate::tasks::{Input, Integration};

use super::shared::{call_setters, endpoint, Call};
use super::HttpMethod;

/// A REST API: its ID and the region it is in.
///
/// ```
/// use stepfn::tasks::ApiGatewayRestApi;
/// assert_eq!(ApiGatewayRestApi::new("a1b2c3", "us-east-1").endpoint(), "a1b2c3.execute-api.us-east-1.amazonaws.com");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiGatewayRestApi {
    id: String,
    region: String,
}

impl ApiGatewayRestApi {
    /// The REST API `id` in `region`. (Example on [`ApiGatewayRestApi`].)
    pub fn new(id: impl Into<String>, region: impl Into<String>) -> ApiGatewayRestApi {
        ApiGatewayRestApi {
            id: id.into(),
            region: region.into(),
        }
    }

    /// The endpoint host the task calls. (Example on [`ApiGatewayRestApi`].)
    #[must_use]
    pub fn endpoint(&self) -> String {
        endpoint(&self.id, &self.region)
    }
}

/// Calls a REST API endpoint (`arn:aws:states:::apigateway:invoke`); the
/// CDK's `CallApiGatewayRestApiEndpoint`. Patterns: request-response,
/// [`wait_for_task_token`](CallApiGatewayRestApiEndpoint::wait_for_task_token)
/// (the headers carry the token).
///
/// ```
/// use stepfn::builder::{Context, JsonPath, Payload};
/// use stepfn::tasks::*;
/// let api = ApiGatewayRestApi::new("a1b2c3", "us-east-1");
/// let state = CallApiGatewayRestApiEndpoint::new("Call", api, "prod", HttpMethod::Post)
///     .api_path("/orders")
///     .headers(Payload::new().field("TaskToken", Context::task_token()))
///     .query_parameters(serde_json::json!({"dry": ["true"]}))
///     .request_body(JsonPath::new("$.order"))
///     .auth_type(AuthType::IamRole)
///     .wait_for_task_token();
/// assert_eq!(state.to_json(), concat!(
///     r#"{"Type":"Task","Resource":"arn:aws:states:::apigateway:invoke.waitForTaskToken","Parameters":{"#,
///     r#""ApiEndpoint":"a1b2c3.execute-api.us-east-1.amazonaws.com","Method":"POST","#,
///     r#""Headers":{"TaskToken.$":"$$.Task.Token"},"Stage":"prod","Path":"/orders","#,
///     r#""QueryParameters":{"dry":["true"]},"RequestBody.$":"$.order","AuthType":"IAM_ROLE"},"End":true}"#,
/// ));
/// ```
pub type CallApiGatewayRestApiEndpoint = Integration<CallApiGatewayRestApiEndpointProps>;

/// What a [`CallApiGatewayRestApiEndpoint`] sends (see there).
#[derive(Debug, Clone)]
pub struct CallApiGatewayRestApiEndpointProps {
    api: ApiGatewayRestApi,
    stage_name: Input<String>,
    call: Call,
}

impl CallApiGatewayRestApiEndpoint {
    /// Calls `api` at stage `stage_name` (CDK `api`, `stageName`) with
    /// `method` (CDK `method`). (Example on [`CallApiGatewayRestApiEndpoint`].)
    pub fn new(
        name: impl Into<String>,
        api: ApiGatewayRestApi,
        stage_name: impl Into<Input<String>>,
        method: impl Into<Input<HttpMethod>>,
    ) -> CallApiGatewayRestApiEndpoint {
        Integration::with(
            name,
            CallApiGatewayRestApiEndpointProps {
                api,
                stage_name: stage_name.into(),
                call: Call::new(method.into()),
            },
        )
    }

    /// Calls the API in `region` instead of the API's own (CDK `region`).
    ///
    /// ```
    /// use stepfn::tasks::*;
    /// let api = ApiGatewayRestApi::new("a1b2c3", "us-east-1");
    /// let state = CallApiGatewayRestApiEndpoint::new("Call", api, "prod", HttpMethod::Get).region("eu-west-1");
    /// assert!(state.to_json().contains(r#""ApiEndpoint":"a1b2c3.execute-api.eu-west-1.amazonaws.com""#));
    /// ```
    pub fn region(mut self, region: impl Into<String>) -> CallApiGatewayRestApiEndpoint {
        self.props.api.region = region.into();
        self
    }
}

call_setters!(CallApiGatewayRestApiEndpoint);

impl Render for CallApiGatewayRestApiEndpointProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        self.call
            .render(cx, self.api.endpoint(), Some(&self.stage_name));
    }
}
