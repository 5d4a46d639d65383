//! Amazon Athena: [`AthenaStartQueryExecution`],
//! [`AthenaStopQueryExecution`], [`AthenaGetQueryExecution`],
//! [`AthenaGetQueryResults`].

mod by_execution_id;
mod start_query_execution;

pub use by_execution_id::{
    AthenaGetQueryExecution, AthenaGetQueryExecutionProps, AthenaGetQueryResults,
    AthenaGetQueryResultsProps, AthenaStopQueryExecution, AthenaStopQueryExecutionProps,
};
pub use start_query_execution::{
    AthenaStartQueryExecution, AthenaStartQueryExecutionProps, EncryptionOption,
};
