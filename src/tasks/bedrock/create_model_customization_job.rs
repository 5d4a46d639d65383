//! [`BedrockCreateModelCustomizationJob`]: `bedrock:createModelCustomizationJob`.

use crate::model::Json;
use crate::tasks::input::aws_enum;
use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::render::Fields;
use crate::tasks::service::{Render, Rendering};
use crate::tasks::{Input, Integration};

aws_enum! {
    /// How the model is customized (`CustomizationType`).
    CustomizationType {
        /// Fine-tuning on labelled data.
        FineTuning = "FINE_TUNING",
        /// Continued pre-training on unlabelled data.
        ContinuedPreTraining = "CONTINUED_PRE_TRAINING",
        /// Distillation from a teacher model.
        Distillation = "DISTILLATION",
    }
}

/// Starts a Bedrock model customization job
/// (`arn:aws:states:::bedrock:createModelCustomizationJob`); the CDK's
/// `BedrockCreateModelCustomizationJob`. As the CDK writes it, the
/// `Resource` never has a suffix. (In JSONata states the CDK writes
/// `Parameters`, which AWS refuses there; this type writes `Arguments`.)
///
/// ```
/// use stepfn::tasks::*;
/// let state = BedrockCreateModelCustomizationJob::new(
///     "Customize",
///     "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1",
///     "support-bot",
///     "support-bot-job",
///     "arn:aws:iam::123456789012:role/Bedrock",
///     "s3://train/data.jsonl",
///     "s3://out/",
/// )
/// .client_request_token("token-1")
/// .customization_type(CustomizationType::FineTuning)
/// .custom_model_kms_key("arn:aws:kms:us-east-1:123456789012:key/k")
/// .custom_model_tag("team", "support")
/// .hyperparameters(serde_json::json!({"epochCount": "1"}))
/// .job_tag("run", "1")
/// .validation_data("s3://validate/data.jsonl")
/// .vpc_config(["sg-1"], ["subnet-1"]);
/// assert_eq!(state.to_json(), concat!(
///     r#"{"Type":"Task","Resource":"arn:aws:states:::bedrock:createModelCustomizationJob","Parameters":{"#,
///     r#""BaseModelIdentifier":"arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1","#,
///     r#""ClientRequestToken":"token-1","CustomizationType":"FINE_TUNING","#,
///     r#""CustomModelKmsKeyId":"arn:aws:kms:us-east-1:123456789012:key/k","CustomModelName":"support-bot","#,
///     r#""CustomModelTags":[{"Key":"team","Value":"support"}],"HyperParameters":{"epochCount":"1"},"#,
///     r#""JobName":"support-bot-job","JobTags":[{"Key":"run","Value":"1"}],"OutputDataConfig":{"S3Uri":"s3://out/"},"#,
///     r#""RoleArn":"arn:aws:iam::123456789012:role/Bedrock","TrainingDataConfig":{"S3Uri":"s3://train/data.jsonl"},"#,
///     r#""ValidationDataConfig":{"Validators":[{"S3Uri":"s3://validate/data.jsonl"}]},"#,
///     r#""VpcConfig":{"SecurityGroupIds":["sg-1"],"SubnetIds":["subnet-1"]}},"End":true}"#,
/// ));
/// ```
pub type BedrockCreateModelCustomizationJob = Integration<BedrockCreateModelCustomizationJobProps>;

/// What a [`BedrockCreateModelCustomizationJob`] sends (see there).
#[derive(Debug, Clone)]
pub struct BedrockCreateModelCustomizationJobProps {
    base_model: Input<String>,
    custom_model_name: Input<String>,
    job_name: Input<String>,
    pub(crate) role_arn: Input<String>,
    training_uri: Input<String>,
    output_uri: Input<String>,
    client_request_token: Option<Input<String>>,
    customization_type: Option<CustomizationType>,
    kms_key: Option<String>,
    model_tags: Vec<(String, String)>,
    hyperparameters: Option<Input<Json>>,
    job_tags: Vec<(String, String)>,
    validation: Vec<Input<String>>,
    vpc: Option<(Vec<String>, Vec<String>)>,
}

