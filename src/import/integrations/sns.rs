//! `SnsPublish`: `arn:aws:states:::sns:publish`.

use crate::model::Task;
use crate::tasks::{Input, SnsPublish, SnsTopic};

use super::super::code::Expr;
use super::super::cx::FnCx;
use super::super::states::StateCx;
use super::args::{json, text, Given};
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
    let mut value = SnsPublish::new(at.name, topic.value, message.value);
    let mut code = Expr::call(
        "SnsPublish::new",
        vec![Expr::str(at.name), topic.code, message.code],
    );
    (value, code) = language(value, code, task, at);
    if let Some(field) = given.take("Subject") {
        let subject = text::<Input<String>>(field)?;
        value = value.subject(subject.value);
        code = code.method("subject", vec![subject.code]);
    }
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
    candidate(value, code, vec!["stepfn::tasks::SnsPublish"])
}
