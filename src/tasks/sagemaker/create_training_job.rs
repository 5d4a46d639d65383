//! [`SageMakerCreateTrainingJob`]: `sagemaker:createTrainingJob`.

use std::time::Duration;

use crate::model::Json;
use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::render::Fields;
use crate::tasks::service::{Render, Rendering};
use crate::tasks::{Input, Integration};

use super::shared::{instance_type, render_tags};
use super::{CompressionType, InputMode, RecordWrapperType, S3DataDistributionType, S3DataType};

/// Runs a SageMaker training job
/// (`arn:aws:states:::sagemaker:createTrainingJob`); the CDK's
/// `SageMakerCreateTrainingJob`. Patterns: request-response,
/// [`run_job`](SageMakerCreateTrainingJob::run_job). As the CDK does, it
/// trains in `File` mode on one `ml.m4.xlarge` with 10 GiB for at most an
/// hour unless told otherwise. The role is required (the CDK would create one).
///
/// ```
/// use std::time::Duration;
/// use stepfn::builder::JsonPath;
/// use stepfn::tasks::*;
/// let state = SageMakerCreateTrainingJob::new(
///     "Train", JsonPath::new("$.jobName"), "arn:aws:iam::123456789012:role/SageMaker",
///     "s3://models/churn/",
/// )
/// .training_image("123456789012.dkr.ecr.us-east-1.amazonaws.com/xgb:1")
/// .training_input_mode(InputMode::Pipe)
/// .metric_definition("loss", "loss=(.*)")
/// .input_channel(SageMakerChannel::new("train", "s3://data/train/").compression_type(CompressionType::Gzip))
/// .output_kms_key("arn:aws:kms:us-east-1:123456789012:key/k")
/// .resource_config(2, "m5.xlarge", 50)
/// .volume_kms_key("arn:aws:kms:us-east-1:123456789012:key/v")
/// .max_runtime(Duration::from_secs(7200))
/// .hyperparameters(serde_json::json!({"max_depth": "5"}))
/// .tag("team", "ml")
/// .vpc_config(["sg-1"], ["subnet-1"])
/// .environment(serde_json::json!({"LEVEL": "info"}))
/// .enable_network_isolation(true)
/// .run_job();
/// assert_eq!(state.to_json(), concat!(
///     r#"{"Type":"Task","Resource":"arn:aws:states:::sagemaker:createTrainingJob.sync","Parameters":{"#,
///     r#""TrainingJobName.$":"$.jobName","EnableNetworkIsolation":true,"RoleArn":"arn:aws:iam::123456789012:role/SageMaker","#,
///     r#""AlgorithmSpecification":{"TrainingInputMode":"Pipe","TrainingImage":"123456789012.dkr.ecr.us-east-1.amazonaws.com/xgb:1","#,
///     r#""MetricDefinitions":[{"Name":"loss","Regex":"loss=(.*)"}]},"InputDataConfig":[{"ChannelName":"train","#,
///     r#""DataSource":{"S3DataSource":{"S3Uri":"s3://data/train/","S3DataType":"S3Prefix"}},"CompressionType":"Gzip"}],"#,
///     r#""OutputDataConfig":{"S3OutputPath":"s3://models/churn/","KmsKeyId":"arn:aws:kms:us-east-1:123456789012:key/k"},"#,
///     r#""ResourceConfig":{"InstanceCount":2,"InstanceType":"ml.m5.xlarge","VolumeSizeInGB":50,"#,
///     r#""VolumeKmsKeyId":"arn:aws:kms:us-east-1:123456789012:key/v"},"StoppingCondition":{"MaxRuntimeInSeconds":7200},"#,
///     r#""HyperParameters":{"max_depth":"5"},"Tags":[{"Key":"team","Value":"ml"}],"#,
///     r#""VpcConfig":{"SecurityGroupIds":["sg-1"],"Subnets":["subnet-1"]},"Environment":{"LEVEL":"info"}},"End":true}"#,
/// ));
/// ```
pub type SageMakerCreateTrainingJob = Integration<SageMakerCreateTrainingJobProps>;

