//! [`AthenaStartQueryExecution`]: `athena:startQueryExecution`.

use std::time::Duration;

use crate::tasks::input::aws_enum;
use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::service::{Render, Rendering};
use crate::tasks::{Input, Integration};
use crate::Code;

aws_enum! {
    /// How query results are encrypted (`EncryptionOption`).
    EncryptionOption {
        /// Amazon S3 managed keys.
        S3Managed = "SSE_S3",
        /// A KMS key, server side.
        Kms = "SSE_KMS",
        /// A KMS key, client side.
        ClientSideKms = "CSE_KMS",
    }
}

/// Starts an Athena query (`arn:aws:states:::athena:startQueryExecution`);
/// the CDK's `AthenaStartQueryExecution`. `ResultConfiguration` is always
/// written (`{}` when empty), as the CDK does. Patterns: request-response,
/// [`run_job`](AthenaStartQueryExecution::run_job).
///
/// ```
/// use std::time::Duration;
/// use stepfn::tasks::*;
/// let state = AthenaStartQueryExecution::new("Query", "SELECT * FROM orders WHERE day = ?")
///     .client_request_token("token-1")
///     .query_execution_context("AwsDataCatalog", "sales")
///     .output_location("results", "orders")
///     .encryption(EncryptionOption::Kms, "arn:aws:kms:us-east-1:123456789012:key/k")
///     .work_group("analysts")
///     .execution_parameters(["'2026-01-01'"])
///     .result_reuse_configuration_max_age(Duration::from_secs(3600))
///     .run_job();
/// assert_eq!(state.to_json(), concat!(
///     r#"{"Type":"Task","Resource":"arn:aws:states:::athena:startQueryExecution.sync","Parameters":{"#,
///     r#""QueryString":"SELECT * FROM orders WHERE day = ?","ClientRequestToken":"token-1","#,
///     r#""QueryExecutionContext":{"Catalog":"AwsDataCatalog","Database":"sales"},"#,
///     r#""ResultConfiguration":{"EncryptionConfiguration":{"EncryptionOption":"SSE_KMS","KmsKey":"arn:aws:kms:us-east-1:123456789012:key/k"},"#,
///     r#""OutputLocation":"s3://results/orders/"},"WorkGroup":"analysts","ExecutionParameters":["'2026-01-01'"],"#,
///     r#""ResultReuseConfiguration":{"ResultReuseByAgeConfiguration":{"Enabled":true,"MaxAgeInMinutes":60}}},"End":true}"#,
/// ));
/// ```
pub type AthenaStartQueryExecution = Integration<AthenaStartQueryExecutionProps>;

/// `QueryExecutionContext`: the catalog and the database, each optional.
type Context = (Option<Input<String>>, Option<Input<String>>);

/// What an [`AthenaStartQueryExecution`] sends (see there).
#[derive(Debug, Clone)]
pub struct AthenaStartQueryExecutionProps {
    query_string: Input<String>,
    client_request_token: Option<Input<String>>,
    context: Option<Context>,
    output_location: Option<(String, String)>,
    encryption: Option<(EncryptionOption, Option<String>)>,
    work_group: Option<Input<String>>,
    execution_parameters: Option<Input<Vec<String>>>,
    reuse_max_age: Option<Duration>,
}

impl AthenaStartQueryExecution {
    /// Runs `query_string` (CDK `queryString`). (Example on [`AthenaStartQueryExecution`].)
    pub fn new(
        name: impl Into<String>,
        query_string: impl Into<Input<String>>,
    ) -> AthenaStartQueryExecution {
        Integration::with(
            name,
            AthenaStartQueryExecutionProps {
                query_string: query_string.into(),
                client_request_token: None,
                context: None,
                output_location: None,
                encryption: None,
                work_group: None,
                execution_parameters: None,
                reuse_max_age: None,
            },
        )
    }

    /// Sets `ClientRequestToken` (CDK `clientRequestToken`). (Example on
    /// [`AthenaStartQueryExecution`].)
    pub fn client_request_token(
        mut self,
        token: impl Into<Input<String>>,
    ) -> AthenaStartQueryExecution {
        self.props.client_request_token = Some(token.into());
        self
    }

    /// Sets `QueryExecutionContext`: the catalog and the database (CDK
    /// `queryExecutionContext`). (Example on [`AthenaStartQueryExecution`].)
    pub fn query_execution_context(
        mut self,
        catalog_name: impl Into<Input<String>>,
        database_name: impl Into<Input<String>>,
    ) -> AthenaStartQueryExecution {
        self.props.context = Some((Some(catalog_name.into()), Some(database_name.into())));
        self
    }

