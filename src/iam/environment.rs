//! [`Environment`]: the partition, region and account ARNs are written for.

/// Where the state machine runs: ARNs in the policy are written for this
/// partition, region and account.
///
/// ```
/// use stepfn::iam::Environment;
/// let env = Environment::new("us-east-1", "123456789012");
/// assert_eq!(env.arn("dynamodb", "table/orders"), "arn:aws:dynamodb:us-east-1:123456789012:table/orders");
/// let any = Environment::any();
/// assert_eq!(any.arn("dynamodb", "table/orders"), "arn:aws:dynamodb:*:*:table/orders");
/// let china = Environment::new("cn-north-1", "123456789012").partition("aws-cn");
/// assert_eq!(china.arn("sns", "t"), "arn:aws-cn:sns:cn-north-1:123456789012:t");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Environment {
    pub(crate) partition: String,
    pub(crate) region: String,
    pub(crate) account: String,
}

impl Environment {
    /// `region` and `account` in the `aws` partition. (Example on [`Environment`].)
    #[must_use]
    pub fn new(region: impl Into<String>, account: impl Into<String>) -> Environment {
        Environment {
            partition: "aws".to_owned(),
            region: region.into(),
            account: account.into(),
        }
    }

    /// Any region and account (`*`) of the `aws` partition. (Example on [`Environment`].)
    #[must_use]
    pub fn any() -> Environment {
        Environment::new("*", "*")
    }

    /// The same environment in `partition` (`aws-cn`, `aws-us-gov`).
    /// (Example on [`Environment`].)
    #[must_use]
    pub fn partition(mut self, partition: impl Into<String>) -> Environment {
        self.partition = partition.into();
        self
    }

    /// `arn:<partition>:<service>:<region>:<account>:<resource>`. (Example on [`Environment`].)
    #[must_use]
    pub fn arn(&self, service: &str, resource: &str) -> String {
        format!(
            "arn:{}:{service}:{}:{}:{resource}",
            self.partition, self.region, self.account
        )
    }

    /// An ARN of a global service: no region (`arn:<p>:iam::<account>:<resource>`).
    pub(crate) fn global_arn(&self, service: &str, resource: &str) -> String {
        format!(
            "arn:{}:{service}::{}:{resource}",
            self.partition, self.account
        )
    }

    /// An ARN with neither region nor account (`arn:<p>:s3:::<resource>`).
    pub(crate) fn bare_arn(&self, service: &str, resource: &str) -> String {
        format!("arn:{}:{service}:::{resource}", self.partition)
    }

    /// The EventBridge rule a `.sync` integration manages.
    pub(crate) fn events_rule(&self, name: &str) -> String {
        self.arn("events", &format!("rule/{name}"))
    }
}

impl Default for Environment {
    fn default() -> Environment {
        Environment::any()
    }
}