/// What a [`SageMakerCreateTrainingJob`] sends (see there).
#[derive(Debug, Clone)]
pub struct SageMakerCreateTrainingJobProps {
    job_name: Input<String>,
    pub(crate) role_arn: Input<String>,
    output_path: Input<String>,
    input_mode: InputMode,
    algorithm: Option<(&'static str, Input<String>)>,
    metrics: Vec<(String, String)>,
    channels: Vec<SageMakerChannel>,
    output_kms_key: Option<String>,
    instance_count: Input<i64>,
    instance_type: Input<String>,
    volume_gib: u32,
    volume_kms_key: Option<String>,
    max_runtime: Duration,
    hyperparameters: Option<Input<Json>>,
    tags: Vec<(String, String)>,
    vpc: Option<(Vec<String>, Vec<String>)>,
    environment: Option<Input<Json>>,
    network_isolation: Option<bool>,
}

/// An input channel (`InputDataConfig` entry; the CDK's `Channel` with an
/// S3 data source). (Example on [`SageMakerCreateTrainingJob`].)
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub struct SageMakerChannel {
    name: String,
    s3_uri: Input<String>,
    data_type: S3DataType,
    distribution: Option<S3DataDistributionType>,
    attribute_names: Option<Vec<String>>,
    compression: Option<CompressionType>,
    content_type: Option<String>,
    input_mode: Option<InputMode>,
    record_wrapper: Option<RecordWrapperType>,
}

impl SageMakerChannel {
    /// The channel `name` reading the objects at `s3_uri` (`S3Prefix` data).
    /// (Example on [`SageMakerCreateTrainingJob`].)
    pub fn new(name: impl Into<String>, s3_uri: impl Into<Input<String>>) -> SageMakerChannel {
        SageMakerChannel {
            name: name.into(),
            s3_uri: s3_uri.into(),
            data_type: S3DataType::S3Prefix,
            distribution: None,
            attribute_names: None,
            compression: None,
            content_type: None,
            input_mode: None,
            record_wrapper: None,
        }
    }

    /// Sets `S3DataType`. (Example on [`SageMakerCreateTrainingJob`].)
    pub fn s3_data_type(mut self, data_type: S3DataType) -> SageMakerChannel {
        self.data_type = data_type;
        self
    }

    /// Sets `S3DataDistributionType`. (Example on [`SageMakerCreateTrainingJob`].)
    pub fn s3_data_distribution_type(
        mut self,
        distribution: S3DataDistributionType,
    ) -> SageMakerChannel {
        self.distribution = Some(distribution);
        self
    }

    /// Sets `AttributeNames` (augmented manifests). (Example on [`SageMakerCreateTrainingJob`].)
    pub fn attribute_names<S: Into<String>>(
        mut self,
        names: impl IntoIterator<Item = S>,
    ) -> SageMakerChannel {
        self.attribute_names = Some(names.into_iter().map(Into::into).collect());
        self
    }

    /// Sets `CompressionType`. (Example on [`SageMakerCreateTrainingJob`].)
    pub fn compression_type(mut self, compression: CompressionType) -> SageMakerChannel {
        self.compression = Some(compression);
        self
    }

    /// Sets `ContentType`. (Example on [`SageMakerCreateTrainingJob`].)
    pub fn content_type(mut self, content_type: impl Into<String>) -> SageMakerChannel {
        self.content_type = Some(content_type.into());
        self
    }

    /// Sets the channel's `InputMode`. (Example on [`SageMakerCreateTrainingJob`].)
    pub fn input_mode(mut self, mode: InputMode) -> SageMakerChannel {
        self.input_mode = Some(mode);
        self
    }

    /// Sets `RecordWrapperType`. (Example on [`SageMakerCreateTrainingJob`].)
    pub fn record_wrapper_type(mut self, wrapper: RecordWrapperType) -> SageMakerChannel {
        self.record_wrapper = Some(wrapper);
        self
    }

    fn render(&self, mut f: Fields) -> Fields {
        let mut s3 = f.child();
        s3.input("S3Uri", &self.s3_uri)
            .literal("S3DataType", self.data_type.as_str());
        if let Some(distribution) = self.distribution {
            s3.literal("S3DataDistributionType", distribution.as_str());
        }
        if let Some(names) = &self.attribute_names {
            s3.input("AttributeNames", &Input::from(names.clone()));
        }
        let mut source = f.child();
        source.object("S3DataSource", s3);
        f.literal("ChannelName", self.name.clone())
            .object("DataSource", source);
        if let Some(compression) = self.compression {
            f.literal("CompressionType", compression.as_str());
        }
        if let Some(content_type) = &self.content_type {
            f.literal("ContentType", content_type.clone());
        }
        if let Some(mode) = self.input_mode {
            f.literal("InputMode", mode.as_str());
        }
        if let Some(wrapper) = self.record_wrapper {
            f.literal("RecordWrapperType", wrapper.as_str());
        }
        f
    }
}

impl SageMakerCreateTrainingJob {
    /// Runs the training job `training_job_name` as the role `role_arn`,
    /// writing the model under `output_path` (CDK `trainingJobName`, `role`,
    /// `outputDataConfig.s3OutputLocation`); give the algorithm with
    /// [`training_image`](SageMakerCreateTrainingJob::training_image) or
    /// [`algorithm_name`](SageMakerCreateTrainingJob::algorithm_name).
    /// (Example on [`SageMakerCreateTrainingJob`].)
    pub fn new(
        name: impl Into<String>,
        training_job_name: impl Into<Input<String>>,
        role_arn: impl Into<Input<String>>,
        output_path: impl Into<Input<String>>,
    ) -> SageMakerCreateTrainingJob {
        Integration::with(
            name,
            SageMakerCreateTrainingJobProps {
                job_name: training_job_name.into(),
                role_arn: role_arn.into(),
                output_path: output_path.into(),
                input_mode: InputMode::File,
                algorithm: None,
                metrics: Vec::new(),
                channels: Vec::new(),
                output_kms_key: None,
                instance_count: Input::from(1),
                instance_type: Input::from("m4.xlarge"),
                volume_gib: 10,
                volume_kms_key: None,
                max_runtime: Duration::from_secs(3600),
                hyperparameters: None,
                tags: Vec::new(),
                vpc: None,
                environment: None,
                network_isolation: None,
            },
        )
    }

