//! [`Integration`]: a Task state that calls one AWS API through a typed
//! service integration. What every integration shares lives here: the Task
//! fields, the query language the input is written in, and chaining.

use crate::builder::{Catch, Chain, IntoChain, NullablePath, Pending, Piece, Retry, Sealed, Task};
use crate::model::{Json, QueryLanguage};
use crate::Code;

use super::pattern::IntegrationPattern;
use super::render::Problem;
use super::service::{Rendering, Service};
use super::token::carries_task_token;

/// A Task state calling an AWS service through a typed integration, one per
/// AWS CDK task class: [`LambdaInvoke`](super::LambdaInvoke),
/// [`SqsSendMessage`](super::SqsSendMessage), ... (each is this type with its
/// own props). It renders the `Resource` (with the suffix of its integration
/// pattern) and the input AWS needs, `Parameters` in JSONPath or `Arguments`
/// in JSONata ([`Integration::jsonata`]), exactly as the CDK does for the
/// same inputs.
///
/// It is a Task in every other way: retry, catch, timeouts, input and output
/// processing, `Assign`, comment and chaining with `.next()` work as on
/// [`Task`], and [`Integration::into_task`] gives that `Task`.
///
/// ```
/// use stepfn::builder::*;
/// use stepfn::tasks::{LambdaFunction, LambdaInvoke};
/// let state = LambdaInvoke::new("Charge", LambdaFunction::from_name("charge"))
///     .result_path("$.charge")
///     .timeout_seconds(30)
///     .retry(Retry::on(["Charge.Busy"]).max_attempts(2))
///     .catch(Catch::all(), Fail::new("Failed"));
/// let chain = state.next(Succeed::new("Done"));
/// let json = StateMachine::new(chain).to_json()?;
/// assert!(json.contains(r#""Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"charge","Payload.$":"$"},"TimeoutSeconds":30,"ResultPath":"$.charge""#), "{json}");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct Integration<S> {
    pub(crate) task: Task,
    pub(crate) props: S,
    pub(crate) pattern: IntegrationPattern,
    pub(crate) language: QueryLanguage,
}

impl<S: Service> Integration<S> {
    /// A request-response integration named `name` with `props`.
    pub(crate) fn with(name: impl Into<String>, props: S) -> Integration<S> {
        Integration {
            task: Task::new(name, ""),
            props,
            pattern: IntegrationPattern::RequestResponse,
            language: QueryLanguage::JsonPath,
        }
    }

    /// The same integration with pattern `pattern`.
    pub(crate) fn pattern(mut self, pattern: IntegrationPattern) -> Integration<S> {
        self.pattern = pattern;
        self
    }

    /// The state's name.
    ///
    /// ```
    /// use stepfn::tasks::{LambdaFunction, LambdaInvoke};
    /// assert_eq!(LambdaInvoke::new("Charge", LambdaFunction::from_name("charge")).name(), "Charge");
    /// ```
    #[must_use]
    pub fn name(&self) -> &str {
        self.task.name()
    }

    /// The plain [`Task`] this integration renders: its `Resource`, its
    /// `Parameters` or `Arguments`, and every Task field set on it.
    ///
    /// ```
    /// use stepfn::tasks::{LambdaFunction, LambdaInvoke};
    /// let task = LambdaInvoke::new("Charge", LambdaFunction::from_name("charge"))
    ///     .retry_on_service_exceptions(false)
    ///     .into_task();
    /// assert_eq!(task.to_json(), r#"{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"charge","Payload.$":"$"},"End":true}"#);
    /// ```
    pub fn into_task(self) -> Task {
        let mut task = self.task;
        let mut cx = Rendering {
            pattern: self.pattern,
            language: self.language,
            task: &mut task.inner,
            problems: Vec::new(),
        };
        self.props.render(&mut cx);
        let mut problems = cx.problems;
        if self.pattern == IntegrationPattern::WaitForTaskToken {
            let input = task
                .inner
                .parameters
                .as_ref()
                .or(task.inner.arguments.as_ref());
            if !input.is_some_and(carries_task_token) {
                problems.push(Problem {
                    field: crate::problem::Path::root(),
                    code: Code::TaskTokenMissing,
                    message: "a `.waitForTaskToken` task must pass its task token, or nothing can \
                              ever complete it: put `Context::task_token()` (`$$.Task.Token`) or \
                              `$states.context.Task.Token` in its input"
                        .to_owned(),
                });
            }
        }
        for p in problems {
            let pending = Pending::new(task.name(), p.field, p.code, p.message);
            task.problems.push(pending);
        }
        for fact in self.props.facts() {
            let pending = Pending::fact(task.name(), fact);
            task.problems.push(pending);
        }
        task
    }

