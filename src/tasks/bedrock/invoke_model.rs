//! [`BedrockInvokeModel`]: `bedrock:invokeModel`.

use crate::model::Json;
use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::service::{Render, Rendering};
use crate::tasks::{Input, Integration};
use crate::Code;

/// The ARN of a Bedrock foundation model in `region`, as the CDK's
/// `FoundationModel` names it.
///
/// ```
/// use stepfn::tasks::foundation_model_arn;
/// assert_eq!(foundation_model_arn("us-east-1", "amazon.titan-text-express-v1"),
///            "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1");
/// ```
#[must_use]
pub fn foundation_model_arn(region: &str, model_id: &str) -> String {
    format!("arn:aws:bedrock:{region}::foundation-model/{model_id}")
}

/// Invokes a Bedrock model (`arn:aws:states:::bedrock:invokeModel`); the
/// CDK's `BedrockInvokeModel`. The request is a `body`, or an S3 object
/// ([`input_uri`](BedrockInvokeModel::input_uri)), not both.
/// Request-response only.
///
/// ```
/// use stepfn::builder::{JsonPath, Payload};
/// use stepfn::tasks::*;
/// let model = foundation_model_arn("us-east-1", "amazon.titan-text-express-v1");
/// let state = BedrockInvokeModel::new("Summarize", model)
///     .body(Payload::new().field("inputText", JsonPath::new("$.text")))
///     .accept("application/json")
///     .content_type("application/json")
///     .output_uri("s3://out/summary.json")
///     .guardrail("gr-1", "1")
///     .trace_enabled(true);
/// assert_eq!(state.to_json(), concat!(
///     r#"{"Type":"Task","Resource":"arn:aws:states:::bedrock:invokeModel","Parameters":{"#,
///     r#""ModelId":"arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1","#,
///     r#""Accept":"application/json","ContentType":"application/json","Body":{"inputText.$":"$.text"},"#,
///     r#""Output":{"S3Uri":"s3://out/summary.json"},"GuardrailIdentifier":"gr-1","GuardrailVersion":"1","Trace":"ENABLED"},"End":true}"#,
/// ));
/// ```
///
/// A model invocation has no other pattern:
///
/// ```compile_fail
/// use stepfn::tasks::BedrockInvokeModel;
/// let state = BedrockInvokeModel::new("Ask", "arn:aws:bedrock:us-east-1::foundation-model/m").run_job();
/// ```
pub type BedrockInvokeModel = Integration<BedrockInvokeModelProps>;

/// What a [`BedrockInvokeModel`] sends (see there).
#[derive(Debug, Clone)]
pub struct BedrockInvokeModelProps {
    model_arn: Input<String>,
    body: Option<Input<Json>>,
    accept: Option<Input<String>>,
    content_type: Option<Input<String>>,
    input_uri: Option<Input<String>>,
    output_uri: Option<Input<String>>,
    guardrail: Option<(String, String)>,
    trace: Option<bool>,
}

impl BedrockInvokeModel {
    /// Invokes the model with ARN `model_arn` (CDK `model`; see
    /// [`foundation_model_arn`]). (Example on [`BedrockInvokeModel`].)
    pub fn new(name: impl Into<String>, model_arn: impl Into<Input<String>>) -> BedrockInvokeModel {
        Integration::with(
            name,
            BedrockInvokeModelProps {
                model_arn: model_arn.into(),
                body: None,
                accept: None,
                content_type: None,
                input_uri: None,
                output_uri: None,
                guardrail: None,
                trace: None,
            },
        )
    }

    /// Sets `Body`, the request (CDK `body`). (Example on [`BedrockInvokeModel`].)
    pub fn body(mut self, body: impl Into<Input<Json>>) -> BedrockInvokeModel {
        self.props.body = Some(body.into());
        self
    }

    /// Sets `Accept` (CDK `accept`). (Example on [`BedrockInvokeModel`].)
    pub fn accept(mut self, accept: impl Into<Input<String>>) -> BedrockInvokeModel {
        self.props.accept = Some(accept.into());
        self
    }

    /// Sets `ContentType` (CDK `contentType`). (Example on [`BedrockInvokeModel`].)
    pub fn content_type(mut self, content_type: impl Into<Input<String>>) -> BedrockInvokeModel {
        self.props.content_type = Some(content_type.into());
        self
    }

    /// Reads the request from this S3 URI (`Input.S3Uri`; CDK
    /// `input.s3InputUri` or `input.s3Location`).
    ///
    /// ```
    /// use stepfn::tasks::BedrockInvokeModel;
    /// let state = BedrockInvokeModel::new("Ask", "arn:aws:bedrock:us-east-1::foundation-model/m").input_uri("s3://in/req.json");
    /// assert!(state.to_json().contains(r#""Input":{"S3Uri":"s3://in/req.json"}"#));
    /// ```
    pub fn input_uri(mut self, uri: impl Into<Input<String>>) -> BedrockInvokeModel {
        self.props.input_uri = Some(uri.into());
        self
    }

    /// Writes the response to this S3 URI (`Output.S3Uri`; CDK
    /// `output.s3OutputUri` or `output.s3Location`). (Example on [`BedrockInvokeModel`].)
    pub fn output_uri(mut self, uri: impl Into<Input<String>>) -> BedrockInvokeModel {
        self.props.output_uri = Some(uri.into());
        self
    }

    /// Applies a guardrail: its ID or ARN and its version (CDK `guardrail`).
    /// (Example on [`BedrockInvokeModel`].)
    pub fn guardrail(
        mut self,
        identifier: impl Into<String>,
        version: impl Into<String>,
    ) -> BedrockInvokeModel {
        self.props.guardrail = Some((identifier.into(), version.into()));
        self
    }

    /// Sets `Trace` (CDK `traceEnabled`). (Example on [`BedrockInvokeModel`].)
    pub fn trace_enabled(mut self, enabled: bool) -> BedrockInvokeModel {
        self.props.trace = Some(enabled);
        self
    }
}

impl Render for BedrockInvokeModelProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        let mut f = cx.fields();
        match (&self.body, &self.input_uri) {
            (Some(_), Some(_)) => f.problem(
                "Body",
                Code::MutuallyExclusive,
                "give the request as `body` or as `input_uri`, not both",
            ),
            (None, None) => f.problem(
                "Body",
                Code::MissingField,
                "give the request as `body` or as `input_uri`",
            ),
            _ => {}
        }
        f.input("ModelId", &self.model_arn)
            .opt("Accept", self.accept.as_ref())
            .opt("ContentType", self.content_type.as_ref())
            .opt("Body", self.body.as_ref());
        for (key, uri) in [("Input", &self.input_uri), ("Output", &self.output_uri)] {
            if let Some(uri) = uri {
                let mut s3 = f.child();
                s3.input("S3Uri", uri);
                f.object(key, s3);
            }
        }
        if let Some((identifier, version)) = &self.guardrail {
            f.literal("GuardrailIdentifier", identifier.clone())
                .literal("GuardrailVersion", version.clone());
        }
        if let Some(trace) = self.trace {
            f.literal("Trace", if trace { "ENABLED" } else { "DISABLED" });
        }
        let arn = integration_arn(
            "bedrock",
            "invokeModel",
            IntegrationPattern::RequestResponse,
        );
        cx.write(arn, Some(f));
    }
}