    /// Trains with the image at this URI (CDK `algorithmSpecification.trainingImage`).
    /// (Example on [`SageMakerCreateTrainingJob`].)
    pub fn training_image(mut self, uri: impl Into<Input<String>>) -> SageMakerCreateTrainingJob {
        self.props.algorithm = Some(("TrainingImage", uri.into()));
        self
    }

    /// Trains with this algorithm (CDK `algorithmSpecification.algorithmName`).
    ///
    /// ```
    /// use stepfn::tasks::SageMakerCreateTrainingJob;
    /// let state = SageMakerCreateTrainingJob::new("Train", "j", "arn:aws:iam::1:role/R", "s3://m/")
    ///     .algorithm_name("BlazingText");
    /// assert!(state.to_json().contains(r#""AlgorithmSpecification":{"TrainingInputMode":"File","AlgorithmName":"BlazingText"}"#));
    /// ```
    pub fn algorithm_name(mut self, name: impl Into<Input<String>>) -> SageMakerCreateTrainingJob {
        self.props.algorithm = Some(("AlgorithmName", name.into()));
        self
    }

    /// Sets `TrainingInputMode` (CDK `algorithmSpecification.trainingInputMode`,
    /// `File` by default). (Example on [`SageMakerCreateTrainingJob`].)
    pub fn training_input_mode(mut self, mode: InputMode) -> SageMakerCreateTrainingJob {
        self.props.input_mode = mode;
        self
    }

    /// Adds a metric definition (CDK `algorithmSpecification.metricDefinitions`).
    /// (Example on [`SageMakerCreateTrainingJob`].)
    pub fn metric_definition(
        mut self,
        name: impl Into<String>,
        regex: impl Into<String>,
    ) -> SageMakerCreateTrainingJob {
        self.props.metrics.push((name.into(), regex.into()));
        self
    }

    /// Adds an input channel (CDK `inputDataConfig`). (Example on [`SageMakerCreateTrainingJob`].)
    pub fn input_channel(mut self, channel: SageMakerChannel) -> SageMakerCreateTrainingJob {
        self.props.channels.push(channel);
        self
    }

    /// Sets `OutputDataConfig.KmsKeyId` (CDK `outputDataConfig.encryptionKey`).
    /// (Example on [`SageMakerCreateTrainingJob`].)
    pub fn output_kms_key(mut self, key_arn: impl Into<String>) -> SageMakerCreateTrainingJob {
        self.props.output_kms_key = Some(key_arn.into());
        self
    }

    /// Sets `ResourceConfig`: instances, their type (`m5.xlarge` is written
    /// `ml.m5.xlarge`) and volume size in GiB (CDK `resourceConfig`).
    /// (Example on [`SageMakerCreateTrainingJob`].)
    pub fn resource_config(
        mut self,
        instance_count: impl Into<Input<i64>>,
        instance_type: impl Into<Input<String>>,
        volume_size_gib: u32,
    ) -> SageMakerCreateTrainingJob {
        self.props.instance_count = instance_count.into();
        self.props.instance_type = instance_type.into();
        self.props.volume_gib = volume_size_gib;
        self
    }

    /// Sets `ResourceConfig.VolumeKmsKeyId` (CDK `resourceConfig.volumeEncryptionKey`).
    /// (Example on [`SageMakerCreateTrainingJob`].)
    pub fn volume_kms_key(mut self, key_arn: impl Into<String>) -> SageMakerCreateTrainingJob {
        self.props.volume_kms_key = Some(key_arn.into());
        self
    }

    /// Sets `StoppingCondition.MaxRuntimeInSeconds`, in whole seconds (CDK
    /// `stoppingCondition.maxRuntime`; an hour by default). (Example on
    /// [`SageMakerCreateTrainingJob`].)
    pub fn max_runtime(mut self, runtime: Duration) -> SageMakerCreateTrainingJob {
        self.props.max_runtime = runtime;
        self
    }

