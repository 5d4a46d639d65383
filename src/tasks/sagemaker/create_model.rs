//! [`SageMakerCreateModel`]: `sagemaker:createModel`.

use crate::model::Json;
use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::render::Fields;
use crate::tasks::service::{Render, Rendering};
use crate::tasks::{Input, Integration};

use super::SageMakerMode;

/// Creates a SageMaker model (`arn:aws:states:::sagemaker:createModel`);
/// the CDK's `SageMakerCreateModel`. The execution role is required (the
/// CDK would create one). Request-response only.
///
/// ```
/// use stepfn::builder::JsonPath;
/// use stepfn::tasks::*;
/// let container = SageMakerContainerDefinition::new()
///     .image("123456789012.dkr.ecr.us-east-1.amazonaws.com/churn:1")
///     .mode(SageMakerMode::SingleModel)
///     .model_data_url(JsonPath::new("$.ModelArtifacts.S3ModelArtifacts"))
///     .container_host_name("churn")
///     .environment(serde_json::json!({"LEVEL": "info"}));
/// let state = SageMakerCreateModel::new("Model", "churn", "arn:aws:iam::123456789012:role/SageMaker", container)
///     .enable_network_isolation(true)
///     .vpc_config(["sg-1"], ["subnet-1"])
///     .tags(serde_json::json!([{"Key": "team", "Value": "ml"}]));
/// assert_eq!(state.to_json(), concat!(
///     r#"{"Type":"Task","Resource":"arn:aws:states:::sagemaker:createModel","Parameters":{"#,
///     r#""EnableNetworkIsolation":true,"ExecutionRoleArn":"arn:aws:iam::123456789012:role/SageMaker","ModelName":"churn","#,
///     r#""Tags":[{"Key":"team","Value":"ml"}],"PrimaryContainer":{"ContainerHostname":"churn","#,
///     r#""Image":"123456789012.dkr.ecr.us-east-1.amazonaws.com/churn:1","Mode":"SingleModel","#,
///     r#""ModelDataUrl.$":"$.ModelArtifacts.S3ModelArtifacts","Environment":{"LEVEL":"info"}},"#,
///     r#""VpcConfig":{"SecurityGroupIds":["sg-1"],"Subnets":["subnet-1"]}},"End":true}"#,
/// ));
/// ```
pub type SageMakerCreateModel = Integration<SageMakerCreateModelProps>;

/// What a [`SageMakerCreateModel`] sends (see there).
#[derive(Debug, Clone)]
pub struct SageMakerCreateModelProps {
    model_name: Input<String>,
    pub(crate) role_arn: Input<String>,
    primary: SageMakerContainerDefinition,
    containers: Vec<SageMakerContainerDefinition>,
    enable_network_isolation: Option<bool>,
    vpc: Option<(Vec<String>, Vec<String>)>,
    tags: Option<Input<Json>>,
}

/// A container of a model (`PrimaryContainer`, `Containers` entry; the CDK's
/// `ContainerDefinition`). (Example on [`SageMakerCreateModel`].)
#[derive(Debug, Clone, Default, PartialEq)]
#[must_use]
pub struct SageMakerContainerDefinition {
    host_name: Option<Input<String>>,
    image: Option<Input<String>>,
    mode: Option<SageMakerMode>,
    model_data_url: Option<Input<String>>,
    model_package_name: Option<Input<String>>,
    environment: Option<Input<Json>>,
}

impl SageMakerContainerDefinition {
    /// An empty definition. (Example on [`SageMakerCreateModel`].)
    pub fn new() -> SageMakerContainerDefinition {
        SageMakerContainerDefinition::default()
    }

    /// Sets `ContainerHostname` (CDK `containerHostName`). (Example on [`SageMakerCreateModel`].)
    pub fn container_host_name(
        mut self,
        name: impl Into<Input<String>>,
    ) -> SageMakerContainerDefinition {
        self.host_name = Some(name.into());
        self
    }

    /// Sets `Image`, the image URI (CDK `image`). (Example on [`SageMakerCreateModel`].)
    pub fn image(mut self, uri: impl Into<Input<String>>) -> SageMakerContainerDefinition {
        self.image = Some(uri.into());
        self
    }

    /// Sets `Mode` (CDK `mode`). (Example on [`SageMakerCreateModel`].)
    pub fn mode(mut self, mode: SageMakerMode) -> SageMakerContainerDefinition {
        self.mode = Some(mode);
        self
    }

    /// Sets `ModelDataUrl`, the S3 URL of the model artifacts (CDK
    /// `modelS3Location`). (Example on [`SageMakerCreateModel`].)
    pub fn model_data_url(mut self, url: impl Into<Input<String>>) -> SageMakerContainerDefinition {
        self.model_data_url = Some(url.into());
        self
    }