    /// This state's JSON alone, on one line, as it would appear under
    /// `States` with nothing after it (`"End": true`).
    ///
    /// ```
    /// use stepfn::tasks::{SnsPublish, SnsTopic};
    /// let state = SnsPublish::new("Notify", SnsTopic::from_arn("arn:aws:sns:us-east-1:123456789012:orders"), "done");
    /// assert_eq!(state.to_json(), r#"{"Type":"Task","Resource":"arn:aws:states:::sns:publish","Parameters":{"TopicArn":"arn:aws:sns:us-east-1:123456789012:orders","Message":"done"},"End":true}"#);
    /// ```
    #[must_use]
    pub fn to_json(&self) -> String {
        self.clone().into_task().to_json()
    }

    /// Continues with `then`: this state's `Next` is `then`'s first state.
    ///
    /// ```
    /// use stepfn::builder::Succeed;
    /// use stepfn::tasks::{LambdaFunction, LambdaInvoke};
    /// let chain = LambdaInvoke::new("Charge", LambdaFunction::from_name("charge")).next(Succeed::new("Done"));
    /// assert_eq!(chain.state_names(), ["Charge", "Done"]);
    /// ```
    pub fn next<C: IntoChain>(self, then: C) -> C::Output {
        Chain::start(self).next(then)
    }

    /// Renders the input as JSONata `Arguments` (`{% ... %}` values) instead
    /// of JSONPath `Parameters`, for a state in a machine whose
    /// `QueryLanguage` is JSONata. In a JSONPath machine, use
    /// [`Integration::query_language`] instead, which also marks the state.
    ///
    /// ```
    /// use stepfn::builder::Jsonata;
    /// use stepfn::tasks::{LambdaFunction, LambdaInvoke};
    /// let state = LambdaInvoke::new("Charge", LambdaFunction::from_name("charge"))
    ///     .jsonata()
    ///     .payload(Jsonata::new("$states.input.order"))
    ///     .retry_on_service_exceptions(false);
    /// assert_eq!(state.to_json(), r#"{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Arguments":{"FunctionName":"charge","Payload":"{% $states.input.order %}"},"End":true}"#);
    /// ```
    pub fn jsonata(mut self) -> Integration<S> {
        self.language = QueryLanguage::Jsonata;
        self
    }

    /// Sets the state's `QueryLanguage` and renders the input in it.
    ///
    /// ```
    /// use stepfn::builder::QueryLanguage;
    /// use stepfn::tasks::{LambdaFunction, LambdaInvoke};
    /// let state = LambdaInvoke::new("Charge", LambdaFunction::from_name("charge"))
    ///     .query_language(QueryLanguage::Jsonata)
    ///     .retry_on_service_exceptions(false);
    /// assert_eq!(state.to_json(), r#"{"Type":"Task","QueryLanguage":"JSONata","Resource":"arn:aws:states:::lambda:invoke","Arguments":{"FunctionName":"charge","Payload":"{% $states.input %}"},"End":true}"#);
    /// ```
    pub fn query_language(mut self, language: QueryLanguage) -> Integration<S> {
        self.task = self.task.query_language(language);
        self.language = language;
        self
    }

    /// Sets `Comment` (as [`Task::comment`]).
    ///
    /// ```
    /// use stepfn::tasks::{LambdaFunction, LambdaInvoke};
    /// let state = LambdaInvoke::new("Charge", LambdaFunction::from_name("charge")).comment("bills the card");
    /// assert!(state.to_json().contains(r#""Comment":"bills the card""#));
    /// ```
    pub fn comment(mut self, comment: impl Into<String>) -> Integration<S> {
        self.task = self.task.comment(comment);
        self
    }

    /// Sets `InputPath` (as [`Task::input_path`]).
    ///
    /// ```
    /// use stepfn::tasks::{LambdaFunction, LambdaInvoke};
    /// let state = LambdaInvoke::new("Charge", LambdaFunction::from_name("charge")).input_path("$.order");
    /// assert!(state.to_json().contains(r#""InputPath":"$.order""#));
    /// ```
    pub fn input_path(mut self, path: impl Into<NullablePath>) -> Integration<S> {
        self.task = self.task.input_path(path);
        self
    }

    /// Sets `OutputPath` (as [`Task::output_path`]).
    ///
    /// ```
    /// use stepfn::tasks::{LambdaFunction, LambdaInvoke};
    /// let state = LambdaInvoke::new("Charge", LambdaFunction::from_name("charge")).output_path("$.Payload");
    /// assert!(state.to_json().contains(r#""OutputPath":"$.Payload""#));
    /// ```
    pub fn output_path(mut self, path: impl Into<NullablePath>) -> Integration<S> {
        self.task = self.task.output_path(path);
        self
    }

