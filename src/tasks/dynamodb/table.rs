//! [`DynamoTable`]: the table a task reads or writes.

use crate::tasks::arn::resource_name;
use crate::tasks::input::{from_dynamic, Repr};
use crate::tasks::Input;

/// A DynamoDB table. AWS wants its name; [`DynamoTable::from_arn`] takes it
/// from the table's ARN, as the CDK does.
///
/// ```
/// use stepfn::tasks::DynamoTable;
/// let table = DynamoTable::from_arn("arn:aws:dynamodb:us-east-1:123456789012:table/orders");
/// assert_eq!(table.name(), Some("orders"));
/// assert_eq!(DynamoTable::from_name("orders").name(), Some("orders"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct DynamoTable {
    pub(crate) name: Input<String>,
}

impl DynamoTable {
    /// The table with this name. (Example on [`DynamoTable`].)
    pub fn from_name(name: impl Into<String>) -> DynamoTable {
        DynamoTable {
            name: Input(Repr::Literal(name.into())),
        }
    }

    /// The table with this ARN (`arn:<partition>:dynamodb:<region>:<account>:table/<name>`);
    /// text that is not such an ARN is kept as the name. (Example on [`DynamoTable`].)
    pub fn from_arn(arn: impl AsRef<str>) -> DynamoTable {
        let arn = arn.as_ref();
        DynamoTable::from_name(resource_name(arn, "dynamodb", "table").unwrap_or(arn))
    }

    /// The table name, unless it is read at run time. (Example on [`DynamoTable`].)
    #[must_use]
    pub fn name(&self) -> Option<&str> {
        self.name.literal().map(String::as_str)
    }
}

/// A table ARN (as [`DynamoTable::from_arn`]) or name.
///
/// ```
/// use stepfn::tasks::DynamoTable;
/// assert_eq!(DynamoTable::from("arn:aws:dynamodb:us-east-1:123456789012:table/t").name(), Some("t"));
/// assert_eq!(DynamoTable::from("t").name(), Some("t"));
/// ```
impl From<&str> for DynamoTable {
    fn from(text: &str) -> DynamoTable {
        DynamoTable::from_arn(text)
    }
}

impl From<String> for DynamoTable {
    fn from(text: String) -> DynamoTable {
        DynamoTable::from_arn(text)
    }
}

from_dynamic!(DynamoTable, |name| DynamoTable { name });
