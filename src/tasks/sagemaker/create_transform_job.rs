//! [`SageMakerCreateTransformJob`]: `sagemaker:createTransformJob`.

use std::time::Duration;

use crate::model::Json;
use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::service::{Render, Rendering};
use crate::tasks::{Input, Integration};
use crate::Code;

use super::shared::{instance_type, render_tags};
use super::{AssembleWith, BatchStrategy, CompressionType, S3DataType, SplitType};

/// Runs a SageMaker batch transform job
/// (`arn:aws:states:::sagemaker:createTransformJob`); the CDK's
/// `SageMakerCreateTransformJob`. Patterns: request-response,
/// [`run_job`](SageMakerCreateTransformJob::run_job). The job runs on one
/// `ml.m4.xlarge` unless told otherwise, as the CDK's default.
///
/// ```
/// use std::time::Duration;
/// use stepfn::tasks::*;
/// let state = SageMakerCreateTransformJob::new("Score", "score-1", "churn", "s3://in/batch/", "s3://out/batch/")
///     .batch_strategy(BatchStrategy::MultiRecord)
///     .environment(serde_json::json!({"LEVEL": "info"}))
///     .max_concurrent_transforms(2)
///     .max_payload_mib(6)
///     .model_client_options(1, Duration::from_secs(120))
///     .tag("team", "ml")
///     .input_compression_type(CompressionType::Gzip)
///     .input_content_type("text/csv")
///     .input_split_type(SplitType::Line)
///     .input_s3_data_type(S3DataType::ManifestFile)
///     .output_kms_key("arn:aws:kms:us-east-1:123456789012:key/k")
///     .output_accept("text/csv")
///     .output_assemble_with(AssembleWith::Line)
///     .transform_resources(2, "c5.xlarge")
///     .volume_kms_key("arn:aws:kms:us-east-1:123456789012:key/v")
///     .run_job();
/// assert_eq!(state.to_json(), concat!(
///     r#"{"Type":"Task","Resource":"arn:aws:states:::sagemaker:createTransformJob.sync","Parameters":{"#,
///     r#""BatchStrategy":"MultiRecord","Environment":{"LEVEL":"info"},"MaxConcurrentTransforms":2,"MaxPayloadInMB":6,"#,
///     r#""ModelClientConfig":{"InvocationsMaxRetries":1,"InvocationsTimeoutInSeconds":120},"ModelName":"churn","#,
///     r#""Tags":[{"Key":"team","Value":"ml"}],"TransformInput":{"CompressionType":"Gzip","ContentType":"text/csv","#,
///     r#""DataSource":{"S3DataSource":{"S3Uri":"s3://in/batch/","S3DataType":"ManifestFile"}},"SplitType":"Line"},"#,
///     r#""TransformJobName":"score-1","TransformOutput":{"S3OutputPath":"s3://out/batch/","#,
///     r#""KmsKeyId":"arn:aws:kms:us-east-1:123456789012:key/k","Accept":"text/csv","AssembleWith":"Line"},"#,
///     r#""TransformResources":{"InstanceCount":2,"InstanceType":"ml.c5.xlarge","VolumeKmsKeyId":"arn:aws:kms:us-east-1:123456789012:key/v"}},"End":true}"#,
/// ));
/// ```
pub type SageMakerCreateTransformJob = Integration<SageMakerCreateTransformJobProps>;

/// What a [`SageMakerCreateTransformJob`] sends (see there).
#[derive(Debug, Clone)]
pub struct SageMakerCreateTransformJobProps {
    job_name: Input<String>,
    model_name: Input<String>,
    input_uri: Input<String>,
    output_path: Input<String>,
    pub(crate) role_arn: Option<String>,
    batch_strategy: Option<BatchStrategy>,
    environment: Option<Input<Json>>,
    max_concurrent: Option<u32>,
    max_payload_mib: Option<u32>,
    client_options: Option<(u32, Duration)>,
    tags: Vec<(String, String)>,
    compression: Option<CompressionType>,
    content_type: Option<String>,
    split_type: Option<SplitType>,
    s3_data_type: S3DataType,
    output_kms_key: Option<String>,
    accept: Option<String>,
    assemble_with: Option<AssembleWith>,
    instance_count: Input<i64>,
    instance_type: Input<String>,
    volume_kms_key: Option<String>,
}

