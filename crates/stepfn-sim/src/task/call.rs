//! [`TaskCall`]: what a Task handler receives.

use stepfn::model::Json;

/// One invocation of a Task: its state, resource and evaluated input.
///
/// ```
/// use stepfn_sim::Simulator;
/// let sim = Simulator::from_json(r#"{"StartAt": "Echo", "States": {"Echo": {"Type": "Task",
///     "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"n.$": "$.n"}, "End": true}}}"#)?
///     .handler("Echo", |call| {
///         assert_eq!(call.state(), "Echo");
///         assert_eq!(call.invocation(), 0);
///         Ok(call.input().clone())
///     });
/// let run = sim.run(r#"{"n": 1}"#)?;
/// assert_eq!(run.output_text().as_deref(), Some(r#"{"n":1}"#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct TaskCall<'a> {
    pub(crate) state: &'a str,
    pub(crate) resource: &'a str,
    pub(crate) input: &'a Json,
    pub(crate) invocation: u64,
    pub(crate) retry_count: u32,
    pub(crate) token: Option<&'a str>,
}

impl<'a> TaskCall<'a> {
    /// The Task state's name.
    #[must_use]
    pub fn state(&self) -> &'a str {
        self.state
    }

    /// The `Resource` (an ItemReader's or ResultWriter's own for those).
    #[must_use]
    pub fn resource(&self) -> &'a str {
        self.resource
    }

    /// The task input: `Parameters` / `Arguments` evaluated, or the
    /// effective input.
    #[must_use]
    pub fn input(&self) -> &'a Json {
        self.input
    }

    /// The task input as a `serde_json::Value`.
    ///
    /// ```
    /// # use stepfn_sim::Simulator;
    /// # let sim = Simulator::from_json(r#"{"StartAt": "T", "States": {"T": {"Type": "Task",
    /// #     "Resource": "arn:aws:states:::lambda:invoke", "End": true}}}"#)?
    /// .handler("T", |call| Ok(serde_json::json!({"got": call.input_value()["x"]})));
    /// # assert_eq!(sim.run(r#"{"x": 5}"#)?.output_text().as_deref(), Some(r#"{"got":5}"#));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn input_value(&self) -> serde_json::Value {
        serde_json::to_value(self.input).unwrap_or(serde_json::Value::Null)
    }

    /// Which invocation of this state this is in the execution, from 0:
    /// every attempt, every loop back and every Map iteration counts.
    #[must_use]
    pub fn invocation(&self) -> u64 {
        self.invocation
    }

    /// `$$.State.RetryCount`: 0 on the first attempt of this visit.
    #[must_use]
    pub fn retry_count(&self) -> u32 {
        self.retry_count
    }

    /// The task token, for `.waitForTaskToken` and activity tasks.
    #[must_use]
    pub fn token(&self) -> Option<&'a str> {
        self.token
    }
}
