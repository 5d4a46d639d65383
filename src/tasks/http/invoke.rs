//! [`HttpInvoke`]: `http:invoke`.

use crate::builder::{Intrinsic, IntrinsicArg, JsonPath};
use crate::model::{Json, QueryLanguage};
use crate::tasks::input::{aws_enum, Repr};
use crate::tasks::render::Fields;
use crate::tasks::service::{Render, Rendering};
use crate::tasks::{HttpMethod, Input, Integration};
use crate::Code;

aws_enum! {
    /// How arrays are written when the request body is URL-encoded
    /// (`Transform.RequestEncodingOptions.ArrayFormat`).
    UrlEncodingFormat {
        /// `a[]=1&a[]=2`
        Brackets = "BRACKETS",
        /// `a=1,2`
        Commas = "COMMAS",
        /// AWS's default: `a=1&a=2`.
        Default = "DEFAULT",
        /// `a[0]=1&a[1]=2`
        Indices = "INDICES",
        /// Not URL-encoded (the body is sent as JSON).
        None = "NONE",
        /// `a=1&a=2`
        Repeat = "REPEAT",
    }
}

/// An EventBridge connection: the credentials an HTTP task calls with.
///
/// The state machine's role needs to read the connection's secret; AWS names
/// it `events!connection/<name>/...`, so without
/// [`secret_arn`](EventBridgeConnection::secret_arn) the IAM policy allows
/// every secret of that connection.
///
/// ```
/// use stepfn::tasks::EventBridgeConnection;
/// let c = EventBridgeConnection::from_arn("arn:aws:events:us-east-1:123456789012:connection/api/5f2c");
/// assert_eq!(c.arn(), "arn:aws:events:us-east-1:123456789012:connection/api/5f2c");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventBridgeConnection {
    arn: String,
    pub(crate) secret_arn: Option<String>,
}

impl EventBridgeConnection {
    /// The connection with this ARN. (Example on [`EventBridgeConnection`].)
    pub fn from_arn(arn: impl Into<String>) -> EventBridgeConnection {
        EventBridgeConnection {
            arn: arn.into(),
            secret_arn: None,
        }
    }

    /// The ARN of the connection's secret, for the IAM policy.
    ///
    /// ```
    /// use stepfn::tasks::EventBridgeConnection;
    /// let c = EventBridgeConnection::from_arn("arn:aws:events:us-east-1:123456789012:connection/api/5f2c")
    ///     .secret_arn("arn:aws:secretsmanager:us-east-1:123456789012:secret:events!connection/api/5f2c-AbCdEf");
    /// assert_eq!(c.arn(), "arn:aws:events:us-east-1:123456789012:connection/api/5f2c");
    /// ```
    #[must_use]
    pub fn secret_arn(mut self, arn: impl Into<String>) -> EventBridgeConnection {
        self.secret_arn = Some(arn.into());
        self
    }

    /// The connection ARN. (Example on [`EventBridgeConnection`].)
    #[must_use]
    pub fn arn(&self) -> &str {
        &self.arn
    }
}

