//! [`LambdaInvoke`]: `lambda:invoke`.

use crate::builder::Retry;
use crate::model::{Json, QueryLanguage};
use crate::tasks::input::{aws_enum, Repr};
use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::service::{Render, Rendering};
use crate::tasks::{Input, Integration};
use crate::Code;

use super::LambdaFunction;

/// Invokes a Lambda function (`arn:aws:states:::lambda:invoke`); the CDK's
/// `LambdaInvoke`.
///
/// As the CDK does, it sends the whole state input as the payload unless
/// told otherwise (`"Payload.$": "$"`, or `{% $states.input %}` in JSONata)
/// and adds a retrier for Lambda's transient service errors
/// ([`Retry::lambda_service_errors`]) before any retrier of yours; turn that
/// off with [`retry_on_service_exceptions(false)`](LambdaInvoke::retry_on_service_exceptions).
/// Patterns: request-response, [`wait_for_task_token`](LambdaInvoke::wait_for_task_token).
///
/// ```
/// use stepfn::builder::{Context, JsonPath, Payload};
/// use stepfn::tasks::{LambdaFunction, LambdaInvocationType, LambdaInvoke};
/// let function = LambdaFunction::from_arn("arn:aws:lambda:us-east-1:123456789012:function:charge");
/// let state = LambdaInvoke::new("Charge", function)
///     .payload(Payload::new().field("order", JsonPath::new("$.order")))
///     .invocation_type(LambdaInvocationType::RequestResponse)
///     .client_context("eyJhIjoxfQ==")
///     .qualifier("live")
///     .retry_on_service_exceptions(false);
/// assert_eq!(state.to_json(), r#"{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"arn:aws:lambda:us-east-1:123456789012:function:charge","Payload":{"order.$":"$.order"},"InvocationType":"RequestResponse","ClientContext":"eyJhIjoxfQ==","Qualifier":"live"},"End":true}"#);
/// ```
///
/// A Lambda invocation cannot run as a job:
///
/// ```compile_fail
/// use stepfn::tasks::{LambdaFunction, LambdaInvoke};
/// let state = LambdaInvoke::new("Charge", LambdaFunction::from_name("charge")).run_job();
/// ```
pub type LambdaInvoke = Integration<LambdaInvokeProps>;

aws_enum! {
    /// How Lambda runs the function (`InvocationType`).
    LambdaInvocationType {
        /// Synchronously: the result is the function's response.
        RequestResponse = "RequestResponse",
        /// Asynchronously: the result is only a status code.
        Event = "Event",
        /// Only check the parameters and the caller's permissions.
        DryRun = "DryRun",
    }
}

/// What a [`LambdaInvoke`] sends (see there).
#[derive(Debug, Clone)]
pub struct LambdaInvokeProps {
    function: LambdaFunction,
    payload: Option<Input<Json>>,
    invocation_type: Option<Input<LambdaInvocationType>>,
    client_context: Option<Input<String>>,
    qualifier: Option<Input<String>>,
    payload_response_only: bool,
    retry_on_service_exceptions: bool,
}

impl LambdaInvoke {
    /// Invokes `function` with the state input as payload. (Example on
    /// [`LambdaInvoke`].)
    pub fn new(name: impl Into<String>, function: impl Into<LambdaFunction>) -> LambdaInvoke {
        Integration::with(
            name,
            LambdaInvokeProps {
                function: function.into(),
                payload: None,
                invocation_type: None,
                client_context: None,
                qualifier: None,
                payload_response_only: false,
                retry_on_service_exceptions: true,
            },
        )
    }

    /// Sets `Payload`, the function's input (CDK `payload`): an object
    /// ([`Payload`](crate::builder::Payload) or JSON), a string, or a value
    /// read from the state. (Example on [`LambdaInvoke`].)
    pub fn payload(mut self, payload: impl Into<Input<Json>>) -> LambdaInvoke {
        self.props.payload = Some(payload.into());
        self
    }

    /// Sets `InvocationType` (CDK `invocationType`). (Example on [`LambdaInvoke`].)
    pub fn invocation_type(mut self, kind: impl Into<Input<LambdaInvocationType>>) -> LambdaInvoke {
        self.props.invocation_type = Some(kind.into());
        self
    }

    /// Sets `ClientContext`: up to 3,583 bytes of base64-encoded data for
    /// the function (CDK `clientContext`). (Example on [`LambdaInvoke`].)
    pub fn client_context(mut self, context: impl Into<Input<String>>) -> LambdaInvoke {
        self.props.client_context = Some(context.into());
        self
    }

