//! What the two API Gateway integrations share.

use crate::model::Json;
use crate::tasks::input::aws_enum;
use crate::tasks::pattern::integration_arn;
use crate::tasks::service::Rendering;
use crate::tasks::Input;

aws_enum! {
    /// The HTTP method of the call (`Method`).
    HttpMethod {
        /// `GET`
        Get = "GET",
        /// `POST`
        Post = "POST",
        /// `PUT`
        Put = "PUT",
        /// `DELETE`
        Delete = "DELETE",
        /// `PATCH`
        Patch = "PATCH",
        /// `HEAD`
        Head = "HEAD",
        /// `OPTIONS`
        Options = "OPTIONS",
    }
}

aws_enum! {
    /// How the call authenticates (`AuthType`).
    AuthType {
        /// No authentication (the default).
        NoAuth = "NO_AUTH",
        /// Signed with the state machine's role.
        IamRole = "IAM_ROLE",
        /// Allowed by the API's resource policy.
        ResourcePolicy = "RESOURCE_POLICY",
    }
}

/// An API's endpoint host: `<id>.execute-api.<region>.<domain>`.
pub(crate) fn endpoint(id: &str, region: &str) -> String {
    let suffix = if region.starts_with("cn-") {
        "amazonaws.com.cn"
    } else {
        "amazonaws.com"
    };
    format!("{id}.execute-api.{region}.{suffix}")
}

/// The fields both API Gateway integrations send.
#[derive(Debug, Clone)]
pub(crate) struct Call {
    pub(crate) method: Input<HttpMethod>,
    pub(crate) headers: Option<Input<Json>>,
    pub(crate) api_path: Option<Input<String>>,
    pub(crate) query_parameters: Option<Input<Json>>,
    pub(crate) request_body: Option<Input<Json>>,
    pub(crate) auth_type: Option<Input<AuthType>>,
}

impl Call {
    pub(crate) fn new(method: Input<HttpMethod>) -> Call {
        Call {
            method,
            headers: None,
            api_path: None,
            query_parameters: None,
            request_body: None,
            auth_type: None,
        }
    }

    /// `apigateway:invoke` with the fields in the CDK's order.
    pub(crate) fn render(
        &self,
        cx: &mut Rendering<'_>,
        endpoint: String,
        stage: Option<&Input<String>>,
    ) {
        let mut f = cx.fields();
        f.literal("ApiEndpoint", endpoint)
            .input("Method", &self.method)
            .opt("Headers", self.headers.as_ref())
            .opt("Stage", stage)
            .opt("Path", self.api_path.as_ref())
            .opt("QueryParameters", self.query_parameters.as_ref())
            .opt("RequestBody", self.request_body.as_ref());
        match &self.auth_type {
            Some(auth) => f.input("AuthType", auth),
            None => f.literal("AuthType", "NO_AUTH"),
        };
        cx.write(integration_arn("apigateway", "invoke", cx.pattern), Some(f));
    }
}

/// The setters of [`Call`] and the callback pattern for one API Gateway
/// integration `$ty`, whose props hold a `call` field.
macro_rules! call_setters {
    ($ty:ident) => {
        impl $ty {
            #[doc = concat!("Sets `Headers`: an object of header names to arrays of values (CDK `headers`). (Example on [`", stringify!($ty), "`].)")]
            pub fn headers(mut self, headers: impl Into<crate::tasks::Input<crate::model::Json>>) -> $ty {
                self.props.call.headers = Some(headers.into());
                self
            }

            #[doc = concat!("Sets `Path`, the resource path called (CDK `apiPath`). (Example on [`", stringify!($ty), "`].)")]
            pub fn api_path(mut self, path: impl Into<crate::tasks::Input<String>>) -> $ty {
                self.props.call.api_path = Some(path.into());
                self
            }

            #[doc = concat!("Sets `QueryParameters`: an object of names to arrays of values (CDK `queryParameters`). (Example on [`", stringify!($ty), "`].)")]
            pub fn query_parameters(mut self, parameters: impl Into<crate::tasks::Input<crate::model::Json>>) -> $ty {
                self.props.call.query_parameters = Some(parameters.into());
                self
            }

            #[doc = concat!("Sets `RequestBody` (CDK `requestBody`). (Example on [`", stringify!($ty), "`].)")]
            pub fn request_body(mut self, body: impl Into<crate::tasks::Input<crate::model::Json>>) -> $ty {
                self.props.call.request_body = Some(body.into());
                self
            }

            #[doc = concat!("Sets `AuthType` (CDK `authType`; `NO_AUTH` by default). (Example on [`", stringify!($ty), "`].)")]
            pub fn auth_type(mut self, auth: impl Into<crate::tasks::Input<crate::tasks::AuthType>>) -> $ty {
                self.props.call.auth_type = Some(auth.into());
                self
            }

            #[doc = concat!("Waits for the task token (`apigateway:invoke.waitForTaskToken`): the headers must pass `Context::task_token()`. (Example on [`", stringify!($ty), "`].)")]
            pub fn wait_for_task_token(self) -> $ty {
                self.pattern(crate::tasks::IntegrationPattern::WaitForTaskToken)
            }
        }
    };
}
pub(crate) use call_setters;
