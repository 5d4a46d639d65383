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

/// `.method(name, value)` for each attribute of the `Key` or `Item` object.
fn with_attributes<V>(
    mut built: Arg<V>,
    field: Field<'_>,
    given: &Given<'_>,
    method: &str,
    set: impl Fn(V, &str, DynamoAttributeValue) -> V,
) -> Option<Arg<V>> {
    for (name, attribute) in attributes(field, given)? {
        built = Arg {
            code: built
                .code
                .method(method, vec![Expr::str(name), attribute.code]),
            value: set(built.value, name, attribute.value),
        };
    }
    Some(built)
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
    let built = Arg {
        value: DynamoGetItem::new(at.name, table.value),
        code: Expr::call("DynamoGetItem::new", vec![Expr::str(at.name), table.code]),
    };
    let built = language(built, task, at);
    let key = given.take("Key")?;
    let mut built = with_attributes(built, key, given, "key", |v, name, value| {
        v.key(name, value)
    })?;
    let consistent = boolean(given.take("ConsistentRead")?)?;
    if !matches!(&consistent.code, Expr::Lit(text) if text == "false") {
        built = built.set(
            "consistent_read",
            consistent,
            DynamoGetItem::consistent_read,
        );
    }
    candidate(built, vec!["stepfn::tasks::DynamoGetItem", USES])
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
    let built = Arg {
        value: DynamoPutItem::new(at.name, table.value),
        code: Expr::call("DynamoPutItem::new", vec![Expr::str(at.name), table.code]),
    };
    let built = language(built, task, at);
    let item = given.take("Item")?;
    let built = with_attributes(built, item, given, "item", |v, name, value| {
        v.item(name, value)
    })?;
    candidate(built, vec!["stepfn::tasks::DynamoPutItem", USES])
}