    /// Sets `Qualifier`: the version or alias to invoke (CDK `qualifier`).
    /// (Example on [`LambdaInvoke`].)
    pub fn qualifier(mut self, qualifier: impl Into<Input<String>>) -> LambdaInvoke {
        self.props.qualifier = Some(qualifier.into());
        self
    }

    /// Whether to add the retrier for Lambda's transient service errors
    /// first (CDK `retryOnServiceExceptions`, on by default). (Example on
    /// [`LambdaInvoke`].)
    pub fn retry_on_service_exceptions(mut self, retry: bool) -> LambdaInvoke {
        self.props.retry_on_service_exceptions = retry;
        self
    }

    /// Calls the function directly (CDK `payloadResponseOnly`): the
    /// `Resource` is the function ARN, the input is the payload alone and the
    /// result is the function's response without Lambda's metadata. It takes
    /// no pattern, invocation type, client context or qualifier, and needs
    /// the function by ARN and an object payload, if any.
    ///
    /// ```
    /// use stepfn::tasks::{LambdaFunction, LambdaInvoke};
    /// let f = LambdaFunction::from_arn("arn:aws:lambda:us-east-1:123456789012:function:charge");
    /// let state = LambdaInvoke::new("Charge", f).payload_response_only().retry_on_service_exceptions(false);
    /// assert_eq!(state.to_json(), r#"{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:charge","End":true}"#);
    /// ```
    pub fn payload_response_only(mut self) -> LambdaInvoke {
        self.props.payload_response_only = true;
        self
    }

    /// Waits for the task token (`lambda:invoke.waitForTaskToken`): the
    /// payload must pass `Context::task_token()`.
    ///
    /// ```
    /// use stepfn::builder::{Context, Payload};
    /// use stepfn::tasks::{LambdaFunction, LambdaInvoke};
    /// let state = LambdaInvoke::new("Approve", LambdaFunction::from_name("approve"))
    ///     .payload(Payload::new().field("token", Context::task_token()))
    ///     .wait_for_task_token()
    ///     .retry_on_service_exceptions(false);
    /// assert_eq!(state.to_json(), r#"{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken","Parameters":{"FunctionName":"approve","Payload":{"token.$":"$$.Task.Token"}},"End":true}"#);
    /// ```
    pub fn wait_for_task_token(self) -> LambdaInvoke {
        self.pattern(IntegrationPattern::WaitForTaskToken)
    }
}

impl Render for LambdaInvokeProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        if self.retry_on_service_exceptions {
            let retriers = cx.task.retry.get_or_insert_with(Vec::new);
            retriers.insert(0, Retry::lambda_service_errors().inner);
        }
        if self.payload_response_only {
            return self.render_direct(cx);
        }
        let mut f = cx.fields();
        f.input("FunctionName", &self.function.name);
        match &self.payload {
            Some(payload) => f.input("Payload", payload),
            None if cx.language == QueryLanguage::Jsonata => {
                f.literal("Payload", "{% $states.input %}")
            }
            None => f.literal("Payload.$", "$"),
        };
        f.opt("InvocationType", self.invocation_type.as_ref())
            .opt("ClientContext", self.client_context.as_ref())
            .opt("Qualifier", self.qualifier.as_ref());
        cx.write(integration_arn("lambda", "invoke", cx.pattern), Some(f));
    }
}

impl LambdaInvokeProps {
    /// `payloadResponseOnly`: the function ARN as `Resource`, the payload as input.
    fn render_direct(&self, cx: &mut Rendering<'_>) {
        if cx.pattern != IntegrationPattern::RequestResponse
            || self.invocation_type.is_some()
            || self.client_context.is_some()
            || self.qualifier.is_some()
        {
            cx.problem(
                Code::InvalidValue,
                "`payload_response_only` calls the function directly: it takes no pattern, \
                 invocation type, client context or qualifier; remove them, or drop \
                 `payload_response_only`",
            );
        }
        let arn = self.function.arn().unwrap_or_default().to_owned();
        if arn.is_empty() {
            cx.problem(
                Code::InvalidResource,
                "`payload_response_only` puts the function ARN in `Resource`: give the function \
                 with `LambdaFunction::from_arn`",
            );
        }
        cx.write(arn, None);
        match self.payload.as_ref().map(|p| &p.0) {
            None => {}
            Some(Repr::Literal(payload @ Json::Object(_))) => cx.input(payload.clone(), Vec::new()),
            Some(_) => cx.problem(
                Code::WrongType,
                "with `payload_response_only` the payload becomes the whole input, which must be \
                 an object: use a `Payload`",
            ),
        }
    }
}
