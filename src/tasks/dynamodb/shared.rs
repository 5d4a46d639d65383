//! What the DynamoDB integrations share: the fixed value sets, projection
//! expressions, and the fields of the three write operations.

use crate::tasks::input::aws_enum;
use crate::tasks::render::Fields;
use crate::tasks::Input;

use super::attribute::{render_map, DynamoAttributeValue};

aws_enum! {
    /// Whether the response reports the capacity consumed (`ReturnConsumedCapacity`).
    DynamoConsumedCapacity {
        /// The total and the capacity of each table and index.
        Indexes = "INDEXES",
        /// The total only.
        Total = "TOTAL",
        /// None.
        None = "NONE",
    }
}

aws_enum! {
    /// Whether the response reports item collection sizes (`ReturnItemCollectionMetrics`).
    DynamoItemCollectionMetrics {
        /// Report them.
        Size = "SIZE",
        /// Do not.
        None = "NONE",
    }
}

aws_enum! {
    /// Which item attributes the response returns (`ReturnValues`).
    DynamoReturnValues {
        /// None.
        None = "NONE",
        /// The whole item as it was before.
        AllOld = "ALL_OLD",
        /// The updated attributes as they were before.
        UpdatedOld = "UPDATED_OLD",
        /// The whole item as it is after.
        AllNew = "ALL_NEW",
        /// The updated attributes as they are after.
        UpdatedNew = "UPDATED_NEW",
    }
}

/// One attribute path of a `ProjectionExpression`: `attr.child[0]`.
///
/// ```
/// use stepfn::tasks::{DynamoGetItem, DynamoProjectionExpression, DynamoTable};
/// let path = DynamoProjectionExpression::new().with_attribute("address").with_attribute("lines").at_index(0);
/// assert_eq!(path.to_string(), "address.lines[0]");
/// let state = DynamoGetItem::new("Get", DynamoTable::from_name("people"))
///     .projection_expression([path, DynamoProjectionExpression::new().with_attribute("name")]);
/// assert!(state.to_json().contains(r#""ProjectionExpression":"address.lines[0],name""#));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[must_use]
pub struct DynamoProjectionExpression(String);

impl DynamoProjectionExpression {
    /// An empty path. (Example on [`DynamoProjectionExpression`].)
    pub fn new() -> DynamoProjectionExpression {
        DynamoProjectionExpression::default()
    }

    /// Appends an attribute (`.name` after the first). (Example on
    /// [`DynamoProjectionExpression`].)
    pub fn with_attribute(mut self, name: impl AsRef<str>) -> DynamoProjectionExpression {
        if !self.0.is_empty() {
            self.0.push('.');
        }
        self.0.push_str(name.as_ref());
        self
    }

    /// Appends a list index `[index]`. (Example on [`DynamoProjectionExpression`].)
    pub fn at_index(mut self, index: usize) -> DynamoProjectionExpression {
        self.0.push('[');
        self.0.push_str(&index.to_string());
        self.0.push(']');
        self
    }
}

impl std::fmt::Display for DynamoProjectionExpression {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// `ExpressionAttributeNames`: placeholders (`#name`) for attribute names.
pub(crate) type Names = Vec<(String, Input<String>)>;

/// Renders `ExpressionAttributeNames` when there are any.
pub(crate) fn render_names(f: &mut Fields, names: &Names) {
    if names.is_empty() {
        return;
    }
    let mut object = f.child();
    for (placeholder, name) in names {
        object.input(placeholder, name);
    }
    f.object("ExpressionAttributeNames", object);
}

/// The fields PutItem, UpdateItem and DeleteItem share.
#[derive(Debug, Clone, Default)]
pub(crate) struct Write {
    pub(crate) condition_expression: Option<Input<String>>,
    pub(crate) names: Names,
    pub(crate) values: Vec<(String, DynamoAttributeValue)>,
    pub(crate) consumed_capacity: Option<Input<DynamoConsumedCapacity>>,
    pub(crate) collection_metrics: Option<Input<DynamoItemCollectionMetrics>>,
    pub(crate) return_values: Option<Input<DynamoReturnValues>>,
}

impl Write {
    /// `ConditionExpression` through `ReturnValues`, in the CDK's order.
    pub(crate) fn render(&self, f: &mut Fields) {
        f.opt("ConditionExpression", self.condition_expression.as_ref());
        render_names(f, &self.names);
        if !self.values.is_empty() {
            let values = render_map(f.child(), &self.values);
            f.object("ExpressionAttributeValues", values);
        }
        f.opt("ReturnConsumedCapacity", self.consumed_capacity.as_ref())
            .opt(
                "ReturnItemCollectionMetrics",
                self.collection_metrics.as_ref(),
            )
            .opt("ReturnValues", self.return_values.as_ref());
    }
}

/// The setters of [`Write`] for one write integration (`$ty`, its props
/// holding a `write` field), documented with a pointer to `$ty`'s example.
macro_rules! write_setters {
    ($ty:ident) => {
        impl $ty {
            #[doc = concat!("Sets `ConditionExpression`: the write happens only if it holds (CDK `conditionExpression`). (Example on [`", stringify!($ty), "`].)")]
            pub fn condition_expression(mut self, expression: impl Into<crate::tasks::Input<String>>) -> $ty {
                self.props.write.condition_expression = Some(expression.into());
                self
            }

            #[doc = concat!("Adds an `ExpressionAttributeNames` entry: `placeholder` (`#name`) stands for `name` (CDK `expressionAttributeNames`). (Example on [`", stringify!($ty), "`].)")]
            pub fn expression_attribute_name(mut self, placeholder: impl Into<String>, name: impl Into<crate::tasks::Input<String>>) -> $ty {
                self.props.write.names.push((placeholder.into(), name.into()));
                self
            }

            #[doc = concat!("Adds an `ExpressionAttributeValues` entry: `placeholder` (`:value`) stands for `value` (CDK `expressionAttributeValues`). (Example on [`", stringify!($ty), "`].)")]
            pub fn expression_attribute_value(mut self, placeholder: impl Into<String>, value: crate::tasks::DynamoAttributeValue) -> $ty {
                self.props.write.values.push((placeholder.into(), value));
                self
            }

            #[doc = concat!("Sets `ReturnConsumedCapacity` (CDK `returnConsumedCapacity`). (Example on [`", stringify!($ty), "`].)")]
            pub fn return_consumed_capacity(mut self, value: impl Into<crate::tasks::Input<crate::tasks::DynamoConsumedCapacity>>) -> $ty {
                self.props.write.consumed_capacity = Some(value.into());
                self
            }

            #[doc = concat!("Sets `ReturnItemCollectionMetrics` (CDK `returnItemCollectionMetrics`). (Example on [`", stringify!($ty), "`].)")]
            pub fn return_item_collection_metrics(mut self, value: impl Into<crate::tasks::Input<crate::tasks::DynamoItemCollectionMetrics>>) -> $ty {
                self.props.write.collection_metrics = Some(value.into());
                self
            }

            #[doc = concat!("Sets `ReturnValues` (CDK `returnValues`). (Example on [`", stringify!($ty), "`].)")]
            pub fn return_values(mut self, value: impl Into<crate::tasks::Input<crate::tasks::DynamoReturnValues>>) -> $ty {
                self.props.write.return_values = Some(value.into());
                self
            }
        }
    };
}
pub(crate) use write_setters;
