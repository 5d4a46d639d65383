//! [`DynamoGetItem`]: `dynamodb:getItem`.

use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::service::{Render, Rendering};
use crate::tasks::{Input, Integration};

use super::attribute::DynamoAttributeValue;
use super::shared::{render_names, Names};
use super::{DynamoConsumedCapacity, DynamoProjectionExpression, DynamoTable};

/// Reads an item (`arn:aws:states:::dynamodb:getItem`); the CDK's
/// `DynamoGetItem`. Request-response only. `ConsistentRead` is always
/// written (`false` unless set), as the CDK does.
///
/// ```
/// use stepfn::builder::JsonPath;
/// use stepfn::tasks::*;
/// let state = DynamoGetItem::new("Get order", DynamoTable::from_arn("arn:aws:dynamodb:us-east-1:123456789012:table/orders"))
///     .key("id", DynamoAttributeValue::from_string(JsonPath::new("$.id")))
///     .consistent_read(true)
///     .expression_attribute_name("#s", "status")
///     .projection_expression([DynamoProjectionExpression::new().with_attribute("#s")])
///     .return_consumed_capacity(DynamoConsumedCapacity::Total);
/// assert_eq!(state.to_json(), concat!(
///     r##"{"Type":"Task","Resource":"arn:aws:states:::dynamodb:getItem","Parameters":{"##,
///     r##""Key":{"id":{"S.$":"$.id"}},"TableName":"orders","ConsistentRead":true,"##,
///     r##""ExpressionAttributeNames":{"#s":"status"},"ProjectionExpression":"#s","##,
///     r##""ReturnConsumedCapacity":"TOTAL"},"End":true}"##,
/// ));
/// ```
///
/// DynamoDB has no callback pattern:
///
/// ```compile_fail
/// use stepfn::tasks::{DynamoGetItem, DynamoTable};
/// let state = DynamoGetItem::new("Get", DynamoTable::from_name("t")).wait_for_task_token();
/// ```
pub type DynamoGetItem = Integration<DynamoGetItemProps>;

/// What a [`DynamoGetItem`] sends (see there).
#[derive(Debug, Clone)]
pub struct DynamoGetItemProps {
    table: DynamoTable,
    key: Vec<(String, DynamoAttributeValue)>,
    consistent_read: Input<bool>,
    names: Names,
    projection: Vec<DynamoProjectionExpression>,
    consumed_capacity: Option<Input<DynamoConsumedCapacity>>,
}

impl DynamoGetItem {
    /// Reads from `table` the item whose key [`key`](DynamoGetItem::key)
    /// gives. (Example on [`DynamoGetItem`].)
    pub fn new(name: impl Into<String>, table: impl Into<DynamoTable>) -> DynamoGetItem {
        Integration::with(
            name,
            DynamoGetItemProps {
                table: table.into(),
                key: Vec::new(),
                consistent_read: Input::from(false),
                names: Vec::new(),
                projection: Vec::new(),
                consumed_capacity: None,
            },
        )
    }

    /// Adds a key attribute (CDK `key`). (Example on [`DynamoGetItem`].)
    pub fn key(
        mut self,
        attribute: impl Into<String>,
        value: DynamoAttributeValue,
    ) -> DynamoGetItem {
        self.props.key.push((attribute.into(), value));
        self
    }

    /// Sets `ConsistentRead` (CDK `consistentRead`). (Example on [`DynamoGetItem`].)
    pub fn consistent_read(mut self, consistent: impl Into<Input<bool>>) -> DynamoGetItem {
        self.props.consistent_read = consistent.into();
        self
    }

    /// Adds an `ExpressionAttributeNames` entry: `placeholder` (`#name`)
    /// stands for `name` (CDK `expressionAttributeNames`). (Example on [`DynamoGetItem`].)
    pub fn expression_attribute_name(
        mut self,
        placeholder: impl Into<String>,
        name: impl Into<Input<String>>,
    ) -> DynamoGetItem {
        self.props.names.push((placeholder.into(), name.into()));
        self
    }

    /// Sets `ProjectionExpression`: the attributes to read, joined by `,`
    /// (CDK `projectionExpression`). (Example on [`DynamoGetItem`].)
    pub fn projection_expression(
        mut self,
        paths: impl IntoIterator<Item = DynamoProjectionExpression>,
    ) -> DynamoGetItem {
        self.props.projection = paths.into_iter().collect();
        self
    }

    /// Sets `ReturnConsumedCapacity` (CDK `returnConsumedCapacity`).
    /// (Example on [`DynamoGetItem`].)
    pub fn return_consumed_capacity(
        mut self,
        value: impl Into<Input<DynamoConsumedCapacity>>,
    ) -> DynamoGetItem {
        self.props.consumed_capacity = Some(value.into());
        self
    }
}

impl Render for DynamoGetItemProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        let mut f = cx.fields();
        let key = super::attribute::render_map(f.child(), &self.key);
        f.object("Key", key)
            .input("TableName", &self.table.name)
            .input("ConsistentRead", &self.consistent_read);
        render_names(&mut f, &self.names);
        if !self.projection.is_empty() {
            let text: Vec<String> = self.projection.iter().map(ToString::to_string).collect();
            f.literal("ProjectionExpression", text.join(","));
        }
        f.opt("ReturnConsumedCapacity", self.consumed_capacity.as_ref());
        let arn = integration_arn("dynamodb", "getItem", IntegrationPattern::RequestResponse);
        cx.write(arn, Some(f));
    }
}
