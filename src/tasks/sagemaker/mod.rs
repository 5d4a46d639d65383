//! Amazon SageMaker: [`SageMakerCreateTrainingJob`],
//! [`SageMakerCreateTransformJob`], [`SageMakerCreateModel`],
//! [`SageMakerCreateEndpointConfig`], [`SageMakerCreateEndpoint`],
//! [`SageMakerUpdateEndpoint`].

mod create_endpoint;
mod create_endpoint_config;
mod create_model;
mod create_training_job;
mod create_transform_job;
mod shared;
mod update_endpoint;

pub use create_endpoint::{SageMakerCreateEndpoint, SageMakerCreateEndpointProps};
pub use create_endpoint_config::{
    SageMakerCreateEndpointConfig, SageMakerCreateEndpointConfigProps, SageMakerProductionVariant,
};
pub use create_model::{
    SageMakerContainerDefinition, SageMakerCreateModel, SageMakerCreateModelProps,
};
pub use create_training_job::{
    SageMakerChannel, SageMakerCreateTrainingJob, SageMakerCreateTrainingJobProps,
};
pub use create_transform_job::{SageMakerCreateTransformJob, SageMakerCreateTransformJobProps};
pub use shared::{
    AssembleWith, BatchStrategy, CompressionType, InputMode, RecordWrapperType,
    S3DataDistributionType, S3DataType, SageMakerMode, SplitType,
};
pub use update_endpoint::{SageMakerUpdateEndpoint, SageMakerUpdateEndpointProps};
