//! [`DynamoDeleteItem`]: `dynamodb:deleteItem`.

use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::service::{Render, Rendering};
use crate::tasks::Integration;

use super::attribute::{render_map, DynamoAttributeValue};
use super::shared::{write_setters, Write};
use super::DynamoTable;

/// Deletes an item (`arn:aws:states:::dynamodb:deleteItem`); the CDK's
/// `DynamoDeleteItem`. Request-response only.
///
/// ```
/// use stepfn::builder::JsonPath;
/// use stepfn::tasks::*;
/// let state = DynamoDeleteItem::new("Forget", DynamoTable::from_name("orders"))
///     .key("id", DynamoAttributeValue::from_string(JsonPath::new("$.id")))
///     .condition_expression("#s = :done")
///     .expression_attribute_name("#s", "status")
///     .expression_attribute_value(":done", DynamoAttributeValue::from_string("DONE"))
///     .return_consumed_capacity(DynamoConsumedCapacity::None)
///     .return_item_collection_metrics(DynamoItemCollectionMetrics::None)
///     .return_values(DynamoReturnValues::AllOld);
/// assert_eq!(state.to_json(), concat!(
///     r##"{"Type":"Task","Resource":"arn:aws:states:::dynamodb:deleteItem","Parameters":{"##,
///     r##""Key":{"id":{"S.$":"$.id"}},"TableName":"orders","ConditionExpression":"#s = :done","##,
///     r##""ExpressionAttributeNames":{"#s":"status"},"ExpressionAttributeValues":{":done":{"S":"DONE"}},"##,
///     r##""ReturnConsumedCapacity":"NONE","ReturnItemCollectionMetrics":"NONE","ReturnValues":"ALL_OLD"},"End":true}"##,
/// ));
/// ```
pub type DynamoDeleteItem = Integration<DynamoDeleteItemProps>;

/// What a [`DynamoDeleteItem`] sends (see there).
#[derive(Debug, Clone)]
pub struct DynamoDeleteItemProps {
    table: DynamoTable,
    key: Vec<(String, DynamoAttributeValue)>,
    write: Write,
}

impl DynamoDeleteItem {
    /// Deletes from `table` the item whose key [`key`](DynamoDeleteItem::key)
    /// gives. (Example on [`DynamoDeleteItem`].)
    pub fn new(name: impl Into<String>, table: impl Into<DynamoTable>) -> DynamoDeleteItem {
        Integration::with(
            name,
            DynamoDeleteItemProps {
                table: table.into(),
                key: Vec::new(),
                write: Write::default(),
            },
        )
    }

    /// Adds a key attribute (CDK `key`). (Example on [`DynamoDeleteItem`].)
    pub fn key(
        mut self,
        attribute: impl Into<String>,
        value: DynamoAttributeValue,
    ) -> DynamoDeleteItem {
        self.props.key.push((attribute.into(), value));
        self
    }
}

write_setters!(DynamoDeleteItem);

impl Render for DynamoDeleteItemProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        let mut f = cx.fields();
        let key = render_map(f.child(), &self.key);
        f.object("Key", key).input("TableName", &self.table.name);
        self.write.render(&mut f);
        let arn = integration_arn(
            "dynamodb",
            "deleteItem",
            IntegrationPattern::RequestResponse,
        );
        cx.write(arn, Some(f));
    }
}
