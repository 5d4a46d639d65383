//! Typed AWS service integrations: one type per task class of the AWS CDK's
//! `aws-stepfunctions-tasks`, rendering the same `Resource` and input the CDK
//! renders for the same inputs.
//!
//! Every integration is an [`Integration`]: a Task state with the setters
//! of [`Task`](crate::builder::Task) (retry, catch, timeouts, paths,
//! `Assign`, comment, `.next()`), plus typed setters for the API it calls.
//! Values AWS may read from the state take an [`Input`]: a literal, a
//! [`JsonPath`](crate::builder::JsonPath) or an
//! [`Intrinsic`](crate::builder::Intrinsic) in JSONPath states, or a
//! [`Jsonata`](crate::builder::Jsonata) expression in JSONata states
//! ([`Integration::jsonata`]).
//!
//! Integration patterns are methods that exist only where AWS supports the
//! pattern: `.run_job()` (`.sync`) and `.wait_for_task_token()`. A
//! `.waitForTaskToken` task whose input never passes the task token is a
//! build error (`TASK_TOKEN_MISSING`).
//!
//! ```
//! use stepfn::builder::{Context, Payload, StateMachine, Succeed};
//! use stepfn::tasks::{LambdaFunction, LambdaInvoke, SqsQueue, SqsSendMessage};
//! let charge = LambdaInvoke::new("Charge", LambdaFunction::from_arn("arn:aws:lambda:us-east-1:123456789012:function:charge"))
//!     .output_path("$.Payload");
//! let approve = SqsSendMessage::new(
//!     "Ask for approval",
//!     SqsQueue::from_arn("arn:aws:sqs:us-east-1:123456789012:approvals"),
//!     Payload::new().field("token", Context::task_token()),
//! )
//! .wait_for_task_token();
//! let machine = StateMachine::new(charge.next(approve).next(Succeed::new("Done"))).build()?;
//! let json = machine.to_json_compact()?;
//! assert!(json.contains(r#""QueueUrl":"https://sqs.us-east-1.amazonaws.com/123456789012/approvals""#));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Lambda, SNS, SQS, DynamoDB, Step Functions, EventBridge, API Gateway, HTTP
//! and SDK integrations are always there; the rarer families are features, on
//! by default: `tasks-compute` (ECS, Batch, EKS, CodeBuild), `tasks-analytics`
//! (Athena, Glue, DataBrew, EMR, EMR on EKS), `tasks-ml` (SageMaker, Bedrock)
//! and `tasks-media` (MediaConvert).
//!
//! The CDK's `EvaluateExpression` and `CallAwsServiceCrossRegion` have no
//! counterpart: both run a Lambda function that the CDK itself deploys.
//! [`StateMachine::iam_policy`](crate::builder::StateMachine::iam_policy)
//! gives the IAM policy the tasks need (see [`crate::iam`]).

mod arn;
mod input;
mod integration;
mod pattern;
mod render;
mod service;
mod token;

pub mod apigateway;
#[cfg(feature = "tasks-analytics")]
pub mod athena;
pub mod aws_sdk;
#[cfg(feature = "tasks-compute")]
pub mod batch;
#[cfg(feature = "tasks-ml")]
pub mod bedrock;
#[cfg(feature = "tasks-compute")]
pub mod codebuild;
#[cfg(feature = "tasks-analytics")]
pub mod databrew;
pub mod dynamodb;
#[cfg(feature = "tasks-compute")]
pub mod ecs;
#[cfg(feature = "tasks-compute")]
pub mod eks;
#[cfg(feature = "tasks-analytics")]
pub mod emr;
#[cfg(feature = "tasks-analytics")]
pub mod emr_containers;
pub mod eventbridge;
#[cfg(feature = "tasks-analytics")]
pub mod glue;
pub mod http;
pub mod lambda;
#[cfg(feature = "tasks-media")]
pub mod mediaconvert;
#[cfg(feature = "tasks-ml")]
pub mod sagemaker;
pub mod sns;
pub mod sqs;
pub mod stepfunctions;

pub use apigateway::*;
#[cfg(feature = "tasks-analytics")]
pub use athena::*;
pub use aws_sdk::*;
#[cfg(feature = "tasks-compute")]
pub use batch::*;
#[cfg(feature = "tasks-ml")]
pub use bedrock::*;
#[cfg(feature = "tasks-compute")]
pub use codebuild::*;
#[cfg(feature = "tasks-analytics")]
pub use databrew::*;
pub use dynamodb::*;
#[cfg(feature = "tasks-compute")]
pub use ecs::*;
#[cfg(feature = "tasks-compute")]
pub use eks::*;
#[cfg(feature = "tasks-analytics")]
pub use emr::*;
#[cfg(feature = "tasks-analytics")]
pub use emr_containers::*;
pub use eventbridge::*;
#[cfg(feature = "tasks-analytics")]
pub use glue::*;
pub use http::*;
pub use input::Input;
pub use integration::Integration;
pub use lambda::*;
#[cfg(feature = "tasks-media")]
pub use mediaconvert::*;
pub use pattern::IntegrationPattern;
#[cfg(feature = "tasks-ml")]
pub use sagemaker::*;
pub use service::Service;
pub use sns::*;
pub use sqs::*;
pub use stepfunctions::*;
