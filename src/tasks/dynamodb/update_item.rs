//! [`DynamoUpdateItem`]: `dynamodb:updateItem`.

use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::service::{Render, Rendering};
use crate::tasks::{Input, Integration};

use super::attribute::{render_map, DynamoAttributeValue};
use super::shared::{write_setters, Write};
use super::DynamoTable;

/// Updates an item (`arn:aws:states:::dynamodb:updateItem`); the CDK's
/// `DynamoUpdateItem`. Request-response only.
///
/// ```
/// use stepfn::builder::JsonPath;
/// use stepfn::tasks::*;
/// let state = DynamoUpdateItem::new("Count", DynamoTable::from_name("stats"))
///     .key("id", DynamoAttributeValue::from_string("visits"))
///     .update_expression("SET #n = #n + :one")
///     .expression_attribute_name("#n", "count")
///     .expression_attribute_value(":one", DynamoAttributeValue::from_number(1))
///     .return_values(DynamoReturnValues::UpdatedNew);
/// assert_eq!(state.to_json(), concat!(
///     r##"{"Type":"Task","Resource":"arn:aws:states:::dynamodb:updateItem","Parameters":{"##,
///     r##""Key":{"id":{"S":"visits"}},"TableName":"stats","ExpressionAttributeNames":{"#n":"count"},"##,
///     r##""ExpressionAttributeValues":{":one":{"N":"1"}},"ReturnValues":"UPDATED_NEW","##,
///     r##""UpdateExpression":"SET #n = #n + :one"},"End":true}"##,
/// ));
/// ```
pub type DynamoUpdateItem = Integration<DynamoUpdateItemProps>;

/// What a [`DynamoUpdateItem`] sends (see there).
#[derive(Debug, Clone)]
pub struct DynamoUpdateItemProps {
    table: DynamoTable,
    key: Vec<(String, DynamoAttributeValue)>,
    write: Write,
    update_expression: Option<Input<String>>,
}

impl DynamoUpdateItem {
    /// Updates in `table` the item whose key [`key`](DynamoUpdateItem::key)
    /// gives. (Example on [`DynamoUpdateItem`].)
    pub fn new(name: impl Into<String>, table: impl Into<DynamoTable>) -> DynamoUpdateItem {
        Integration::with(
            name,
            DynamoUpdateItemProps {
                table: table.into(),
                key: Vec::new(),
                write: Write::default(),
                update_expression: None,
            },
        )
    }

    /// Adds a key attribute (CDK `key`). (Example on [`DynamoUpdateItem`].)
    pub fn key(
        mut self,
        attribute: impl Into<String>,
        value: DynamoAttributeValue,
    ) -> DynamoUpdateItem {
        self.props.key.push((attribute.into(), value));
        self
    }

    /// Sets `UpdateExpression`: what to change (CDK `updateExpression`).
    /// (Example on [`DynamoUpdateItem`].)
    pub fn update_expression(mut self, expression: impl Into<Input<String>>) -> DynamoUpdateItem {
        self.props.update_expression = Some(expression.into());
        self
    }
}

write_setters!(DynamoUpdateItem);

impl Render for DynamoUpdateItemProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        let mut f = cx.fields();
        let key = render_map(f.child(), &self.key);
        f.object("Key", key).input("TableName", &self.table.name);
        self.write.render(&mut f);
        f.opt("UpdateExpression", self.update_expression.as_ref());
        let arn = integration_arn(
            "dynamodb",
            "updateItem",
            IntegrationPattern::RequestResponse,
        );
        cx.write(arn, Some(f));
    }
}
