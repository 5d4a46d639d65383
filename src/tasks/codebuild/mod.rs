//! AWS CodeBuild: [`CodeBuildStartBuild`], [`CodeBuildStartBuildBatch`].

mod project;
mod start_build;

pub use project::{BuildEnvironmentVariableType, CodeBuildProject};
pub use start_build::{
    CodeBuildStartBuild, CodeBuildStartBuildBatch, CodeBuildStartBuildBatchProps,
    CodeBuildStartBuildProps,
};
