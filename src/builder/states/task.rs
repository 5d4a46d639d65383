//! `Task`: runs a unit of work through a resource.

use crate::model::{self, HeartbeatSeconds, Json, OrJsonata, Resource, TimeoutSeconds, Transition};

use crate::builder::fields::{object, state_fields};
use crate::builder::graph::{Pending, Piece};
use crate::builder::Seconds;

/// A `Task` state: calls a service integration, an activity or a Lambda
/// function through its `Resource`.
///
/// ```
/// use stepfn::builder::{JsonPath, Payload, Retry, Task};
/// let state = Task::new("Submit Job", "arn:aws:states:::lambda:invoke")
///     .parameters(Payload::new()
///         .field("FunctionName", "arn:aws:lambda:us-east-1:123456789012:function:SubmitJob")
///         .field("Payload", JsonPath::input()))
///     .output_path("$.Payload")
///     .retry(Retry::lambda_service_errors());
/// assert!(state.to_json().starts_with(r#"{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"FunctionName":"arn:aws:lambda:us-east-1:123456789012:function:SubmitJob","Payload.$":"$"},"OutputPath":"$.Payload","Retry":"#));
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct Task {
    pub(crate) name: String,
    pub(crate) inner: model::Task,
    pub(crate) problems: Vec<Pending>,
    pub(crate) brings: Vec<Piece>,
}

impl Task {
    /// A Task state named `name` that runs `resource`: an ARN such as
    /// `arn:aws:states:::lambda:invoke` or an activity ARN.
    ///
    /// ```
    /// use stepfn::builder::Task;
    /// assert_eq!(Task::new("Run", "arn:aws:states:::lambda:invoke").to_json(),
    ///            r#"{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}"#);
    /// ```
    pub fn new(name: impl Into<String>, resource: impl Into<Resource>) -> Task {
        Task {
            name: name.into(),
            inner: model::Task {
                comment: None,
                query_language: None,
                resource: resource.into(),
                credentials: None,
                input_path: None,
                parameters: None,
                arguments: None,
                timeout: None,
                heartbeat: None,
                result_selector: None,
                result_path: None,
                output_path: None,
                output: None,
                assign: None,
                retry: None,
                catch: None,
                transition: Transition::End,
            },
            problems: Vec::new(),
            brings: Vec::new(),
        }
    }

    /// Sets `TimeoutSeconds`: how long the task may run.
    ///
    /// ```
    /// use stepfn::builder::Task;
    /// let state = Task::new("Run", "arn:aws:states:::lambda:invoke").timeout_seconds(300);
    /// assert!(state.to_json().contains(r#""TimeoutSeconds":300"#));
    /// ```
    pub fn timeout_seconds(mut self, seconds: impl Into<Seconds>) -> Task {
        match seconds.into().get() {
            Ok(seconds) => {
                self.inner.timeout = Some(TimeoutSeconds::Value(OrJsonata::Value(seconds)));
            }
            Err(negative) => self.problem("TimeoutSeconds", negative),
        }
        self
    }

    /// Sets `TimeoutSeconds` to a JSONata expression (JSONata states).
    ///
    /// ```
    /// use stepfn::builder::{Jsonata, Task};
    /// let state = Task::new("Run", "arn:aws:states:::lambda:invoke")
    ///     .timeout_seconds_jsonata(Jsonata::new("$timeout"));
    /// assert!(state.to_json().contains(r#""TimeoutSeconds":"{% $timeout %}""#));
    /// ```
    ///
    /// A bare string does not compile: wrap the expression in [`Jsonata::new`](crate::builder::Jsonata::new).
    ///
    /// ```compile_fail
    /// use stepfn::builder::Task;
    /// let state = Task::new("Run", "arn:aws:states:::lambda:invoke").timeout_seconds_jsonata("$timeout");
    /// ```
    pub fn timeout_seconds_jsonata(mut self, expression: crate::builder::Jsonata) -> Task {
        self.inner.timeout = Some(TimeoutSeconds::Value(OrJsonata::Jsonata(String::from(
            expression,
        ))));
        self
    }