    /// Sets `ModelPackageName` (CDK `modelPackageName`). (Example on [`SageMakerCreateModel`].)
    pub fn model_package_name(
        mut self,
        name: impl Into<Input<String>>,
    ) -> SageMakerContainerDefinition {
        self.model_package_name = Some(name.into());
        self
    }

    /// Sets `Environment` (CDK `environmentVariables`). (Example on [`SageMakerCreateModel`].)
    pub fn environment(
        mut self,
        environment: impl Into<Input<Json>>,
    ) -> SageMakerContainerDefinition {
        self.environment = Some(environment.into());
        self
    }

    fn render(&self, mut f: Fields) -> Fields {
        f.opt("ContainerHostname", self.host_name.as_ref())
            .opt("Image", self.image.as_ref());
        if let Some(mode) = self.mode {
            f.literal("Mode", mode.as_str());
        }
        f.opt("ModelDataUrl", self.model_data_url.as_ref())
            .opt("ModelPackageName", self.model_package_name.as_ref())
            .opt("Environment", self.environment.as_ref());
        f
    }
}

impl SageMakerCreateModel {
    /// Creates the model `model_name` served by `primary_container`, run as
    /// the role `role_arn` (CDK `modelName`, `role`, `primaryContainer`).
    /// (Example on [`SageMakerCreateModel`].)
    pub fn new(
        name: impl Into<String>,
        model_name: impl Into<Input<String>>,
        role_arn: impl Into<Input<String>>,
        primary_container: SageMakerContainerDefinition,
    ) -> SageMakerCreateModel {
        Integration::with(
            name,
            SageMakerCreateModelProps {
                model_name: model_name.into(),
                role_arn: role_arn.into(),
                primary: primary_container,
                containers: Vec::new(),
                enable_network_isolation: None,
                vpc: None,
                tags: None,
            },
        )
    }

    /// Adds a container of an inference pipeline (CDK `containers`).
    ///
    /// ```
    /// use stepfn::tasks::*;
    /// let state = SageMakerCreateModel::new("Model", "m", "arn:aws:iam::1:role/R", SageMakerContainerDefinition::new().image("img:1"))
    ///     .container(SageMakerContainerDefinition::new().model_package_name("pkg"));
    /// assert!(state.to_json().contains(r#""Containers":[{"ModelPackageName":"pkg"}]"#));
    /// ```
    pub fn container(mut self, container: SageMakerContainerDefinition) -> SageMakerCreateModel {
        self.props.containers.push(container);
        self
    }

    /// Sets `EnableNetworkIsolation` (CDK `enableNetworkIsolation`). (Example on [`SageMakerCreateModel`].)
    pub fn enable_network_isolation(mut self, enable: bool) -> SageMakerCreateModel {
        self.props.enable_network_isolation = Some(enable);
        self
    }

    /// Sets `VpcConfig`: security group IDs and subnets (CDK `vpc`,
    /// `subnetSelection`). (Example on [`SageMakerCreateModel`].)
    pub fn vpc_config<S: Into<String>, T: Into<String>>(
        mut self,
        security_group_ids: impl IntoIterator<Item = S>,
        subnets: impl IntoIterator<Item = T>,
    ) -> SageMakerCreateModel {
        let groups = security_group_ids.into_iter().map(Into::into).collect();
        let subnets = subnets.into_iter().map(Into::into).collect();
        self.props.vpc = Some((groups, subnets));
        self
    }

    /// Sets `Tags` (CDK `tags`). (Example on [`SageMakerCreateModel`].)
    pub fn tags(mut self, tags: impl Into<Input<Json>>) -> SageMakerCreateModel {
        self.props.tags = Some(tags.into());
        self
    }
}

impl Render for SageMakerCreateModelProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        let mut f = cx.fields();
        if let Some(isolation) = self.enable_network_isolation {
            f.literal("EnableNetworkIsolation", isolation);
        }
        f.input("ExecutionRoleArn", &self.role_arn)
            .input("ModelName", &self.model_name)
            .opt("Tags", self.tags.as_ref());
        let primary = self.primary.render(f.child());
        f.object("PrimaryContainer", primary);
        if !self.containers.is_empty() {
            let items = self
                .containers
                .iter()
                .map(|c| c.render(f.child()))
                .collect();
            f.array("Containers", items);
        }
        if let Some((groups, subnets)) = &self.vpc {
            let mut vpc = f.child();
            vpc.input("SecurityGroupIds", &Input::from(groups.clone()))
                .input("Subnets", &Input::from(subnets.clone()));
            f.object("VpcConfig", vpc);
        }
        let arn = integration_arn(
            "sagemaker",
            "createModel",
            IntegrationPattern::RequestResponse,
        );
        cx.write(arn, Some(f));
    }
}
