//! AWS Lambda: [`LambdaInvoke`].

mod function;
mod invoke;

pub use function::LambdaFunction;
pub use invoke::{LambdaInvocationType, LambdaInvoke, LambdaInvokeProps};