impl BedrockCreateModelCustomizationJob {
    /// Customizes `base_model_arn` into `custom_model_name` with the job
    /// `job_name`, run as `role_arn`, training on `training_data_uri` and
    /// writing to `output_data_uri` (CDK `baseModel`, `customModelName`,
    /// `jobName`, `role`, `trainingData`, `outputData`). (Example on
    /// [`BedrockCreateModelCustomizationJob`].)
    pub fn new(
        name: impl Into<String>,
        base_model_arn: impl Into<Input<String>>,
        custom_model_name: impl Into<Input<String>>,
        job_name: impl Into<Input<String>>,
        role_arn: impl Into<Input<String>>,
        training_data_uri: impl Into<Input<String>>,
        output_data_uri: impl Into<Input<String>>,
    ) -> BedrockCreateModelCustomizationJob {
        Integration::with(
            name,
            BedrockCreateModelCustomizationJobProps {
                base_model: base_model_arn.into(),
                custom_model_name: custom_model_name.into(),
                job_name: job_name.into(),
                role_arn: role_arn.into(),
                training_uri: training_data_uri.into(),
                output_uri: output_data_uri.into(),
                client_request_token: None,
                customization_type: None,
                kms_key: None,
                model_tags: Vec::new(),
                hyperparameters: None,
                job_tags: Vec::new(),
                validation: Vec::new(),
                vpc: None,
            },
        )
    }

    /// Sets `ClientRequestToken` (CDK `clientRequestToken`). (Example on
    /// [`BedrockCreateModelCustomizationJob`].)
    pub fn client_request_token(
        mut self,
        token: impl Into<Input<String>>,
    ) -> BedrockCreateModelCustomizationJob {
        self.props.client_request_token = Some(token.into());
        self
    }

    /// Sets `CustomizationType` (CDK `customizationType`). (Example on
    /// [`BedrockCreateModelCustomizationJob`].)
    pub fn customization_type(
        mut self,
        kind: CustomizationType,
    ) -> BedrockCreateModelCustomizationJob {
        self.props.customization_type = Some(kind);
        self
    }

    /// Sets `CustomModelKmsKeyId` (CDK `customModelKmsKey`). (Example on
    /// [`BedrockCreateModelCustomizationJob`].)
    pub fn custom_model_kms_key(
        mut self,
        key_arn: impl Into<String>,
    ) -> BedrockCreateModelCustomizationJob {
        self.props.kms_key = Some(key_arn.into());
        self
    }

    /// Adds a tag of the custom model (CDK `customModelTags`). (Example on
    /// [`BedrockCreateModelCustomizationJob`].)
    pub fn custom_model_tag(
        mut self,
        key: impl Into<String>,
        value: impl Into<String>,
    ) -> BedrockCreateModelCustomizationJob {
        self.props.model_tags.push((key.into(), value.into()));
        self
    }

    /// Sets `HyperParameters` (CDK `hyperParameters`). (Example on
    /// [`BedrockCreateModelCustomizationJob`].)
    pub fn hyperparameters(
        mut self,
        parameters: impl Into<Input<Json>>,
    ) -> BedrockCreateModelCustomizationJob {
        self.props.hyperparameters = Some(parameters.into());
        self
    }

    /// Adds a tag of the job (CDK `jobTags`). (Example on
    /// [`BedrockCreateModelCustomizationJob`].)
    pub fn job_tag(
        mut self,
        key: impl Into<String>,
        value: impl Into<String>,
    ) -> BedrockCreateModelCustomizationJob {
        self.props.job_tags.push((key.into(), value.into()));
        self
    }

    /// Adds a validation data set (CDK `validationData`). (Example on
    /// [`BedrockCreateModelCustomizationJob`].)
    pub fn validation_data(
        mut self,
        uri: impl Into<Input<String>>,
    ) -> BedrockCreateModelCustomizationJob {
        self.props.validation.push(uri.into());
        self
    }

