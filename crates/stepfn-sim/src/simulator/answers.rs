//! What answers a [`Simulator`]'s Tasks: handlers by state or by
//! `Resource`, Lambda functions written in Rust, a mock file's test case,
//! and what to tell the user when nothing does.

use std::sync::Arc;

use serde::de::DeserializeOwned;
use serde::Serialize;
use stepfn::model::Json;

use super::Simulator;
use crate::failure::Failure;
use crate::task::{lambda_handler, MockTestCase, TaskCall};

impl Simulator {
    /// Answers the Task state named `state` with `handler`.
    ///
    /// ```
    /// use stepfn_sim::Simulator;
    /// let sim = Simulator::from_json(r#"{"StartAt": "Get", "States": {"Get": {"Type": "Task",
    ///     "Resource": "arn:aws:states:::dynamodb:getItem", "End": true}}}"#)?
    ///     .handler("Get", |_| Ok(serde_json::json!({"Item": {"id": {"S": "1"}}})));
    /// assert_eq!(sim.run("{}")?.output_text().as_deref(), Some(r#"{"Item":{"id":{"S":"1"}}}"#));
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn handler<F, R>(mut self, state: impl Into<String>, handler: F) -> Simulator
    where
        F: Fn(&TaskCall<'_>) -> Result<R, Failure> + Send + Sync + 'static,
        R: Into<Json>,
    {
        Arc::make_mut(&mut self.config).handlers.by_state.insert(
            state.into(),
            Arc::new(move |call| handler(call).map(Into::into)),
        );
        self
    }

    /// Answers every Task whose `Resource` is `resource` (unless a state
    /// handler or mock answers it first).
    ///
    /// ```
    /// use stepfn_sim::{Failure, Simulator, Status};
    /// let sim = Simulator::from_json(r#"{"StartAt": "Send", "States": {"Send": {"Type": "Task",
    ///     "Resource": "arn:aws:states:::sns:publish", "End": true}}}"#)?
    ///     .resource_handler("arn:aws:states:::sns:publish", |_| {
    ///         Err::<serde_json::Value, _>(Failure::new("SNS.NotFoundException", "no topic"))
    ///     });
    /// let run = sim.run("{}")?;
    /// assert_eq!(run.status(), Status::Failed);
    /// assert_eq!(run.error(), Some("SNS.NotFoundException"));
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn resource_handler<F, R>(mut self, resource: impl Into<String>, handler: F) -> Simulator
    where
        F: Fn(&TaskCall<'_>) -> Result<R, Failure> + Send + Sync + 'static,
        R: Into<Json>,
    {
        Arc::make_mut(&mut self.config).handlers.by_resource.insert(
            resource.into(),
            Arc::new(move |call| handler(call).map(Into::into)),
        );
        self
    }

    /// Answers the Task state `state` with a Lambda function written in
    /// Rust: its event is the task input (the `Payload` for
    /// `arn:aws:states:::lambda:invoke`, whose response shape wraps the
    /// return value), its error becomes a Lambda error named after the
    /// error's type.
    ///
    /// ```
    /// use stepfn_sim::Simulator;
    /// #[derive(serde::Deserialize)]
    /// struct Order { qty: u32 }
    /// fn handler(order: Order) -> Result<u32, String> { Ok(order.qty * 2) }
    /// let sim = Simulator::from_json(r#"{"StartAt": "Double", "States": {"Double": {"Type": "Task",
    ///     "Resource": "arn:aws:states:::lambda:invoke",
    ///     "Parameters": {"FunctionName": "double", "Payload.$": "$"},
    ///     "OutputPath": "$.Payload", "End": true}}}"#)?
    ///     .lambda("Double", handler);
    /// assert_eq!(sim.run(r#"{"qty": 21}"#)?.output_text().as_deref(), Some("42"));
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn lambda<I, O, E, F>(mut self, state: impl Into<String>, function: F) -> Simulator
    where
        I: DeserializeOwned,
        O: Serialize,
        E: std::fmt::Display,
        F: Fn(I) -> Result<O, E> + Send + Sync + 'static,
    {
        Arc::make_mut(&mut self.config)
            .handlers
            .by_state
            .insert(state.into(), lambda_handler(function));
        self
    }

    /// Answers Tasks from a test case of a Step Functions Local mock file.
    ///
    /// ```
    /// use stepfn_sim::{MockConfig, Simulator};
    /// let mocks = MockConfig::from_json(r#"{"StateMachines": {"M": {"TestCases": {"Happy": {"Call": "Ok"}}}},
    ///     "MockedResponses": {"Ok": {"0": {"Return": {"done": true}}}}}"#)?;
    /// let sim = Simulator::from_json(r#"{"StartAt": "Call", "States": {"Call": {"Type": "Task",
    ///     "Resource": "arn:aws:states:::lambda:invoke", "End": true}}}"#)?
    ///     .mocks(mocks.test_case("Happy")?);
    /// assert_eq!(sim.run("{}")?.output_text().as_deref(), Some(r#"{"done":true}"#));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn mocks(mut self, test_case: MockTestCase) -> Simulator {
        Arc::make_mut(&mut self.config).handlers.mocks = Some(test_case);
        self
    }

    /// Replaces what the cause of a Task (or a Map's `ItemReader`) that
    /// nothing answers tells the reader to do, by default to register a
    /// handler: a front end without handlers names its own way instead,
    /// as `stepfn run` names its mock-file options.
    ///
    /// ```
    /// use stepfn_sim::Simulator;
    /// let sim = Simulator::from_json(r#"{"StartAt": "Call", "States": {"Call": {"Type": "Task",
    ///     "Resource": "arn:aws:states:::lambda:invoke", "End": true}}}"#)?;
    /// let run = sim.clone().run("{}")?;
    /// assert!(run.cause().is_some_and(|cause| cause.ends_with(
    ///     "register one with `Simulator::handler(\"Call\", …)` or `Simulator::resource_handler`, \
    ///      or mock it in the mock test case")));
    /// let run = sim.unanswered_hint("answer it in the mock file").run("{}")?;
    /// assert_eq!(run.cause(), Some("No handler answers the Task state 'Call' \
    ///     (Resource arn:aws:states:::lambda:invoke): answer it in the mock file"));
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn unanswered_hint(mut self, hint: impl Into<String>) -> Simulator {
        Arc::make_mut(&mut self.config).handlers.unanswered_hint = Some(hint.into().into());
        self
    }
}