/// Calls an HTTPS API (`arn:aws:states:::http:invoke`); the CDK's
/// `HttpInvoke`. The URL is `api_root` and `api_endpoint` joined by `/`:
/// with `States.Format` in JSONPath, with `&` in JSONata, as the CDK builds
/// it. Request-response only.
///
/// ```
/// use stepfn::builder::{JsonPath, Payload};
/// use stepfn::tasks::*;
/// let connection = EventBridgeConnection::from_arn("arn:aws:events:us-east-1:123456789012:connection/api/5f2c");
/// let state = HttpInvoke::new("Call", "https://api.example.com", JsonPath::new("$.path"), HttpMethod::Post, connection)
///     .headers(Payload::new().field("X-Trace", JsonPath::new("$.trace")))
///     .body(Payload::new().field("ids", JsonPath::new("$.ids")))
///     .query_string_parameters(serde_json::json!({"page": "1"}))
///     .url_encoding_format(UrlEncodingFormat::Brackets);
/// assert_eq!(state.to_json(), concat!(
///     r#"{"Type":"Task","Resource":"arn:aws:states:::http:invoke","Parameters":{"#,
///     r#""ApiEndpoint.$":"States.Format('{}/{}', 'https://api.example.com', $.path)","#,
///     r#""Authentication":{"ConnectionArn":"arn:aws:events:us-east-1:123456789012:connection/api/5f2c"},"#,
///     r#""Method":"POST","Headers":{"X-Trace.$":"$.trace","Content-Type":"application/x-www-form-urlencoded"},"#,
///     r#""RequestBody":{"ids.$":"$.ids"},"QueryParameters":{"page":"1"},"#,
///     r#""Transform":{"RequestBodyEncoding":"URL_ENCODED","RequestEncodingOptions":{"ArrayFormat":"BRACKETS"}}},"End":true}"#,
/// ));
/// ```
///
/// HTTP tasks have no other pattern:
///
/// ```compile_fail
/// use stepfn::tasks::*;
/// let c = EventBridgeConnection::from_arn("arn:aws:events:us-east-1:1:connection/a/b");
/// let state = HttpInvoke::new("Call", "https://api.example.com", "x", HttpMethod::Get, c).wait_for_task_token();
/// ```
pub type HttpInvoke = Integration<HttpInvokeProps>;

/// What an [`HttpInvoke`] sends (see there).
#[derive(Debug, Clone)]
pub struct HttpInvokeProps {
    api_root: String,
    api_endpoint: Input<String>,
    method: Input<HttpMethod>,
    pub(crate) connection: EventBridgeConnection,
    body: Option<Input<Json>>,
    headers: Option<Input<Json>>,
    query: Option<Input<Json>>,
    url_encoding: Option<UrlEncodingFormat>,
}

impl HttpInvoke {
    /// Calls `method` on `api_root`/`api_endpoint` (CDK `apiRoot`: a URL
    /// such as `https://api.example.com`, or a `{% %}` expression;
    /// `apiEndpoint`; `method`) with the credentials of `connection` (CDK
    /// `connection`). (Example on [`HttpInvoke`].)
    pub fn new(
        name: impl Into<String>,
        api_root: impl Into<String>,
        api_endpoint: impl Into<Input<String>>,
        method: impl Into<Input<HttpMethod>>,
        connection: EventBridgeConnection,
    ) -> HttpInvoke {
        Integration::with(
            name,
            HttpInvokeProps {
                api_root: api_root.into(),
                api_endpoint: api_endpoint.into(),
                method: method.into(),
                connection,
                body: None,
                headers: None,
                query: None,
                url_encoding: None,
            },
        )
    }

    /// Sets `RequestBody` (CDK `body`). (Example on [`HttpInvoke`].)
    pub fn body(mut self, body: impl Into<Input<Json>>) -> HttpInvoke {
        self.props.body = Some(body.into());
        self
    }

    /// Sets `Headers` (CDK `headers`). (Example on [`HttpInvoke`].)
    pub fn headers(mut self, headers: impl Into<Input<Json>>) -> HttpInvoke {
        self.props.headers = Some(headers.into());
        self
    }

    /// Sets `QueryParameters` (CDK `queryStringParameters`). (Example on [`HttpInvoke`].)
    pub fn query_string_parameters(mut self, parameters: impl Into<Input<Json>>) -> HttpInvoke {
        self.props.query = Some(parameters.into());
        self
    }

    /// URL-encodes the request body (CDK `urlEncodingFormat`): adds the
    /// `Content-Type: application/x-www-form-urlencoded` header and a
    /// `Transform` block, unless the format is `NONE`. (Example on [`HttpInvoke`].)
    pub fn url_encoding_format(mut self, format: UrlEncodingFormat) -> HttpInvoke {
        self.props.url_encoding = Some(format);
        self
    }
}

