//! AWS Glue: [`GlueStartJobRun`], [`GlueStartCrawlerRun`].

mod start_crawler_run;
mod start_job_run;

pub use start_crawler_run::{GlueStartCrawlerRun, GlueStartCrawlerRunProps};
pub use start_job_run::{ExecutionClass, GlueStartJobRun, GlueStartJobRunProps, WorkerType};