    /// Sets `ResultPath` (as [`Task::result_path`]).
    ///
    /// ```
    /// use stepfn::builder::Discard;
    /// use stepfn::tasks::{LambdaFunction, LambdaInvoke};
    /// let state = LambdaInvoke::new("Charge", LambdaFunction::from_name("charge")).result_path(Discard);
    /// assert!(state.to_json().contains(r#""ResultPath":null"#));
    /// ```
    pub fn result_path(mut self, path: impl Into<NullablePath>) -> Integration<S> {
        self.task = self.task.result_path(path);
        self
    }

    /// Sets `ResultSelector` (as [`Task::result_selector`]).
    ///
    /// ```
    /// use stepfn::builder::{JsonPath, Payload};
    /// use stepfn::tasks::{LambdaFunction, LambdaInvoke};
    /// let state = LambdaInvoke::new("Charge", LambdaFunction::from_name("charge"))
    ///     .result_selector(Payload::new().field("id", JsonPath::new("$.Payload.id")));
    /// assert!(state.to_json().contains(r#""ResultSelector":{"id.$":"$.Payload.id"}"#));
    /// ```
    pub fn result_selector(mut self, payload: impl Into<Json>) -> Integration<S> {
        self.task = self.task.result_selector(payload);
        self
    }

    /// Sets `Output` (JSONata; as [`Task::output`]).
    ///
    /// ```
    /// use stepfn::builder::Jsonata;
    /// use stepfn::tasks::{LambdaFunction, LambdaInvoke};
    /// let state = LambdaInvoke::new("Charge", LambdaFunction::from_name("charge"))
    ///     .jsonata()
    ///     .output(Jsonata::new("$states.result.Payload"));
    /// assert!(state.to_json().contains(r#""Output":"{% $states.result.Payload %}""#));
    /// ```
    pub fn output(mut self, output: impl Into<Json>) -> Integration<S> {
        self.task = self.task.output(output);
        self
    }

    /// Sets `Assign` (as [`Task::assign`]).
    ///
    /// ```
    /// use stepfn::builder::{JsonPath, Payload};
    /// use stepfn::tasks::{LambdaFunction, LambdaInvoke};
    /// let state = LambdaInvoke::new("Charge", LambdaFunction::from_name("charge"))
    ///     .assign(Payload::new().field("receipt", JsonPath::new("$.Payload.receipt")));
    /// assert!(state.to_json().contains(r#""Assign":{"receipt.$":"$.Payload.receipt"}"#));
    /// ```
    pub fn assign(mut self, variables: impl Into<Json>) -> Integration<S> {
        self.task = self.task.assign(variables);
        self
    }

    /// Adds a retrier (as [`Task::retry`]), after those added before (and
    /// after any the integration adds itself, such as Lambda's).
    ///
    /// ```
    /// use stepfn::builder::Retry;
    /// use stepfn::tasks::{LambdaFunction, LambdaInvoke};
    /// let state = LambdaInvoke::new("Charge", LambdaFunction::from_name("charge"))
    ///     .retry_on_service_exceptions(false)
    ///     .retry(Retry::all().max_attempts(2));
    /// assert!(state.to_json().contains(r#""Retry":[{"ErrorEquals":["States.ALL"],"MaxAttempts":2}]"#));
    /// ```
    pub fn retry(mut self, retry: Retry) -> Integration<S> {
        self.task = self.task.retry(retry);
        self
    }

    /// Adds a catcher (as [`Task::catch`]): errors it matches go to `handler`.
    ///
    /// ```
    /// use stepfn::builder::{Catch, Fail};
    /// use stepfn::tasks::{LambdaFunction, LambdaInvoke};
    /// let state = LambdaInvoke::new("Charge", LambdaFunction::from_name("charge"))
    ///     .catch(Catch::all(), Fail::new("Failed"));
    /// assert!(state.to_json().contains(r#""Catch":[{"ErrorEquals":["States.ALL"],"Next":"Failed"}]"#));
    /// ```
    pub fn catch<H: IntoChain>(mut self, catch: Catch, handler: H) -> Integration<S> {
        self.task = self.task.catch(catch, handler);
        self
    }

    /// Sets `TimeoutSeconds` (as [`Task::timeout_seconds`]).
    ///
    /// ```
    /// use stepfn::tasks::{LambdaFunction, LambdaInvoke};
    /// let state = LambdaInvoke::new("Charge", LambdaFunction::from_name("charge")).timeout_seconds(30);
    /// assert!(state.to_json().contains(r#""TimeoutSeconds":30"#));
    /// ```
    pub fn timeout_seconds(
        mut self,
        seconds: impl Into<crate::builder::Seconds>,
    ) -> Integration<S> {
        self.task = self.task.timeout_seconds(seconds);
        self
    }

