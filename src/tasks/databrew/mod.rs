//! AWS Glue DataBrew: [`GlueDataBrewStartJobRun`].

mod start_job_run;

pub use start_job_run::{GlueDataBrewStartJobRun, GlueDataBrewStartJobRunProps};