    /// Sets `HyperParameters` (CDK `hyperparameters`). (Example on [`SageMakerCreateTrainingJob`].)
    pub fn hyperparameters(
        mut self,
        parameters: impl Into<Input<Json>>,
    ) -> SageMakerCreateTrainingJob {
        self.props.hyperparameters = Some(parameters.into());
        self
    }

    /// Adds a tag (CDK `tags`). (Example on [`SageMakerCreateTrainingJob`].)
    pub fn tag(
        mut self,
        key: impl Into<String>,
        value: impl Into<String>,
    ) -> SageMakerCreateTrainingJob {
        self.props.tags.push((key.into(), value.into()));
        self
    }

    /// Sets `VpcConfig`: security group IDs and subnets (CDK `vpcConfig`).
    /// (Example on [`SageMakerCreateTrainingJob`].)
    pub fn vpc_config<S: Into<String>, T: Into<String>>(
        mut self,
        security_group_ids: impl IntoIterator<Item = S>,
        subnets: impl IntoIterator<Item = T>,
    ) -> SageMakerCreateTrainingJob {
        let groups = security_group_ids.into_iter().map(Into::into).collect();
        let subnets = subnets.into_iter().map(Into::into).collect();
        self.props.vpc = Some((groups, subnets));
        self
    }

    /// Sets `Environment` (CDK `environment`). (Example on [`SageMakerCreateTrainingJob`].)
    pub fn environment(
        mut self,
        environment: impl Into<Input<Json>>,
    ) -> SageMakerCreateTrainingJob {
        self.props.environment = Some(environment.into());
        self
    }

    /// Sets `EnableNetworkIsolation` (CDK `enableNetworkIsolation`). (Example
    /// on [`SageMakerCreateTrainingJob`].)
    pub fn enable_network_isolation(mut self, enable: bool) -> SageMakerCreateTrainingJob {
        self.props.network_isolation = Some(enable);
        self
    }

    /// Waits for the job (`.sync`). (Example on [`SageMakerCreateTrainingJob`].)
    pub fn run_job(self) -> SageMakerCreateTrainingJob {
        self.pattern(IntegrationPattern::RunJob)
    }
}

impl Render for SageMakerCreateTrainingJobProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        let mut f = cx.fields();
        f.input("TrainingJobName", &self.job_name);
        if let Some(isolation) = self.network_isolation {
            f.literal("EnableNetworkIsolation", isolation);
        }
        f.input("RoleArn", &self.role_arn);
        let mut algorithm = f.child();
        algorithm.literal("TrainingInputMode", self.input_mode.as_str());
        match &self.algorithm {
            Some((key, value)) => {
                algorithm.input(key, value);
            }
            None => algorithm.problem(
                "",
                crate::Code::MissingField,
                "a training job needs an algorithm: call `.training_image(...)` or `.algorithm_name(...)`",
            ),
        }
        if !self.metrics.is_empty() {
            let items = self
                .metrics
                .iter()
                .map(|(name, regex)| {
                    let mut item = f.child();
                    item.literal("Name", name.clone())
                        .literal("Regex", regex.clone());
                    item
                })
                .collect();
            algorithm.array("MetricDefinitions", items);
        }
        f.object("AlgorithmSpecification", algorithm);
        if !self.channels.is_empty() {
            let items = self.channels.iter().map(|c| c.render(f.child())).collect();
            f.array("InputDataConfig", items);
        }
        let mut output = f.child();
        output.input("S3OutputPath", &self.output_path);
        if let Some(key) = &self.output_kms_key {
            output.literal("KmsKeyId", key.clone());
        }
        f.object("OutputDataConfig", output);
        let mut resources = f.child();
        resources.input("InstanceCount", &self.instance_count);
        instance_type(&mut resources, "InstanceType", &self.instance_type);
        resources.int("VolumeSizeInGB", i64::from(self.volume_gib));
        if let Some(key) = &self.volume_kms_key {
            resources.literal("VolumeKmsKeyId", key.clone());
        }
        f.object("ResourceConfig", resources);
        let mut stopping = f.child();
        stopping.seconds("MaxRuntimeInSeconds", &Input::from(self.max_runtime));
        f.object("StoppingCondition", stopping)
            .opt("HyperParameters", self.hyperparameters.as_ref());
        render_tags(&mut f, &self.tags);
        if let Some((groups, subnets)) = &self.vpc {
            let mut vpc = f.child();
            vpc.input("SecurityGroupIds", &Input::from(groups.clone()))
                .input("Subnets", &Input::from(subnets.clone()));
            f.object("VpcConfig", vpc);
        }
        f.opt("Environment", self.environment.as_ref());
        cx.write(
            integration_arn("sagemaker", "createTrainingJob", cx.pattern),
            Some(f),
        );
    }
}
