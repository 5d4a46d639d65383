//! `Task`: runs a unit of work through a resource.

use crate::model::{
    self, HeartbeatSeconds, Json, OrJsonata, QueryLanguage, Resource, TimeoutSeconds, Transition,
};

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
    /// Whether (and in which language) to add the execution's ARN to the
    /// input once every field is set.
    pub(crate) execution_id: Option<QueryLanguage>,
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
            execution_id: None,
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

    /// Adds `"execution_id.$": "$$.Execution.Id"` to `Parameters`, so the
    /// worker learns the execution's ARN (an activity task does not carry
    /// it; stepfn-runtime's `ActivityTask::execution_id` reads it, to stop
    /// the execution or to name its state data). It is added when the
    /// state is written, whatever order the setters come in; a Task without
    /// `Parameters` is a build problem (`MISSING_FIELD`), since the worker
    /// would get nothing of the state's input.
    ///
    /// ```
    /// use stepfn::builder::{JsonPath, Payload, Task};
    /// let state = Task::new("Resize", "arn:aws:states:us-east-1:123456789012:activity:resize")
    ///     .pass_execution_id()
    ///     .parameters(Payload::new().field("image", JsonPath::new("$.image")));
    /// assert_eq!(state.to_json(), concat!(
    ///     r#"{"Type":"Task","Resource":"arn:aws:states:us-east-1:123456789012:activity:resize","#,
    ///     r#""Parameters":{"image.$":"$.image","execution_id.$":"$$.Execution.Id"},"End":true}"#,
    /// ));
    /// ```
    ///
    /// Only a Task passes it; other states have no worker to pass it to:
    ///
    /// ```compile_fail
    /// use stepfn::builder::Pass;
    /// let state = Pass::new("P").pass_execution_id();
    /// ```
    pub fn pass_execution_id(mut self) -> Task {
        self.execution_id = Some(QueryLanguage::JsonPath);
        self
    }

    /// Adds `"execution_id": "{% $states.context.Execution.Id %}"` to
    /// `Arguments`, for a Task in JSONata (see [`Task::pass_execution_id`]).
    ///
    /// ```
    /// use stepfn::builder::{Jsonata, Payload, QueryLanguage, Task};
    /// let state = Task::new("Resize", "arn:aws:states:us-east-1:123456789012:activity:resize")
    ///     .query_language(QueryLanguage::Jsonata)
    ///     .arguments(Payload::new().field("image", Jsonata::new("$states.input.image")))
    ///     .pass_execution_id_jsonata();
    /// assert!(state.to_json().contains(
    ///     r#""Arguments":{"image":"{% $states.input.image %}","execution_id":"{% $states.context.Execution.Id %}"}"#
    /// ), "{}", state.to_json());
    /// ```
    pub fn pass_execution_id_jsonata(mut self) -> Task {
        self.execution_id = Some(QueryLanguage::Jsonata);
        self
    }

    /// The Task as written: the execution id added to its input when asked
    /// (once; later calls find nothing left to do).
    pub(crate) fn finished(mut self) -> Task {
        if let Some(language) = self.execution_id.take() {
            let setter = match language {
                QueryLanguage::JsonPath => "parameters",
                QueryLanguage::Jsonata => "arguments",
            };
            if let Err((field, code, message)) =
                crate::builder::execution_id::insert(&mut self.inner, language, setter)
            {
                self.problems
                    .push(Pending::new(&self.name, field, code, message));
            }
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

state_builder!(Task, open, Task::finished);
retry_and_catch!(Task, "Task::new(\"S\", \"arn:aws:states:::lambda:invoke\")");
state_fields!(Task, "Task::new(\"S\", \"arn:aws:states:::lambda:invoke\")"; comment,
    query_language, input_path, parameters, arguments, result_selector, result_path, output_path,
    output, assign);
