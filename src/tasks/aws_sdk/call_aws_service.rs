//! [`CallAwsService`]: `aws-sdk:<service>:<action>`.

use crate::model::Json;
use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::service::{Render, Rendering};
use crate::tasks::Integration;
use crate::Code;

use super::names::{action_problem, parameter_problem, service_problem};

/// Calls any AWS API through the SDK integrations
/// (`arn:aws:states:::aws-sdk:<service>:<action>`); the CDK's
/// `CallAwsService`. The action is camelCase (`getObject`) and the
/// parameter names PascalCase (`Bucket`), exactly as the SDK spells them;
/// anything else is a build error, as is (with the default
/// `aws-sdk-models` feature) a name close to one of AWS's API models but not
/// in them (`s3:getObjekt`: did you mean `getObject`?). Patterns: request-response,
/// [`wait_for_task_token`](CallAwsService::wait_for_task_token).
///
/// The IAM policy grants `<prefix>:<action>` on `iam_resources` (the
/// prefix from [`iam_prefix`](super::iam_prefix)), as the CDK does.
///
/// ```
/// use stepfn::builder::{JsonPath, Payload};
/// use stepfn::tasks::CallAwsService;
/// let state = CallAwsService::new("Get object", "S3", "getObject", ["arn:aws:s3:::reports/*"])
///     .parameters(Payload::new().field("Bucket", "reports").field("Key", JsonPath::new("$.key")))
///     .iam_action("s3:GetObject");
/// assert_eq!(state.to_json(), concat!(
///     r#"{"Type":"Task","Resource":"arn:aws:states:::aws-sdk:s3:getObject","#,
///     r#""Parameters":{"Bucket":"reports","Key.$":"$.key"},"End":true}"#,
/// ));
/// ```
///
/// SDK integrations cannot run a job:
///
/// ```compile_fail
/// use stepfn::tasks::CallAwsService;
/// let state = CallAwsService::new("Get", "s3", "getObject", ["*"]).run_job();
/// ```
pub type CallAwsService = Integration<CallAwsServiceProps>;

/// What a [`CallAwsService`] sends (see there).
#[derive(Debug, Clone)]
pub struct CallAwsServiceProps {
    service: String,
    action: String,
    parameters: Option<Json>,
    pub(crate) iam_resources: Vec<String>,
    pub(crate) iam_action: Option<String>,
    pub(crate) additional_iam_statements: Vec<crate::iam::Statement>,
}

impl CallAwsService {
    /// Calls `action` (camelCase) of `service` (the SDK's name, written in
    /// lowercase: `s3`, `sfn`, `dynamodb`), allowing the role to call it on
    /// `iam_resources` (CDK `service`, `action`, `iamResources`). (Example on
    /// [`CallAwsService`].)
    pub fn new<R: Into<String>>(
        name: impl Into<String>,
        service: impl Into<String>,
        action: impl Into<String>,
        iam_resources: impl IntoIterator<Item = R>,
    ) -> CallAwsService {
        Integration::with(
            name,
            CallAwsServiceProps {
                service: service.into(),
                action: action.into(),
                parameters: None,
                iam_resources: iam_resources.into_iter().map(Into::into).collect(),
                iam_action: None,
                additional_iam_statements: Vec::new(),
            },
        )
    }

    /// Sets the API's parameters: `Parameters` in JSONPath, `Arguments` in
    /// JSONata (CDK `parameters`; `{}` when not set). (Example on [`CallAwsService`].)
    pub fn parameters(mut self, parameters: impl Into<Json>) -> CallAwsService {
        self.props.parameters = Some(parameters.into());
        self
    }

    /// The IAM action to allow instead of `<prefix>:<action>` (CDK
    /// `iamAction`). (Example on [`CallAwsService`].)
    pub fn iam_action(mut self, action: impl Into<String>) -> CallAwsService {
        self.props.iam_action = Some(action.into());
        self
    }

