//! What a test does while an [`Execution`] waits: the tasks waiting for the
//! outside, the calls that answer callbacks and activities, the clock, and
//! stopping it.

use stepfn::model::Json;

use super::{ActivityTask, Execution, PendingTask};
use crate::engine::{CallbackError, End, PendingKind};
use crate::failure::Failure;

impl Execution {
    /// The tasks waiting for the outside, oldest first.
    ///
    /// ```
    /// let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "Ask", "States": {"Ask": {"Type": "Task",
    ///     "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "End": true}}}"#)?;
    /// let run = sim.run("{}")?;
    /// assert_eq!(run.pending_tasks()[0].state, "Ask");
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    #[must_use]
    pub fn pending_tasks(&self) -> Vec<PendingTask> {
        let program = &*self.program;
        self.state
            .pending_order
            .iter()
            .filter_map(|token| {
                let p = self.state.pending.get(token)?;
                Some(PendingTask {
                    token: token.clone(),
                    state: program.node(p.state).name.to_string(),
                    resource: p.resource.clone(),
                    input: p.input.clone(),
                    activity: p.kind == PendingKind::Activity,
                })
            })
            .collect()
    }

    /// The token of the oldest task waiting in state `state`.
    ///
    /// ```
    /// # let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "Ask", "States": {"Ask": {"Type": "Task",
    /// #     "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "End": true}}}"#)?;
    /// let mut run = sim.run("{}")?;
    /// let token = run.task_token("Ask").unwrap();
    /// run.send_task_success(&token, serde_json::json!({"ok": 1}))?;
    /// assert_eq!(run.output_text().as_deref(), Some(r#"{"ok":1}"#));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn task_token(&self, state: &str) -> Option<String> {
        self.state
            .pending_order
            .iter()
            .find(|t| {
                self.state
                    .pending
                    .get(*t)
                    .is_some_and(|p| &*self.program.node(p.state).name == state)
            })
            .cloned()
    }

    /// `SendTaskSuccess`, then runs on.
    ///
    /// # Errors
    /// When no task waits for `token`.
    pub fn send_task_success(
        &mut self,
        token: &str,
        output: impl Into<Json>,
    ) -> Result<(), CallbackError> {
        self.engine().send_success(token, output.into())?;
        self.engine().run();
        Ok(())
    }

    /// `SendTaskFailure` (error and cause may be absent), then runs on.
    ///
    /// ```
    /// # let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "Ask", "States": {"Ask": {"Type": "Task",
    /// #     "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "End": true}}}"#)?;
    /// let mut run = sim.run("{}")?;
    /// let token = run.task_token("Ask").unwrap();
    /// run.send_task_failure(&token, Some("Rejected"), None)?;
    /// assert_eq!(run.error(), Some("Rejected"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// When no task waits for `token`.
    pub fn send_task_failure(
        &mut self,
        token: &str,
        error: Option<&str>,
        cause: Option<&str>,
    ) -> Result<(), CallbackError> {
        let failure = Failure::from_parts(error.map(str::to_owned), cause.map(str::to_owned));
        self.engine().send_failure(token, failure)?;
        self.engine().run();
        Ok(())
    }

    /// `SendTaskHeartbeat`: the task's heartbeat timeout starts again.
    ///
    /// # Errors
    /// When no task waits for `token`.
    pub fn send_task_heartbeat(&mut self, token: &str) -> Result<(), CallbackError> {
        self.engine().send_heartbeat(token)
    }

    /// `GetActivityTask`: the oldest task waiting for activity `arn`, now
    /// started by `worker`; its timeouts start.
    ///
    /// ```
    /// let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "Work", "States": {"Work": {"Type": "Task",
    ///     "Resource": "arn:aws:states:us-east-1:123456789012:activity:work", "End": true}}}"#)?;
    /// let mut run = sim.run(r#"{"job": 1}"#)?;
    /// let task = run.take_activity_task("arn:aws:states:us-east-1:123456789012:activity:work", "worker-1").unwrap();
    /// assert_eq!(stepfn_sim::json_text(&task.input), r#"{"job":1}"#);
    /// run.send_task_success(&task.token, serde_json::json!("done"))?;
    /// assert_eq!(run.status(), stepfn_sim::Status::Succeeded);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn take_activity_task(&mut self, arn: &str, worker: &str) -> Option<ActivityTask> {
        let (token, input) = self.engine().take_activity(arn, worker)?;
        Some(ActivityTask { token, input })
    }

    /// Moves the clock `seconds` on: waits, back-offs and timeouts due by
    /// then fire, then the run goes on until it ends or waits again.
    ///
    /// ```
    /// use stepfn_sim::Status;
    /// let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "Ask", "States": {"Ask": {"Type": "Task",
    ///     "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "HeartbeatSeconds": 10,
    ///     "End": true}}}"#)?;
    /// let mut run = sim.run("{}")?;
    /// run.advance(5.0);
    /// assert_eq!(run.status(), Status::Running);
    /// run.advance(10.0);
    /// assert_eq!(run.error(), Some("States.Timeout"));
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    pub fn advance(&mut self, seconds: f64) {
        let until = self
            .state
            .now
            .saturating_add(crate::engine::seconds_to_millis(seconds));
        self.state.advance_to = Some(until);
        self.engine().run();
        self.state.advance_to = None;
        if self.state.end.is_none() {
            self.state.now = self.state.now.max(until);
        }
    }

    /// `StopExecution`: ends a running execution as `ABORTED` with the
    /// error and cause given (either may be absent). Returns whether it was
    /// still running.
    ///
    /// ```
    /// use stepfn_sim::Status;
    /// let sim = stepfn_sim::Simulator::from_json(r#"{"StartAt": "Ask", "States": {"Ask": {"Type": "Task",
    ///     "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken", "End": true}}}"#)?;
    /// let mut run = sim.run("{}")?;
    /// assert!(run.stop(Some("Operator"), Some("not needed")));
    /// assert_eq!(run.status(), Status::Aborted);
    /// assert_eq!(run.error(), Some("Operator"));
    /// assert!(run.pending_tasks().is_empty());
    /// assert!(!run.stop(None, None));
    /// # Ok::<(), stepfn_sim::SimError>(())
    /// ```
    pub fn stop(&mut self, error: Option<&str>, cause: Option<&str>) -> bool {
        if self.state.end.is_some() {
            return false;
        }
        let failure = Failure::from_parts(error.map(str::to_owned), cause.map(str::to_owned));
        self.engine().finish(End::Aborted(failure));
        true
    }

    /// Lets every pending timeout fire until the execution ends (or only
    /// tasks without timeouts wait).
    pub fn run_timeouts(&mut self) {
        self.state.advance_to = Some(i64::MAX);
        self.engine().run();
        self.state.advance_to = None;
    }
}
