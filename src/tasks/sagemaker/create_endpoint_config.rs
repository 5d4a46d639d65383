//! [`SageMakerCreateEndpointConfig`]: `sagemaker:createEndpointConfig`.

use crate::model::Json;
use crate::tasks::pattern::{integration_arn, IntegrationPattern};
use crate::tasks::service::{Render, Rendering};
use crate::tasks::{Input, Integration};

use super::shared::instance_type;

/// Creates a SageMaker endpoint configuration
/// (`arn:aws:states:::sagemaker:createEndpointConfig`); the CDK's
/// `SageMakerCreateEndpointConfig`. Request-response only.
///
/// ```
/// use stepfn::tasks::*;
/// let variant = SageMakerProductionVariant::new("churn-model", "primary", "m5.large")
///     .initial_instance_count(2)
///     .accelerator_type("ml.eia1.medium")
///     .initial_variant_weight(1.0);
/// let state = SageMakerCreateEndpointConfig::new("Config", "churn-v2", [variant])
///     .kms_key("key-id-1")
///     .tags(serde_json::json!([{"Key": "team", "Value": "ml"}]));
/// assert_eq!(state.to_json(), concat!(
///     r#"{"Type":"Task","Resource":"arn:aws:states:::sagemaker:createEndpointConfig","Parameters":{"#,
///     r#""EndpointConfigName":"churn-v2","Tags":[{"Key":"team","Value":"ml"}],"KmsKeyId":"key-id-1","#,
///     r#""ProductionVariants":[{"InitialInstanceCount":2,"InstanceType":"ml.m5.large","ModelName":"churn-model","#,
///     r#""VariantName":"primary","AcceleratorType":"ml.eia1.medium","InitialVariantWeight":1}]},"End":true}"#,
/// ));
/// ```
pub type SageMakerCreateEndpointConfig = Integration<SageMakerCreateEndpointConfigProps>;

/// What a [`SageMakerCreateEndpointConfig`] sends (see there).
#[derive(Debug, Clone)]
pub struct SageMakerCreateEndpointConfigProps {
    config_name: Input<String>,
    variants: Vec<SageMakerProductionVariant>,
    kms_key: Option<String>,
    tags: Option<Input<Json>>,
}

/// One model served by an endpoint (`ProductionVariants` entry; the CDK's
/// `ProductionVariant`). (Example on [`SageMakerCreateEndpointConfig`].)
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub struct SageMakerProductionVariant {
    model_name: Input<String>,
    variant_name: Input<String>,
    instance_type: Input<String>,
    initial_instance_count: Option<Input<i64>>,
    accelerator_type: Option<Input<String>>,
    initial_variant_weight: Option<Input<f64>>,
}

impl SageMakerProductionVariant {
    /// Serves `model_name` as `variant_name` on `instance_type` (`m5.large`
    /// is written `ml.m5.large`). (Example on [`SageMakerCreateEndpointConfig`].)
    pub fn new(
        model_name: impl Into<Input<String>>,
        variant_name: impl Into<Input<String>>,
        instance_type: impl Into<Input<String>>,
    ) -> SageMakerProductionVariant {
        SageMakerProductionVariant {
            model_name: model_name.into(),
            variant_name: variant_name.into(),
            instance_type: instance_type.into(),
            initial_instance_count: None,
            accelerator_type: None,
            initial_variant_weight: None,
        }
    }

    /// Sets `InitialInstanceCount` (1 by default). (Example on [`SageMakerCreateEndpointConfig`].)
    pub fn initial_instance_count(
        mut self,
        count: impl Into<Input<i64>>,
    ) -> SageMakerProductionVariant {
        self.initial_instance_count = Some(count.into());
        self
    }

    /// Sets `AcceleratorType`, such as `ml.eia1.medium`. (Example on [`SageMakerCreateEndpointConfig`].)
    pub fn accelerator_type(
        mut self,
        accelerator: impl Into<Input<String>>,
    ) -> SageMakerProductionVariant {
        self.accelerator_type = Some(accelerator.into());
        self
    }

    /// Sets `InitialVariantWeight`. (Example on [`SageMakerCreateEndpointConfig`].)
    pub fn initial_variant_weight(
        mut self,
        weight: impl Into<Input<f64>>,
    ) -> SageMakerProductionVariant {
        self.initial_variant_weight = Some(weight.into());
        self
    }
}

impl SageMakerCreateEndpointConfig {
    /// Creates the configuration `endpoint_config_name` serving `variants`
    /// (CDK `endpointConfigName`, `productionVariants`). (Example on
    /// [`SageMakerCreateEndpointConfig`].)
    pub fn new(
        name: impl Into<String>,
        endpoint_config_name: impl Into<Input<String>>,
        variants: impl IntoIterator<Item = SageMakerProductionVariant>,
    ) -> SageMakerCreateEndpointConfig {
        Integration::with(
            name,
            SageMakerCreateEndpointConfigProps {
                config_name: endpoint_config_name.into(),
                variants: variants.into_iter().collect(),
                kms_key: None,
                tags: None,
            },
        )
    }

    /// Sets `KmsKeyId`, the ID of the key encrypting the endpoint's storage
    /// (CDK `kmsKey`). (Example on [`SageMakerCreateEndpointConfig`].)
    pub fn kms_key(mut self, key_id: impl Into<String>) -> SageMakerCreateEndpointConfig {
        self.props.kms_key = Some(key_id.into());
        self
    }

    /// Sets `Tags` (CDK `tags`). (Example on [`SageMakerCreateEndpointConfig`].)
    pub fn tags(mut self, tags: impl Into<Input<Json>>) -> SageMakerCreateEndpointConfig {
        self.props.tags = Some(tags.into());
        self
    }
}

impl Render for SageMakerCreateEndpointConfigProps {
    fn render(&self, cx: &mut Rendering<'_>) {
        let mut f = cx.fields();
        f.input("EndpointConfigName", &self.config_name)
            .opt("Tags", self.tags.as_ref());
        if let Some(key) = &self.kms_key {
            f.literal("KmsKeyId", key.clone());
        }
        let variants = self
            .variants
            .iter()
            .map(|v| {
                let mut item = f.child();
                match &v.initial_instance_count {
                    Some(count) => item.input("InitialInstanceCount", count),
                    None => item.int("InitialInstanceCount", 1),
                };
                instance_type(&mut item, "InstanceType", &v.instance_type);
                item.input("ModelName", &v.model_name)
                    .input("VariantName", &v.variant_name)
                    .opt("AcceleratorType", v.accelerator_type.as_ref())
                    .opt("InitialVariantWeight", v.initial_variant_weight.as_ref());
                item
            })
            .collect();
        f.array("ProductionVariants", variants);
        let arn = integration_arn(
            "sagemaker",
            "createEndpointConfig",
            IntegrationPattern::RequestResponse,
        );
        cx.write(arn, Some(f));
    }
}