/// The setters of one optional field.
macro_rules! setters {
    ($($(#[$doc:meta])* $name:ident($arg:ident: $ty:ty) => $field:ident = $value:expr;)*) => {
        impl SageMakerCreateTransformJob {
            $(
                $(#[$doc])*
                #[doc = "(Example on [`SageMakerCreateTransformJob`].)"]
                pub fn $name(mut self, $arg: $ty) -> SageMakerCreateTransformJob {
                    self.props.$field = $value;
                    self
                }
            )*
        }
    };
}

setters! {
    /// Sets `BatchStrategy` (CDK `batchStrategy`).
    batch_strategy(strategy: BatchStrategy) => batch_strategy = Some(strategy);
    /// Sets `Environment` (CDK `environment`).
    environment(environment: impl Into<Input<Json>>) => environment = Some(environment.into());
    /// Sets `MaxConcurrentTransforms` (CDK `maxConcurrentTransforms`).
    max_concurrent_transforms(count: u32) => max_concurrent = Some(count);
    /// Sets `MaxPayloadInMB` (CDK `maxPayload`).
    max_payload_mib(mib: u32) => max_payload_mib = Some(mib);
    /// Sets `TransformInput.CompressionType` (CDK `transformInput.compressionType`).
    input_compression_type(compression: CompressionType) => compression = Some(compression);
    /// Sets `TransformInput.ContentType` (CDK `transformInput.contentType`).
    input_content_type(content_type: impl Into<String>) => content_type = Some(content_type.into());
    /// Sets `TransformInput.SplitType` (CDK `transformInput.splitType`).
    input_split_type(split: SplitType) => split_type = Some(split);
    /// Sets the input's `S3DataType` (`S3Prefix` by default).
    input_s3_data_type(data_type: S3DataType) => s3_data_type = data_type;
    /// Sets `TransformOutput.KmsKeyId` (CDK `transformOutput.encryptionKey`).
    output_kms_key(key_arn: impl Into<String>) => output_kms_key = Some(key_arn.into());
    /// Sets `TransformOutput.Accept` (CDK `transformOutput.accept`).
    output_accept(accept: impl Into<String>) => accept = Some(accept.into());
    /// Sets `TransformOutput.AssembleWith` (CDK `transformOutput.assembleWith`).
    output_assemble_with(assemble: AssembleWith) => assemble_with = Some(assemble);
    /// Sets `TransformResources.VolumeKmsKeyId` (CDK `transformResources.volumeEncryptionKey`).
    volume_kms_key(key_arn: impl Into<String>) => volume_kms_key = Some(key_arn.into());
    /// The role SageMaker runs the job as, for the IAM policy's
    /// `iam:PassRole` (CDK `role`); ASL does not name it.
    role(role_arn: impl Into<String>) => role_arn = Some(role_arn.into());
}

impl SageMakerCreateTransformJob {
    /// Runs `model_name` over the objects at `input_uri`, writing to
    /// `output_path` (CDK `transformJobName`, `modelName`,
    /// `transformInput`, `transformOutput`). (Example on [`SageMakerCreateTransformJob`].)
    pub fn new(
        name: impl Into<String>,
        transform_job_name: impl Into<Input<String>>,
        model_name: impl Into<Input<String>>,
        input_uri: impl Into<Input<String>>,
        output_path: impl Into<Input<String>>,
    ) -> SageMakerCreateTransformJob {
        Integration::with(
            name,
            SageMakerCreateTransformJobProps {
                job_name: transform_job_name.into(),
                model_name: model_name.into(),
                input_uri: input_uri.into(),
                output_path: output_path.into(),
                role_arn: None,
                batch_strategy: None,
                environment: None,
                max_concurrent: None,
                max_payload_mib: None,
                client_options: None,
                tags: Vec::new(),
                compression: None,
                content_type: None,
                split_type: None,
                s3_data_type: S3DataType::S3Prefix,
                output_kms_key: None,
                accept: None,
                assemble_with: None,
                instance_count: Input::from(1),
                instance_type: Input::from("m4.xlarge"),
                volume_kms_key: None,
            },
        )
    }

    /// Sets `ModelClientConfig`: retries (0 to 3) and the timeout of each
    /// invocation, in whole seconds from 1 to 3,600 (CDK
    /// `modelClientOptions`). (Example on [`SageMakerCreateTransformJob`].)
    pub fn model_client_options(
        mut self,
        max_retries: u32,
        timeout: Duration,
    ) -> SageMakerCreateTransformJob {
        self.props.client_options = Some((max_retries, timeout));
        self
    }

    /// Adds a tag (CDK `tags`). (Example on [`SageMakerCreateTransformJob`].)
    pub fn tag(
        mut self,
        key: impl Into<String>,
        value: impl Into<String>,
    ) -> SageMakerCreateTransformJob {
        self.props.tags.push((key.into(), value.into()));
        self
    }

    /// Sets `TransformResources`: how many instances of which type (CDK
    /// `transformResources`; `m5.xlarge` is written `ml.m5.xlarge`).
    /// (Example on [`SageMakerCreateTransformJob`].)
    pub fn transform_resources(
        mut self,
        instance_count: impl Into<Input<i64>>,
        instance_type: impl Into<Input<String>>,
    ) -> SageMakerCreateTransformJob {
        self.props.instance_count = instance_count.into();
        self.props.instance_type = instance_type.into();
        self
    }

    /// Waits for the job (`.sync`). (Example on [`SageMakerCreateTransformJob`].)
    pub fn run_job(self) -> SageMakerCreateTransformJob {
        self.pattern(IntegrationPattern::RunJob)
    }
}

impl Render for SageMakerCreateTransformJobProps {
    fn facts(&self) -> Vec<crate::iam::Fact> {
        self.role_arn
            .iter()
            .map(|role| crate::iam::Fact::PassRoles(vec![role.clone()]))
            .collect()
    }

    fn render(&self, cx: &mut Rendering<'_>) {
        let mut f = cx.fields();
        if let Some(strategy) = self.batch_strategy {
            f.literal("BatchStrategy", strategy.as_str());
        }
        f.opt("Environment", self.environment.as_ref());
        if let Some(count) = self.max_concurrent.filter(|c| *c != 0) {
            f.int("MaxConcurrentTransforms", i64::from(count));
        }
        if let Some(mib) = self.max_payload_mib.filter(|m| *m != 0) {
            f.int("MaxPayloadInMB", i64::from(mib));
        }
        if let Some((retries, timeout)) = self.client_options {
            let mut config = f.child();
            if retries > 3 {
                config.problem(
                    "InvocationsMaxRetries",
                    Code::ValueOutOfRange,
                    format!("`InvocationsMaxRetries` is 0 to 3, not {retries}"),
                );
            }
            if !(1..=3600).contains(&timeout.as_secs()) {
                config.problem(
                    "InvocationsTimeoutInSeconds",
                    Code::ValueOutOfRange,
                    format!("the invocation timeout is 1 to 3,600 seconds, not {timeout:?}"),
                );
            }
            config
                .int("InvocationsMaxRetries", i64::from(retries))
                .seconds("InvocationsTimeoutInSeconds", &Input::from(timeout));
            f.object("ModelClientConfig", config);
        }
        f.input("ModelName", &self.model_name);
        render_tags(&mut f, &self.tags);
        let mut input = f.child();
        if let Some(compression) = self.compression {
            input.literal("CompressionType", compression.as_str());
        }
        if let Some(content_type) = &self.content_type {
            input.literal("ContentType", content_type.clone());
        }
        let mut s3 = f.child();
        s3.input("S3Uri", &self.input_uri)
            .literal("S3DataType", self.s3_data_type.as_str());
        let mut source = f.child();
        source.object("S3DataSource", s3);
        input.object("DataSource", source);
        if let Some(split) = self.split_type {
            input.literal("SplitType", split.as_str());
        }
        f.object("TransformInput", input)
            .input("TransformJobName", &self.job_name);
        let mut output = f.child();
        output.input("S3OutputPath", &self.output_path);
        if let Some(key) = &self.output_kms_key {
            output.literal("KmsKeyId", key.clone());
        }
        if let Some(accept) = &self.accept {
            output.literal("Accept", accept.clone());
        }
        if let Some(assemble) = self.assemble_with {
            output.literal("AssembleWith", assemble.as_str());
        }
        f.object("TransformOutput", output);
        let mut resources = f.child();
        resources.input("InstanceCount", &self.instance_count);
        instance_type(&mut resources, "InstanceType", &self.instance_type);
        if let Some(key) = &self.volume_kms_key {
            resources.literal("VolumeKmsKeyId", key.clone());
        }
        f.object("TransformResources", resources);
        cx.write(
            integration_arn("sagemaker", "createTransformJob", cx.pattern),
            Some(f),
        );
    }
}
