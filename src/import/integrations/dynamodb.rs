//! `DynamoGetItem` and `DynamoPutItem`: `arn:aws:states:::dynamodb:getItem`
//! and `putItem`, with keys and items of typed attribute values (`S`, `N`,
//! `BOOL`, `NULL`).

use crate::model::{Json, JsonObject, Task};
use crate::tasks::{DynamoAttributeValue, DynamoGetItem, DynamoPutItem, DynamoTable, Input};

use super::super::code::Expr;
use super::super::states::StateCx;
use super::args::{boolean, text, Arg, Field, Given};
use super::{candidate, language, Candidate, Pattern};

const USES: &str = "stepfn::tasks::DynamoAttributeValue";

/// One typed attribute value, `{"S": ...}` and the like.
fn attribute(value: &Json, given: &Given<'_>) -> Option<Arg<DynamoAttributeValue>> {
    let Json::Object(object) = value else {
        return None;
    };
    let mut fields = Given::new(object, given.language());
    let arg = if let Some(field) = fields.take("S") {
        let text = text::<Input<String>>(field)?;
        Arg {
            code: Expr::call("DynamoAttributeValue::from_string", vec![text.code]),
            value: DynamoAttributeValue::from_string(text.value),
        }
    } else if let Some(field) = fields.take("N") {
        let text = text::<Input<String>>(field)?;
        Arg {
            code: Expr::call("DynamoAttributeValue::number_from_string", vec![text.code]),
            value: DynamoAttributeValue::number_from_string(text.value),
        }
    } else if let Some(field) = fields.take("BOOL") {
        let b = boolean(field)?;
        Arg {
            code: Expr::call("DynamoAttributeValue::from_boolean", vec![b.code]),
            value: DynamoAttributeValue::from_boolean(b.value),
        }
    } else if let Some(Field::Literal(Json::Bool(null))) = fields.take("NULL") {
        Arg {
            code: Expr::call(
                "DynamoAttributeValue::from_null",
                vec![Expr::Lit(null.to_string())],
            ),
            value: DynamoAttributeValue::from_null(*null),
        }
    } else {
        return None;
    };
    fields.all_taken().then_some(arg)
}

/// The attributes of a `Key` or `Item` object.
fn attributes<'j>(
    field: Field<'j>,
    given: &Given<'_>,
) -> Option<Vec<(&'j str, Arg<DynamoAttributeValue>)>> {
    let Field::Literal(Json::Object(object)) = field else {
        return None;
    };
    let object: &JsonObject = object;
    object
        .iter()
        .map(|(k, v)| Some((k.as_str(), attribute(v, given)?)))
        .collect()
}

/// `DynamoGetItem::new(name, table)` with its key.
pub(super) fn get_item(
    _cx: &mut super::super::cx::FnCx<'_>,
    at: &StateCx<'_>,
    task: &Task,
    given: &mut Given<'_>,
    pattern: Pattern,
) -> Option<Candidate> {
    if pattern != Pattern::RequestResponse {
        return None;
    }
    let table = text::<DynamoTable>(given.take("TableName")?)?;
    let mut value = DynamoGetItem::new(at.name, table.value);
    let mut code = Expr::call("DynamoGetItem::new", vec![Expr::str(at.name), table.code]);
    (value, code) = language(value, code, task, at);
    let key = given.take("Key")?;
    for (name, attribute) in attributes(key, given)? {
        value = value.key(name, attribute.value);
        code = code.method("key", vec![Expr::str(name), attribute.code]);
    }
    let consistent = boolean(given.take("ConsistentRead")?)?;
    if !matches!(&consistent.code, Expr::Lit(text) if text == "false") {
        value = value.consistent_read(consistent.value);
        code = code.method("consistent_read", vec![consistent.code]);
    }
    candidate(value, code, vec!["stepfn::tasks::DynamoGetItem", USES])
}

/// `DynamoPutItem::new(name, table)` with its item.
pub(super) fn put_item(
    _cx: &mut super::super::cx::FnCx<'_>,
    at: &StateCx<'_>,
    task: &Task,
    given: &mut Given<'_>,
    pattern: Pattern,
) -> Option<Candidate> {
    if pattern != Pattern::RequestResponse {
        return None;
    }
    let table = text::<DynamoTable>(given.take("TableName")?)?;
    let mut value = DynamoPutItem::new(at.name, table.value);
    let mut code = Expr::call("DynamoPutItem::new", vec![Expr::str(at.name), table.code]);
    (value, code) = language(value, code, task, at);
    let item = given.take("Item")?;
    for (name, attribute) in attributes(item, given)? {
        value = value.item(name, attribute.value);
        code = code.method("item", vec![Expr::str(name), attribute.code]);
    }
    candidate(value, code, vec!["stepfn::tasks::DynamoPutItem", USES])
}
