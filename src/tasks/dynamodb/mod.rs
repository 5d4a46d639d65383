//! Amazon DynamoDB: [`DynamoGetItem`], [`DynamoPutItem`],
//! [`DynamoUpdateItem`], [`DynamoDeleteItem`], with typed attribute values
//! ([`DynamoAttributeValue`]) and projection expressions.

mod attribute;
mod delete_item;
mod get_item;
mod put_item;
mod shared;
mod table;
mod update_item;

pub use attribute::DynamoAttributeValue;
pub use delete_item::{DynamoDeleteItem, DynamoDeleteItemProps};
pub use get_item::{DynamoGetItem, DynamoGetItemProps};
pub use put_item::{DynamoPutItem, DynamoPutItemProps};
pub use shared::{
    DynamoConsumedCapacity, DynamoItemCollectionMetrics, DynamoProjectionExpression,
    DynamoReturnValues,
};
pub use table::DynamoTable;
pub use update_item::{DynamoUpdateItem, DynamoUpdateItemProps};
