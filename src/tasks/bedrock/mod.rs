//! Amazon Bedrock: [`BedrockInvokeModel`],
//! [`BedrockCreateModelCustomizationJob`].

mod create_model_customization_job;
mod invoke_model;

pub use create_model_customization_job::{
    BedrockCreateModelCustomizationJob, BedrockCreateModelCustomizationJobProps, CustomizationType,
};
pub use invoke_model::{foundation_model_arn, BedrockInvokeModel, BedrockInvokeModelProps};
