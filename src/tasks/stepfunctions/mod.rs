//! AWS Step Functions: [`StepFunctionsStartExecution`] (a child state
//! machine) and [`StepFunctionsInvokeActivity`].

mod invoke_activity;
mod start_execution;

pub use invoke_activity::{StepFunctionsInvokeActivity, StepFunctionsInvokeActivityProps};
pub use start_execution::{StepFunctionsStartExecution, StepFunctionsStartExecutionProps};
