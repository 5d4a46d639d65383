//! `SqsSendMessage`: `arn:aws:states:::sqs:sendMessage`.

use crate::model::Task;
use crate::tasks::{Input, SqsQueue, SqsSendMessage};

use super::super::code::Expr;
use super::super::cx::FnCx;
use super::super::states::StateCx;
use super::args::{json, text, Arg, Given};
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
    let built = Arg {
        value: SqsSendMessage::new(at.name, queue.value, body.value),
        code: Expr::call(
            "SqsSendMessage::new",
            vec![Expr::str(at.name), queue.code, body.code],
        ),
    };
    let built = language(built, task, at)
        .set_text::<Input<String>>(
            given,
            "MessageGroupId",
            "message_group_id",
            SqsSendMessage::message_group_id,
        )?
        .set_text::<Input<String>>(
            given,
            "MessageDeduplicationId",
            "message_deduplication_id",
            SqsSendMessage::message_deduplication_id,
        )?;
    let built = pattern.without_sync(built, SqsSendMessage::wait_for_task_token)?;
    candidate(built, vec!["stepfn::tasks::SqsSendMessage"])
}