    /// Adds a statement to the IAM policy, for APIs that need more than one
    /// action (CDK `additionalIamStatements`).
    ///
    /// ```
    /// use stepfn::iam::Statement;
    /// use stepfn::tasks::CallAwsService;
    /// let state = CallAwsService::new("Copy", "s3", "copyObject", ["arn:aws:s3:::b/*"])
    ///     .additional_iam_statement(Statement::allow(["s3:GetObject"], ["arn:aws:s3:::src/*"]));
    /// assert!(state.to_json().contains(r#""Resource":"arn:aws:states:::aws-sdk:s3:copyObject""#));
    /// ```
    pub fn additional_iam_statement(mut self, statement: crate::iam::Statement) -> CallAwsService {
        self.props.additional_iam_statements.push(statement);
        self
    }

    /// Waits for the task token (`.waitForTaskToken`): the parameters must
    /// pass `Context::task_token()`.
    ///
    /// ```
    /// use stepfn::builder::{Context, Payload};
    /// use stepfn::tasks::CallAwsService;
    /// let state = CallAwsService::new("Ask", "sqs", "sendMessage", ["*"])
    ///     .parameters(Payload::new().field("QueueUrl", "https://sqs.us-east-1.amazonaws.com/1/q").field("MessageBody", Context::task_token()))
    ///     .wait_for_task_token();
    /// assert!(state.to_json().contains(r#""Resource":"arn:aws:states:::aws-sdk:sqs:sendMessage.waitForTaskToken""#));
    /// ```
    pub fn wait_for_task_token(self) -> CallAwsService {
        self.pattern(IntegrationPattern::WaitForTaskToken)
    }
}

impl Render for CallAwsServiceProps {
    fn facts(&self) -> Vec<crate::iam::Fact> {
        let service = self.service.to_lowercase();
        let action = match &self.iam_action {
            Some(action) => action.clone(),
            None => format!("{}:{}", super::iam_prefix(&service), self.action),
        };
        let mut statements = vec![crate::iam::Statement::allow(
            [action],
            self.iam_resources.clone(),
        )];
        statements.extend(self.additional_iam_statements.iter().cloned());
        vec![crate::iam::Fact::Statements(statements)]
    }

    fn render(&self, cx: &mut Rendering<'_>) {
        let service = self.service.to_lowercase();
        if let Some(problem) = service_problem(&service) {
            cx.problem(Code::InvalidResource, problem);
        }
        if let Some(problem) = action_problem(&self.action) {
            cx.problem(Code::InvalidResource, problem);
        }
        let mut problems = Vec::new();
        if let Some(Json::Object(parameters)) = &self.parameters {
            for key in parameters.keys() {
                if let Some(message) = parameter_problem(key) {
                    problems.push(crate::tasks::render::Problem {
                        field: crate::problem::Path::root().key(key),
                        code: Code::InvalidValue,
                        message,
                    });
                }
            }
        }
        #[cfg(feature = "aws-sdk-models")]
        if problems.is_empty() && action_problem(&self.action).is_none() {
            let keys: Vec<&str> = match &self.parameters {
                Some(Json::Object(parameters)) => parameters.keys().map(String::as_str).collect(),
                _ => Vec::new(),
            };
            // A likely typo is an error; a name the table does not know at
            // all may be newer than the table, and passes.
            for unknown in super::models::unknown_names(&service, &self.action, keys.into_iter()) {
                if unknown.suggested {
                    problems.push(crate::tasks::render::Problem {
                        field: unknown
                            .parameter
                            .map_or_else(crate::problem::Path::root, |p| {
                                crate::problem::Path::root().key(p)
                            }),
                        code: Code::SdkNaming,
                        message: unknown.message,
                    });
                }
            }
        }
        let arn = integration_arn("aws-sdk", &format!("{service}:{}", self.action), cx.pattern);
        cx.write(arn, None);
        let parameters = self
            .parameters
            .clone()
            .unwrap_or_else(|| Json::Object(crate::model::JsonObject::new()));
        cx.input(parameters, problems);
    }
}
