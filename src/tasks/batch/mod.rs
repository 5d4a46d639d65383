//! AWS Batch: [`BatchSubmitJob`].

mod submit_job;

pub use submit_job::{
    BatchContainerOverrides, BatchJobDependency, BatchSubmitJob, BatchSubmitJobProps,
};