    /// Sets only the database of `QueryExecutionContext`.
    ///
    /// ```
    /// use stepfn::tasks::AthenaStartQueryExecution;
    /// let state = AthenaStartQueryExecution::new("Query", "SELECT 1").database("sales");
    /// assert!(state.to_json().contains(r#""QueryExecutionContext":{"Database":"sales"}"#));
    /// ```
    pub fn database(
        mut self,
        database_name: impl Into<Input<String>>,
    ) -> AthenaStartQueryExecution {
        self.props.context = Some((None, Some(database_name.into())));
        self
    }

    /// Writes the results under `s3://bucket/key/` (CDK
    /// `resultConfiguration.outputLocation`). (Example on [`AthenaStartQueryExecution`].)
    pub fn output_location(
        mut self,
        bucket: impl Into<String>,
        key: impl Into<String>,
    ) -> AthenaStartQueryExecution {
        self.props.output_location = Some((bucket.into(), key.into()));
        self
    }

    /// Encrypts the results (CDK `resultConfiguration.encryptionConfiguration`):
    /// `option`, and a KMS key ARN for the KMS options (empty for none).
    /// (Example on [`AthenaStartQueryExecution`].)
    pub fn encryption(
        mut self,
        option: EncryptionOption,
        key_arn: impl Into<String>,
    ) -> AthenaStartQueryExecution {
        let key = key_arn.into();
        self.props.encryption = Some((option, (!key.is_empty()).then_some(key)));
        self
    }

    /// Sets `WorkGroup` (CDK `workGroup`). (Example on [`AthenaStartQueryExecution`].)
    pub fn work_group(mut self, work_group: impl Into<Input<String>>) -> AthenaStartQueryExecution {
        self.props.work_group = Some(work_group.into());
        self
    }

    /// Sets `ExecutionParameters`, the values of the query's `?`
    /// placeholders (CDK `executionParameters`; 1 to 1,024 characters each).
    /// (Example on [`AthenaStartQueryExecution`].)
    pub fn execution_parameters(
        mut self,
        parameters: impl Into<Input<Vec<String>>>,
    ) -> AthenaStartQueryExecution {
        self.props.execution_parameters = Some(parameters.into());
        self
    }

    /// Reuses results up to `max_age` old, in whole minutes up to 7 days (CDK
    /// `resultReuseConfigurationMaxAge`). (Example on [`AthenaStartQueryExecution`].)
    pub fn result_reuse_configuration_max_age(
        mut self,
        max_age: Duration,
    ) -> AthenaStartQueryExecution {
        self.props.reuse_max_age = Some(max_age);
        self
    }

    /// Waits for the query (`athena:startQueryExecution.sync`). (Example on
    /// [`AthenaStartQueryExecution`].)
    pub fn run_job(self) -> AthenaStartQueryExecution {
        self.pattern(IntegrationPattern::RunJob)
    }
}

impl Render for AthenaStartQueryExecutionProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        let mut f = cx.fields();
        f.input("QueryString", &self.query_string)
            .opt("ClientRequestToken", self.client_request_token.as_ref());
        if let Some((catalog, database)) = &self.context {
            let mut context = f.child();
            context
                .opt("Catalog", catalog.as_ref())
                .opt("Database", database.as_ref());
            f.object("QueryExecutionContext", context);
        }
        let mut results = f.child();
        if let Some((option, key)) = &self.encryption {
            let mut encryption = f.child();
            encryption.literal("EncryptionOption", option.as_str());
            if let Some(key) = key {
                encryption.literal("KmsKey", key.clone());
            }
            results.object("EncryptionConfiguration", encryption);
        }
        if let Some((bucket, key)) = &self.output_location {
            results.literal("OutputLocation", format!("s3://{bucket}/{key}/"));
        }
        f.object("ResultConfiguration", results)
            .opt("WorkGroup", self.work_group.as_ref());
        if let Some(parameters) = &self.execution_parameters {
            if let Some(list) = parameters.literal() {
                if list.is_empty()
                    || list
                        .iter()
                        .any(|p| !(1..=1024).contains(&p.chars().count()))
                {
                    f.problem(
                        "ExecutionParameters",
                        Code::ValueOutOfRange,
                        "`ExecutionParameters` is a non-empty list of 1 to 1,024 characters each",
                    );
                }
            }
            f.input("ExecutionParameters", parameters);
        }
        if let Some(age) = self.reuse_max_age.filter(|a| !a.is_zero()) {
            let mut by_age = f.child();
            by_age
                .literal("Enabled", true)
                .minutes("MaxAgeInMinutes", &Input::from(age));
            if age.as_secs() < 60 || age.as_secs() > 10_080 * 60 {
                by_age.problem(
                    "MaxAgeInMinutes",
                    Code::ValueOutOfRange,
                    format!("results are reused for 1 to 10,080 minutes, not {age:?}"),
                );
            }
            let mut reuse = f.child();
            reuse.object("ResultReuseByAgeConfiguration", by_age);
            f.object("ResultReuseConfiguration", reuse);
        }
        cx.write(
            integration_arn("athena", "startQueryExecution", cx.pattern),
            Some(f),
        );
    }
}