impl Render for HttpInvokeProps {
    fn facts(&self) -> Vec<crate::iam::Fact> {
        self.connection
            .secret_arn
            .iter()
            .map(|arn| crate::iam::Fact::ConnectionSecret(arn.clone()))
            .collect()
    }

    fn render(&self, cx: &mut Rendering<'_>) {
        let mut f = cx.fields();
        self.endpoint(&mut f);
        let mut authentication = f.child();
        authentication.literal("ConnectionArn", self.connection.arn.clone());
        f.object("Authentication", authentication)
            .input("Method", &self.method);
        let encoding = self.url_encoding.filter(|e| *e != UrlEncodingFormat::None);
        match (&self.headers, encoding) {
            (headers, None) => {
                f.opt("Headers", headers.as_ref());
            }
            (headers, Some(_)) => {
                let mut object = match headers.as_ref().map(|h| &h.0) {
                    None => crate::model::JsonObject::new(),
                    Some(Repr::Literal(Json::Object(object))) => object.clone(),
                    Some(_) => {
                        f.problem(
                            "Headers",
                            Code::WrongType,
                            "a URL-encoded request adds a `Content-Type` header, so the headers \
                             must be an object: use a `Payload`",
                        );
                        crate::model::JsonObject::new()
                    }
                };
                object.insert(
                    "Content-Type".to_owned(),
                    Json::from("application/x-www-form-urlencoded"),
                );
                f.literal("Headers", Json::Object(object));
            }
        }
        f.opt("RequestBody", self.body.as_ref())
            .opt("QueryParameters", self.query.as_ref());
        if let Some(format) = encoding {
            let mut transform = f.child();
            transform.literal("RequestBodyEncoding", "URL_ENCODED");
            if format != UrlEncodingFormat::Default {
                let mut options = f.child();
                options.literal("ArrayFormat", format.as_str());
                transform.object("RequestEncodingOptions", options);
            }
            f.object("Transform", transform);
        }
        cx.write("arn:aws:states:::http:invoke", Some(f));
    }
}

impl HttpInvokeProps {
    /// `ApiEndpoint`: root and endpoint joined by `/`.
    fn endpoint(&self, f: &mut Fields) {
        match f.language() {
            QueryLanguage::JsonPath => {
                let endpoint = match &self.api_endpoint.0 {
                    Repr::Literal(text) => IntrinsicArg::from(text.as_str()),
                    Repr::Path(path) => IntrinsicArg::from(JsonPath::new(path.clone())),
                    Repr::Jsonata(expression) => {
                        f.problem(
                            "ApiEndpoint",
                            Code::ValueForOtherQueryLanguage,
                            format!("`{expression}` is a JSONata expression, but this task renders JSONPath `Parameters`"),
                        );
                        IntrinsicArg::from(expression.as_str())
                    }
                };
                let root = IntrinsicArg::from(self.api_root.as_str());
                let format = Intrinsic::format("{}/{}", [root, endpoint]);
                f.literal("ApiEndpoint.$", String::from(format));
            }
            QueryLanguage::Jsonata => {
                let endpoint = match &self.api_endpoint.0 {
                    Repr::Literal(text) => jsonata_part(text),
                    Repr::Jsonata(expression) => jsonata_part(expression),
                    Repr::Path(path) => {
                        f.problem(
                            "ApiEndpoint",
                            Code::ValueForOtherQueryLanguage,
                            format!("`{path}` is a JSONPath path, but this task renders JSONata `Arguments`"),
                        );
                        path.clone()
                    }
                };
                let root = jsonata_part(&self.api_root);
                f.literal("ApiEndpoint", format!("{{% {root} & '/' & {endpoint} %}}"));
            }
        }
    }
}

/// A `{% %}` expression unwrapped, or text as a JSONata string literal
/// (quoted as the CDK quotes it).
fn jsonata_part(text: &str) -> String {
    let trimmed = text.trim();
    match trimmed
        .strip_prefix("{%")
        .and_then(|t| t.strip_suffix("%}"))
    {
        Some(inner) => inner.trim().to_owned(),
        None => format!("'{text}'"),
    }
}