    /// Sets `TimeoutSecondsPath` (JSONPath): the timeout is read from the input.
    ///
    /// ```
    /// use stepfn::builder::Task;
    /// let state = Task::new("Run", "arn:aws:states:::lambda:invoke").timeout_seconds_path("$.timeout");
    /// assert!(state.to_json().contains(r#""TimeoutSecondsPath":"$.timeout""#));
    /// ```
    pub fn timeout_seconds_path(mut self, path: impl Into<String>) -> Task {
        self.inner.timeout = Some(TimeoutSeconds::Path(path.into()));
        self
    }

    /// Sets `HeartbeatSeconds`: the longest gap between heartbeats; must be
    /// below the timeout.
    ///
    /// ```
    /// use stepfn::builder::Task;
    /// let state = Task::new("Run", "arn:aws:states:::lambda:invoke").heartbeat_seconds(60);
    /// assert!(state.to_json().contains(r#""HeartbeatSeconds":60"#));
    /// ```
    pub fn heartbeat_seconds(mut self, seconds: impl Into<Seconds>) -> Task {
        match seconds.into().get() {
            Ok(seconds) => {
                self.inner.heartbeat = Some(HeartbeatSeconds::Value(OrJsonata::Value(seconds)));
            }
            Err(negative) => self.problem("HeartbeatSeconds", negative),
        }
        self
    }

    /// Records a negative number of seconds given for `field`.
    fn problem(&mut self, field: &str, seconds: i64) {
        self.problems.push(Pending::new(
            &self.name,
            crate::problem::Path::root().key(field),
            crate::Code::ValueOutOfRange,
            crate::builder::seconds::negative(field, seconds),
        ));
    }

    /// Sets `HeartbeatSeconds` to a JSONata expression (JSONata states).
    ///
    /// ```
    /// use stepfn::builder::{Jsonata, Task};
    /// let state = Task::new("Run", "arn:aws:states:::lambda:invoke")
    ///     .heartbeat_seconds_jsonata(Jsonata::new("$beat"));
    /// assert!(state.to_json().contains(r#""HeartbeatSeconds":"{% $beat %}""#));
    /// ```
    pub fn heartbeat_seconds_jsonata(mut self, expression: crate::builder::Jsonata) -> Task {
        self.inner.heartbeat = Some(HeartbeatSeconds::Value(OrJsonata::Jsonata(
            expression.into(),
        )));
        self
    }

    /// Sets `HeartbeatSecondsPath` (JSONPath).
    ///
    /// ```
    /// use stepfn::builder::Task;
    /// let state = Task::new("Run", "arn:aws:states:::lambda:invoke").heartbeat_seconds_path("$.beat");
    /// assert!(state.to_json().contains(r#""HeartbeatSecondsPath":"$.beat""#));
    /// ```
    pub fn heartbeat_seconds_path(mut self, path: impl Into<String>) -> Task {
        self.inner.heartbeat = Some(HeartbeatSeconds::Path(path.into()));
        self
    }

    /// Sets `Credentials`: the role the task assumes, e.g.
    /// `{"RoleArn": "arn:aws:iam::123456789012:role/Worker"}`. It must be an
    /// object.
    ///
    /// ```
    /// use stepfn::builder::{Payload, Task};
    /// let state = Task::new("Run", "arn:aws:states:::lambda:invoke")
    ///     .credentials(Payload::new().field("RoleArn", "arn:aws:iam::123456789012:role/Worker"));
    /// assert!(state.to_json().contains(r#""Credentials":{"RoleArn":"arn:aws:iam::123456789012:role/Worker"}"#));
    /// ```
    pub fn credentials(mut self, credentials: impl Into<Json>) -> Task {
        match object(&self.name, "Credentials", credentials.into()) {
            Ok(object) => self.inner.credentials = Some(object),
            Err(problem) => self.problems.push(problem),
        }
        self
    }
}

state_builder!(Task, open);
retry_and_catch!(Task, "Task::new(\"S\", \"arn:aws:states:::lambda:invoke\")");
state_fields!(Task, "Task::new(\"S\", \"arn:aws:states:::lambda:invoke\")"; comment,
    query_language, input_path, parameters, arguments, result_selector, result_path, output_path,
    output, assign);
