//! `SqsSendMessage`: `arn:aws:states:::sqs:sendMessage`.

use crate::model::Task;
use crate::tasks::{Input, SqsQueue, SqsSendMessage};

use super::super::code::Expr;
use super::super::cx::FnCx;
use super::super::states::StateCx;
use super::args::{json, text, Given};
use super::{candidate, language, Candidate, Pattern};

/// `SqsSendMessage::new(name, queue, body)` with its options.
pub(super) fn send_message(
    cx: &mut FnCx<'_>,
    at: &StateCx<'_>,
    task: &Task,
    given: &mut Given<'_>,
    pattern: Pattern,
) -> Option<Candidate> {
    let queue = text::<SqsQueue>(given.take("QueueUrl")?)?;
    let body = json(cx, given.take("MessageBody")?)?;
    let mut value = SqsSendMessage::new(at.name, queue.value, body.value);
    let mut code = Expr::call(
        "SqsSendMessage::new",
        vec![Expr::str(at.name), queue.code, body.code],
    );
    (value, code) = language(value, code, task, at);
    if let Some(field) = given.take("MessageGroupId") {
        let id = text::<Input<String>>(field)?;
        value = value.message_group_id(id.value);
        code = code.method("message_group_id", vec![id.code]);
    }
    if let Some(field) = given.take("MessageDeduplicationId") {
        let id = text::<Input<String>>(field)?;
        value = value.message_deduplication_id(id.value);
        code = code.method("message_deduplication_id", vec![id.code]);
    }
    match pattern {
        Pattern::RequestResponse => {}
        Pattern::WaitForTaskToken => {
            value = value.wait_for_task_token();
            code = code.method("wait_for_task_token", Vec::new());
        }
        Pattern::Sync2 => return None,
    }
    candidate(value, code, vec!["stepfn::tasks::SqsSendMessage"])
}
