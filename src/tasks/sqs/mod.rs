//! Amazon SQS: [`SqsSendMessage`].

mod queue;
mod send_message;

pub use queue::SqsQueue;
pub use send_message::{SqsSendMessage, SqsSendMessageProps};
