//! AWS Elemental MediaConvert: [`MediaConvertCreateJob`].

mod create_job;

pub use create_job::{MediaConvertCreateJob, MediaConvertCreateJobProps};