    /// Sets `VpcConfig`: security group IDs and subnet IDs (CDK `vpcConfig`).
    /// (Example on [`BedrockCreateModelCustomizationJob`].)
    pub fn vpc_config<S: Into<String>, T: Into<String>>(
        mut self,
        security_group_ids: impl IntoIterator<Item = S>,
        subnet_ids: impl IntoIterator<Item = T>,
    ) -> BedrockCreateModelCustomizationJob {
        let groups = security_group_ids.into_iter().map(Into::into).collect();
        let subnets = subnet_ids.into_iter().map(Into::into).collect();
        self.props.vpc = Some((groups, subnets));
        self
    }

    /// Accepted for the CDK's sake, but the CDK writes no `.sync` suffix for
    /// it, and neither does this type: the task returns when the job starts.
    /// (Example on [`BedrockCreateModelCustomizationJob`].)
    pub fn run_job(self) -> BedrockCreateModelCustomizationJob {
        self.pattern(IntegrationPattern::RunJob)
    }
}

/// `[{"Key", "Value"}]`.
fn tags(f: &Fields, tags: &[(String, String)]) -> Vec<Fields> {
    tags.iter()
        .map(|(k, v)| {
            let mut tag = f.child();
            tag.literal("Key", k.clone()).literal("Value", v.clone());
            tag
        })
        .collect()
}

impl Render for BedrockCreateModelCustomizationJobProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        let mut f = cx.fields();
        let evaluation = self
            .hyperparameters
            .as_ref()
            .and_then(Input::literal)
            .is_some_and(
                |h| matches!(h, Json::Object(o) if o.contains_key("Evaluation percentage")),
            );
        if self.validation.is_empty() && !evaluation {
            f.problem(
                "ValidationDataConfig",
                crate::Code::MissingField,
                "give validation data, or the share of the training data to evaluate with as the \
                 `Evaluation percentage` hyperparameter",
            );
        }
        let s3 = |f: &Fields, uri: &Input<String>| {
            let mut object = f.child();
            object.input("S3Uri", uri);
            object
        };
        f.input("BaseModelIdentifier", &self.base_model)
            .opt("ClientRequestToken", self.client_request_token.as_ref());
        if let Some(kind) = self.customization_type {
            f.literal("CustomizationType", kind.as_str());
        }
        if let Some(key) = &self.kms_key {
            f.literal("CustomModelKmsKeyId", key.clone());
        }
        f.input("CustomModelName", &self.custom_model_name);
        if !self.model_tags.is_empty() {
            let items = tags(&f, &self.model_tags);
            f.array("CustomModelTags", items);
        }
        f.opt("HyperParameters", self.hyperparameters.as_ref())
            .input("JobName", &self.job_name);
        if !self.job_tags.is_empty() {
            let items = tags(&f, &self.job_tags);
            f.array("JobTags", items);
        }
        let output = s3(&f, &self.output_uri);
        f.object("OutputDataConfig", output)
            .input("RoleArn", &self.role_arn);
        let training = s3(&f, &self.training_uri);
        f.object("TrainingDataConfig", training);
        if !self.validation.is_empty() {
            let validators = self.validation.iter().map(|uri| s3(&f, uri)).collect();
            let mut config = f.child();
            config.array("Validators", validators);
            f.object("ValidationDataConfig", config);
        }
        if let Some((groups, subnets)) = &self.vpc {
            let mut vpc = f.child();
            vpc.input("SecurityGroupIds", &Input::from(groups.clone()))
                .input("SubnetIds", &Input::from(subnets.clone()));
            f.object("VpcConfig", vpc);
        }
        let arn = integration_arn(
            "bedrock",
            "createModelCustomizationJob",
            IntegrationPattern::RequestResponse,
        );
        cx.write(arn, Some(f));
    }
}
