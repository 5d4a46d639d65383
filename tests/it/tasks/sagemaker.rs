//! The SageMaker integrations against the CDK.

use std::time::Duration;

use stepfn::builder::*;
use stepfn::tasks::*;

use super::Case;

pub(super) const CASES: &[Case] = &[
    ("sagemaker-training-job", training),
    ("sagemaker-training-job-options", training_options),
    ("sagemaker-transform-job", transform),
    ("sagemaker-model-and-endpoint", model_and_endpoint),
    ("sagemaker-jobs-jsonata", jobs_jsonata),
    (
        "sagemaker-model-and-endpoint-jsonata",
        model_and_endpoint_jsonata,
    ),
    (
        "sagemaker-training-job-jsonata-options",
        training_jsonata_options,
    ),
];

const ROLE: &str = "arn:aws:iam::123456789012:role/SageMaker";
const KMS: &str = "arn:aws:kms:us-east-1:123456789012:key";

fn training() -> StateMachine {
    StateMachine::new(
        SageMakerCreateTrainingJob::new("Train", "churn-1", ROLE, JsonPath::new("$.output"))
            .algorithm_name("BlazingText"),
    )
}

fn training_options() -> StateMachine {
    StateMachine::new(
        SageMakerCreateTrainingJob::new(
            "Train",
            JsonPath::new("$.jobName"),
            ROLE,
            JsonPath::new("$.output"),
        )
        .run_job()
        .training_image("123456789012.dkr.ecr.us-east-1.amazonaws.com/xgb:1")
        .training_input_mode(InputMode::Pipe)
        .metric_definition("loss", "loss=(.*)")
        .input_channel(
            SageMakerChannel::new("train", JsonPath::new("$.train"))
                .compression_type(CompressionType::Gzip)
                .content_type("text/csv")
                .input_mode(InputMode::File)
                .record_wrapper_type(RecordWrapperType::RecordIo),
        )
        .input_channel(
            SageMakerChannel::new("manifest", JsonPath::new("$.manifest"))
                .s3_data_type(S3DataType::AugmentedManifestFile)
                .s3_data_distribution_type(S3DataDistributionType::ShardedByS3Key)
                .attribute_names(["source", "label"]),
        )
        .output_kms_key(format!("{KMS}/out"))
        .resource_config(2, "m5.xlarge", 50)
        .volume_kms_key(format!("{KMS}/vol"))
        .max_runtime(Duration::from_secs(7200))
        .hyperparameters(serde_json::json!({"max_depth": "5"}))
        .tag("team", "ml")
        .vpc_config(["sg-created-by-the-cdk"], ["subnet-1"])
        .environment(serde_json::json!({"LEVEL": "info"}))
        .enable_network_isolation(true),
    )
}

fn transform() -> StateMachine {
    let full = SageMakerCreateTransformJob::new(
        "Score",
        "score-1",
        "churn",
        "s3://in/batch/",
        "s3://out/batch/",
    )
    .role("arn:aws:iam::123456789012:role/SageMakerTransform")
    .run_job()
    .batch_strategy(BatchStrategy::MultiRecord)
    .environment(serde_json::json!({"LEVEL": "info"}))
    .max_concurrent_transforms(2)
    .max_payload_mib(6)
    .model_client_options(1, Duration::from_secs(120))
    .tag("team", "ml")
    .input_compression_type(CompressionType::Gzip)
    .input_content_type("text/csv")
    .input_split_type(SplitType::Line)
    .input_s3_data_type(S3DataType::ManifestFile)
    .output_kms_key(format!("{KMS}/k"))
    .output_accept("text/csv")
    .output_assemble_with(AssembleWith::Line)
    .transform_resources(2, "c5.xlarge")
    .volume_kms_key(format!("{KMS}/v"));
    let simple = SageMakerCreateTransformJob::new(
        "Score simply",
        JsonPath::new("$.name"),
        "churn",
        "s3://in/one/",
        "s3://out/one/",
    )
    .role("arn:aws:iam::123456789012:role/SageMakerTransform")
    .batch_strategy(BatchStrategy::SingleRecord)
    .output_assemble_with(AssembleWith::None);
    StateMachine::new(full.next(simple))
}

fn model_and_endpoint() -> StateMachine {
    let tags = serde_json::json!([{"Key": "team", "Value": "ml"}]);
    let container = SageMakerContainerDefinition::new()
        .image("123456789012.dkr.ecr.us-east-1.amazonaws.com/churn:1")
        .mode(SageMakerMode::SingleModel)
        .model_data_url(JsonPath::new("$.ModelArtifacts.S3ModelArtifacts"))
        .container_host_name("churn")
        .environment(serde_json::json!({"LEVEL": "info"}));
    let model = SageMakerCreateModel::new("Model", "churn", ROLE, container)
        .enable_network_isolation(true)
        .vpc_config(["sg-created-by-the-cdk"], ["subnet-1"])
        .tags(tags.clone());
    let variant = SageMakerProductionVariant::new("churn", "primary", "m5.large")
        .initial_instance_count(2)
        .initial_variant_weight(1.0);
    let config = SageMakerCreateEndpointConfig::new("Config", "churn-v2", [variant])
        .kms_key("1234")
        .tags(tags.clone());
    let endpoint =
        SageMakerCreateEndpoint::new("Endpoint", "churn", JsonPath::new("$.configName")).tags(tags);
    let update = SageMakerUpdateEndpoint::new("Update", "churn", "churn-v2");
    StateMachine::new(model.next(config).next(endpoint).next(update))
}