    /// Sets `TimeoutSecondsPath` (as [`Task::timeout_seconds_path`]).
    ///
    /// ```
    /// use stepfn::tasks::{LambdaFunction, LambdaInvoke};
    /// let state = LambdaInvoke::new("Charge", LambdaFunction::from_name("charge")).timeout_seconds_path("$.timeout");
    /// assert!(state.to_json().contains(r#""TimeoutSecondsPath":"$.timeout""#));
    /// ```
    pub fn timeout_seconds_path(mut self, path: impl Into<String>) -> Integration<S> {
        self.task = self.task.timeout_seconds_path(path);
        self
    }

    /// Sets `TimeoutSeconds` to a JSONata expression (as
    /// [`Task::timeout_seconds_jsonata`]).
    ///
    /// ```
    /// use stepfn::builder::Jsonata;
    /// use stepfn::tasks::{LambdaFunction, LambdaInvoke};
    /// let state = LambdaInvoke::new("Charge", LambdaFunction::from_name("charge"))
    ///     .timeout_seconds_jsonata(Jsonata::new("$timeout"));
    /// assert!(state.to_json().contains(r#""TimeoutSeconds":"{% $timeout %}""#));
    /// ```
    pub fn timeout_seconds_jsonata(
        mut self,
        expression: crate::builder::Jsonata,
    ) -> Integration<S> {
        self.task = self.task.timeout_seconds_jsonata(expression);
        self
    }

    /// Sets `HeartbeatSeconds` (as [`Task::heartbeat_seconds`]).
    ///
    /// ```
    /// use stepfn::tasks::{LambdaFunction, LambdaInvoke};
    /// let state = LambdaInvoke::new("Charge", LambdaFunction::from_name("charge")).heartbeat_seconds(10);
    /// assert!(state.to_json().contains(r#""HeartbeatSeconds":10"#));
    /// ```
    pub fn heartbeat_seconds(
        mut self,
        seconds: impl Into<crate::builder::Seconds>,
    ) -> Integration<S> {
        self.task = self.task.heartbeat_seconds(seconds);
        self
    }

    /// Sets `HeartbeatSecondsPath` (as [`Task::heartbeat_seconds_path`]).
    ///
    /// ```
    /// use stepfn::tasks::{LambdaFunction, LambdaInvoke};
    /// let state = LambdaInvoke::new("Charge", LambdaFunction::from_name("charge")).heartbeat_seconds_path("$.beat");
    /// assert!(state.to_json().contains(r#""HeartbeatSecondsPath":"$.beat""#));
    /// ```
    pub fn heartbeat_seconds_path(mut self, path: impl Into<String>) -> Integration<S> {
        self.task = self.task.heartbeat_seconds_path(path);
        self
    }

    /// Sets `HeartbeatSeconds` to a JSONata expression (as
    /// [`Task::heartbeat_seconds_jsonata`]).
    ///
    /// ```
    /// use stepfn::builder::Jsonata;
    /// use stepfn::tasks::{LambdaFunction, LambdaInvoke};
    /// let state = LambdaInvoke::new("Charge", LambdaFunction::from_name("charge"))
    ///     .heartbeat_seconds_jsonata(Jsonata::new("$beat"));
    /// assert!(state.to_json().contains(r#""HeartbeatSeconds":"{% $beat %}""#));
    /// ```
    pub fn heartbeat_seconds_jsonata(
        mut self,
        expression: crate::builder::Jsonata,
    ) -> Integration<S> {
        self.task = self.task.heartbeat_seconds_jsonata(expression);
        self
    }

    /// Sets `Credentials` (as [`Task::credentials`]): the role the call is
    /// made with, `{"RoleArn": ...}`.
    ///
    /// ```
    /// use stepfn::builder::Payload;
    /// use stepfn::tasks::{LambdaFunction, LambdaInvoke};
    /// let state = LambdaInvoke::new("Charge", LambdaFunction::from_name("charge"))
    ///     .credentials(Payload::new().field("RoleArn", "arn:aws:iam::123456789012:role/Billing"));
    /// assert!(state.to_json().contains(r#""Credentials":{"RoleArn":"arn:aws:iam::123456789012:role/Billing"}"#));
    /// ```
    pub fn credentials(mut self, credentials: impl Into<Json>) -> Integration<S> {
        self.task = self.task.credentials(credentials);
        self
    }
}

impl<S: Service> From<Integration<S>> for Task {
    fn from(integration: Integration<S>) -> Task {
        integration.into_task()
    }
}

impl<S: Service> Sealed for Integration<S> {
    fn into_piece(self) -> Piece {
        Sealed::into_piece(self.into_task())
    }

    fn continue_piece(self, piece: Piece) -> Piece {
        Sealed::continue_piece(self.into_task(), piece)
    }
}

impl<S: Service> IntoChain for Integration<S> {
    type Output = Chain;
}
