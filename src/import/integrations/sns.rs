//! `SnsPublish`: `arn:aws:states:::sns:publish`.

use crate::model::Task;
use crate::tasks::{Input, SnsPublish, SnsTopic};

use super::super::code::Expr;
use super::super::cx::FnCx;
use super::super::states::StateCx;
use super::args::{json, text, Arg, Given};
use super::{candidate, language, Candidate, Pattern};

/// `SnsPublish::new(name, topic, message)` with its options.
pub(super) fn publish(
    cx: &mut FnCx<'_>,
    at: &StateCx<'_>,
    task: &Task,
    given: &mut Given<'_>,
    pattern: Pattern,
) -> Option<Candidate> {
    let topic = text::<SnsTopic>(given.take("TopicArn")?)?;
    let message = json(cx, given.take("Message")?)?;
    let built = Arg {
        value: SnsPublish::new(at.name, topic.value, message.value),
        code: Expr::call(
            "SnsPublish::new",
            vec![Expr::str(at.name), topic.code, message.code],
        ),
    };
    let built = language(built, task, at)
        .set_text::<Input<String>>(given, "Subject", "subject", SnsPublish::subject)?
        .set_text::<Input<String>>(
            given,
            "MessageGroupId",
            "message_group_id",
            SnsPublish::message_group_id,
        )?
        .set_text::<Input<String>>(
            given,
            "MessageDeduplicationId",
            "message_deduplication_id",
            SnsPublish::message_deduplication_id,
        )?;
    let built = pattern.without_sync(built, SnsPublish::wait_for_task_token)?;
    candidate(built, vec!["stepfn::tasks::SnsPublish"])
}