/// Where the CDK's `S3Location.fromBucket` puts an object: its URL.
const MODELS: &str = "https://s3.us-east-1.amazonaws.com/models";

fn jobs_jsonata() -> StateMachine {
    let train = SageMakerCreateTrainingJob::new(
        "Train",
        Jsonata::new("$states.input.jobName"),
        ROLE,
        format!("{MODELS}/churn"),
    )
    .jsonata()
    .algorithm_name("BlazingText")
    .hyperparameters(serde_json::json!({"epochs": "{% $string($states.input.epochs) %}"}));
    let score = SageMakerCreateTransformJob::new(
        "Score",
        Jsonata::new("$states.input.scoreName"),
        "churn",
        "s3://in/batch/",
        "s3://out/batch/",
    )
    .jsonata()
    .role("arn:aws:iam::123456789012:role/SageMakerTransform");
    StateMachine::new(train.next(score)).query_language(QueryLanguage::Jsonata)
}

fn model_and_endpoint_jsonata() -> StateMachine {
    let model_name = || Jsonata::new("$states.input.model");
    let config_name = || Jsonata::new("$states.input.config");
    let container = SageMakerContainerDefinition::new()
        .image("123456789012.dkr.ecr.us-east-1.amazonaws.com/churn:1")
        .mode(SageMakerMode::SingleModel)
        .model_data_url(format!("{MODELS}/churn/model.tar.gz"));
    let model = SageMakerCreateModel::new("Model", model_name(), ROLE, container).jsonata();
    let variant = SageMakerProductionVariant::new(model_name(), "primary", "m5.large");
    let config = SageMakerCreateEndpointConfig::new("Config", config_name(), [variant]).jsonata();
    let endpoint = SageMakerCreateEndpoint::new("Endpoint", "churn", config_name()).jsonata();
    let update = SageMakerUpdateEndpoint::new("Update", "churn", config_name()).jsonata();
    StateMachine::new(model.next(config).next(endpoint).next(update))
        .query_language(QueryLanguage::Jsonata)
}

/// The URL of the bucket `data`, where the CDK's `S3Location.fromBucket` points.
const DATA: &str = "https://s3.us-east-1.amazonaws.com/data";

fn training_jsonata_options() -> StateMachine {
    let jsonata = QueryLanguage::Jsonata;
    let train = SageMakerCreateTrainingJob::new("Train", "churn-2", ROLE, format!("{DATA}/out/"))
        .query_language(jsonata)
        .run_job()
        .training_image("123456789012.dkr.ecr.us-east-1.amazonaws.com/xgb:1")
        .training_input_mode(InputMode::Pipe)
        .metric_definition("loss", "loss=(.*)")
        .input_channel(
            SageMakerChannel::new("train", format!("{DATA}/train/"))
                .compression_type(CompressionType::Gzip)
                .content_type("text/csv"),
        )
        .output_kms_key(format!("{KMS}/out"))
        .resource_config(2, "m5.xlarge", 50)
        .max_runtime(Duration::from_secs(7200))
        .tag("team", "ml")
        .environment(serde_json::json!({"LEVEL": "{% $states.input.level %}"}))
        .enable_network_isolation(true);
    let score = SageMakerCreateTransformJob::new(
        "Score",
        "score-2",
        Jsonata::new("$states.input.model"),
        "s3://in/batch/",
        "s3://out/batch/",
    )
    .query_language(jsonata)
    .role("arn:aws:iam::123456789012:role/SageMakerTransform")
    .run_job()
    .batch_strategy(BatchStrategy::MultiRecord)
    .max_concurrent_transforms(2)
    .max_payload_mib(6)
    .model_client_options(1, Duration::from_secs(120))
    .input_content_type("text/csv")
    .input_split_type(SplitType::Line)
    .input_s3_data_type(S3DataType::ManifestFile)
    .output_accept("text/csv")
    .output_assemble_with(AssembleWith::Line)
    .transform_resources(2, "c5.xlarge");
    StateMachine::new(train.next(score))
}

#[test]
fn sagemaker_matches_the_cdk() {
    super::check(CASES);
}

#[test]
fn a_training_job_needs_an_algorithm() {
    let task = SageMakerCreateTrainingJob::new("Train", "j", ROLE, "s3://m/");
    let text = StateMachine::new(task)
        .build()
        .expect_err("no algorithm")
        .to_string();
    assert!(
        text.contains("States.Train.Parameters.AlgorithmSpecification: MISSING_FIELD"),
        "{text}"
    );
}
