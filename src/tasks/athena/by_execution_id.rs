//! The Athena integrations that act on a query execution by its ID:
//! [`AthenaStopQueryExecution`], [`AthenaGetQueryExecution`],
//! [`AthenaGetQueryResults`].

use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::service::{Render, Rendering};
use crate::tasks::{Input, Integration};

/// Stops an Athena query (`arn:aws:states:::athena:stopQueryExecution`);
/// the CDK's `AthenaStopQueryExecution`. Request-response only.
///
/// ```
/// use stepfn::builder::JsonPath;
/// use stepfn::tasks::AthenaStopQueryExecution;
/// let state = AthenaStopQueryExecution::new("Stop", JsonPath::new("$.QueryExecutionId"));
/// assert_eq!(state.to_json(), r#"{"Type":"Task","Resource":"arn:aws:states:::athena:stopQueryExecution","Parameters":{"QueryExecutionId.$":"$.QueryExecutionId"},"End":true}"#);
/// ```
pub type AthenaStopQueryExecution = Integration<AthenaStopQueryExecutionProps>;

/// Reads an Athena query's state (`arn:aws:states:::athena:getQueryExecution`);
/// the CDK's `AthenaGetQueryExecution`. Request-response only.
///
/// ```
/// use stepfn::builder::JsonPath;
/// use stepfn::tasks::AthenaGetQueryExecution;
/// let state = AthenaGetQueryExecution::new("Status", JsonPath::new("$.QueryExecutionId"));
/// assert_eq!(state.to_json(), r#"{"Type":"Task","Resource":"arn:aws:states:::athena:getQueryExecution","Parameters":{"QueryExecutionId.$":"$.QueryExecutionId"},"End":true}"#);
/// ```
pub type AthenaGetQueryExecution = Integration<AthenaGetQueryExecutionProps>;

/// Reads an Athena query's results (`arn:aws:states:::athena:getQueryResults`);
/// the CDK's `AthenaGetQueryResults`. Request-response only.
///
/// ```
/// use stepfn::builder::JsonPath;
/// use stepfn::tasks::AthenaGetQueryResults;
/// let state = AthenaGetQueryResults::new("Results", JsonPath::new("$.QueryExecutionId"))
///     .next_token(JsonPath::new("$.NextToken"))
///     .max_results(100);
/// assert_eq!(state.to_json(), concat!(
///     r#"{"Type":"Task","Resource":"arn:aws:states:::athena:getQueryResults","Parameters":{"#,
///     r#""QueryExecutionId.$":"$.QueryExecutionId","NextToken.$":"$.NextToken","MaxResults":100},"End":true}"#,
/// ));
/// ```
pub type AthenaGetQueryResults = Integration<AthenaGetQueryResultsProps>;

/// The props of an integration that takes only a query execution ID.
macro_rules! by_id {
    ($ty:ident, $props:ident, $action:literal) => {
        #[doc = concat!("What an [`", stringify!($ty), "`] sends (see there).")]
        #[derive(Debug, Clone)]
        pub struct $props {
            id: Input<String>,
        }

        impl $ty {
            #[doc = concat!("Acts on the query execution `query_execution_id` (CDK `queryExecutionId`). (Example on [`", stringify!($ty), "`].)")]
            pub fn new(name: impl Into<String>, query_execution_id: impl Into<Input<String>>) -> $ty {
                Integration::with(name, $props { id: query_execution_id.into() })
            }
        }

        impl Render for $props {
            fn render(&self, cx: &mut Rendering<'_>) {
                let mut f = cx.fields();
                f.input("QueryExecutionId", &self.id);
                let arn = integration_arn("athena", $action, IntegrationPattern::RequestResponse);
                cx.write(arn, Some(f));
            }
        }
    };
}

by_id!(
    AthenaStopQueryExecution,
    AthenaStopQueryExecutionProps,
    "stopQueryExecution"
);
by_id!(
    AthenaGetQueryExecution,
    AthenaGetQueryExecutionProps,
    "getQueryExecution"
);

/// What an [`AthenaGetQueryResults`] sends (see there).
#[derive(Debug, Clone)]
pub struct AthenaGetQueryResultsProps {
    id: Input<String>,
    next_token: Option<Input<String>>,
    max_results: Option<Input<i64>>,
}

impl AthenaGetQueryResults {
    /// Reads the results of `query_execution_id` (CDK `queryExecutionId`).
    /// (Example on [`AthenaGetQueryResults`].)
    pub fn new(
        name: impl Into<String>,
        query_execution_id: impl Into<Input<String>>,
    ) -> AthenaGetQueryResults {
        Integration::with(
            name,
            AthenaGetQueryResultsProps {
                id: query_execution_id.into(),
                next_token: None,
                max_results: None,
            },
        )
    }

    /// Sets `NextToken`, to read the next page (CDK `nextToken`). (Example on
    /// [`AthenaGetQueryResults`].)
    pub fn next_token(mut self, token: impl Into<Input<String>>) -> AthenaGetQueryResults {
        self.props.next_token = Some(token.into());
        self
    }

    /// Sets `MaxResults`, the page size (CDK `maxResults`). (Example on
    /// [`AthenaGetQueryResults`].)
    pub fn max_results(mut self, max: impl Into<Input<i64>>) -> AthenaGetQueryResults {
        self.props.max_results = Some(max.into());
        self
    }
}

impl Render for AthenaGetQueryResultsProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        let mut f = cx.fields();
        f.input("QueryExecutionId", &self.id)
            .opt("NextToken", self.next_token.as_ref())
            .opt("MaxResults", self.max_results.as_ref());
        let arn = integration_arn(
            "athena",
            "getQueryResults",
            IntegrationPattern::RequestResponse,
        );
        cx.write(arn, Some(f));
    }
}
