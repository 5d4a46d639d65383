//! Tasks without AWS: Rust handlers by state name or by `Resource`, the
//! user's own Lambda functions, and Step Functions Local's mock files.
//!
//! A Task finds its handler in this order: a handler registered for its
//! state name, the mock test case's response for its state name, then a
//! handler registered for its `Resource`. A request-response Task with
//! none of them fails the execution with an error naming the state; a
//! callback (`.waitForTaskToken`) or activity Task with none waits for the
//! test to answer.
//!
//! Files: `call` (what a handler receives), `lambda` (Lambda handlers and
//! the `lambda:invoke` result shape), `mock_config` (`MockConfigFile.json`).

mod call;
mod lambda;
mod mock_config;

use std::collections::HashMap;
use std::sync::Arc;

pub use call::TaskCall;
pub(crate) use lambda::lambda_handler;
pub use mock_config::{MockConfig, MockError, MockTestCase};

use crate::failure::Failure;
use stepfn::model::Json;

/// What a handler returns: the task's result, or its error and cause.
pub type TaskResult = Result<Json, Failure>;

/// A shared handler.
pub(crate) type Handler = Arc<dyn Fn(&TaskCall<'_>) -> TaskResult + Send + Sync>;

/// Where a Task's answer comes from.
#[derive(Clone, Default)]
pub(crate) struct Handlers {
    pub(crate) by_state: HashMap<String, Handler>,
    pub(crate) by_resource: HashMap<String, Handler>,
    pub(crate) mocks: Option<MockTestCase>,
    /// What the cause of a call nothing answers tells the user to do, in
    /// place of registering a handler.
    pub(crate) unanswered_hint: Option<Arc<str>>,
}

/// The answer a Task found.
pub(crate) enum Answer {
    /// A handler's or mock's result.
    Done(TaskResult),
    /// Nothing answers this Task.
    Missing,
}

impl Handlers {
    /// Answers an invocation: a state handler, the mock test case, then a
    /// resource handler.
    pub(crate) fn answer(&self, call: &TaskCall<'_>) -> Answer {
        if let Some(handler) = self.by_state.get(call.state()) {
            return Answer::Done(handler(call));
        }
        if let Some(mocks) = &self.mocks {
            if let Some(result) = mocks.answer(call.state(), call.invocation()) {
                return Answer::Done(result);
            }
        }
        if let Some(handler) = self.by_resource.get(call.resource()) {
            return Answer::Done(handler(call));
        }
        Answer::Missing
    }

    /// What to do about a call nothing answers: the hint set for this
    /// simulator, or `register_handler`'s advice.
    pub(crate) fn unanswered_hint(&self, register_handler: impl FnOnce() -> String) -> String {
        match &self.unanswered_hint {
            Some(hint) => hint.to_string(),
            None => register_handler(),
        }
    }
}

impl std::fmt::Debug for Handlers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Handlers")
            .field("by_state", &self.by_state.keys().collect::<Vec<_>>())
            .field("by_resource", &self.by_resource.keys().collect::<Vec<_>>())
            .field("mocks", &self.mocks)
            .field("unanswered_hint", &self.unanswered_hint)
            .finish()
    }
}
