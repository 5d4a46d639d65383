//! [`DynamoPutItem`]: `dynamodb:putItem`.

use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::service::{Render, Rendering};
use crate::tasks::Integration;

use super::attribute::{render_map, DynamoAttributeValue};
use super::shared::{write_setters, Write};
use super::DynamoTable;

/// Writes an item (`arn:aws:states:::dynamodb:putItem`); the CDK's
/// `DynamoPutItem`. Request-response only.
///
/// ```
/// use stepfn::builder::JsonPath;
/// use stepfn::tasks::*;
/// let state = DynamoPutItem::new("Save", DynamoTable::from_name("orders"))
///     .item("id", DynamoAttributeValue::from_string(JsonPath::new("$.id")))
///     .item("total", DynamoAttributeValue::from_number(JsonPath::new("$.total")))
///     .condition_expression("attribute_not_exists(#id)")
///     .expression_attribute_name("#id", "id")
///     .expression_attribute_value(":zero", DynamoAttributeValue::from_number(0))
///     .return_consumed_capacity(DynamoConsumedCapacity::Indexes)
///     .return_item_collection_metrics(DynamoItemCollectionMetrics::Size)
///     .return_values(DynamoReturnValues::AllOld);
/// assert_eq!(state.to_json(), concat!(
///     r##"{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem","Parameters":{"##,
///     r##""Item":{"id":{"S.$":"$.id"},"total":{"N.$":"$.total"}},"TableName":"orders","##,
///     r##""ConditionExpression":"attribute_not_exists(#id)","ExpressionAttributeNames":{"#id":"id"},"##,
///     r##""ExpressionAttributeValues":{":zero":{"N":"0"}},"ReturnConsumedCapacity":"INDEXES","##,
///     r##""ReturnItemCollectionMetrics":"SIZE","ReturnValues":"ALL_OLD"},"End":true}"##,
/// ));
/// ```
pub type DynamoPutItem = Integration<DynamoPutItemProps>;

/// What a [`DynamoPutItem`] sends (see there).
#[derive(Debug, Clone)]
pub struct DynamoPutItemProps {
    table: DynamoTable,
    item: Vec<(String, DynamoAttributeValue)>,
    write: Write,
}

impl DynamoPutItem {
    /// Writes to `table` the item [`item`](DynamoPutItem::item) gives.
    /// (Example on [`DynamoPutItem`].)
    pub fn new(name: impl Into<String>, table: impl Into<DynamoTable>) -> DynamoPutItem {
        Integration::with(
            name,
            DynamoPutItemProps {
                table: table.into(),
                item: Vec::new(),
                write: Write::default(),
            },
        )
    }

    /// Adds an attribute of the item (CDK `item`). (Example on [`DynamoPutItem`].)
    pub fn item(
        mut self,
        attribute: impl Into<String>,
        value: DynamoAttributeValue,
    ) -> DynamoPutItem {
        self.props.item.push((attribute.into(), value));
        self
    }
}

write_setters!(DynamoPutItem);

impl Render for DynamoPutItemProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        let mut f = cx.fields();
        let item = render_map(f.child(), &self.item);
        f.object("Item", item).input("TableName", &self.table.name);
        self.write.render(&mut f);
        let arn = integration_arn("dynamodb", "putItem", IntegrationPattern::RequestResponse);
        cx.write(arn, Some(f));
    }
}
